import { sheetName } from './xlsx-writer';

describe('sheetName', () => {
  it('keeps a short title as it is', () => {
    expect(sheetName('客户报修记录')).toBe('客户报修记录');
  });

  it('replaces the characters Excel forbids and trims quotes', () => {
    expect(sheetName("'维修记录 [2026]: A/B\\C*?'")).toBe('维修记录 2026 A B C');
  });

  it('cuts a title to 31 characters', () => {
    const title = '售后服务手册、法律法规清单、组织机构图、证书、合同等受控文件清单及其版本';
    expect(sheetName(title)).toBe(title.slice(0, 31));
    expect(sheetName('Service manual, legal register, organisation chart')).toHaveLength(31);
  });

  it('falls back to Sheet1 for a title with nothing left', () => {
    expect(sheetName('[]:*?/\\')).toBe('Sheet1');
  });
});
