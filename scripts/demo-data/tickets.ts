import type { AssetPageResponse } from '../../src/assets/dto/asset.dto';
import type { Priority } from '../../src/policy/domain/policy-commitments';
import type {
  Cause,
  Channel,
  DeadlineKind,
  HoldReason,
  TicketStatus,
} from '../../src/tickets/domain/ticket-fields';
import type {
  AcceptTicketDto,
  CancelTicketDto,
  CheckInTicketDto,
  CloseTicketDto,
  CreateTicketDto,
  DiagnoseTicketDto,
  DispatchTicketDto,
  HoldTicketDto,
  ReopenTicketDto,
  RescheduleTicketDto,
  ResolveTicketDto,
  ResumeTicketDto,
  TakeBackTicketDto,
  TakenBackItemDto,
  WorkLogDto,
} from '../../src/tickets/dto/ticket-request.dto';
import type { TicketDetailResponse } from '../../src/tickets/dto/ticket-response.dto';
import { AGENT, DISPATCHER, MANAGER } from './people';
import { type SeedContext, type SeedStep } from './seed-step';
import { type When, ago, chronology, instant, on } from './story';

/** What someone does to the ticket, as the endpoint POST /tickets/:id/<action> names it. */
type DemoAction =
  | { action: 'dispatch'; technician: string; reason?: string }
  | { action: 'accept'; appointment: When; note: string }
  | { action: 'reschedule'; appointment: When; reason: string }
  | { action: 'check-in' }
  | { action: 'diagnose'; cause: Cause; diagnosis: string }
  /** Work from `startedAt` until the step's moment; parts by fee-list code and quantity. */
  | { action: 'work-logs'; startedAt: When; description: string; parts?: Readonly<Record<string, number>> }
  | { action: 'take-back'; items: TakenBackItemDto[]; reason: string }
  | { action: 'hold'; reason: HoldReason; note: string }
  | { action: 'resume'; note: string }
  /** Confirmed by the customer at the step's moment. */
  | { action: 'resolve'; outcome: string; customerName: string }
  | { action: 'close' | 'cancel' | 'reopen'; reason: string };

/**
 * One step of a story, done by whoever does it at the company: the dispatcher dispatches, the manager
 * closes, the hotline cancels and reopens, the assigned technician does the rest.
 */
export type DemoTicketStep = DemoAction & { at: When };

export interface DemoTicket {
  customer: string;
  /** The customer's registered unit of this product, found in the asset register as the hotline would. */
  sku: string;
  /** A serial number the register does not know (bought elsewhere): warranty unknown. */
  unregisteredSerial?: string;
  /** Unique among the demo tickets: how the test finds the ticket again. */
  fault: string;
  channel: Channel;
  priority: Priority;
  /** A company's contact person; defaults to the customer. */
  contact?: { name: string; phone: string };
  /** Who takes the report; defaults to the hotline agent. */
  agent?: string;
  reportedAt: When;
  steps: DemoTicketStep[];
  /** Where the story leaves the ticket. */
  status: TicketStatus;
  /** The deadlines the story misses: exactly these are recorded as breaches by the deadline checks. */
  breaches: DeadlineKind[];
}

/** The 静安 station's own agent: she takes its customers' calls and sees only its records. */
const JINGAN_AGENT = 'zhao.min';

/**
 * Repair tickets in every state, reported over the last two weeks. Each story is timed against the
 * default service policy (response 4 h normal, 2 h high, 1 h urgent; on site and resolve by zone): a
 * deadline is either met, missed days ago, or not due before tomorrow, whatever the hour the seed runs.
 */
