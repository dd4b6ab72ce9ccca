import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
/** The format tag of stored values: a new key or algorithm gets a new version, old values stay readable. */
const FORMAT_VERSION = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A stored value that cannot be decrypted: malformed, tampered with, or sealed under another key. */
export class PiiDecryptionError extends Error {
  constructor(reason: string) {
    super(`Personal data cannot be decrypted: ${reason}`);
    this.name = 'PiiDecryptionError';
  }
}

/**
 * Encrypts personal data at rest (national ID numbers) with AES-256-GCM: a fresh random IV per value,
 * and the authentication tag checked on the way back, so a changed byte is refused rather than misread.
 * Stored as `v1:<iv>:<tag>:<ciphertext>`, each part base64.
 */
export class PiiCipher {
  constructor(private readonly key: Buffer) {
    if (key.length !== KEY_BYTES) {
      throw new Error(`The personal-data key must be ${KEY_BYTES} bytes, not ${key.length}`);
    }
  }

  encrypt(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key, iv, { authTagLength: TAG_BYTES });
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), ciphertext].map((bytes) => bytes.toString('base64'));
    return [FORMAT_VERSION, ...parts].join(':');
  }

  decrypt(stored: string): string {
    const [version, iv, tag, ciphertext, ...extra] = stored.split(':');
    if (version !== FORMAT_VERSION || ciphertext === undefined || extra.length > 0) {
      throw new PiiDecryptionError('unknown format');
    }
    const ivBytes = Buffer.from(iv ?? '', 'base64');
    const tagBytes = Buffer.from(tag ?? '', 'base64');
    if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) {
      throw new PiiDecryptionError('malformed IV or tag');
    }
    const decipher = createDecipheriv(ALGORITHM, this.key, ivBytes, { authTagLength: TAG_BYTES });
    decipher.setAuthTag(tagBytes);
    try {
      return Buffer.concat([decipher.update(ciphertext, 'base64'), decipher.final()]).toString('utf8');
    } catch {
      throw new PiiDecryptionError('authentication failed (tampered value or wrong key)');
    }
  }
}
