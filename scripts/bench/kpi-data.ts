/**
 * The data set of `npm run bench:kpis`: the registers and tickets of `npm run bench:export` (without
 * work logs and history, which no KPI reads), made less uniform — late responses and check-ins with
 * their breaches, holds, reopenings — and around them what the other KPIs count: follow-ups of every
 * repair, inspections, complaints, returned goods, survey invitations and answers, service staff with
 * certificates and trainings, tools, outlet reviews with rectification actions and deliveries. All
 * set-based SQL over the generated ids (md5 of a row's number).
 */
import type { Client } from 'pg';
import {
  BENCH_USER,
  BENCH_YEAR,
  type BenchCounts,
  CATEGORIES,
  GIVEN_NAMES,
  type LoadStep,
  type LoadTimes,
  SHANGHAI_MIDNIGHT,
  SURNAMES,
  bulkLoad,
  id,
  loadRegistersAndTickets,
  loadResolveBreaches,
  pick,
} from './export-data';

/** Managers, agents, dispatchers and returns clerks, a quarter each, every other one at an outlet. */
const OFFICE_STAFF = 120;
const SUPPLIERS = 10;
const STAFF_TRAININGS = 60;
const ATTENDEES_PER_TRAINING = 20;
const TOOLS = 600;
const INSPECTIONS = 10_000;

/** A stable pseudo-random bucket of a ticket, 0 to n − 1, from its number. */
const bucket = (column: string, n: number) => `abs(hashtext(${column})) % ${n}`;

export function generateKpiData(client: Client, counts: BenchCounts): Promise<LoadTimes> {
  return bulkLoad(client, 0.42, async (run) => {
    await loadRegistersAndTickets(run, counts);
    await varyTickets(run);
    await loadResolveBreaches(run);
    await loadPeople(run, counts);
    await loadCustomerCare(run, counts);
    await loadReturns(run);
    // A live database holds its rows in the order they were written: tickets as they are reported,
    // follow-ups as they fall due, invitations as they are sent. Generated in number order, they would
    // make every month's rows lie scattered over the whole table.
    await run('tickets (in report order)', 'CLUSTER tickets USING ix_tickets_reported_at');
    await run('follow_ups (in due order)', 'CLUSTER follow_ups USING ix_follow_ups_kind_due');
    await run(
      'survey_invitations (in sending order)',
      'CLUSTER survey_invitations USING ix_survey_invitations_sent',
    );
  });
}

/** Late responses and check-ins with their breaches, holds that moved the resolve deadline, reopenings. */
async function varyTickets(run: LoadStep): Promise<void> {
  await run(
    'tickets (late responses)',
    `UPDATE tickets SET accepted_at = reported_at + interval '5 hours'
      WHERE accepted_at IS NOT NULL AND ${bucket('number', 20)} = 1`,
  );
  await run(
    'ticket_holds',
    `INSERT INTO ticket_holds (ticket_id, reason, started_at, started_by, ended_at, ended_by)
     SELECT id, 'awaiting_parts', checked_in_at + interval '1 hour', technician_id,
            checked_in_at + interval '21 hours', technician_id
       FROM tickets WHERE resolved_at IS NOT NULL AND ${bucket('number', 20)} = 3`,
  );
  await run(
    'tickets (holds)',
    `UPDATE tickets SET paused_ms = 72000000, resolve_due_at = resolve_due_at + interval '20 hours',
                        resolved_at = resolved_at + interval '20 hours'
      WHERE id IN (SELECT ticket_id FROM ticket_holds)`,
  );
  await run(
    'tickets (reopened)',
    `UPDATE tickets SET reopen_count = 1 WHERE resolved_at IS NOT NULL AND ${bucket('number', 50)} = 7`,
  );
  await run(
    'ticket_breaches (response, on site)',
    `INSERT INTO ticket_breaches (ticket_id, deadline, due_at, recorded_at)
     SELECT id, 'response', response_due_at, response_due_at + interval '1 minute'
       FROM tickets WHERE accepted_at > response_due_at
     UNION ALL
     SELECT id, 'on_site', on_site_due_at, on_site_due_at + interval '1 minute'
       FROM tickets WHERE checked_in_at > on_site_due_at`,
  );
}