export const DEMO_TICKETS: readonly DemoTicket[] = [
  {
    customer: '苏州吴中太湖度假酒店有限公司',
    sku: 'SJ-KFR35GW',
    fault: '湖景楼 306 客房空调不制冷，开机后室外机启动几秒即停，反复跳停',
    channel: 'phone',
    priority: 'high',
    contact: { name: '严志强', phone: '13773185520' },
    reportedAt: on(-14, '10:00'),
    steps: [
      { at: on(-14, '10:20'), action: 'dispatch', technician: 'zhou.jie' },
      {
        at: on(-14, '11:05'),
        action: 'accept',
        appointment: on(-14, '15:30'),
        note: '已联系严主管，约今天下午到酒店工程部',
      },
      { at: on(-14, '15:40'), action: 'check-in' },
      {
        at: on(-14, '16:30'),
        action: 'diagnose',
        cause: 'product_fault',
        diagnosis: '压缩机启动困难，绕组对地绝缘电阻仅 0.5MΩ，需更换压缩机',
      },
      {
        at: on(-11, '16:00'),
        action: 'work-logs',
        startedAt: on(-11, '13:00'),
        description: '压缩机到货后更换，焊接、保压检漏合格，抽真空后加注冷媒 2 千克，试机制冷正常',
        parts: { 'YS-KT-YSJ': 1, 'YS-KT-R32': 2 },
      },
      {
        at: on(-11, '16:10'),
        action: 'resolve',
        outcome: '更换压缩机后制冷正常，出风 13℃',
        customerName: '严志强',
      },
      {
        at: on(-8, '10:00'),
        action: 'close',
        reason: '回访：酒店反馈使用正常。修复超时系等压缩机调货期间未挂起，已要求网点规范挂起登记',
      },
    ],
    status: 'closed',
    breaches: ['resolve'],
  },
  {
    customer: '王芳',
    sku: 'SJ-KFR35GW',
    fault: '客厅空调制冷效果差，开机半小时室温不降，室外机运转但出风不凉',
    channel: 'phone',
    priority: 'normal',
    reportedAt: on(-12, '09:05'),
    steps: [
      { at: on(-12, '09:30'), action: 'dispatch', technician: 'zhang.wei' },
      {
        at: on(-12, '09:52'),
        action: 'accept',
        appointment: on(-12, '14:00'),
        note: '已电话联系王女士，约今天下午两点上门',
      },
      { at: on(-12, '13:55'), action: 'check-in' },
      {
        at: on(-12, '14:25'),
        action: 'diagnose',
        cause: 'product_fault',
        diagnosis: '室外机粗管焊口渗漏，系统冷媒不足（低压 0.25MPa）',
      },
      {
        at: on(-12, '15:40'),
        action: 'work-logs',
        startedAt: on(-12, '14:30'),
        description: '焊口补焊并保压检漏合格，抽真空后定量加注冷媒，制冷运行 30 分钟出风 12℃',
        parts: { 'YS-KT-R32': 1 },
      },
      {
        at: on(-12, '15:48'),
        action: 'resolve',
        outcome: '制冷恢复正常，出风温度 12℃',
        customerName: '王芳',
      },
      { at: on(-9, '10:20'), action: 'close', reason: '回访：空调制冷正常，客户非常满意' },
    ],
    status: 'closed',
    breaches: [],
  },
  {
    customer: '蒋桂兰',
    sku: 'SJ-DSZF60',
    fault: '电热水器通电后不加热，指示灯不亮，插头漏电保护未跳',
    channel: 'phone',
    priority: 'normal',
    contact: { name: '蒋志勇', phone: '13764019258' },
    reportedAt: on(-10, '08:40'),
    steps: [
      { at: on(-10, '09:00'), action: 'dispatch', technician: 'wu.lei' },
      {
        at: on(-10, '09:25'),
        action: 'dispatch',
        technician: 'zhang.wei',
        reason: '吴磊电工证已过期，复审前不派电热水器等电气类工单，改派持有效电工证的张伟',
      },
      {
        at: on(-10, '10:05'),
        action: 'accept',
        appointment: on(-9, '13:00'),
        note: '已联系蒋志勇，金山廊下路程较远，约明天下午上门',
      },
      { at: on(-9, '13:10'), action: 'check-in' },
      {
        at: on(-9, '13:35'),
        action: 'diagnose',
        cause: 'product_fault',
        diagnosis: '温控器触点烧蚀，通电不加热；镁棒已消耗殆尽',
      },
      {
        at: on(-9, '14:30'),
        action: 'work-logs',
        startedAt: on(-9, '13:40'),
        description: '更换温控器和镁棒，注水通电加热至 65℃ 正常，漏电保护测试正常',
        parts: { 'YS-RS-WKQ': 1, 'YS-RS-MB': 1 },
      },
      { at: on(-9, '14:40'), action: 'resolve', outcome: '更换温控器后加热正常', customerName: '蒋桂兰' },
      { at: on(-6, '11:00'), action: 'close', reason: '回访：蒋志勇反馈热水器使用正常，对上门服务满意' },
    ],
    status: 'closed',
    breaches: [],
  },
  {
    customer: '李明',
    sku: 'SJ-CXW260',
    fault: '吸油烟机开机后电机不转，按键指示灯亮，有焦糊味',
    channel: 'web',
    priority: 'normal',
    reportedAt: on(-9, '20:15'),
    steps: [
      { at: on(-8, '08:40'), action: 'dispatch', technician: 'zhang.wei' },
      {
        at: on(-8, '09:05'),
        action: 'accept',
        appointment: on(-8, '14:30'),
        note: '晚间网上报修，今早联系李先生，约下午上门',
      },
      { at: on(-8, '14:35'), action: 'check-in' },
      {
        at: on(-8, '14:50'),
        action: 'diagnose',
        cause: 'wear',
        diagnosis: '电机轴承磨损卡死，绕组过热烧毁；整机已过 12 个月保修期',
      },
      {
        at: on(-8, '15:45'),
        action: 'work-logs',
        startedAt: on(-8, '14:55'),
        description: '更换电机，清洗风轮和油网，试机高低档运行正常',
        parts: { 'YS-YY-DJ': 1 },
      },
      {
        at: on(-8, '15:50'),
        action: 'resolve',
        outcome: '更换电机后运行正常；保修期外按维修收费标准收费，客户同意并现场付款',
        customerName: '李明',
      },
      { at: on(-5, '10:00'), action: 'close', reason: '回访：吸油烟机使用正常，客户对收费无异议' },
    ],
    status: 'closed',
    breaches: ['response'],
  },
  {
    customer: '黄伟',
    sku: 'SJ-XQG100',
    fault: '洗衣机不排水，显示 E21 故障码，桶内积水',
    channel: 'phone',
    priority: 'normal',
    reportedAt: on(-7, '10:10'),
    steps: [
      { at: on(-7, '10:30'), action: 'dispatch', technician: 'zhang.wei' },
      {
        at: on(-7, '11:00'),
        action: 'accept',
        appointment: on(-7, '16:00'),
        note: '已联系黄先生，约下午四点上门',
      },
      { at: on(-7, '15:50'), action: 'check-in' },
      {
        at: on(-7, '16:10'),
        action: 'diagnose',
        cause: 'human_damage',
        diagnosis: '排水泵进水口卡入硬币和发卡，叶轮断裂。属使用不当造成的人为损坏，不在免费保修范围内',
      },
      {
        at: on(-7, '16:50'),
        action: 'work-logs',
        startedAt: on(-7, '16:15'),
        description: '清理排水通道异物，更换排水泵，试机排水、脱水正常',
        parts: { 'YS-XY-PSB': 1 },
      },
      {
        at: on(-7, '16:55'),
        action: 'resolve',
        outcome: '更换排水泵后排水正常；人为损坏按维修收费标准收费，已出示价目表，客户签字确认',
        customerName: '黄伟',
      },
      { at: on(-4, '09:30'), action: 'close', reason: '回访：洗衣机使用正常，已提醒客户洗衣前清空口袋' },
    ],
    status: 'closed',
    breaches: [],
  },
  {
    customer: '上海浦江物业管理有限公司',
    sku: 'SJ-KFR72LW',
    fault: '3 号楼大堂柜机不制冷，显示 E6 通讯故障',
    channel: 'phone',
    priority: 'high',
    contact: { name: '周建平', phone: '13601891256' },
    reportedAt: on(-6, '09:20'),
    steps: [
      { at: on(-6, '09:35'), action: 'dispatch', technician: 'zhang.wei' },
      {
        at: on(-6, '09:58'),
        action: 'accept',
        appointment: on(-6, '13:30'),
        note: '已与周科长约定下午到 3 号楼大堂',
      },
      { at: on(-6, '13:26'), action: 'check-in' },
      {
        at: on(-6, '14:10'),
        action: 'diagnose',
        cause: 'product_fault',
        diagnosis: '外机主板通讯电路损坏，内外机通讯中断',
      },
      {
        at: on(-6, '14:30'),
        action: 'hold',
        reason: 'awaiting_parts',
        note: '外机主板本站无库存，已向备件中心调货，预计两天到货；已告知周科长',
      },
      { at: on(-4, '09:40'), action: 'resume', note: '备件到货，约定今天上午更换' },
      {
        at: on(-4, '11:40'),
        action: 'work-logs',
        startedAt: on(-4, '10:20'),
        description: '更换外机主板，内外机通讯恢复，制冷运行 30 分钟出风温差 11℃',
        parts: { 'YS-KT-WJB': 1 },
      },
      { at: on(-4, '11:50'), action: 'resolve', outcome: '更换外机主板后制冷正常', customerName: '周建平' },
    ],
    status: 'resolved',
    breaches: [],
  },
  {
    customer: '钱玉珍',
    sku: 'SJ-JSQ30',
    fault: '燃气热水器打开热水龙头后不点火，不出热水',
    channel: 'phone',
    priority: 'normal',
    reportedAt: on(-5, '08:50'),
    steps: [
      { at: on(-5, '09:10'), action: 'dispatch', technician: 'zhou.jie' },
      {
        at: on(-5, '09:40'),
        action: 'cancel',
        reason: '客户来电：燃气卡余额不足，充值后热水器恢复正常，无需上门',
      },
    ],
    status: 'cancelled',
    breaches: [],
  },
  {
    customer: '顾美华',
    sku: 'SJ-XQG100',
    fault: '洗衣机脱水时震动很大，有金属撞击声',
    channel: 'phone',
    priority: 'normal',
    reportedAt: on(-4, '09:10'),
    steps: [
      { at: on(-4, '09:30'), action: 'dispatch', technician: 'zhang.wei' },
      {
        at: on(-4, '09:50'),
        action: 'accept',
        appointment: on(-4, '15:00'),
        note: '客户白天不在家，今天特意提前回家，约下午三点',
      },
      { at: on(-4, '15:05'), action: 'check-in' },
      {
        at: on(-4, '15:30'),
        action: 'diagnose',
        cause: 'wear',
        diagnosis: '滚筒轴承磨损，脱水高速时异响、震动',
      },
      {
        at: on(-4, '15:45'),
        action: 'work-logs',
        startedAt: on(-4, '15:10'),
        description: '拆后盖检查确认轴承磨损，紧固减震器；需更换轴承组件，约 2 小时',
      },
      {
        at: on(-4, '15:50'),
        action: 'hold',
        reason: 'awaiting_customer',
        note: '轴承组件服务站有货；客户今天只能请假到四点，约定其休息日上门更换',
      },
    ],
    status: 'on_hold',
    breaches: [],
  },
  {
    customer: '上海莘庄颐养院',
    sku: 'SJ-DSZF60',
    fault: '护理楼二楼电热水器不加热，老人无法洗澡',
    channel: 'phone',
    priority: 'urgent',
    contact: { name: '何志明', phone: '13916257704' },
    reportedAt: on(-3, '07:50'),
    steps: [
      { at: on(-3, '08:00'), action: 'dispatch', technician: 'zhang.wei' },
      {
        at: on(-3, '08:20'),
        action: 'accept',
        appointment: on(-3, '14:00'),
        note: '已联系何主任，上午另有急修，约下午两点到',
      },
      {
        at: on(-3, '13:30'),
        action: 'reschedule',
        appointment: on(-3, '16:30'),
        reason: '前一单更换主板时间延长，已电话告知何主任，改约 16:30',
      },
      { at: on(-3, '16:30'), action: 'check-in' },
      {
        at: on(-3, '16:50'),
        action: 'diagnose',
        cause: 'product_fault',
        diagnosis: '加热管烧断，热水器不加热',
      },
      {
        at: on(-3, '17:50'),
        action: 'work-logs',
        startedAt: on(-3, '16:55'),
        description: '更换加热管，注水通电加热正常，漏电保护测试正常',
        parts: { 'YS-RS-JRG': 1 },
      },
      {
        at: on(-3, '18:00'),
        action: 'resolve',
        outcome: '更换加热管后恢复加热，护理楼当晚恢复热水供应',
        customerName: '何志明',
      },
      {
        at: on(-1, '10:00'),
        action: 'close',
        reason: '回访：何主任反馈使用正常；到场超时已向院方致歉，并在班组会上通报',
      },
    ],
    status: 'closed',
    breaches: ['on_site'],
  },
  {
    customer: '上海朱家角水乡客栈有限公司',
    sku: 'SJ-KFR35GW',
    unregisteredSerial: 'SJ35GW2309150877',
    fault: '前台空调挂机制冷弱，内机蒸发器结霜（网购机器，未在我司登记）',
    channel: 'phone',
    priority: 'normal',
    contact: { name: '陶建新', phone: '13501726647' },
    reportedAt: on(-3, '10:30'),
    steps: [
      { at: on(-3, '10:45'), action: 'dispatch', technician: 'wu.lei' },
      {
        at: on(-3, '11:10'),
        action: 'accept',
        appointment: on(-3, '15:00'),
        note: '已联系陶店长，约下午三点上门',
      },
      { at: on(-3, '15:05'), action: 'check-in' },
      {
        at: on(-3, '15:25'),
        action: 'diagnose',
        cause: 'product_fault',
        diagnosis: '连接管喇叭口松动渗漏，冷媒不足导致蒸发器结霜',
      },
      {
        at: on(-3, '16:20'),
        action: 'work-logs',
        startedAt: on(-3, '15:30'),
        description: '重新制作喇叭口并紧固，检漏合格后补充冷媒 1 千克，试机正常',
        parts: { 'YS-KT-R32': 1 },
      },
      {
        at: on(-3, '16:25'),
        action: 'resolve',
        outcome: '制冷恢复正常；客户无法提供购机凭证，保修状态无法确认，按保修期外标准收费，客户同意',
        customerName: '陶建新',
      },
    ],
    status: 'resolved',
    breaches: [],
  },
  {
    customer: '朱伟明',
    sku: 'SJ-JSQ30',
    fault: '燃气热水器出水忽冷忽热，水温波动很大',
    channel: 'phone',
    priority: 'normal',
    reportedAt: on(-2, '16:20'),
    steps: [],
    status: 'reported',
    breaches: ['response', 'on_site'],
  },
  {
    customer: '吴建华',
    sku: 'SJ-KFR72LW',
    fault: '客厅柜机制冷时频繁停机，室外机风扇转得很慢',
    channel: 'phone',
    priority: 'normal',
    reportedAt: on(-2, '09:00'),
    steps: [
      { at: on(-2, '09:15'), action: 'dispatch', technician: 'zhou.jie' },
      {
        at: on(-2, '09:40'),
        action: 'accept',
        appointment: on(-2, '13:30'),
        note: '已联系吴先生，约下午一点半上门',
      },
      { at: on(-2, '13:25'), action: 'check-in' },
      {
        at: on(-2, '13:50'),
        action: 'diagnose',
        cause: 'product_fault',
        diagnosis: '室外风机电机轴承卡滞，转速低导致高压保护停机',
      },
      {
        at: on(-2, '14:40'),
        action: 'work-logs',
        startedAt: on(-2, '13:55'),
        description: '更换室外风机电机，清洗冷凝器，试机运行 30 分钟正常',
        parts: { 'YS-KT-FJ': 1 },
      },
      {
        at: on(-2, '14:50'),
        action: 'resolve',
        outcome: '更换室外风机电机后运行正常',
        customerName: '吴建华',
      },
      {
        at: on(-1, '10:20'),
        action: 'reopen',
        reason: '客户来电：昨晚空调再次保护停机，外机风扇仍转得慢，要求重新上门',
      },
    ],
    status: 'reopened',
    breaches: [],
  },
  {
    customer: '徐静怡',
    sku: 'SJ-KFR35GW',
    fault: '卧室空调开机几分钟后自动停机，内机显示 F1',
    channel: 'phone',
    priority: 'normal',
    agent: JINGAN_AGENT,
    reportedAt: on(-2, '10:05'),
    steps: [
      { at: on(-2, '10:20'), action: 'dispatch', technician: 'li.qiang' },
      {
        at: on(-2, '10:45'),
        action: 'accept',
        appointment: on(-2, '15:00'),
        note: '已联系徐女士，约下午三点上门',
      },
      { at: on(-2, '14:55'), action: 'check-in' },
      {
        at: on(-2, '15:30'),
        action: 'diagnose',
        cause: 'product_fault',
        diagnosis: '室温、管温传感器正常，怀疑内机电脑板间歇性故障，现场未能复现',
      },
      {
        at: on(-2, '15:45'),
        action: 'take-back',
        items: [{ description: '内机电脑板', condition: '外观完好，无烧痕', accessories: '无' }],
        reason: '故障间歇出现，现场无法确认，带回服务站上检测台测试',
      },
    ],
    status: 'taken_back',
    breaches: [],
  },
  {
    customer: '上海静安和悦酒店有限公司',
    sku: 'SJ-KFR72LW',
    fault: '三楼走廊柜机制热不出热风，室外机结霜严重',
    channel: 'phone',
    priority: 'high',
    contact: { name: '吴海涛', phone: '13817726630' },
    agent: JINGAN_AGENT,
    reportedAt: on(-1, '09:00'),
    steps: [{ at: on(-1, '09:15'), action: 'dispatch', technician: 'li.qiang' }],
    status: 'dispatched',
    breaches: ['response', 'on_site'],
  },
  {
    customer: '陆晓东',
    sku: 'SJ-DSZF60',
    fault: '电热水器加热很慢，洗澡水不够热，漏电保护插头偶尔跳闸',
    channel: 'phone',
    priority: 'normal',
    reportedAt: on(-1, '09:30'),
    steps: [
      { at: on(-1, '09:45'), action: 'dispatch', technician: 'zhang.wei' },
      {
        at: on(-1, '10:10'),
        action: 'accept',
        appointment: on(-1, '14:00'),
        note: '已联系陆先生，约下午两点上门',
      },
      { at: on(-1, '14:05'), action: 'check-in' },
      {
        at: on(-1, '14:40'),
        action: 'diagnose',
        cause: 'product_fault',
        diagnosis: '加热管结垢严重且绝缘下降（0.8MΩ），导致加热慢并触发漏电保护',
      },
      {
        at: on(-1, '15:20'),
        action: 'work-logs',
        startedAt: on(-1, '14:45'),
        description: '排空内胆清除水垢，检查镁棒已消耗殆尽；加热管需更换，明天带配件再上门',
      },
    ],
    status: 'diagnosed',
    breaches: [],
  },
  {
    customer: '沈卫东',
    sku: 'SJ-KFR35GW',
    fault: '空调制热时室内机漏水，滴到木地板上',
    channel: 'phone',
    priority: 'normal',
    reportedAt: on(-1, '11:00'),
    steps: [
      { at: on(-1, '11:20'), action: 'dispatch', technician: 'wu.lei' },
      {
        at: on(-1, '11:50'),
        action: 'accept',
        appointment: on(1, '10:00'),
        note: '已联系沈先生，约明天上午十点上门',
      },
      {
        at: on(-1, '19:10'),
        action: 'reschedule',
        appointment: on(1, '08:30'),
        reason: '客户来电：明天上午十点要出门，改约早上 8:30',
      },
    ],
    status: 'accepted',
    breaches: [],
  },
  {
    customer: '刘婷',
    sku: 'SJ-BCD520',
    fault: '冰箱冷藏室后壁结冰，蔬菜被冻坏，门关上后仍有缝隙',
    channel: 'phone',
    priority: 'normal',
    agent: JINGAN_AGENT,
    reportedAt: ago(170),
    steps: [
      { at: ago(155), action: 'dispatch', technician: 'li.qiang' },
      { at: ago(140), action: 'accept', appointment: ago(60), note: '已联系刘女士，约一小时后上门' },
      { at: ago(50), action: 'check-in' },
    ],
    status: 'on_site',
    breaches: [],
  },
  {
    customer: '杨帆',
    sku: 'SJ-RO600',
    fault: '净水器制水时一直有嗡嗡声，出水量明显变小',
    channel: 'qr',
    priority: 'normal',
    reportedAt: ago(35),
    steps: [],
    status: 'reported',
    breaches: [],
  },
];

