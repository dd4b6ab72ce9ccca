import { createHash } from 'node:crypto';
import { Readable, Transform, type TransformCallback } from 'node:stream';

/** What a store reports about the bytes it has kept. */
export interface StoredFile {
  sizeBytes: number;
  /** Lower-case hex SHA-256 of the bytes. */
  sha256: string;
}

/**
 * Where attachment bytes live, by key. The local disk now; an object store later implements the same
 * three calls, so nothing else changes.
 */
export abstract class FileStore {
  /** Streams the content under the key, measuring and hashing it on the way; a failed put leaves nothing. */
  abstract put(key: string, content: Readable): Promise<StoredFile>;

  /** The stored bytes; rejects when there are none under the key. */
  abstract open(key: string): Promise<Readable>;

  /** Removes the bytes; a key with nothing under it is not an error. */
  abstract remove(key: string): Promise<void>;
}

/** Passes bytes through unchanged while counting them and computing their SHA-256, for any store. */
export class DigestStream extends Transform {
  private readonly hash = createHash('sha256');
  private sizeBytes = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.sizeBytes += chunk.length;
    callback(null, chunk);
  }

  /** Call once, after the stream has finished. */
  result(): StoredFile {
    return { sizeBytes: this.sizeBytes, sha256: this.hash.digest('hex') };
  }
}
