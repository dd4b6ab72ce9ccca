import type { DataSource } from 'typeorm';
import type { CalendarDate } from '../../common/calendar';
import { certificateStatus } from '../../staff/domain/qualification-status';
import { SERVICE_MANAGER_QUALIFICATION } from '../../staff/staff-evidence';
import { type Role, SERVICE_STAFF_ROLES } from '../../users/domain/roles';
import { yearStartOf } from '../domain/kpi-figures';
import type { KpiRecord, KpiSource } from '../kpi-source';
import { outletCondition, registerSource } from './register-kpis';

/**
 * Staffing and training: certificates judged on the as-of day by staff/domain/qualification-status,
 * training hours from the trainings register. The people are the enabled users as they stand now (the
 * system keeps no history of who was employed when).
 */

interface StaffMember {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  outletId: string | null;
}

interface Certificate {
  id: string;
  userId: string;
  type: string;
  issuedOn: CalendarDate | null;
  validUntil: CalendarDate | null;
}

interface TrainingTotals {
  userId: string;
  hoursInPeriod: string;
  trainingsThisYear: number;
}

/** A certificate in force on a day: issued by then (an unknown issue date counts as issued), not expired. */
function inForce(certificate: Certificate, day: CalendarDate): boolean {
  return (
    (certificate.issuedOn === null || certificate.issuedOn <= day) &&
    certificateStatus(certificate.validUntil, day) !== 'expired'
  );
}

function describe(certificate: Certificate): string {
  return `${certificate.type}（${certificate.validUntil === null ? '长期有效' : `至 ${certificate.validUntil}`}）`;
}

function userRecord(
  person: StaffMember,
  met: boolean,
  facts: KpiRecord['facts'],
  value: number | null = null,
): KpiRecord {
  return {
    type: 'user',
    id: person.id,
    reference: person.username,
    met,
    value,
    facts: { displayName: person.displayName, outletId: person.outletId, ...facts },
  };
}

export function staffKpiSource(dataSource: DataSource): KpiSource {
  return registerSource(
    [
      'qualified-technicians',
      'service-manager-ratio',
      'expiring-certificates',
      'training-hours-per-person',
      'staff-trained-this-year',
    ],
    async (scope) => {
      const { period, asOf } = scope;
      const employed = outletCondition(scope, 'u.outlet_id');
      const [people, certificates, trainings] = await Promise.all([
        dataSource.query<StaffMember[]>(
          `SELECT u.id, u.username, u.display_name AS "displayName", u.roles, u.outlet_id AS "outletId"
             FROM users u WHERE NOT u.disabled${employed.sql}
            ORDER BY u.username`,
          employed.params,
        ),
        dataSource.query<Certificate[]>(
          `SELECT q.id, q.user_id AS "userId", q.type,
                  CAST(q.issued_on AS text) AS "issuedOn", CAST(q.valid_until AS text) AS "validUntil"
             FROM qualifications q JOIN users u ON u.id = q.user_id
            WHERE q.active AND NOT u.disabled${employed.sql}
            ORDER BY q.valid_until NULLS LAST, q.type, q.id`,
          employed.params,
        ),
        dataSource.query<TrainingTotals[]>(
          `SELECT a.user_id AS "userId",
                  COALESCE(sum(t.hours) FILTER (WHERE t.held_on >= CAST($1 AS date)), 0) AS "hoursInPeriod",
                  count(*) FILTER (WHERE t.held_on >= CAST($2 AS date))::int AS "trainingsThisYear"
             FROM training_attendees a JOIN trainings t ON t.id = a.training_id
            WHERE t.kind = 'staff' AND t.active AND a.user_id IS NOT NULL
              AND t.held_on >= least(CAST($1 AS date), CAST($2 AS date)) AND t.held_on <= CAST($3 AS date)
            GROUP BY a.user_id`,
          [period.from, yearStartOf(period), period.to],
        ),
      ]);
      const certificatesOf = (userId: string) => certificates.filter((c) => c.userId === userId);
      const holding = (person: StaffMember, keep: (certificate: Certificate) => boolean) =>
        certificatesOf(person.id).filter((certificate) => keep(certificate) && inForce(certificate, asOf));
      const withRole = (role: Role) => people.filter((person) => person.roles.includes(role));
      const serviceStaff = people.filter((person) =>
        person.roles.some((role) => SERVICE_STAFF_ROLES.includes(role)),
      );
      const trainingOf = (userId: string) => trainings.find((totals) => totals.userId === userId);
      const holderName = (userId: string) => people.find((person) => person.id === userId)?.displayName ?? '';

      return [
        {
          code: 'qualified-technicians',
          records: withRole('technician').map((person) => {
            const held = holding(person, () => true);
            return userRecord(person, held.length > 0, { certificatesInForce: held.map(describe) });
          }),
        },
        {
          code: 'service-manager-ratio',
          records: withRole('manager').map((person) => {
            const held = holding(person, (certificate) => certificate.type === SERVICE_MANAGER_QUALIFICATION);
            return userRecord(person, held.length > 0, { certificatesInForce: held.map(describe) });
          }),
        },
        {
          code: 'expiring-certificates',
          records: certificates
            .filter(
              (certificate) =>
                (certificate.issuedOn === null || certificate.issuedOn <= asOf) &&
                certificateStatus(certificate.validUntil, asOf) === 'expiring',
            )
            .map((certificate) => ({
              type: 'qualification' as const,
              id: certificate.id,
              reference: `${holderName(certificate.userId)}：${certificate.type}`,
              met: true,
              value: null,
              facts: {
                userId: certificate.userId,
                holderName: holderName(certificate.userId),
                type: certificate.type,
                validUntil: certificate.validUntil,
              },
            })),
        },
        {
          code: 'training-hours-per-person',
          records: serviceStaff.map((person) => {
            const hours = Number(trainingOf(person.id)?.hoursInPeriod ?? 0);
            return userRecord(person, true, { hours }, hours);
          }),
        },
        {
          code: 'staff-trained-this-year',
          records: serviceStaff.map((person) => {
            const trainingsThisYear = trainingOf(person.id)?.trainingsThisYear ?? 0;
            return userRecord(person, trainingsThisYear > 0, { trainingsThisYear });
          }),
        },
      ];
    },
  );
}