/** Who does the step (see DemoTicketStep). */
function actorOf(step: DemoTicketStep, technician: string | null): string {
  switch (step.action) {
    case 'dispatch':
      return DISPATCHER;
    case 'close':
      return MANAGER;
    case 'cancel':
    case 'reopen':
      return AGENT;
    case 'accept':
    case 'reschedule':
    case 'check-in':
    case 'diagnose':
    case 'work-logs':
    case 'take-back':
    case 'hold':
    case 'resume':
    case 'resolve':
      if (technician === null) throw new Error(`Demo ticket step ${step.action} comes before any dispatch`);
      return technician;
  }
}

/** The request body of a step, with names turned into ids and story moments into instants. */
function bodyOf(context: SeedContext, step: DemoTicketStep, at: (when: When) => Date): object {
  switch (step.action) {
    case 'dispatch':
      return {
        technicianId: context.ids.get('user', step.technician),
        reason: step.reason,
      } satisfies DispatchTicketDto;
    case 'accept':
      return { appointmentAt: at(step.appointment), note: step.note } satisfies AcceptTicketDto;
    case 'reschedule':
      return { appointmentAt: at(step.appointment), reason: step.reason } satisfies RescheduleTicketDto;
    case 'check-in':
      return {} satisfies CheckInTicketDto;
    case 'diagnose':
      return { cause: step.cause, diagnosis: step.diagnosis } satisfies DiagnoseTicketDto;
    case 'work-logs':
      return {
        startedAt: at(step.startedAt),
        endedAt: at(step.at),
        description: step.description,
        parts: Object.entries(step.parts ?? {}).map(([code, quantity]) => ({
          partId: context.ids.get('part', code),
          quantity,
        })),
      } satisfies WorkLogDto;
    case 'take-back':
      return { items: step.items, reason: step.reason } satisfies TakeBackTicketDto;
    case 'hold':
      return { reason: step.reason, note: step.note } satisfies HoldTicketDto;
    case 'resume':
      return { note: step.note } satisfies ResumeTicketDto;
    case 'resolve':
      return {
        outcome: step.outcome,
        customerName: step.customerName,
        confirmedAt: at(step.at),
      } satisfies ResolveTicketDto;
    case 'close':
    case 'cancel':
    case 'reopen':
      return { reason: step.reason } satisfies CloseTicketDto & CancelTicketDto & ReopenTicketDto;
  }
}

