import { Global, Module } from '@nestjs/common';
import { AttachmentOwners } from './attachment-owners';

@Global()
@Module({ providers: [AttachmentOwners], exports: [AttachmentOwners] })
export class AttachmentsModule {}
