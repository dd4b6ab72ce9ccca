import { OutletsModule } from '../outlets/outlets.module';
import { Module, OnModuleInit } from '@nestjs/common';
import { AttachmentOwners } from '../attachments/attachment-owners';
import { AuditModule } from '../audit/audit.module';
import { ExpirySources } from '../common/expiry/expiry-sources';
import { ALL_ROLES } from '../users/domain/roles';
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
  }
}
