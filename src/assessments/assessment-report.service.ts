import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import type { Language } from '../common/errors/error-messages';
import { type FormKind, type RecordForm, RecordFormService } from '../evidence/forms/form-printing';
import type { PackFile } from '../evidence/pack/pack-file-sets';
import type { RecordFormContext } from '../evidence/pdf/form-layout';
import type { ExportPeriod } from '../evidence/domain/export-table';
import type { Role } from '../users/domain/roles';
import { renderAssessmentReport } from './assessment-report';
import { type AssessmentView, AssessmentsService } from './assessments.service';

/** Who prints the report: those who prepare the audit and those who check it. */
export const REPORT_READERS: readonly Role[] = ['manager', 'auditor'];

/** The audit pack's folder for the report. */
export const REPORT_PACK_FOLDER = 'assessment';

const SELF_ASSESSMENT_REPORT: FormKind = {
  entityType: 'assessment',
  form: 'self-assessment-report',
  fileTitle: { zh: '售后服务自评报告', en: 'self-assessment-report' },
};

/** An assessment is named by its period: `2026-06-01_2026-06-30`. */
const periodName = (view: AssessmentView) => `${view.assessment.periodFrom}_${view.assessment.periodTo}`;

/**
 * The self-assessment report (自评报告) as a PDF: printed on request like a record form (audit-logged
 * as `evidence.form_printed`), and the latest frozen assessment's report for the audit pack.
 */
@Injectable()
export class AssessmentReportService extends RecordFormService {
  constructor(
    private readonly assessments: AssessmentsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // No sampled evidence type is printed on it: the pack takes the report as a file set of its own.
    super([]);
  }

  async render(id: string, viewer: AuthenticatedUser, context: RecordFormContext): Promise<RecordForm> {
    const view = await this.assessments.view(id, viewer);
    const kpis = await this.assessments.kpisOf(view, viewer);
    return {
      kind: SELF_ASSESSMENT_REPORT,
      number: periodName(view),
      content: renderAssessmentReport(view, kpis, context),
    };
  }

  /**
   * The report of the assessment frozen last among those whose period began by the pack's end, as the
   * audit pack files it; nothing when there is none.
   */
  async *latestFrozenFiles(
    period: ExportPeriod,
    language: Language,
    generatedAt: Date,
  ): AsyncIterable<PackFile> {
    const view = await this.assessments.latestFrozen(period.to);
    if (!view) return;
    const context: RecordFormContext = {
      companyName: this.config.companyName,
      timeZone: this.config.companyTimeZone,
      language,
      printedAt: generatedAt,
    };
    yield {
      path: `${REPORT_PACK_FOLDER}/${periodName(view)}-self-assessment.pdf`,
      records: 1,
      // Frozen, so its KPIs are those stored when it was frozen.
      open: () => Promise.resolve(renderAssessmentReport(view, view.assessment.kpiSnapshot ?? [], context)),
    };
  }
}
