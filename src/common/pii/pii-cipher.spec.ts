import { randomBytes } from 'node:crypto';
import { PiiCipher, PiiDecryptionError } from './pii-cipher';

describe('PiiCipher', () => {
  const cipher = new PiiCipher(randomBytes(32));
  const secret = '11010519491231002X';

  it('round-trips a value and never stores it in the clear', () => {
    const sealed = cipher.encrypt(secret);
    expect(sealed).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(sealed).not.toContain(secret);
    expect(cipher.decrypt(sealed)).toBe(secret);
  });

  it('round-trips text beyond ASCII', () => {
    expect(cipher.decrypt(cipher.encrypt('王芳 · 身份证'))).toBe('王芳 · 身份证');
  });

  it('gives a different ciphertext each time (fresh IV)', () => {
    const first = cipher.encrypt(secret);
    const second = cipher.encrypt(secret);
    expect(first).not.toBe(second);
    expect(first.split(':')[1]).not.toBe(second.split(':')[1]);
  });

  it('detects a tampered ciphertext, tag or IV', () => {
    const [version, iv, tag, data] = cipher.encrypt(secret).split(':') as [string, string, string, string];
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[0] = (bytes[0] as number) ^ 0x01;
      return bytes.toString('base64');
    };
    for (const tampered of [
      [version, iv, tag, flip(data)],
      [version, iv, flip(tag), data],
      [version, flip(iv), tag, data],
    ]) {
      expect(() => cipher.decrypt(tampered.join(':'))).toThrow(PiiDecryptionError);
    }
  });

  it('refuses a value sealed under another key', () => {
    const sealed = new PiiCipher(randomBytes(32)).encrypt(secret);
    expect(() => cipher.decrypt(sealed)).toThrow(PiiDecryptionError);
  });

  it('refuses values of an unknown format or with a shortened tag', () => {
    const [, iv, tag, data] = cipher.encrypt(secret).split(':') as [string, string, string, string];
    expect(() => cipher.decrypt(secret)).toThrow(PiiDecryptionError);
    expect(() => cipher.decrypt(['v2', iv, tag, data].join(':'))).toThrow(PiiDecryptionError);
    const shortTag = Buffer.from(tag, 'base64').subarray(0, 4).toString('base64');
    expect(() => cipher.decrypt(['v1', iv, shortTag, data].join(':'))).toThrow(PiiDecryptionError);
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => new PiiCipher(randomBytes(16))).toThrow('32 bytes');
  });
});
