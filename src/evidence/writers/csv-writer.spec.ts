import { csvField, guardFormula } from './csv-writer';

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['上海申达机电有限公司', '上海申达机电有限公司'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line 1\nline 2', '"line 1\nline 2"'],
    ['ends with CR\r', '"ends with CR\r"'],
  ])('writes %j as %j', (text, expected) => {
    expect(csvField(text)).toBe(expected);
  });
});

describe('guardFormula', () => {
  it.each(['=SUM(A1:A9)', '+86 138 0000 0000', '-2+3', '@cmd', '\tx', '\rx'])(
    'makes %j text with a leading apostrophe',
    (text) => {
      expect(guardFormula(text)).toBe(`'${text}`);
    },
  );

  it.each(['RT-2026-000001', '压缩机', 'a=b', ''])('leaves %j alone', (text) => {
    expect(guardFormula(text)).toBe(text);
  });
});
