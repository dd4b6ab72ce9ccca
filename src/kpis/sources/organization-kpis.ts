import type { DataSource } from 'typeorm';
import type { CalendarDate } from '../../common/calendar';
import { reviewStanding } from '../../documents/domain/review-standing';
import { agreementProblems } from '../../outlets/domain/dispatchable';
import type { OutletKind } from '../../outlets/domain/outlet-fields';
import { inspectionStatus } from '../../tools/domain/inspection-status';
import type { InspectionResult } from '../../tools/tool-inspection.entity';
import { yearsOf } from '../domain/kpi-figures';
import { outletsCovering } from '../domain/region-coverage';
import type { KpiRecord, KpiSource } from '../kpi-source';
import { outletCondition, registerSource } from './register-kpis';
import { cohortSource, onPeriodDay, withinPeriod } from './sql-cohort';

/**
 * The service system's set-up: outlets and the regions they cover, outsourced outlets' agreements,
 * yearly reviews and their rectification actions, tools, controlled documents, and deliveries of sold
 * units. Outlets, tools and documents are judged as they stand now, on the as-of day.
 */

interface ActiveOutlet {
  id: string;
  code: string;
  name: string;
  kind: OutletKind;
  region: string | null;
  coverageRegions: string[];
  agreementNumber: string | null;
  agreementValidFrom: CalendarDate | null;
  agreementValidUntil: CalendarDate | null;
}

interface InForceDocument {
  id: string;
  number: string;
  title: string;
  category: string;
  nextReviewOn: CalendarDate | null;
}

interface Tool {
  id: string;
  code: string;
  name: string;
  outletId: string | null;
  nextInspectionDue: CalendarDate | null;
  lastInspectedOn: CalendarDate | null;
  lastInspectionResult: InspectionResult | null;
}

/** Inspection statuses in which a tool is in date: inspected, not failed, not overdue. */
const IN_DATE = ['ok', 'due'];

function outletRecord(outlet: ActiveOutlet, met: boolean, facts: KpiRecord['facts']): KpiRecord {
  return {
    type: 'outlet',
    id: outlet.id,
    reference: outlet.code,
    met,
    value: null,
    facts: { name: outlet.name, kind: outlet.kind, ...facts },
  };
}

