import { Module, OnModuleInit } from '@nestjs/common';
import { AttachmentOwners } from '../attachments/attachment-owners';
import { ALL_ROLES } from '../users/domain/roles';
import { SuppliersService } from './suppliers.service';
import { SUPPLIER_WRITERS, SuppliersController } from './suppliers.controller';

@Module({ controllers: [SuppliersController], providers: [SuppliersService], exports: [SuppliersService] })
export class SuppliersModule implements OnModuleInit {
  constructor(
    private readonly owners: AttachmentOwners,
    private readonly suppliers: SuppliersService,
  ) {}

  /** Qualification documents and evaluation reports are filed on the supplier. */
  onModuleInit(): void {
    this.owners.register({
      ownerType: 'supplier',
      readRoles: ALL_ROLES,
      writeRoles: SUPPLIER_WRITERS,
      visibleTo: async (id) => ((await this.suppliers.exists(id)) ? true : null),
    });
  }
}
