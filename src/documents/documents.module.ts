import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AttachmentOwners } from '../attachments/attachment-owners';
import { AuditModule } from '../audit/audit.module';
import type { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import { ExpirySources } from '../common/expiry/expiry-sources';
import { EvidenceSources } from '../evidence/evidence-sources';
import { PackFileSets } from '../evidence/pack/pack-file-sets';
import { OutletsModule } from '../outlets/outlets.module';
import { ALL_ROLES } from '../users/domain/roles';
import { DocumentActionsService } from './document-actions.service';
import { documentEvidenceSource } from './document-evidence';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { DOCUMENT_OWNER_TYPE } from './domain/document-fields';
import { DOCUMENT_WRITERS } from './domain/document-workflow';

/**
 * The controlled documents register (受控文件, GB/T 27922 规范要求). Exports DocumentsService, whose
 * currentFiles() gives the audit pack the files of the versions in force.
 */
@Module({
  imports: [AuditModule, OutletsModule],
  controllers: [DocumentsController],
  providers: [DocumentsService, DocumentActionsService],
  exports: [DocumentsService],
})
export class DocumentsModule implements OnModuleInit {
  constructor(
    private readonly documents: DocumentsService,
    private readonly owners: AttachmentOwners,
    private readonly expiry: ExpirySources,
    private readonly evidence: EvidenceSources,
    private readonly packFiles: PackFileSets,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The versions' files are attachments of the document, read by whoever may read it; the review
   * dates are watched by the daily expiry check; the register is the `documents` evidence, and the
   * audit pack holds the files of the versions in force.
   */
  onModuleInit(): void {
    this.owners.register({
      ownerType: DOCUMENT_OWNER_TYPE,
      readRoles: ALL_ROLES,
      writeRoles: DOCUMENT_WRITERS,
      visibleTo: (id, user) => this.documents.isVisibleTo(id, user),
    });
    this.expiry.register({ name: 'documents', findExpiring: (until) => this.documents.findExpiring(until) });
    this.evidence.register(documentEvidenceSource(this.dataSource, this.config.companyTimeZone));
    this.packFiles.register({
      folder: 'documents',
      title: {
        zh: '受控文件（期间末现行版本）',
        en: 'Controlled documents (versions in force at the period end)',
      },
      files: (period) => this.documents.currentFiles(period),
    });
  }
}