/**
 * Office staff (a manager in eight with a 售后服务管理师 certificate), certificates, outsourced outlets'
 * agreements, staff trainings, tools, outlet reviews and rectification actions, deliveries.
 */
async function loadPeople(run: LoadStep, counts: BenchCounts): Promise<void> {
  await run(
    'users (office staff)',
    `INSERT INTO users (id, username, display_name, password_hash, roles, outlet_id)
     SELECT ${id('staff-', 'k')}, 'staff' || k, ${pick(SURNAMES, 'random()')} || ${pick(GIVEN_NAMES, 'random()')},
            '!', ARRAY[(ARRAY['manager','agent','dispatcher','returns_clerk'])[1 + k % 4]],
            CASE WHEN k % 2 = 0 THEN ${id('outlet-', `((k - 1) % ${counts.outlets} + 1)`)} END
       FROM generate_series(1, $1::int) AS k`,
    [OFFICE_STAFF],
  );
  await run(
    'qualifications',
    `INSERT INTO qualifications (user_id, type, certificate_number, issuer, issued_on, valid_until, product_categories)
     SELECT ${id('user-', 'k')}, (ARRAY['电工证','制冷与空调作业证','焊工证'])[1 + k % 3], 'ZS' || lpad(k::text, 8, '0'),
            '应急管理局', date '2021-01-01', date '${BENCH_YEAR}-01-01' + floor(random() * 900)::int - 120,
            ARRAY[${pick(CATEGORIES, 'random()')}]
       FROM generate_series(1, $1::int) AS k
     UNION ALL
     SELECT ${id('staff-', 'k')}, '售后服务管理师', 'GL' || lpad(k::text, 8, '0'), '中国商业联合会',
            date '2022-06-01', date '2027-06-01', '{}'
       FROM generate_series(1, $2::int) AS k WHERE k % 8 = 4`,
    [counts.technicians, OFFICE_STAFF],
  );
  await run(
    'outlets (agreements)',
    `UPDATE outlets SET agreement_number = 'XY-' || code, agreement_valid_from = date '2023-01-01',
                        agreement_valid_until = CASE WHEN code LIKE '%2' THEN date '${BENCH_YEAR}-09-30'
                                                     ELSE date '${BENCH_YEAR + 2}-12-31' END
      WHERE kind = 'outsourced'`,
  );
  await run(
    'trainings',
    `INSERT INTO trainings (id, kind, topic, held_on, hours, trainer)
     SELECT ${id('training-', 'k')}, 'staff', '维修安全与服务规范 第' || k || '期',
            date '${BENCH_YEAR}-01-05' + k * 6, 2 + k % 6, '培训中心'
       FROM generate_series(1, $1::int) AS k`,
    [STAFF_TRAININGS],
  );
  await run(
    'training_attendees',
    `INSERT INTO training_attendees (training_id, user_id, name, result)
     SELECT ${id('training-', 'k')}, ${id('user-', `((k * ${ATTENDEES_PER_TRAINING} + j) % ${counts.technicians} + 1)`)},
            '学员', 'passed'
       FROM generate_series(1, $1::int) AS k, generate_series(1, $2::int) AS j`,
    [STAFF_TRAININGS, ATTENDEES_PER_TRAINING],
  );
  await run(
    'tools',
    `INSERT INTO tools (code, name, outlet_id, inspection_interval_months, next_inspection_due, last_inspected_on,
                        last_inspection_result)
     SELECT 'GJ' || lpad(k::text, 5, '0'), (ARRAY['冷媒检漏仪','绝缘电阻表','真空泵','压力表组'])[1 + k % 4],
            ${id('outlet-', `((k - 1) % ${counts.outlets} + 1)`)}, 12, due, due - 365,
            CASE WHEN k % 33 = 0 THEN 'failed' ELSE 'passed' END
       FROM (SELECT k, date '${BENCH_YEAR}-06-01' + floor(random() * 500)::int - 100 AS due
               FROM generate_series(1, $1::int) AS k) s`,
    [TOOLS],
  );
  await run(
    'outlet_reviews',
    `INSERT INTO outlet_reviews (id, outlet_id, year, reviewed_on, reviewer, score, findings)
     SELECT ${id('review-', 'k')}, ${id('outlet-', 'k')}, ${BENCH_YEAR}, date '${BENCH_YEAR}-06-01' + k, '质量部',
            80 + k % 20, '维修记录填写不完整；工具年检标签缺失'
       FROM generate_series(1, $1::int) AS k WHERE k % 5 <> 0`,
    [counts.outlets],
  );
  await run(
    'rectification_actions',
    `INSERT INTO rectification_actions (review_id, description, due_on, status, closed_at, created_at)
     SELECT r.id, '整改措施 ' || j, r.reviewed_on + 30, CASE WHEN j < 3 THEN 'closed' ELSE 'open' END,
            CASE WHEN j < 3 THEN (r.reviewed_on + 20)::timestamp AT TIME ZONE 'Asia/Shanghai' END,
            r.reviewed_on::timestamp AT TIME ZONE 'Asia/Shanghai'
       FROM outlet_reviews r, generate_series(1, 3) AS j`,
  );
  await run(
    'assets (deliveries)',
    `UPDATE assets SET delivered_on = sold_on + 3,
                       accepted_on = CASE WHEN ${bucket('serial_number', 10)} <> 0 THEN sold_on + 5 END`,
  );
}

