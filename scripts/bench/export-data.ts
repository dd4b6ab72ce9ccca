/**
 * The data set of `npm run bench:export`: tickets spread over one year with their customers, products,
 * assets, outlets, technicians, work logs, history and missed deadlines, written with set-based SQL
 * (INSERT … SELECT over generate_series) because the API would take hours at 200,000 tickets.
 * Ids are md5 hashes of a row's number, so that each table can point at another without a lookup.
 */
import type { Client } from 'pg';

/** The year the tickets are reported in, as the export period names it. */
export const BENCH_YEAR = 2024;

export const SHANGHAI_MIDNIGHT = `timestamptz '${BENCH_YEAR}-01-01 00:00+08'`;

/** A pseudo-random pick from a literal array, by a number in [0, 1). */
export function pick(values: readonly string[], fraction: string): string {
  const array = `ARRAY[${values.map((value) => `'${value}'`).join(',')}]`;
  return `(${array})[1 + floor(${fraction} * ${values.length})::int]`;
}

export const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
];
export const GIVEN_NAMES = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '涛',
  '明',
];
const CITIES = ['上海', '苏州', '杭州', '南京', '无锡', '宁波', '合肥', '常州', '嘉兴', '南通'];
const COMPANY_WORDS = [
  '恒达精密机械',
  '华通制冷设备',
  '鑫源食品',
  '东方纺织',
  '瑞丰物流',
  '宏远建材',
  '天成电子',
];
const DISTRICTS = ['上海市/浦东新区', '上海市/闵行区', '江苏省/苏州市', '浙江省/杭州市', '江苏省/南京市'];
export const CATEGORIES = ['商用空调', '冷水机组', '数控机床', '工业洗地机', '电动叉车', '柴油发电机组'];
const FAULTS = [
  '开机无显示，电源指示灯不亮',
  '运行时异响明显，伴随振动',
  '压缩机不启动，制冷效果差',
  '显示屏报错 E3，无法进入待机',
  '底部漏水，地面有积水',
  '控制面板按键失灵，无法调节',
  '风扇转速不稳定，噪音大',
  '加热缓慢，温度达不到设定值',
  '运行约二十分钟后自动停机',
  '液压系统压力不足，动作缓慢',
];
const DIAGNOSES = [
  '主板电源模块烧毁，需更换主板',
  '风扇电机轴承磨损，更换电机后正常',
  '启动电容失效，更换后压缩机正常启动',
  '温度传感器阻值漂移，更换传感器',
  '排水管堵塞并老化开裂，疏通并更换排水管',
  '控制面板排线接触不良，重新插接并固定',
  '液压油泄漏，更换密封圈并补油',
];
const WORK_DONE = [
  '上门检测，测量供电电压正常，拆机检查主板',
  '更换故障配件，通电试机运行两小时正常',
  '清洁冷凝器和过滤网，补充冷媒至额定压力',
  '检查线路连接，紧固端子，测试各功能正常',
  '向客户说明日常保养要点，现场清理完毕',
];
/** Spare parts as the fee list has them: code, name, unit price, labour fee per unit fitted. */
const PARTS: [string, string, number, number][] = [
  ['P-1001', '主控板', 680, 120],
  ['P-1002', '风扇电机', 320, 80],
  ['P-1003', '启动电容', 45, 30],
  ['P-1004', '温度传感器', 60, 40],
  ['P-1005', '排水管组件', 35, 20],
  ['P-1006', '液压密封圈套件', 150, 90],
];

export interface BenchCounts {
  tickets: number;
  customers: number;
  products: number;
  assets: number;
  outlets: number;
  technicians: number;
}

export function benchCounts(tickets: number): BenchCounts {
  return {
    tickets,
    customers: Math.max(1, Math.ceil(tickets / 4)),
    products: 120,
    assets: Math.max(1, Math.ceil(tickets / 2)),
    outlets: 40,
    technicians: 300,
  };
}

/** A row's id from its number, so that each table can point at another without a lookup. */
export const id = (prefix: string, n: string) => `md5('${prefix}' || ${n})::uuid`;
/** The hotline agent every generated ticket is registered by. */
export const BENCH_USER = id('user-', '0');

