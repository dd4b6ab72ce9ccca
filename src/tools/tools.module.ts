import { OutletsModule } from '../outlets/outlets.module';
import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AttachmentOwners } from '../attachments/attachment-owners';
import { AuditModule } from '../audit/audit.module';
import type { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import { ExpirySources } from '../common/expiry/expiry-sources';
import { EvidenceSources } from '../evidence/evidence-sources';
import { ALL_ROLES } from '../users/domain/roles';
import { toolEvidenceSources } from './tool-evidence';
import { TOOL_WRITERS, ToolsController } from './tools.controller';
import { ToolsService } from './tools.service';

@Module({
  imports: [AuditModule, OutletsModule],
  controllers: [ToolsController],
  providers: [ToolsService],
  exports: [ToolsService],
})
export class ToolsModule implements OnModuleInit {
  constructor(
    private readonly owners: AttachmentOwners,
    private readonly expiry: ExpirySources,
    private readonly tools: ToolsService,
    private readonly evidence: EvidenceSources,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Inspection certificates and manuals are filed on the tool; the next inspection date is watched. */
  onModuleInit(): void {
    this.owners.register({
      ownerType: 'tool',
      readRoles: ALL_ROLES,
      writeRoles: TOOL_WRITERS,
      visibleTo: (id, user) => this.tools.isVisibleTo(id, user),
    });
    this.expiry.register({ name: 'tools', findExpiring: (until) => this.tools.findExpiring(until) });
    for (const source of toolEvidenceSources(this.dataSource, this.config.companyTimeZone)) {
      this.evidence.register(source);
    }
  }
}
