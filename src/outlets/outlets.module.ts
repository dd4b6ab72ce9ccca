import { Module, OnModuleInit } from '@nestjs/common';
import { AttachmentOwners } from '../attachments/attachment-owners';
import { ExpirySources } from '../common/expiry/expiry-sources';
import { ALL_ROLES } from '../users/domain/roles';
import { OUTLET_KEEPERS } from './domain/outlet-access';
import { OutletLifecycleService } from './outlet-lifecycle.service';
import { OutletReviewsController } from './outlet-reviews.controller';
import { OutletReviewsService } from './outlet-reviews.service';
import { OutletStaffController } from './outlet-staff.controller';
import { OutletStaffService } from './outlet-staff.service';
import { OutletsController } from './outlets.controller';
import { OutletsService } from './outlets.service';

@Module({
  // OutletReviewsController first: its /outlets/rectification-actions must win over /outlets/:id.
  controllers: [OutletReviewsController, OutletsController, OutletStaffController],
  providers: [OutletsService, OutletLifecycleService, OutletStaffService, OutletReviewsService],
  exports: [OutletsService],
})
export class OutletsModule implements OnModuleInit {
  constructor(
    private readonly owners: AttachmentOwners,
    private readonly expirySources: ExpirySources,
    private readonly outlets: OutletsService,
  ) {}

  onModuleInit(): void {
    // The service agreement and business licence (purposes `agreement`, `licence`) are filed on the outlet.
    this.owners.register({
      ownerType: 'outlet',
      readRoles: ALL_ROLES,
      writeRoles: OUTLET_KEEPERS,
      visibleTo: (id, user) => this.outlets.visibleTo(id, user),
    });
    this.expirySources.register({
      name: 'outlets',
      findExpiring: (until) => this.outlets.findExpiring(until),
    });
  }
}