/** Rows written and seconds taken, per table. */
export type LoadTimes = Record<string, { rows: number; seconds: number }>;

/** Runs one set-based statement that fills a table, timing it. */
export type LoadStep = (table: string, sql: string, params?: unknown[]) => Promise<void>;

/**
 * Runs a load with the foreign-key triggers off and the random numbers seeded (the same data every
 * time), then refreshes the planner's statistics; returns what each step wrote.
 */
export async function bulkLoad(
  client: Client,
  seed: number,
  load: (run: LoadStep) => Promise<void>,
): Promise<LoadTimes> {
  const written: LoadTimes = {};
  const run: LoadStep = async (table, sql, params = []) => {
    const started = Date.now();
    const result = await client.query(sql, params);
    written[table] = { rows: result.rowCount ?? 0, seconds: (Date.now() - started) / 1000 };
  };
  // Every reference is made consistent by construction; skipping the foreign-key triggers roughly
  // halves the load time. Needs a superuser: without one the load is only slower.
  await client.query(`SET session_replication_role = replica`).catch(() => undefined);
  await client.query(`SELECT setseed($1)`, [seed]);
  await load(run);
  await client.query(`SET session_replication_role = DEFAULT`).catch(() => undefined);
  await client.query(`ANALYZE`);
  return written;
}

/** Fills the (migrated, empty) database; returns the rows written and the seconds taken per table. */
export function generateExportData(client: Client, counts: BenchCounts): Promise<LoadTimes> {
  return bulkLoad(client, 0.27, async (run) => {
    await loadRegistersAndTickets(run, counts);
    await loadTicketWork(run);
    await loadResolveBreaches(run);
  });
}

