import { Module, OnModuleInit } from '@nestjs/common';
import { AttachmentOwners } from '../attachments/attachment-owners';
import { CatalogModule } from '../catalog/catalog.module';
import { CustomersModule } from '../customers/customers.module';
import { ALL_ROLES } from '../users/domain/roles';
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
  ) {}

  /** Installation photos and commissioning sheets are filed on the unit, under its customer's outlet scope. */
  onModuleInit(): void {
    this.owners.register({
      ownerType: 'asset',
      readRoles: ALL_ROLES,
      writeRoles: ASSET_WRITERS,
      visibleTo: (id, user) => this.assets.isVisibleTo(id, user),
    });
  }
}