export function organizationKpiSources(dataSource: DataSource): KpiSource[] {
  const outlets = registerSource(
    ['sales-region-coverage', 'outsourced-outlets-with-agreement', 'outlets-reviewed'],
    async (scope) => {
      const customers = outletCondition(scope, 'c.outlet_id');
      const { first, last } = yearsOf(scope.period);
      const [active, regions, reviews] = await Promise.all([
        dataSource.query<ActiveOutlet[]>(
          `SELECT o.id, o.code, o.name, o.kind, o.region, o.coverage_regions AS "coverageRegions",
                  o.agreement_number AS "agreementNumber",
                  CAST(o.agreement_valid_from AS text) AS "agreementValidFrom",
                  CAST(o.agreement_valid_until AS text) AS "agreementValidUntil"
             FROM outlets o WHERE o.active AND o.status = 'active' ORDER BY o.code`,
        ),
        dataSource.query<{ region: string; customers: number }[]>(
          `SELECT c.region, count(*)::int AS customers FROM customers c
            WHERE c.active AND c.region IS NOT NULL AND c.region <> ''${customers.sql}
            GROUP BY c.region ORDER BY c.region`,
          customers.params,
        ),
        dataSource.query<{ outletId: string; year: number }[]>(
          `SELECT DISTINCT r.outlet_id AS "outletId", r.year FROM outlet_reviews r
            WHERE r.active AND r.year BETWEEN $1 AND $2 ORDER BY r.year`,
          [first, last],
        ),
      ]);
      // Coverage counts every active outlet; the other two look at the outlet asked about, if any.
      const own = active.filter((outlet) => scope.outletId === null || outlet.id === scope.outletId);
      return [
        {
          code: 'sales-region-coverage',
          records: regions.map(({ region, customers: count }): KpiRecord => {
            const covering = outletsCovering(region, active);
            return {
              type: 'region',
              id: region,
              reference: region,
              met: covering.length > 0,
              value: null,
              facts: { customers: count, coveredBy: covering.map((outlet) => outlet.code) },
            };
          }),
        },
        {
          code: 'outsourced-outlets-with-agreement',
          records: own
            .filter((outlet) => outlet.kind === 'outsourced')
            .map((outlet) => {
              const problems = agreementProblems(outlet, scope.asOf);
              return outletRecord(outlet, problems.length === 0, {
                agreementNumber: outlet.agreementNumber,
                agreementValidFrom: outlet.agreementValidFrom,
                agreementValidUntil: outlet.agreementValidUntil,
                problems: problems.map((problem) => `${problem.field}: ${problem.problem}`),
              });
            }),
        },
        {
          code: 'outlets-reviewed',
          records: own.map((outlet) => {
            const years = reviews
              .filter((review) => review.outletId === outlet.id)
              .map((review) => String(review.year));
            return outletRecord(outlet, years.length > 0, { reviewYears: years });
          }),
        },
      ];
    },
  );

  const tools = registerSource(['tools-inspected-on-time'], async (scope) => {
    const held = outletCondition(scope, 't.outlet_id');
    const rows = await dataSource.query<Tool[]>(
      `SELECT t.id, t.code, t.name, t.outlet_id AS "outletId",
              CAST(t.next_inspection_due AS text) AS "nextInspectionDue",
              CAST(t.last_inspected_on AS text) AS "lastInspectedOn",
              t.last_inspection_result AS "lastInspectionResult"
         FROM tools t WHERE t.active${held.sql} ORDER BY t.code`,
      held.params,
    );
    return [
      {
        code: 'tools-inspected-on-time',
        records: rows.map((tool): KpiRecord => {
          const status = inspectionStatus(tool, scope.asOf);
          return {
            type: 'tool',
            id: tool.id,
            reference: tool.code,
            met: IN_DATE.includes(status),
            value: null,
            facts: {
              name: tool.name,
              outletId: tool.outletId,
              inspectionStatus: status,
              lastInspectedOn: tool.lastInspectedOn,
              nextInspectionDue: tool.nextInspectionDue,
            },
          };
        }),
      },
    ];
  });

  const documents = registerSource(['documents-review-in-date'], async (scope) => {
    const owned = outletCondition(scope, 'd.outlet_id');
    const rows = await dataSource.query<InForceDocument[]>(
      `SELECT d.id, d.number, d.title, d.category, CAST(d.next_review_on AS text) AS "nextReviewOn"
         FROM documents d WHERE d.status = 'current'${owned.sql} ORDER BY d.number`,
      owned.params,
    );
    return [
      {
        code: 'documents-review-in-date',
        records: rows.map((document): KpiRecord => {
          const { reviewStatus, reviewOverdue } = reviewStanding(
            { status: 'current', nextReviewOn: document.nextReviewOn },
            scope.asOf,
          );
          return {
            type: 'document',
            id: document.id,
            reference: document.number,
            met: !reviewOverdue,
            value: null,
            facts: {
              title: document.title,
              category: document.category,
              nextReviewOn: document.nextReviewOn,
              reviewStatus,
            },
          };
        }),
      },
    ];
  });

  const correctiveActions = cohortSource(dataSource, {
    from: () => `rectification_actions a
      JOIN outlet_reviews rv ON rv.id = a.review_id
      LEFT JOIN outlets o ON o.id = rv.outlet_id`,
    where: `a.active AND ${withinPeriod('a.created_at')}`,
    outletColumn: 'rv.outlet_id',
    kpis: [
      {
        code: 'corrective-actions-closed',
        record: 'rectification_action',
        member: 'true',
        met: `a.status = 'closed'`,
        id: 'a.id',
        reference: `concat(o.code, ' ', rv.year)`,
        facts: {
          description: 'a.description',
          raisedAt: 'a.created_at',
          dueOn: 'CAST(a.due_on AS text)',
          closedAt: 'a.closed_at',
        },
        orderBy: ['a.created_at', 'a.id'],
      },
    ],
  });

  const deliveries = cohortSource(dataSource, {
    from: () => 'assets a JOIN customers cu ON cu.id = a.customer_id',
    where: `a.active AND a.delivered_on IS NOT NULL AND ${onPeriodDay('a.delivered_on')}`,
    outletColumn: 'cu.outlet_id',
    kpis: [
      {
        code: 'deliveries-accepted',
        record: 'asset',
        member: 'true',
        met: 'a.accepted_on IS NOT NULL',
        id: 'a.id',
        reference: 'a.serial_number',
        facts: {
          customerCode: 'cu.code',
          deliveredOn: 'CAST(a.delivered_on AS text)',
          acceptedOn: 'CAST(a.accepted_on AS text)',
        },
        orderBy: ['a.delivered_on', 'a.serial_number'],
      },
    ],
  });

  return [outlets, tools, documents, correctiveActions, deliveries];
}
