import { OutletsModule } from '../outlets/outlets.module';
import { CustomersModule } from '../customers/customers.module';
import { UsersModule } from '../users/users.module';
import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AttachmentOwners } from '../attachments/attachment-owners';
import { AuditModule } from '../audit/audit.module';
import type { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import { ExpirySources } from '../common/expiry/expiry-sources';
import { EvidenceSources } from '../evidence/evidence-sources';
import { ALL_ROLES } from '../users/domain/roles';
import { STAFF_WRITERS } from './domain/staff-access';
import { PerformanceReviewsController } from './performance-reviews.controller';
import { PerformanceReviewsService } from './performance-reviews.service';
import { QualificationsController } from './qualifications.controller';
import { QualificationsService } from './qualifications.service';
import { staffEvidenceSources } from './staff-evidence';
import { TrainingsController } from './trainings.controller';
import { TrainingsService } from './trainings.service';

/** Staff records: qualifications (资格证书), trainings (培训) and performance reviews (绩效考核). */
@Module({
  imports: [AuditModule, UsersModule, CustomersModule, OutletsModule],
  controllers: [QualificationsController, TrainingsController, PerformanceReviewsController],
  providers: [QualificationsService, TrainingsService, PerformanceReviewsService],
  exports: [QualificationsService],
})
export class StaffModule implements OnModuleInit {
  constructor(
    private readonly owners: AttachmentOwners,
    private readonly expiry: ExpirySources,
    private readonly qualifications: QualificationsService,
    private readonly trainings: TrainingsService,
    private readonly reviews: PerformanceReviewsService,
    private readonly evidence: EvidenceSources,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Certificate scans, sign-in sheets and review forms are filed on their records, readable by whoever
   * may read the record (the services' visibility rules decide, including "your own").
   */
  onModuleInit(): void {
    this.owners.register({
      ownerType: 'qualification',
      readRoles: ALL_ROLES,
      writeRoles: STAFF_WRITERS,
      visibleTo: (id, user) => this.qualifications.isVisibleTo(id, user),
    });
    this.owners.register({
      ownerType: 'training',
      readRoles: ALL_ROLES,
      writeRoles: STAFF_WRITERS,
      visibleTo: (id, user) => this.trainings.isVisibleTo(id, user),
    });
    this.owners.register({
      ownerType: 'performance_review',
      readRoles: ALL_ROLES,
      writeRoles: STAFF_WRITERS,
      visibleTo: (id, user) => this.reviews.isVisibleTo(id, user),
    });
    this.expiry.register({
      name: 'qualifications',
      findExpiring: (until) => this.qualifications.findExpiring(until),
    });
    for (const source of staffEvidenceSources(this.dataSource, this.config.companyTimeZone)) {
      this.evidence.register(source);
    }
  }
}
