import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AttachmentOwners } from '../attachments/attachment-owners';
import type { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import { EvidenceSources } from '../evidence/evidence-sources';
import { ALL_ROLES } from '../users/domain/roles';
import { catalogEvidenceSources } from './catalog-evidence';
import { PartsController } from './parts.controller';
import { PartsService } from './parts.service';
import { CATALOG_WRITERS, ProductsController } from './products.controller';
import { ProductsService } from './products.service';

@Module({
  controllers: [ProductsController, PartsController],
  providers: [ProductsService, PartsService],
  exports: [ProductsService, PartsService],
})
export class CatalogModule implements OnModuleInit {
  constructor(
    private readonly owners: AttachmentOwners,
    private readonly products: ProductsService,
    private readonly parts: PartsService,
    private readonly evidence: EvidenceSources,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Manuals and wiring diagrams go on the product, price approvals on the fee-list line. */
  onModuleInit(): void {
    for (const [ownerType, register] of [
      ['product', this.products],
      ['part', this.parts],
    ] as const) {
      this.owners.register({
        ownerType,
        readRoles: ALL_ROLES,
        writeRoles: CATALOG_WRITERS,
        visibleTo: async (id) => ((await register.exists(id)) ? true : null),
      });
    }
    for (const source of catalogEvidenceSources(this.dataSource, this.config.companyTimeZone)) {
      this.evidence.register(source);
    }
  }
}
