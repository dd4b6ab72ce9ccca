import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { MulterModuleOptions } from '@nestjs/platform-express';
import { DomainError } from '../common/errors/domain-error';
import { invalidFields } from '../common/errors/validation-errors';
import { checkFile } from './domain/file-types';
import type { FileStore } from './file-store';

/** The part of multer's file description the storage engine reads. */
interface IncomingFile {
  originalname: string;
  mimetype: string;
  stream: Readable;
}

/** An uploaded file once it is in the store: `@UploadedFile()` of the upload route. */
export interface StoredUpload {
  fileName: string;
  contentType: string;
  storageKey: string;
  sizeBytes: number;
  sha256: string;
}

type Done<T> = (error: Error | null, info?: T) => void;

/** Spread over two-character folders so that no folder grows to millions of entries. */
function newStorageKey(): string {
  const id = randomUUID();
  return `${id.slice(0, 2)}/${id}`;
}

/**
 * A multer storage engine that streams each file into the FileStore, hashing it on the way, so an
 * upload is never held in memory. The type check comes first: a refused file is never written.
 */
export class FileStoreStorage {
  constructor(private readonly store: FileStore) {}

  _handleFile(_request: unknown, file: IncomingFile, done: Done<StoredUpload>): void {
    const check = checkFile(file.originalname, file.mimetype);
    if (!check.ok) {
      done(
        check.reason === 'bad_name'
          ? invalidFields([{ field: 'file', problems: [check.message] }])
          : new DomainError('UNSUPPORTED_MEDIA_TYPE', check.message, {
              field: 'file',
              fileName: file.originalname,
              contentType: file.mimetype,
            }),
      );
      return;
    }
    const storageKey = newStorageKey();
    this.store.put(storageKey, file.stream).then(
      (stored) =>
        done(null, { fileName: check.fileName, contentType: check.contentType, storageKey, ...stored }),
      (error: Error) => done(error),
    );
  }

  /** Called by multer when the request fails after the file was stored (e.g. it went over the size limit). */
  _removeFile(_request: unknown, file: StoredUpload, done: Done<never>): void {
    this.store.remove(file.storageKey).then(
      () => done(null),
      (error: Error) => done(error),
    );
  }
}

/**
 * Multer's options for the upload route: one file of at most `maxBytes` (larger is 413 and nothing is
 * kept), a few short fields, and UTF-8 file names (Chinese names arrive as browsers send them).
 */
export function uploadOptions(store: FileStore, maxBytes: number): MulterModuleOptions {
  return {
    storage: new FileStoreStorage(store),
    limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 1024 },
    defParamCharset: 'utf8',
  };
}

/**
 * Multer's options for a file read whole in memory (an import, a checklist: an XLSX is a zip): one
 * file of at most `maxBytes`, with its UTF-8 name as browsers send Chinese names.
 */
export function inMemoryUploadOptions(maxBytes: number): MulterModuleOptions {
  return { limits: { fileSize: maxBytes, files: 1 }, defParamCharset: 'utf8' };
}
