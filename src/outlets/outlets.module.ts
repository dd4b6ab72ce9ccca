import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AttachmentOwners } from '../attachments/attachment-owners';
import type { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import { ExpirySources } from '../common/expiry/expiry-sources';
import { EvidenceSources } from '../evidence/evidence-sources';
import { ALL_ROLES } from '../users/domain/roles';
import { OUTLET_KEEPERS } from './domain/outlet-access';
import { outletEvidenceSources } from './outlet-evidence';
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
    private readonly evidence: EvidenceSources,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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
    for (const source of outletEvidenceSources(this.dataSource, this.config.companyTimeZone)) {
      this.evidence.register(source);
    }
  }
}