/** Outlets, technicians, customers, products, sold units and the year's tickets. */
export async function loadRegistersAndTickets(run: LoadStep, counts: BenchCounts): Promise<void> {
  await run(
    'outlets',
    `INSERT INTO outlets (id, code, name, kind, status, region, coverage_regions, phone, manager_name)
     SELECT ${id('outlet-', 'k')}, 'OUT-' || lpad(k::text, 3, '0'),
            ${pick(CITIES, '((k - 1) % 10) / 10.0')} || (ARRAY['浦东','城东','城西','城南','高新'])[1 + (k - 1) / 10 % 5] || '服务站',
            CASE WHEN k % 3 = 0 THEN 'outsourced' ELSE 'own' END, 'active',
            ${pick(DISTRICTS, '((k - 1) % 5) / 5.0')}, ARRAY[${pick(DISTRICTS, '((k - 1) % 5) / 5.0')}],
            '021-' || lpad((5000000 + k)::text, 8, '0'), ${pick(SURNAMES, 'random()')} || '经理'
       FROM generate_series(1, $1::int) AS k`,
    [counts.outlets],
  );
  await run(
    'users',
    `INSERT INTO users (id, username, display_name, password_hash, roles, outlet_id)
     SELECT ${BENCH_USER}, 'bench-agent', '基准测试坐席', '!', ARRAY['agent'], NULL
     UNION ALL
     SELECT ${id('user-', 'k')}, 'tech' || k,
            ${pick(SURNAMES, 'random()')} || ${pick(GIVEN_NAMES, 'random()')},
            '!', ARRAY['technician'], ${id('outlet-', `((k - 1) % ${counts.outlets} + 1)`)}
       FROM generate_series(1, $1::int) AS k`,
    [counts.technicians],
  );
  await run(
    'customers',
    `INSERT INTO customers (id, code, kind, name, phone, contacts, region, zone, address)
     SELECT ${id('customer-', 'k')}, 'KH' || lpad(k::text, 7, '0'),
            CASE WHEN k % 5 = 0 THEN 'company' ELSE 'person' END,
            CASE WHEN k % 5 = 0
              THEN ${pick(CITIES, 'random()')} || ${pick(COMPANY_WORDS, 'random()')} || '有限公司'
              ELSE ${pick(SURNAMES, 'random()')} || ${pick(GIVEN_NAMES, 'random()')} END,
            '139' || lpad(k::text, 8, '0'),
            jsonb_build_array(jsonb_build_object('name', ${pick(SURNAMES, 'random()')} || '先生',
              'phone', '137' || lpad(k::text, 8, '0'), 'role', '设备管理员')),
            ${pick(DISTRICTS, 'random()')}, (ARRAY['urban','suburban','rural'])[1 + k % 3],
            ${pick(CITIES, 'random()')} || '市工业园区' || (k % 300 + 1) || '号'
       FROM generate_series(1, $1::int) AS k`,
    [counts.customers],
  );
  await run(
    'products',
    `INSERT INTO products (id, sku, name, category, brand, model, warranty_months)
     SELECT ${id('product-', 'k')}, 'SKU-' || lpad(k::text, 5, '0'),
            (ARRAY[${CATEGORIES.map((c) => `'${c}'`).join(',')}])[1 + k % ${CATEGORIES.length}] || ' ' ||
              (ARRAY['KF','LS','CK','XD','CC','FD'])[1 + k % 6] || '-' || (100 + k),
            (ARRAY[${CATEGORIES.map((c) => `'${c}'`).join(',')}])[1 + k % ${CATEGORIES.length}],
            '博凯', (ARRAY['KF','LS','CK','XD','CC','FD'])[1 + k % 6] || '-' || (100 + k),
            (ARRAY[12, 24, 36])[1 + k % 3]
       FROM generate_series(1, $1::int) AS k`,
    [counts.products],
  );
  await run(
    'assets',
    `INSERT INTO assets (id, serial_number, product_id, customer_id, sold_on, installed_on, installed_by,
                         installation_address, standard_warranty_end)
     SELECT ${id('asset-', 'k')}, 'SN' || lpad(k::text, 9, '0'),
            ${id('product-', `((k - 1) % ${counts.products} + 1)`)},
            ${id('customer-', `((k - 1) % ${counts.customers} + 1)`)},
            sold, sold + 7, ${pick(SURNAMES, 'random()')} || '师傅',
            ${pick(CITIES, 'random()')} || '市工业园区' || (k % 300 + 1) || '号', sold + 730
       FROM (SELECT k, date '2021-06-01' + (random() * 1000)::int AS sold FROM generate_series(1, $1::int) AS k) s`,
    [counts.assets],
  );

  const parts = PARTS.map(
    ([code, name, price, fee]) =>
      `jsonb_build_object('partId', ${id('part-', `'${code}'`)}, 'code', '${code}', 'name', '${name}', 'unitPrice', ${price}, 'labourFee', ${fee})`,
  ).join(',');
  await run(
    'tickets',
    `WITH s AS (
       SELECT g, (g - 1) % ${counts.assets} + 1 AS a,
              random() AS r_day, random() AS r_minute, random() AS r_status, random() AS r_priority,
              random() AS r_fix, random() AS r_warranty, random() AS r_cause, random() AS r_part
         FROM generate_series(1, $1::int) AS g),
     d AS (
       SELECT s.*,
              ${SHANGHAI_MIDNIGHT} + floor(r_day * 366) * interval '1 day'
                + interval '8 hours' + floor(r_minute * 660) * interval '1 minute' AS reported,
              CASE WHEN r_status < 0.04 THEN 'cancelled' WHEN r_status < 0.06 THEN 'reported'
                   WHEN r_status < 0.08 THEN 'dispatched' WHEN r_status < 0.10 THEN 'accepted'
                   WHEN r_status < 0.11 THEN 'on_site' WHEN r_status < 0.12 THEN 'diagnosed'
                   WHEN r_status < 0.30 THEN 'resolved' ELSE 'closed' END AS status,
              CASE WHEN r_priority < 0.05 THEN 'urgent' WHEN r_priority < 0.25 THEN 'high'
                   WHEN r_priority < 0.85 THEN 'normal' ELSE 'low' END AS priority,
              CASE WHEN r_warranty < 0.6 THEN 'in_warranty' WHEN r_warranty < 0.95 THEN 'out_of_warranty'
                   ELSE 'unknown' END AS warranty,
              CASE WHEN r_cause < 0.6 THEN 'product_fault' WHEN r_cause < 0.85 THEN 'wear'
                   WHEN r_cause < 0.95 THEN 'human_damage' ELSE 'unknown' END AS cause,
              (ARRAY[${parts}])[1 + floor(r_part * ${PARTS.length})::int] AS part,
              1 + floor(r_fix * 2)::int AS quantity,
              (g - 1) % ${counts.technicians} + 1 AS tech,
              (ARRAY['urban','suburban','rural'])[1 + ((g - 1) % ${counts.assets} % ${counts.customers} + 1) % 3] AS zone
         FROM s),
     e AS (
       SELECT d.*,
              status NOT IN ('cancelled', 'reported') AS dispatched,
              status NOT IN ('cancelled', 'reported', 'dispatched') AS accepted,
              status IN ('on_site', 'diagnosed', 'resolved', 'closed') AS on_site,
              status IN ('diagnosed', 'resolved', 'closed') AS diagnosed,
              status IN ('resolved', 'closed') AS resolved,
              CASE priority WHEN 'urgent' THEN 1 WHEN 'high' THEN 2 WHEN 'normal' THEN 4 ELSE 8 END AS response_h,
              CASE priority WHEN 'urgent' THEN 4 WHEN 'high' THEN 12 WHEN 'normal' THEN 24 ELSE 48 END
                * CASE zone WHEN 'urban' THEN 1 WHEN 'suburban' THEN 2 ELSE 3 END AS on_site_h,
              CASE priority WHEN 'urgent' THEN 24 WHEN 'high' THEN 48 WHEN 'normal' THEN 72 ELSE 120 END AS resolve_h,
              reported + interval '2 hours' + r_fix * interval '30 hours' AS checked_in
         FROM d),
     f AS (
       SELECT e.*,
              CASE WHEN cause = 'human_damage' THEN 'chargeable_human_damage'
                   WHEN warranty = 'in_warranty' THEN 'free_in_warranty'
                   ELSE 'chargeable_out_of_warranty' END AS basis,
              (part ->> 'unitPrice')::numeric * quantity AS parts_amount,
              (part ->> 'labourFee')::numeric * quantity AS labour_amount,
              checked_in + interval '1 hour' + r_minute * interval '40 hours' AS resolved_at
         FROM e)
     INSERT INTO tickets (id, number, status, customer_id, asset_id, product_id, serial_number, fault, channel,
       priority, contact_name, contact_phone, address, region, zone, warranty_status, warranty_end,
       policy_version_id, reported_at, response_due_at, on_site_due_at, planned_resolve_due_at, resolve_due_at,
       outlet_id, technician_id, dispatched_at, accepted_at, appointment_at, checked_in_at, diagnosed_at, cause,
       diagnosis, resolved_at, outcome, confirmed_by_name, confirmed_at, charges, charge_total, closed_at,
       cancelled_at, created_by, created_at, updated_at)
     SELECT ${id('ticket-', 'g')}, 'WX${BENCH_YEAR}' || lpad(g::text, 7, '0'), status,
            ${id('customer-', `((a - 1) % ${counts.customers} + 1)`)}, ${id('asset-', 'a')},
            ${id('product-', `((a - 1) % ${counts.products} + 1)`)}, 'SN' || lpad(a::text, 9, '0'),
            ${pick(FAULTS, 'r_cause')}, (ARRAY['phone','qr','web','walk_in','email'])[1 + g % 5], priority,
            ${pick(SURNAMES, 'r_part')} || '先生', '137' || lpad(((a - 1) % ${counts.customers} + 1)::text, 8, '0'),
            ${pick(CITIES, 'r_warranty')} || '市工业园区' || (g % 300 + 1) || '号', '上海市/浦东新区', zone,
            warranty, CASE WHEN warranty = 'unknown' THEN NULL ELSE date '${BENCH_YEAR}-06-30' END,
            (SELECT id FROM service_policies ORDER BY version_number LIMIT 1),
            reported, reported + response_h * interval '1 hour', reported + on_site_h * interval '1 hour',
            reported + resolve_h * interval '1 hour', reported + resolve_h * interval '1 hour',
            CASE WHEN dispatched THEN ${id('outlet-', `((tech - 1) % ${counts.outlets} + 1)`)} END,
            CASE WHEN dispatched THEN ${id('user-', 'tech')} END,
            CASE WHEN dispatched THEN reported + interval '20 minutes' END,
            CASE WHEN accepted THEN reported + interval '35 minutes' END,
            CASE WHEN accepted THEN checked_in END,
            CASE WHEN on_site THEN checked_in END,
            CASE WHEN diagnosed THEN checked_in + interval '40 minutes' END,
            CASE WHEN diagnosed THEN cause END,
            CASE WHEN diagnosed THEN ${pick(DIAGNOSES, 'r_status')} END,
            CASE WHEN resolved THEN resolved_at END,
            CASE WHEN resolved THEN '设备恢复正常运行，客户验收通过' END,
            CASE WHEN resolved THEN ${pick(SURNAMES, 'r_part')} || '先生' END,
            CASE WHEN resolved THEN resolved_at + interval '10 minutes' END,
            CASE WHEN resolved THEN jsonb_build_object('basis', basis,
              'lines', jsonb_build_array(part || jsonb_build_object('quantity', quantity,
                'partsAmount', parts_amount, 'labourAmount', labour_amount)),
              'partsTotal', parts_amount, 'labourTotal', labour_amount,
              'total', CASE WHEN basis = 'free_in_warranty' THEN 0 ELSE parts_amount + labour_amount END) END,
            CASE WHEN resolved THEN CASE WHEN basis = 'free_in_warranty' THEN 0 ELSE parts_amount + labour_amount END END,
            CASE WHEN status = 'closed' THEN resolved_at + interval '3 days' END,
            CASE WHEN status = 'cancelled' THEN reported + interval '2 hours' END,
            ${BENCH_USER}, reported, reported
       FROM f`,
    [counts.tickets],
  );
}

