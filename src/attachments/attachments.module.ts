import * as path from 'node:path';
import { Global, Module } from '@nestjs/common';
import { MULTER_MODULE_OPTIONS } from '@nestjs/platform-express/multer/files.constants';
import { AuditModule } from '../audit/audit.module';
import type { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import { AttachmentOwners } from './attachment-owners';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';
import { FileStore } from './file-store';
import { LocalFileStore } from './local-file-store';
import { uploadOptions } from './upload-storage';

/** Global so that every module can register the records it lets files be attached to. */
@Global()
@Module({
  imports: [AuditModule],
  controllers: [AttachmentsController],
  providers: [
    AttachmentOwners,
    AttachmentsService,
    {
      provide: FileStore,
      useFactory: (config: AppConfig) => new LocalFileStore(path.join(config.dataDir, 'attachments')),
      inject: [APP_CONFIG],
    },
    // FileInterceptor takes its options from here: the streaming storage engine and the size limit.
    {
      provide: MULTER_MODULE_OPTIONS,
      useFactory: (store: FileStore, config: AppConfig) => uploadOptions(store, config.uploadMaxBytes),
      inject: [FileStore, APP_CONFIG],
    },
  ],
  exports: [AttachmentOwners, AttachmentsService, FileStore],
})
export class AttachmentsModule {}
