import { OutletsModule } from '../outlets/outlets.module';
import { Module, OnModuleInit } from '@nestjs/common';
import { AttachmentOwners } from '../attachments/attachment-owners';
import { AuditModule } from '../audit/audit.module';
import { PiiModule } from '../common/pii/pii.module';
import { ALL_ROLES } from '../users/domain/roles';
import { CUSTOMER_WRITERS, CustomersController } from './customers.controller';
import { CustomersService } from './customers.service';

@Module({
  imports: [AuditModule, PiiModule, OutletsModule],
  controllers: [CustomersController],
  providers: [CustomersService],
  exports: [CustomersService],
})
export class CustomersModule implements OnModuleInit {
  constructor(
    private readonly owners: AttachmentOwners,
    private readonly customers: CustomersService,
  ) {}

  /** Contracts and signed forms are filed on the customer, under the customer's own outlet scope. */
  onModuleInit(): void {
    this.owners.register({
      ownerType: 'customer',
      readRoles: ALL_ROLES,
      writeRoles: CUSTOMER_WRITERS,
      visibleTo: (id, user) => this.customers.isVisibleTo(id, user),
    });
  }
}