/** The hotline takes the call: the unit is looked up in the asset register by customer and product. */
async function report(context: SeedContext, demo: DemoTicket, reportedAt: Date): Promise<string> {
  const agent = await context.as(demo.agent ?? AGENT);
  const customerId = context.ids.get('customer', demo.customer);
  const productId = context.ids.get('product', demo.sku);
  let serialNumber = demo.unregisteredSerial;
  if (serialNumber === undefined) {
    const units = await agent.get<AssetPageResponse>(
      `/assets?customerId=${customerId}&productId=${productId}`,
    );
    serialNumber = units.items[0]?.serialNumber;
    if (serialNumber === undefined)
      throw new Error(`${demo.customer} has no ${demo.sku} in the asset register`);
  }
  const body: CreateTicketDto = {
    customerId,
    serialNumber,
    productId,
    fault: demo.fault,
    channel: demo.channel,
    priority: demo.priority,
    contactName: demo.contact?.name,
    contactPhone: demo.contact?.phone,
    reportedAt,
  };
  const created = await agent.post<TicketDetailResponse>('/tickets', body);
  context.counted('tickets');
  return created.id;
}

/**
 * Repair tickets, told through the API as they happened: the application's clock is set to each
 * moment in turn, all stories interleaved in time, so that numbers, timelines, appointments, holds and
 * deadlines read as real ones would. Missed deadlines are not recorded here but by the deadline checks,
 * which the seed runs once every story is told.
 */
