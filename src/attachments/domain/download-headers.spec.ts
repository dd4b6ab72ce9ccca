import { createHash } from 'node:crypto';
import { contentDisposition, downloadHeaders } from './download-headers';

describe('contentDisposition', () => {
  it('gives the UTF-8 name as filename* and an ASCII stand-in as filename', () => {
    const header = contentDisposition('维修记录单 (2026).pdf');
    expect(header).toBe(
      `attachment; filename="_____ (2026).pdf"; filename*=UTF-8''` +
        '%E7%BB%B4%E4%BF%AE%E8%AE%B0%E5%BD%95%E5%8D%95%20%282026%29.pdf',
    );
    const encoded = /filename\*=UTF-8''(.+)$/.exec(header)?.[1] ?? '';
    expect(decodeURIComponent(encoded)).toBe('维修记录单 (2026).pdf');
  });

  it('keeps quotes, backslashes and apostrophes from breaking the header', () => {
    const header = contentDisposition(`a"b\\c'd%.txt`);
    expect(header).toBe(`attachment; filename="a_b_c'd_.txt"; filename*=UTF-8''a%22b%5Cc%27d%25.txt`);
  });
});

describe('downloadHeaders', () => {
  it('carries the SHA-256 as entity tag and digest', () => {
    const bytes = Buffer.from('hello');
    const hex = createHash('sha256').update(bytes).digest('hex');
    expect(downloadHeaders(hex)).toMatchObject({
      ETag: `"${hex}"`,
      'Repr-Digest': `sha-256=:${createHash('sha256').update(bytes).digest('base64')}:`,
      'X-Content-Type-Options': 'nosniff',
    });
  });
});
