import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser, RequestContext } from '../auth/authenticated-user';
import { Clock } from '../common/clock';
import { DomainError } from '../common/errors/domain-error';
import { ComplaintsService } from '../complaints/complaints.service';
import type { EvidenceCode } from '../evidence/domain/evidence-types';
import { drawSample } from '../evidence/domain/sampling';
import { EvidenceSources } from '../evidence/evidence-sources';
import { ListFollowUpsQueryDto } from '../follow-ups/dto/follow-up-request.dto';
import { FollowUpsService } from '../follow-ups/follow-ups.service';
import { ReturnsService } from '../returns/returns.service';
import { TicketsService } from '../tickets/tickets.service';
import {
  type AssessmentView,
  AssessmentsService,
  assertCompanyWide,
  frozenError,
} from './assessments.service';
import type { RecordReference } from './domain/assessment-fields';
import type { RuleSetItem } from './domain/rule-set';
import {
  CHECKED_EVIDENCE,
  type CheckedEvidence,
  type SampleProblem,
  complaintProblems,
  isCheckedEvidence,
  repairRecordProblems,
  returnProblems,
} from './domain/sample-checks';

export interface SampleChoice {
  /** Defaults to the assessment's id: the same draw every time until another seed is asked for. */
  seed?: string;
  /** Defaults to the rule set's sample size. */
  sampleSize?: number;
}

export interface JudgedRecord extends RecordReference {
  problems: SampleProblem[];
}

/** A sampled result the system proposes for one item, with the records it checked and why each failed. */
export interface Suggestion {
  itemCode: string;
  evidence: CheckedEvidence;
  seed: string;
  sampleSize: number;
  /** The records of the period the sample was drawn from. */
  population: number;
  records: JudgedRecord[];
  checked: number;
  nonConforming: number;
}

/**
 * Suggestions for sampled items from the records themselves: the period's records of the item's
 * evidence type (the same records, and with the same seed the same draw, as the audit pack samples),
 * each judged by the rules of sample-checks.ts. A manager applies one to an item, which records it as
 * the item's sample with the draw that made it.
 */
@Injectable()
export class AssessmentSuggestionsService {
  constructor(
    private readonly assessments: AssessmentsService,
    private readonly sources: EvidenceSources,
    private readonly tickets: TicketsService,
    private readonly followUps: FollowUpsService,
    private readonly complaints: ComplaintsService,
    private readonly returns: ReturnsService,
    private readonly clock: Clock,
  ) {}

  /** A suggestion for every sampled item whose evidence the system can judge. */
  async suggestions(
    id: string,
    choice: SampleChoice,
    viewer: AuthenticatedUser,
  ): Promise<{ view: AssessmentView; suggestions: Suggestion[] }> {
    const view = await this.assessments.view(id, viewer);
    const suggestions: Suggestion[] = [];
    for (const { item } of view.items) {
      const evidence = judgedEvidence(item);
      if (evidence) suggestions.push(await this.suggest(view, item, evidence, choice, viewer));
    }
    return { view, suggestions };
  }

  /** Draws and judges the item's sample again, as the suggestion showed it, and records it on the item. */
  async apply(
    id: string,
    code: string,
    choice: SampleChoice & { expectedVersion?: number },
    context: RequestContext,
  ): Promise<void> {
    const view = await this.assessments.view(id, context.user);
    // Refused before the records are read: a frozen assessment takes no sample.
    if (view.assessment.status === 'frozen') throw frozenError(id);
    const { item } = await this.assessments.itemOf(id, code);
    const evidence = judgedEvidence(item);
    if (!evidence) {
      throw new DomainError(
        'CONFLICT',
        `Item ${code} is not a sampled item whose records the system can judge`,
        { itemCode: code, judged: Object.keys(CHECKED_EVIDENCE) },
        `评分项 ${code} 不是系统能够判定记录的抽样项`,
      );
    }
    const suggestion = await this.suggest(view, item, evidence, choice, context.user);
    if (suggestion.checked === 0) {
      throw new DomainError(
        'CONFLICT',
        `The period holds no ${evidence} records to sample`,
        { itemCode: code, evidence },
        '期间内没有可抽样的记录',
      );
    }
    const { seed, sampleSize, population, records } = suggestion;
    const reference = (record: JudgedRecord): RecordReference => ({
      recordType: record.recordType,
      id: record.id,
      number: record.number,
      problems: record.problems,
    });
    await this.assessments.recordSample(
      id,
      code,
      {
        basis: { evidence, seed, sampleSize, population, records: records.map(reference) },
        nonConforming: records.filter((record) => record.problems.length > 0).map(reference),
      },
      // The sample was judged on the assessment as read here: a change since then is a conflict.
      choice.expectedVersion ?? view.assessment.version,
      context,
    );
  }

  private async suggest(
    view: AssessmentView,
    item: RuleSetItem,
    evidence: CheckedEvidence,
    choice: SampleChoice,
    viewer: AuthenticatedUser,
  ): Promise<Suggestion> {
    assertCompanyWide(viewer);
    const { assessment, ruleSet } = view;
    const seed = choice.seed ?? assessment.id;
    const sampleSize = choice.sampleSize ?? ruleSet.definition.options.sampleSize;
    const source = this.sources.find(evidence);
    const ids: string[] = [];
    if (source) {
      for await (const row of source.rows({ from: assessment.periodFrom, to: assessment.periodTo })) {
        ids.push(String(row.id));
      }
    }
    const now = this.clock.now();
    const records: JudgedRecord[] = [];
    for (const recordId of drawSample(ids, sampleSize, seed)) {
      records.push(await this.judge(evidence, recordId, now, viewer));
    }
    return {
      itemCode: item.code,
      evidence,
      seed,
      sampleSize,
      population: ids.length,
      records,
      checked: records.length,
      nonConforming: records.filter((record) => record.problems.length > 0).length,
    };
  }

  private async judge(
    evidence: CheckedEvidence,
    id: string,
    now: Date,
    viewer: AuthenticatedUser,
  ): Promise<JudgedRecord> {
    switch (evidence) {
      case 'repair-records': {
        const { ticket, workLogs } = await this.tickets.dossier(id, viewer);
        const query = Object.assign(new ListFollowUpsQueryDto(), { ticketId: id, pageSize: 200 });
        const followUps = await this.followUps.list(query, viewer, 'follow_up');
        const problems = repairRecordProblems(
          {
            resolvedAt: ticket.resolvedAt,
            confirmedAt: ticket.confirmedAt,
            workLogCount: workLogs.length,
            followUps: followUps.items,
          },
          now,
        );
        return { recordType: 'ticket', id, number: ticket.number, problems };
      }
      case 'complaints': {
        const complaint = await this.complaints.get(id, viewer);
        return {
          recordType: 'complaint',
          id,
          number: complaint.number,
          problems: complaintProblems(complaint, now),
        };
      }
      case 'returns': {
        const record = await this.returns.get(id, viewer);
        return { recordType: 'return', id, number: record.number, problems: returnProblems(record, now) };
      }
    }
  }
}

/** The first evidence type of a sampled item that the system judges; null when there is none. */
function judgedEvidence(item: RuleSetItem): CheckedEvidence | null {
  if (item.type !== 'sampled') return null;
  return item.evidence.find((code: EvidenceCode): code is CheckedEvidence => isCheckedEvidence(code)) ?? null;
}