export const ticketsStep: SeedStep = {
  title: '维修工单 repair tickets',
  async run(context) {
    // Logged in at the real time, before the clock goes back.
    const people = new Set([AGENT, JINGAN_AGENT, DISPATCHER, MANAGER]);
    for (const demo of DEMO_TICKETS) {
      for (const step of demo.steps) if (step.action === 'dispatch') people.add(step.technician);
    }
    for (const username of people) await context.as(username);

    const now = new Date();
    const at = (when: When) => instant(context, now, when);
    const ids = new Map<DemoTicket, string>();
    const technicians = new Map<DemoTicket, string>();
    try {
      for (const { demo, step, at: moment } of chronology(context, now, DEMO_TICKETS, {
        start: (demo) => demo.reportedAt,
        name: (demo) => `Demo ticket "${demo.fault}"`,
      })) {
        context.setAppTime(moment);
        if (step === null) {
          ids.set(demo, await report(context, demo, moment));
          continue;
        }
        const session = await context.as(actorOf(step, technicians.get(demo) ?? null));
        const id = ids.get(demo) ?? '';
        await session.post(`/tickets/${id}/${step.action}`, bodyOf(context, step, at));
        if (step.action === 'dispatch') technicians.set(demo, step.technician);
        if (step.action === 'work-logs') context.counted('ticketWorkLogs');
      }
    } finally {
      context.setAppTime(null);
    }
  },
};
