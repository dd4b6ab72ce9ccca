import type { DataSource } from 'typeorm';
import { PERIOD_END, PERIOD_START } from '../../evidence/evidence-query';
import type { DeadlineKind } from '../../tickets/domain/ticket-fields';
import { REPEAT_REPAIR_DAYS, SANBAO_REPAIR_DAYS, windowHours } from '../domain/repair-windows';
import type { KpiSource } from '../kpi-source';
import { type CohortKpi, cohortSource, withinPeriod } from './sql-cohort';

/**
 * The repair KPIs over three cohorts of tickets, each one query: those reported in the period
 * (deadlines, 三包, reopenings), the same with the unit's earlier repair (repeat repairs: a costlier
 * join, run beside the others), and those resolved in the period (time to repair, first-time fix).
 * Cancelled tickets are left out of the reported ones: they had no commitment left to keep.
 */

/** Reported in the period; each cohort's rows are found by their own indexed time. */
const REPORTED = `${withinPeriod('t.reported_at')} AND t.status <> 'cancelled'`;

/** Each deadline: the column it is due at, the step that meets it (tickets/domain/ticket-clock.ts). */
const DEADLINES: Readonly<Record<DeadlineKind, { due: string; done: string }>> = {
  response: { due: 't.response_due_at', done: 't.accepted_at' },
  on_site: { due: 't.on_site_due_at', done: 't.checked_in_at' },
  resolve: { due: 't.resolve_due_at', done: 't.resolved_at' },
};

/**
 * isMissed of tickets/domain/ticket-clock.ts in SQL: the deadline has passed by :now and its step was
 * not done by then; the resolve clock stands still while the ticket is on hold, unless the hold began
 * after the deadline had passed. The deadline jobs record a breach exactly when this holds, and it goes
 * on holding, with one exception: a reopening gives the ticket a new resolve deadline, so a reopened
 * ticket whose first resolution was late keeps its recorded resolve breach (`reopened_breach`).
 */
export function missedSql(kind: DeadlineKind): string {
  const { due, done } = DEADLINES[kind];
  const clockRuns = kind === 'resolve' ? ` AND (t.held_since IS NULL OR t.held_since >= ${due})` : '';
  const breached = kind === 'resolve' ? ' OR reopened_breach.id IS NOT NULL' : '';
  return `((${due} <= :now${clockRuns} AND (${done} IS NULL OR ${done} > ${due}))${breached})`;
}

/** A deadline is decided once missed, or once its step was done in time. */
function deadlineKpi(code: CohortKpi['code'], kind: DeadlineKind): CohortKpi {
  const { due, done } = DEADLINES[kind];
  const missed = missedSql(kind);
  return {
    code,
    record: 'ticket',
    member: `${missed} OR ${done} <= ${due}`,
    met: `NOT ${missed}`,
    id: 't.id',
    reference: 't.number',
    facts: {
      status: 't.status',
      priority: 't.priority',
      reportedAt: 't.reported_at',
      dueAt: due,
      doneAt: done,
      breachRecordedAt: `(SELECT b.recorded_at FROM ticket_breaches b WHERE b.ticket_id = t.id AND b.deadline = '${kind}')`,
    },
    orderBy: ['t.reported_at', 't.number'],
  };
}

const sanbaoDue = `t.reported_at + interval '${windowHours(SANBAO_REPAIR_DAYS)} hours'`;
const repeatWindow = `interval '${windowHours(REPEAT_REPAIR_DAYS)} hours'`;

/**
 * The latest earlier repair of the same unit resolved within the window before each report of the
 * period. A unit is its asset record; an unregistered unit its serial number (in any case, as typed).
 * Both are hash joins of the period's reports with the repairs resolved from a window before it.
 */
function previousRepairSql(outlet: (column: string) => string): string {
  const pair = (join: string, where: string) => `
    SELECT c.id, p.resolved_at, p.number
      FROM tickets c JOIN tickets p ON ${join}
                   AND p.resolved_at >= c.reported_at - ${repeatWindow} AND p.resolved_at < c.reported_at
     WHERE ${withinPeriod('c.reported_at')} AND ${where}${outlet('c.outlet_id')}
       AND p.resolved_at >= ${PERIOD_START} - ${repeatWindow} AND p.resolved_at < ${PERIOD_END}`;
  return `(
    SELECT id, max(resolved_at) AS resolved_at, (array_agg(number ORDER BY resolved_at DESC))[1] AS number
      FROM (${pair('p.asset_id = c.asset_id', 'c.asset_id IS NOT NULL')}
            UNION ALL
            ${pair(
              'upper(p.serial_number) = upper(c.serial_number) AND p.asset_id IS NULL',
              'c.asset_id IS NULL AND c.serial_number IS NOT NULL',
            )}) pairs
     GROUP BY id)`;
}

