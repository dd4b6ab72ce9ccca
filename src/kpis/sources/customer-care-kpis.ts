import type { DataSource } from 'typeorm';
import type { ComplaintStep } from '../../complaints/domain/complaint-fields';
import type { FollowUpKind } from '../../follow-ups/domain/follow-up-fields';
import { SCALES } from '../../surveys/domain/survey-fields';
import { EMPTY_TALLY, isSatisfied, npsClass, scoreFigures } from '../../surveys/domain/survey-scores';
import type { KpiSource } from '../kpi-source';
import { type CohortKpi, cohortSource, withinPeriod } from './sql-cohort';

/** Customer care: follow-ups and inspections, satisfaction surveys, complaints. */

/**
 * A visit is decided once it is no longer pending, or once its due time has passed; it is on time when
 * completed with the customer reached by then (the evidence register's "on time").
 */
function visitKpi(code: CohortKpi['code'], kind: FollowUpKind): CohortKpi {
  return {
    code,
    record: kind,
    member: `f.kind = '${kind}' AND (f.status <> 'pending' OR f.due_at <= :now)`,
    met: `f.status = 'completed' AND f.contacted_at <= f.due_at`,
    id: 'f.id',
    reference: 'f.number',
    facts: {
      status: 'f.status',
      dueAt: 'f.due_at',
      contactedAt: 'f.contacted_at',
      ticketResolvedAt: 'f.ticket_resolved_at',
      attempts: 'f.attempt_count',
    },
    orderBy: ['f.due_at', 'f.number'],
  };
}

/** The scale values each survey rule puts in a class, so that SQL counts by the rules of surveys/domain. */
function scaleValues(scale: keyof typeof SCALES, keep: (value: number) => boolean): number[] {
  const values: number[] = [];
  for (let value = SCALES[scale].min; value <= SCALES[scale].max; value += 1) {
    if (keep(value)) values.push(value);
  }
  return values;
}

const SURVEY_FACTS = {
  customerCode: 'cu.code',
  customerName: 'cu.name',
  sentAt: 'i.sent_at',
  answeredAt: 'i.answered_at',
  csatScore: 'r.csat_score',
  npsScore: 'r.nps_score',
};

/**
 * isStepMissed of complaints/domain/complaint-escalation.ts in SQL: passed by :now and not done by
 * then; decided once missed or done in time.
 */
function complaintStepKpi(code: CohortKpi['code'], step: ComplaintStep): CohortKpi {
  const due = step === 'acknowledge' ? 'c.acknowledge_due_at' : 'c.resolve_due_at';
  const done = step === 'acknowledge' ? 'c.acknowledged_at' : 'c.resolved_at';
  const missed = `(${due} <= :now AND (${done} IS NULL OR ${done} > ${due}))`;
  return {
    code,
    record: 'complaint',
    member: `${missed} OR ${done} <= ${due}`,
    met: `NOT ${missed}`,
    id: 'c.id',
    reference: 'c.number',
    facts: {
      status: 'c.status',
      severity: 'c.severity',
      receivedAt: 'c.received_at',
      dueAt: due,
      doneAt: done,
    },
    orderBy: ['c.received_at', 'c.number'],
  };
}

export function customerCareKpiSources(dataSource: DataSource): KpiSource[] {
  const visits = cohortSource(dataSource, {
    from: () => 'follow_ups f',
    // A cancelled visit (its repair was reopened, or the series ended) was owed to nobody.
    where: `${withinPeriod('f.due_at')} AND f.status <> 'cancelled'`,
    outletColumn: 'f.outlet_id',
    kpis: [visitKpi('follow-up-coverage', 'follow_up'), visitKpi('inspections-on-time', 'inspection')],
  });

  const surveys = cohortSource(dataSource, {
    from: () => `survey_invitations i
      LEFT JOIN survey_responses r ON r.invitation_id = i.id
      LEFT JOIN customers cu ON cu.id = i.customer_id`,
    // The cohort of the survey results: invitations sent in the period, answered whenever.
    where: withinPeriod('i.sent_at'),
    outletColumn: 'i.outlet_id',
    params: {
      satisfiedScores: scaleValues('rating', isSatisfied),
      promoterScores: scaleValues('nps', (score) => npsClass(score) === 'promoter'),
      detractorScores: scaleValues('nps', (score) => npsClass(score) === 'detractor'),
    },
    kpis: [
      {
        code: 'survey-response-rate',
        record: 'survey_invitation',
        member: 'true',
        met: 'i.answered_at IS NOT NULL',
        id: 'i.id',
        reference: 'cu.code',
        facts: SURVEY_FACTS,
        orderBy: ['i.sent_at', 'i.id'],
      },
      {
        code: 'csat',
        record: 'survey_invitation',
        member: 'r.csat_score IS NOT NULL',
        met: 'r.csat_score = ANY(CAST(:satisfiedScores AS int[]))',
        value: 'r.csat_score',
        id: 'i.id',
        reference: 'cu.code',
        facts: SURVEY_FACTS,
        orderBy: ['i.sent_at', 'i.id'],
      },
      {
        code: 'nps',
        record: 'survey_invitation',
        member: 'r.nps_score IS NOT NULL',
        met: `CASE WHEN r.nps_score = ANY(CAST(:promoterScores AS int[])) THEN true
                   WHEN r.nps_score = ANY(CAST(:detractorScores AS int[])) THEN false END`,
        value: 'r.nps_score',
        id: 'i.id',
        reference: 'cu.code',
        facts: SURVEY_FACTS,
        orderBy: ['i.sent_at', 'i.id'],
        figure: ({ members, met, unmet }) => ({
          numerator: met - unmet,
          denominator: members,
          value: scoreFigures({ ...EMPTY_TALLY, npsAnswers: members, promoters: met, detractors: unmet }).nps,
        }),
      },
    ],
  });

  const complaints = cohortSource(dataSource, {
    from: () => 'complaints c',
    where: withinPeriod('c.received_at'),
    outletColumn: 'c.outlet_id',
    kpis: [
      complaintStepKpi('complaint-acknowledged-on-time', 'acknowledge'),
      complaintStepKpi('complaint-resolved-on-time', 'resolve'),
      {
        code: 'complaint-resolution-rate',
        record: 'complaint',
        member: 'true',
        met: 'c.resolved_at IS NOT NULL',
        id: 'c.id',
        reference: 'c.number',
        facts: { status: 'c.status', receivedAt: 'c.received_at', resolvedAt: 'c.resolved_at' },
        orderBy: ['c.received_at', 'c.number'],
      },
      {
        code: 'major-complaints',
        record: 'complaint',
        member: `c.severity = 'major'`,
        id: 'c.id',
        reference: 'c.number',
        facts: { status: 'c.status', category: 'c.category', receivedAt: 'c.received_at' },
        orderBy: ['c.received_at', 'c.number'],
      },
    ],
  });
  return [visits, surveys, complaints];
}
