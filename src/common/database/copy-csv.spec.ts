import { Readable } from 'node:stream';
import { CrlfLines } from './crlf-lines';
import { withLiterals } from './stream-rows';

async function throughCrlf(chunks: string[]): Promise<{ text: string; lines: number }> {
  const transform = new CrlfLines();
  const out: Buffer[] = [];
  for await (const chunk of Readable.from(chunks.map((c) => Buffer.from(c))).pipe(transform)) {
    out.push(chunk as Buffer);
  }
  return { text: Buffer.concat(out).toString('utf8'), lines: transform.lines };
}

describe('CrlfLines', () => {
  it('ends lines with CRLF and counts them', async () => {
    expect(await throughCrlf(['a,b\nc,d\n'])).toEqual({ text: 'a,b\r\nc,d\r\n', lines: 2 });
  });

  it('leaves line breaks inside quoted fields alone, across chunks', async () => {
    expect(await throughCrlf(['1,"first\n', 'second"\n2,"say ""hi""', '\nthere"\n'])).toEqual({
      text: '1,"first\nsecond"\r\n2,"say ""hi""\nthere"\r\n',
      lines: 2,
    });
  });

  it('splits any CSV into chunks anywhere and still ends only the lines outside quotes', async () => {
    const csv = 'a,"b\n""c""\n",d\n\n"",e\n"x,\ny"\nlast\n';
    const expected = 'a,"b\n""c""\n",d\r\n\r\n"",e\r\n"x,\ny"\r\nlast\r\n';
    for (let size = 1; size <= csv.length; size += 1) {
      const chunks: string[] = [];
      for (let at = 0; at < csv.length; at += size) chunks.push(csv.slice(at, at + size));
      expect(await throughCrlf(chunks)).toEqual({ text: expected, lines: 5 });
    }
  });
});

describe('withLiterals', () => {
  it('writes each parameter in as a literal', () => {
    expect(
      withLiterals('SELECT $1, $2, $10, $3, $4, $5', [
        '2026-01-01',
        7,
        true,
        null,
        ["o'k", 'b'],
        0,
        0,
        0,
        0,
        'x',
      ]),
    ).toBe(`SELECT '2026-01-01', 7, 'x', true, NULL, ARRAY['o''k', 'b']`);
  });

  it('leaves placeholders inside quoted text alone', () => {
    expect(withLiterals(`SELECT 'costs $1', $1, 'it''s $2'`, ['a', 'b'])).toBe(
      `SELECT 'costs $1', 'a', 'it''s $2'`,
    );
  });

  it('refuses a value it cannot write', () => {
    expect(() => withLiterals('SELECT $1', [{ a: 1 }])).toThrow(TypeError);
  });
});
