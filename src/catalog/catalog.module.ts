import { Module, OnModuleInit } from '@nestjs/common';
import { AttachmentOwners } from '../attachments/attachment-owners';
import { ALL_ROLES } from '../users/domain/roles';
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
  }
}
