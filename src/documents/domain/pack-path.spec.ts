import { documentFilePath, safeSegment, uniquePath } from './pack-path';

describe('documentFilePath', () => {
  it('names the file by document number, version and file name, keeping Chinese', () => {
    expect(documentFilePath('QP-7.5-01', 'V2.1', '售后服务控制程序.pdf')).toBe(
      'documents/QP-7.5-01-V2.1-售后服务控制程序.pdf',
    );
  });

  it('turns separators and reserved characters into _, so the entry stays one file in one folder', () => {
    expect(documentFilePath('SH/QP-01', 'A/0', 'a\\b:c*?"<>|.pdf')).toBe(
      'documents/SH_QP-01-A_0-a_b_c______.pdf',
    );
    expect(documentFilePath('../..', '..', '..')).toBe('documents/__..-..-..');
  });

  it('never gives an empty or hidden name', () => {
    expect(safeSegment('   ')).toBe('_');
    expect(safeSegment('.hidden')).toBe('_hidden');
    expect(safeSegment('tab\there')).toBe('tab_here');
  });
});

describe('uniquePath', () => {
  it('gives each file its own path, numbering the later ones before the extension', () => {
    const taken = new Set<string>();
    expect(uniquePath('documents/A_B-1-x.pdf', taken)).toBe('documents/A_B-1-x.pdf');
    expect(uniquePath('documents/A_B-1-x.pdf', taken)).toBe('documents/A_B-1-x~2.pdf');
    expect(uniquePath('documents/A_B-1-x.pdf', taken)).toBe('documents/A_B-1-x~3.pdf');
    expect(uniquePath('documents/noext', taken)).toBe('documents/noext');
    expect(uniquePath('documents/noext', taken)).toBe('documents/noext~2');
    expect(uniquePath('documents/.pdf', new Set(['documents/.pdf']))).toBe('documents/.pdf~2');
  });
});
