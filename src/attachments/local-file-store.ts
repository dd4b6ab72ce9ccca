import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import * as path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DigestStream, FileStore, type StoredFile } from './file-store';

/** Keys are made by the application, never taken from a request; this keeps them inside the root anyway. */
const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*(\/[A-Za-z0-9][A-Za-z0-9_-]*)*$/;

/** Files on the local disk (or a mounted volume shared by every instance) under one root folder. */
export class LocalFileStore extends FileStore {
  constructor(private readonly root: string) {
    super();
  }

  async put(key: string, content: Readable): Promise<StoredFile> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    // Written aside and renamed into place, so a reader never sees half a file under the key.
    const partial = `${target}.${randomUUID()}.part`;
    const digest = new DigestStream();
    try {
      await pipeline(content, digest, createWriteStream(partial, { flags: 'wx', flush: true }));
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    return digest.result();
  }

  async open(key: string): Promise<Readable> {
    // Opened here rather than lazily by the stream, so a missing file fails before a response starts.
    const handle = await open(this.pathOf(key), 'r');
    return handle.createReadStream();
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    if (!KEY_PATTERN.test(key)) throw new Error(`Invalid storage key "${key}"`);
    return path.join(this.root, ...key.split('/'));
  }
}
