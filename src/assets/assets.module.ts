import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AttachmentOwners } from '../attachments/attachment-owners';
import { CatalogModule } from '../catalog/catalog.module';
import type { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import { CustomersModule } from '../customers/customers.module';
import { EvidenceSources } from '../evidence/evidence-sources';
import { ALL_ROLES } from '../users/domain/roles';
import { assetEvidenceSources } from './asset-evidence';
import { ASSET_WRITERS, AssetsController } from './assets.controller';
import { AssetsService } from './assets.service';

@Module({
  imports: [CatalogModule, CustomersModule],
  controllers: [AssetsController],
  providers: [AssetsService],
  exports: [AssetsService],
})
export class AssetsModule implements OnModuleInit {
  constructor(
    private readonly owners: AttachmentOwners,
    private readonly assets: AssetsService,
    private readonly evidence: EvidenceSources,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Installation photos and commissioning sheets are filed on the unit, under its customer's outlet scope. */
  onModuleInit(): void {
    this.owners.register({
      ownerType: 'asset',
      readRoles: ALL_ROLES,
      writeRoles: ASSET_WRITERS,
      visibleTo: (id, user) => this.assets.isVisibleTo(id, user),
    });
    for (const source of assetEvidenceSources(this.dataSource, this.config.companyTimeZone)) {
      this.evidence.register(source);
    }
  }
}
