import { Module, type OnModuleInit } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { inMemoryUploadOptions } from '../attachments/upload-storage';
import type { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import { ComplaintsModule } from '../complaints/complaints.module';
import { PackFileSets } from '../evidence/pack/pack-file-sets';
import { FollowUpsModule } from '../follow-ups/follow-ups.module';
import { KpisModule } from '../kpis/kpis.module';
import { ReturnsModule } from '../returns/returns.module';
import { TicketsModule } from '../tickets/tickets.module';
import { AssessmentGapsService } from './assessment-gaps.service';
import { AssessmentReportService, REPORT_PACK_FOLDER } from './assessment-report.service';
import { AssessmentSuggestionsService } from './assessment-suggestions.service';
import { AssessmentsController } from './assessments.controller';
import { AssessmentsService } from './assessments.service';
import { EvidenceReferences } from './evidence-references';
import { RuleSetsController } from './rule-sets.controller';
import { RuleSetsService } from './rule-sets.service';

/**
 * The GB/T 27922 self-assessment: versioned scoring rule sets, assessments scored by the pure rules of
 * domain/scoring.ts, suggestions from the records, the readiness gaps and the report (PDF). Exports
 * AssessmentsService, whose latestFrozen() gives a report the whole of the last frozen assessment.
 */
@Module({
  imports: [
    TicketsModule,
    ReturnsModule,
    ComplaintsModule,
    FollowUpsModule,
    KpisModule,
    // Checklists are read whole (an XLSX is a zip), so they are held in memory up to the upload limit.
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => inMemoryUploadOptions(config.uploadMaxBytes),
    }),
  ],
  controllers: [RuleSetsController, AssessmentsController],
  providers: [
    RuleSetsService,
    AssessmentsService,
    AssessmentSuggestionsService,
    AssessmentGapsService,
    AssessmentReportService,
    EvidenceReferences,
  ],
  exports: [AssessmentsService],
})
export class AssessmentsModule implements OnModuleInit {
  constructor(
    private readonly reports: AssessmentReportService,
    private readonly packFiles: PackFileSets,
  ) {}

  /** The audit pack holds the report of the latest frozen assessment. */
  onModuleInit(): void {
    this.packFiles.register({
      folder: REPORT_PACK_FOLDER,
      title: { zh: '售后服务自评报告（最近一次定稿）', en: 'Self-assessment report (latest frozen)' },
      files: (period, language, generatedAt) => this.reports.latestFrozenFiles(period, language, generatedAt),
    });
  }
}