/** Follow-ups of the repairs, inspections, complaints, a survey's invitations and answers. */
async function loadCustomerCare(run: LoadStep, counts: BenchCounts): Promise<void> {
  await run(
    'follow_ups',
    `INSERT INTO follow_ups (number, kind, status, ticket_id, ticket_resolved_at, customer_id, asset_id, outlet_id,
                             due_at, attempt_count, method, contacted_at, satisfied, score, completed_at,
                             cancelled_at, cancel_reason)
     SELECT 'FU' || substr(number, 3), 'follow_up', visit, id, resolved_at, customer_id, asset_id, outlet_id,
            resolved_at + interval '3 days', CASE WHEN visit = 'unreachable' THEN 3 ELSE 0 END,
            CASE WHEN visit = 'completed' THEN 'phone' END,
            CASE WHEN visit = 'completed' THEN contacted END,
            CASE WHEN visit = 'completed' THEN r_score > 0.1 END,
            CASE WHEN visit = 'completed' THEN 1 + floor(r_score * 5)::int END,
            CASE WHEN visit = 'completed' THEN contacted END,
            CASE WHEN visit = 'cancelled' THEN resolved_at + interval '1 day' END,
            CASE WHEN visit = 'cancelled' THEN '工单重开' END
       FROM (SELECT t.*, random() AS r_score,
                    t.resolved_at + random() * interval '4 days' AS contacted,
                    CASE WHEN t.reopen_count > 0 THEN 'cancelled' WHEN r < 0.86 THEN 'completed'
                         WHEN r < 0.92 THEN 'unreachable' ELSE 'pending' END AS visit
               FROM (SELECT *, random() AS r FROM tickets WHERE resolved_at IS NOT NULL) t) s`,
  );
  await run(
    'follow_ups (inspections)',
    `INSERT INTO follow_ups (number, kind, status, customer_id, asset_id, due_at, contacted_at, completed_at, findings)
     SELECT 'IN${BENCH_YEAR}' || lpad(k::text, 6, '0'), 'inspection', CASE WHEN done THEN 'completed' ELSE 'pending' END,
            ${id('customer-', `((k - 1) % ${counts.customers} + 1)`)}, ${id('asset-', `((k - 1) % ${counts.assets} + 1)`)},
            due, CASE WHEN done THEN due + (random() - 0.8) * interval '5 days' END,
            CASE WHEN done THEN due END, CASE WHEN done THEN '设备运行正常' END
       FROM (SELECT k, ${SHANGHAI_MIDNIGHT} + random() * interval '365 days' AS due, random() < 0.8 AS done
               FROM generate_series(1, $1::int) AS k) s`,
    [INSPECTIONS],
  );
  await run(
    'complaints',
    `INSERT INTO complaints (number, status, customer_id, ticket_id, outlet_id, technician_id, channel, category,
                             severity, description, policy_version_id, received_at, acknowledge_due_at,
                             resolve_due_at, acknowledged_at, resolved_at, root_cause, remedy, corrective_action,
                             closed_at, customer_accepted, created_by)
     SELECT 'CP' || substr(number, 3), stage, customer_id, id, outlet_id, technician_id, 'phone',
            (ARRAY['attitude','quality','timeliness','charges','product','other'])[1 + floor(r * 6)::int],
            CASE WHEN random() < 0.05 THEN 'major' ELSE 'normal' END, '客户对维修结果不满意', policy_version_id,
            received, received + interval '24 hours', received + interval '7 days',
            CASE WHEN stage <> 'received' THEN received + r * interval '30 hours' END,
            CASE WHEN stage IN ('resolved', 'closed') THEN received + r * interval '9 days' END,
            CASE WHEN stage IN ('resolved', 'closed') THEN '未按约定时间上门' END,
            CASE WHEN stage IN ('resolved', 'closed') THEN '上门致歉并免除上门费' END,
            CASE WHEN stage IN ('resolved', 'closed') THEN '改约须提前告知客户' END,
            CASE WHEN stage = 'closed' THEN received + interval '10 days' END,
            CASE WHEN stage = 'closed' THEN r > 0.1 END,
            ${BENCH_USER}
       FROM (SELECT t.*, reported_at + interval '1 day' AS received,
                    CASE WHEN r < 0.05 THEN 'received' WHEN r < 0.1 THEN 'acknowledged'
                         WHEN r < 0.15 THEN 'investigating' WHEN r < 0.5 THEN 'resolved' ELSE 'closed' END AS stage
               FROM (SELECT *, random() AS r FROM tickets WHERE ${bucket('number', 50)} = 11) t) s`,
  );
  await run(
    'survey_templates',
    `INSERT INTO survey_templates (id, name, title_zh, questions, created_by)
     VALUES (${id('survey-', '1')}, '维修服务满意度', '维修服务满意度调查',
             '[{"key":"overall","type":"rating","prompt":{"zh":"总体满意度"},"required":true},
               {"key":"recommend","type":"nps","prompt":{"zh":"推荐意愿"},"required":false}]', ${BENCH_USER})`,
  );
  await run(
    'survey_invitations',
    `INSERT INTO survey_invitations (id, template_id, source, ticket_id, customer_id, email, outlet_id, technician_id,
                                     token_hash, sent_at, expires_at, answered_at)
     SELECT ${id('invitation-', 't.number')}, ${id('survey-', '1')}, 'ticket_closed', t.id, t.customer_id,
            'customer@example.com', t.outlet_id, t.technician_id, md5(t.number) || md5(t.id::text),
            t.closed_at, t.closed_at + interval '30 days',
            CASE WHEN random() < 0.4 THEN t.closed_at + random() * interval '5 days' END
       FROM tickets t WHERE t.closed_at IS NOT NULL AND ${bucket('t.number', 3)} = 0`,
  );
  await run(
    'survey_responses',
    `INSERT INTO survey_responses (invitation_id, answers, csat_score, nps_score, language, answered_at)
     SELECT id, '{}', csat, nps, 'zh', answered_at
       FROM (SELECT id, answered_at, (ARRAY[2,3,4,4,5,5,5])[1 + floor(random() * 7)::int] AS csat,
                    CASE WHEN random() < 0.8 THEN floor(random() * 11)::int END AS nps
               FROM survey_invitations WHERE answered_at IS NOT NULL) s`,
  );
}