export function ticketKpiSources(dataSource: DataSource): KpiSource[] {
  const reported = cohortSource(dataSource, {
    from: () => `tickets t
      LEFT JOIN ticket_breaches reopened_breach
             ON t.reopen_count > 0 AND reopened_breach.ticket_id = t.id AND reopened_breach.deadline = 'resolve'`,
    where: REPORTED,
    outletColumn: 't.outlet_id',
    kpis: [
      deadlineKpi('response-compliance', 'response'),
      deadlineKpi('on-site-compliance', 'on_site'),
      deadlineKpi('resolve-compliance', 'resolve'),
      {
        code: 'sanbao-repair-30d',
        record: 'ticket',
        member: `t.warranty_status = 'in_warranty' AND (t.resolved_at IS NOT NULL OR :now > ${sanbaoDue})`,
        met: `COALESCE(t.resolved_at <= ${sanbaoDue}, false)`,
        id: 't.id',
        reference: 't.number',
        facts: {
          status: 't.status',
          reportedAt: 't.reported_at',
          dueAt: sanbaoDue,
          resolvedAt: 't.resolved_at',
          warrantyEnd: 'CAST(t.warranty_end AS text)',
        },
        orderBy: ['t.reported_at', 't.number'],
      },
      {
        code: 'reopen-rate',
        record: 'ticket',
        member: 't.resolved_at IS NOT NULL OR t.reopen_count > 0',
        met: 't.reopen_count > 0',
        id: 't.id',
        reference: 't.number',
        facts: {
          status: 't.status',
          reportedAt: 't.reported_at',
          resolvedAt: 't.resolved_at',
          reopenCount: 't.reopen_count',
        },
        orderBy: ['t.reported_at', 't.number'],
      },
    ],
  });

  const repeats = cohortSource(dataSource, {
    from: (outlet) =>
      `tickets t LEFT JOIN ${previousRepairSql(outlet)} previous_repair ON previous_repair.id = t.id`,
    where: REPORTED,
    outletColumn: 't.outlet_id',
    kpis: [
      {
        code: 'repeat-repair-30d',
        record: 'ticket',
        member: 't.asset_id IS NOT NULL OR t.serial_number IS NOT NULL',
        met: 'previous_repair.id IS NOT NULL',
        id: 't.id',
        reference: 't.number',
        facts: {
          serialNumber: 't.serial_number',
          reportedAt: 't.reported_at',
          previousTicket: 'previous_repair.number',
          previousResolvedAt: 'previous_repair.resolved_at',
        },
        orderBy: ['t.reported_at', 't.number'],
      },
    ],
  });

  const resolved = cohortSource(dataSource, {
    from: () =>
      'tickets t LEFT JOIN (SELECT DISTINCT ticket_id FROM ticket_holds) held ON held.ticket_id = t.id',
    where: withinPeriod('t.resolved_at'),
    outletColumn: 't.outlet_id',
    kpis: [
      {
        code: 'mean-time-to-repair',
        record: 'ticket',
        member: 'true',
        // elapsed() of tickets/domain/ticket-clock.ts: report to resolution less the finished holds.
        value: `greatest(0, date_part('epoch', t.resolved_at - t.reported_at) * 1000 - t.paused_ms) / 3600000`,
        id: 't.id',
        reference: 't.number',
        facts: {
          reportedAt: 't.reported_at',
          resolvedAt: 't.resolved_at',
          pausedMinutes: 'round(t.paused_ms / 60000.0, 1)::float8',
        },
        orderBy: ['t.resolved_at', 't.number'],
      },
      {
        code: 'first-time-fix',
        record: 'ticket',
        member: 'true',
        met: 't.reopen_count = 0 AND t.taken_back_at IS NULL AND held.ticket_id IS NULL',
        id: 't.id',
        reference: 't.number',
        facts: {
          resolvedAt: 't.resolved_at',
          held: 'held.ticket_id IS NOT NULL',
          takenBackAt: 't.taken_back_at',
          reopenCount: 't.reopen_count',
        },
        orderBy: ['t.resolved_at', 't.number'],
      },
    ],
  });
  return [reported, repeats, resolved];
}
