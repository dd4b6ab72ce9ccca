import { printable, wrapText } from './text-wrap';

/** Latin characters 1 unit wide, Chinese ones 2, as in a monospaced terminal. */
const measure = (char: string) => (char.charCodeAt(0) > 0x2e80 ? 2 : 1);
const widthOf = (line: string) => [...line].reduce((total, char) => total + measure(char), 0);

describe('wrapText', () => {
  it('keeps text that fits on one line', () => {
    expect(wrapText('压缩机异响', 10, measure)).toEqual(['压缩机异响']);
    expect(wrapText('', 10, measure)).toEqual(['']);
  });

  it('breaks Chinese text between any two characters', () => {
    expect(wrapText('空调不制冷需要上门检修', 8, measure)).toEqual(['空调不制', '冷需要上', '门检修']);
  });

  it('does not start a line with closing punctuation', () => {
    expect(wrapText('空调不制，冷需要检修', 8, measure)).toEqual(['空调不', '制，冷需', '要检修']);
  });

  it('breaks English text at spaces and drops the space at the break', () => {
    expect(wrapText('the compressor is noisy', 10, measure)).toEqual(['the', 'compressor', 'is noisy']);
  });

  it('cuts a word longer than the line', () => {
    expect(wrapText('SN-0123456789ABCDEF', 8, measure)).toEqual(['SN-01234', '56789ABC', 'DEF']);
  });

  it('keeps the line breaks of the text, whatever their kind', () => {
    expect(wrapText('第一行\r\n第二行\r第三行\n', 20, measure)).toEqual(['第一行', '第二行', '第三行', '']);
  });

  it('never makes a line wider than asked', () => {
    const text =
      '客户反映：1号机组 compressor overheating，已更换 PN-778812-X 冷凝风扇（含税 1,280.50 元）"急"';
    for (const width of [4, 7, 12, 25]) {
      const lines = wrapText(text, width, measure);
      for (const line of lines) expect(widthOf(line)).toBeLessThanOrEqual(width);
      expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
    }
  });

  it('gives a character wider than the line a line of its own', () => {
    expect(wrapText('修a', 1, measure)).toEqual(['修', 'a']);
  });
});

describe('printable', () => {
  it('turns tabs into spaces and drops other control characters', () => {
    expect(printable('a\tb\u0000c\u0007d\ne')).toBe('a bcd\ne');
  });
});