/** The work logs and the history of every ticket. */
export async function loadTicketWork(run: LoadStep): Promise<void> {
  await run(
    'ticket_work_logs',
    `INSERT INTO ticket_work_logs (ticket_id, technician_id, started_at, ended_at, description, created_at)
     SELECT t.id, t.technician_id, t.checked_in_at + (k - 1) * (t.resolved_at - t.checked_in_at) / n,
            t.checked_in_at + (k - 1) * (t.resolved_at - t.checked_in_at) / n
              + 0.8 * (t.resolved_at - t.checked_in_at) / n,
            ${pick(WORK_DONE, 'random()')}, t.resolved_at
       FROM (SELECT t.*, 1 + abs(hashtext(t.number)) % 3 AS n FROM tickets t WHERE t.resolved_at IS NOT NULL) t
       CROSS JOIN LATERAL generate_series(1, t.n) AS k`,
  );
  await run(
    'ticket_history',
    `INSERT INTO ticket_history (ticket_id, action, from_status, to_status, actor_id, actor_name, at, details)
     SELECT t.id, e.action, e.from_status, e.to_status, CASE WHEN e.action <> 'report' THEN t.technician_id END,
            CASE WHEN e.action = 'report' THEN '基准测试坐席' END, e.at, '{}'::jsonb
       FROM tickets t
       CROSS JOIN LATERAL (VALUES
         ('report', NULL, 'reported', t.reported_at),
         ('dispatch', 'reported', 'dispatched', t.dispatched_at),
         ('accept', 'dispatched', 'accepted', t.accepted_at),
         ('check_in', 'accepted', 'on_site', t.checked_in_at),
         ('diagnose', 'on_site', 'diagnosed', t.diagnosed_at),
         ('resolve', 'diagnosed', 'resolved', t.resolved_at),
         ('close', 'resolved', 'closed', t.closed_at),
         ('cancel', 'reported', 'cancelled', t.cancelled_at)) AS e(action, from_status, to_status, at)
      WHERE e.at IS NOT NULL`,
  );
}

/** About one ticket in ten resolved late, the ones that took longest: their resolve breaches. */
export async function loadResolveBreaches(run: LoadStep): Promise<void> {
  await run(
    'ticket_breaches',
    `INSERT INTO ticket_breaches (ticket_id, deadline, due_at, recorded_at)
     SELECT id, 'resolve', resolve_due_at, resolve_due_at + interval '1 minute'
       FROM tickets WHERE resolved_at > resolve_due_at`,
  );
}
