import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { formatDateTime } from '../common/calendar';
import type { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import { ExpiryScanService } from '../common/expiry/expiry-scan.service';
import { ListComplaintsQueryDto } from '../complaints/dto/complaint-request.dto';
import { ComplaintsService } from '../complaints/complaints.service';
import type { EvidenceCode } from '../evidence/domain/evidence-types';
import { EvidenceCatalogService } from '../evidence/evidence-catalog.service';
import { ListFollowUpsQueryDto } from '../follow-ups/dto/follow-up-request.dto';
import { FollowUpsService } from '../follow-ups/follow-ups.service';
import { type AssessmentView, AssessmentsService } from './assessments.service';
import { type ExpiringRecord, type Gap, findGaps } from './domain/gaps';

/** The evidence type a validity that runs out belongs to, by the record it is on. */
const EXPIRY_EVIDENCE: Readonly<Record<string, EvidenceCode>> = {
  qualification: 'qualifications',
  outlet_staff: 'qualifications',
  outlet: 'outlets',
  tool: 'tools',
  document: 'documents',
};

/** How many of the records behind a gap the answer lists (the count covers them all). */
export const GAP_RECORDS_LISTED = 50;

/**
 * The readiness view of an assessment (domain/gaps.ts): its own items, and the records of the period
 * and of today, read through the modules that own them: the evidence catalog, the expiry scan, the
 * overdue follow-ups and complaints lists.
 */
@Injectable()
export class AssessmentGapsService {
  constructor(
    private readonly assessments: AssessmentsService,
    private readonly catalog: EvidenceCatalogService,
    private readonly expiry: ExpiryScanService,
    private readonly followUps: FollowUpsService,
    private readonly complaints: ComplaintsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async gaps(id: string, viewer: AuthenticatedUser): Promise<{ view: AssessmentView; gaps: Gap[] }> {
    const view = await this.assessments.view(id, viewer);
    const { assessment, ruleSet } = view;
    const [catalog, due, followUps, complaints] = await Promise.all([
      this.catalog.catalog({ from: assessment.periodFrom, to: assessment.periodTo }),
      this.expiry.due(),
      this.followUps.list(
        Object.assign(new ListFollowUpsQueryDto(), { overdue: true, pageSize: GAP_RECORDS_LISTED }),
        viewer,
      ),
      this.complaints.list(
        Object.assign(new ListComplaintsQueryDto(), { overdue: true, pageSize: GAP_RECORDS_LISTED }),
        viewer,
      ),
    ]);
    const expiring = due.items.flatMap((entry): ExpiringRecord[] => {
      const evidence = EXPIRY_EVIDENCE[entry.subjectType];
      if (!evidence) return [];
      const state = entry.threshold === 'expired' ? '已过期' : '到期';
      return [
        {
          evidence,
          recordType: entry.subjectType,
          id: entry.subjectId,
          number: null,
          note: `${entry.description} ${entry.validUntil} ${state}`,
        },
      ];
    });
    const gaps = findGaps({
      definition: ruleSet.definition,
      score: view.score,
      nonConformingRecords: new Map(
        view.items.map(({ record }) => [record.itemCode, record.nonConformingRecords]),
      ),
      shortfalls: catalog.entries
        .filter((entry) => !entry.enough)
        .map((entry) => ({ evidence: entry.type.code, count: entry.count, needed: entry.sampleSize })),
      expiring,
      overdueFollowUps: {
        count: followUps.total,
        records: followUps.items.map((visit) => ({
          recordType: 'follow_up',
          id: visit.id,
          number: visit.number,
          note: `应于 ${formatDateTime(visit.dueAt, this.config.companyTimeZone)} 前完成`,
        })),
      },
      overdueComplaints: {
        count: complaints.total,
        records: complaints.items.map((complaint) => ({
          recordType: 'complaint',
          id: complaint.id,
          number: complaint.number,
          note: complaint.status === 'received' ? '逾期未受理' : '逾期未解决',
        })),
      },
    });
    return { view, gaps };
  }
}
