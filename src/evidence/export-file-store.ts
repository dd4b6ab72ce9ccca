import * as path from 'node:path';
import type { Provider } from '@nestjs/common';
import { FileStore } from '../attachments/file-store';
import { LocalFileStore } from '../attachments/local-file-store';
import type { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';

/** The store of built exports: a folder of its own beside the attachments, behind the same three calls. */
export const EXPORT_FILE_STORE = Symbol('EXPORT_FILE_STORE');

export const exportFileStoreProvider: Provider<FileStore> = {
  provide: EXPORT_FILE_STORE,
  useFactory: (config: AppConfig) => new LocalFileStore(path.join(config.dataDir, 'exports')),
  inject: [APP_CONFIG],
};
