import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AttachmentOwners } from '../attachments/attachment-owners';
import type { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import { EvidenceSources } from '../evidence/evidence-sources';
import { ALL_ROLES } from '../users/domain/roles';
import { supplierEvidenceSources } from './supplier-evidence';
import { SuppliersService } from './suppliers.service';
import { SUPPLIER_WRITERS, SuppliersController } from './suppliers.controller';

@Module({ controllers: [SuppliersController], providers: [SuppliersService], exports: [SuppliersService] })
export class SuppliersModule implements OnModuleInit {
  constructor(
    private readonly owners: AttachmentOwners,
    private readonly suppliers: SuppliersService,
    private readonly evidence: EvidenceSources,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Qualification documents and evaluation reports are filed on the supplier. */
  onModuleInit(): void {
    this.owners.register({
      ownerType: 'supplier',
      readRoles: ALL_ROLES,
      writeRoles: SUPPLIER_WRITERS,
      visibleTo: async (id) => ((await this.suppliers.exists(id)) ? true : null),
    });
    for (const source of supplierEvidenceSources(this.dataSource, this.config.companyTimeZone)) {
      this.evidence.register(source);
    }
  }
}