/** Returned goods of one ticket in 33, in every state, with qualified suppliers. */
async function loadReturns(run: LoadStep): Promise<void> {
  await run(
    'suppliers',
    `INSERT INTO suppliers (id, code, name, kind, qualified_on, qualified_until)
     SELECT ${id('supplier-', 'k')}, 'GF' || lpad(k::text, 3, '0'), '维修服务商 ' || k, 'repairer',
            date '2020-01-01', date '2030-12-31'
       FROM generate_series(1, $1::int) AS k`,
    [SUPPLIERS],
  );
  await run(
    'returns',
    `INSERT INTO returns (number, status, kind, customer_id, ticket_id, outlet_id, fault, policy_version_id,
                          received_at, received_by, notice_due_at, inspected_at, finding, supplier_id, shipped_at,
                          next_chase_due_at, back_at, vendor_outcome, returned_at, return_method, returned_to_name,
                          refunded_at, refund_amount, scrapped_on, scrapped_at, scrap_method, recycler, settled_at,
                          closed_at, created_by)
     SELECT 'RG' || substr(number, 3), stage, 'repair', customer_id, id, outlet_id, fault, policy_version_id,
            received, ${BENCH_USER}, received + interval '14 days',
            CASE WHEN stage <> 'received' THEN received + interval '4 hours' END,
            CASE WHEN stage <> 'received' THEN 'product_fault' END,
            CASE WHEN shipped THEN ${id('supplier-', `(1 + floor(r * ${SUPPLIERS})::int)`)} END,
            CASE WHEN shipped THEN received + interval '2 days' END,
            CASE WHEN stage = 'shipped_to_vendor' THEN received + interval '9 days' END,
            CASE WHEN back THEN back_at END, CASE WHEN back THEN 'repaired' END,
            CASE WHEN stage IN ('returned_to_customer', 'closed') THEN back_at + interval '1 day' END,
            CASE WHEN stage IN ('returned_to_customer', 'closed') THEN 'courier' END,
            CASE WHEN stage IN ('returned_to_customer', 'closed') THEN '客户' END,
            CASE WHEN stage = 'refunded' THEN back_at + interval '1 day' END,
            CASE WHEN stage = 'refunded' THEN 500 END,
            CASE WHEN stage = 'scrapped' THEN CAST(back_at AT TIME ZONE 'Asia/Shanghai' AS date) + 1 END,
            CASE WHEN stage = 'scrapped' THEN back_at + interval '1 day' END,
            CASE WHEN stage = 'scrapped' THEN 'recycling' END,
            CASE WHEN stage = 'scrapped' THEN '再生资源回收有限公司' END,
            CASE WHEN stage IN ('returned_to_customer', 'closed', 'refunded', 'scrapped') THEN back_at + interval '1 day' END,
            CASE WHEN stage = 'closed' THEN back_at + interval '2 days' END, ${BENCH_USER}
       FROM (SELECT t.*, reported_at + interval '1 day' AS received,
                    reported_at + interval '3 days' + r * interval '20 days' AS back_at,
                    stage NOT IN ('received', 'inspected') AS shipped,
                    stage NOT IN ('received', 'inspected', 'shipped_to_vendor') AS back
               FROM (SELECT *, random() AS r,
                            (ARRAY['received','inspected','shipped_to_vendor','shipped_to_vendor','back_from_vendor',
                                   'returned_to_customer','returned_to_customer','closed','closed','closed','closed',
                                   'closed','refunded','scrapped'])[1 + floor(random() * 14)::int] AS stage
                       FROM tickets WHERE ${bucket('number', 33)} = 5) t) s`,
  );
}
