import type {
  ComplaintCategory,
  ComplaintChannel,
  ComplaintSeverity,
  ComplaintStatus,
} from '../../src/complaints/domain/complaint-fields';
import type {
  AcknowledgeComplaintDto,
  CloseComplaintDto,
  CreateComplaintDto,
  EscalateComplaintDto,
  InvestigateComplaintDto,
  ResolveComplaintDto,
} from '../../src/complaints/dto/complaint-request.dto';
import type {
  ComplaintDetailResponse,
  ComplaintPageResponse,
} from '../../src/complaints/dto/complaint-response.dto';
import type { TicketPageResponse } from '../../src/tickets/dto/ticket-response.dto';
import { AGENT, MANAGER } from './people';
import { type SeedContext, type SeedStep } from './seed-step';
import { type When, ago, chronology, on } from './story';

/** The 静安 station's own agent: she registers its customers' complaints, which stay in her outlet. */
const JINGAN_AGENT = 'zhao.min';

/** What someone does to the complaint, as the endpoint POST /complaints/:id/<action> names it. */
type DemoComplaintAction =
  | { action: 'acknowledge'; note: string }
  | { action: 'investigate'; note: string }
  | { action: 'resolve'; rootCause: string; remedy: string; correctiveAction: string }
  | { action: 'close'; customerAccepted: boolean; note: string }
  | { action: 'escalate'; reason: string };

/** One step of a story: the hotline acknowledges, closes and escalates; the service manager investigates and resolves. */
export type DemoComplaintStep = DemoComplaintAction & { at: When };

export interface DemoComplaint {
  customer: string;
  /** The fault of the demo ticket the complaint is about, if any (see DEMO_TICKETS). */
  ticketFault?: string;
  /** The outlet complained about when there is no ticket, by code. */
  outletCode?: string;
  /** The technician complained about, by username, when the ticket no longer names them (reopened). */
  technician?: string;
  /** Unique among the demo complaints: how the test finds the complaint again. */
  description: string;
  channel: ComplaintChannel;
  category: ComplaintCategory;
  severity: ComplaintSeverity;
  contact?: { name: string; phone: string };
  /** Who registers it; defaults to the hotline agent. */
  agent?: string;
  receivedAt: When;
  steps: DemoComplaintStep[];
  /** Where the story leaves the complaint. */
  status: ComplaintStatus;
  /** The deadlines the story misses: exactly these are escalated by the deadline checks. */
  escalated: ('acknowledge' | 'resolve')[];
}

/**
 * Complaints in every state, timed against the default policy (acknowledge within 24 h, resolve within
 * 7 days): a deadline is either met, missed days ago, or not due before tomorrow, whatever the hour
 * the seed runs. One is major (the managers are mailed at once); one sits unacknowledged past its
 * deadline and is escalated to the managers by the deadline check.
 */
export const DEMO_COMPLAINTS: readonly DemoComplaint[] = [
  {
    customer: '苏州吴中太湖度假酒店有限公司',
    ticketFault: '湖景楼 306 客房空调不制冷，开机后室外机启动几秒即停，反复跳停',
    description: '306 客房空调报修两天仍未修好，压缩机迟迟不到货，网点也没有主动告知进度，影响客房出租',
    channel: 'phone',
    category: 'timeliness',
    severity: 'normal',
    contact: { name: '严志强', phone: '13773185520' },
    receivedAt: on(-12, '09:30'),
    steps: [
      {
        at: on(-12, '10:15'),
        action: 'acknowledge',
        note: '已致电严主管致歉，说明压缩机调货情况，承诺每日通报进度',
      },
      { at: on(-12, '14:00'), action: 'investigate', note: '调取工单记录与苏州网点调货单，约谈网点负责人' },
      {
        at: on(-11, '17:00'),
        action: 'resolve',
        rootCause: '压缩机需从厂家调货，网点未按规定挂起登记，也未主动向客户通报进度',
        remedy: '向酒店书面致歉，赠送一次全楼客房空调免费清洗保养',
        correctiveAction: '调货超过 24 小时须挂起登记并每日向客户通报进度；纳入委外网点月度考核',
      },
      {
        at: on(-8, '10:30'),
        action: 'close',
        customerAccepted: true,
        note: '严主管表示接受，已约定清洗保养时间',
      },
    ],
    status: 'closed',
    escalated: [],
  },
  {
    customer: '黄伟',
    ticketFault: '洗衣机不排水，显示 E21 故障码，桶内积水',
    description: '认为排水泵损坏是产品质量问题，不应按人为损坏收费，要求退还维修费',
    channel: 'phone',
    category: 'charges',
    severity: 'normal',
    receivedAt: on(-4, '14:00'),
    steps: [
      { at: on(-4, '14:30'), action: 'acknowledge', note: '已回电黄先生，说明将调取现场记录后两日内答复' },
      { at: on(-4, '16:00'), action: 'investigate', note: '调取维修记录、现场照片，与张伟核实判定过程' },
      {
        at: on(-2, '11:00'),
        action: 'resolve',
        rootCause:
          '排水泵叶轮系硬币、发卡卡入断裂，属使用不当；维修人员已出示价目表，但未向客户展示取出的异物与损坏部件',
        remedy: '经理致电说明判定依据并发送现场照片；考虑客户感受，工时费减半，差额退回',
        correctiveAction:
          '判定人为损坏须现场拍照留存异物与损坏部件，请客户确认后再维修；纳入维修作业规范培训',
      },
    ],
    status: 'resolved',
    escalated: [],
  },
  {
    customer: '吴建华',
    ticketFault: '客厅柜机制冷时频繁停机，室外机风扇转得很慢',
    description: '修完第二天空调又停机；维修人员此前称是家里电压不稳，态度敷衍，要求更换整机',
    channel: 'phone',
    category: 'quality',
    severity: 'major',
    technician: 'zhou.jie',
    receivedAt: on(-1, '10:30'),
    steps: [
      { at: on(-1, '11:00'), action: 'acknowledge', note: '已向吴先生致歉，安排技术主管陪同复修' },
      { at: on(-1, '14:00'), action: 'investigate', note: '调取维修记录与更换部件批次，约技术主管随同复修' },
    ],
    status: 'investigating',
    escalated: [],
  },
  {
    customer: '褚秀芳',
    outletCode: 'WT-JX-001',
    description: '新买的电热水器安装后发现外壳有凹痕，安装师傅说是出厂就有的',
    channel: 'web',
    category: 'product',
    severity: 'normal',
    receivedAt: on(-1, '16:00'),
    steps: [
      {
        at: on(-1, '16:40'),
        action: 'acknowledge',
        note: '已电话联系褚女士，请其上传外壳照片，核实后安排换货',
      },
    ],
    status: 'acknowledged',
    escalated: [],
  },
  {
    customer: '徐静怡',
    ticketFault: '卧室空调开机几分钟后自动停机，内机显示 F1',
    description: '电脑板被带回检测，师傅没说什么时候修好送回，晚上卧室没有空调没法睡',
    channel: 'phone',
    category: 'timeliness',
    severity: 'normal',
    agent: JINGAN_AGENT,
    receivedAt: on(-2, '18:30'),
    steps: [],
    status: 'received',
    escalated: ['acknowledge'],
  },
  {
    customer: '马建军',
    description: '在静安服务站购买的净水器滤芯比网上官方旗舰店贵了将近一倍',
    channel: 'walk_in',
    category: 'charges',
    severity: 'normal',
    agent: JINGAN_AGENT,
    receivedAt: ago(45),
    steps: [],
    status: 'received',
    escalated: [],
  },
];

function actorOf(demo: DemoComplaint, step: DemoComplaintStep): string {
  switch (step.action) {
    case 'investigate':
    case 'resolve':
      return MANAGER;
    case 'acknowledge':
    case 'close':
    case 'escalate':
      return demo.agent ?? AGENT;
  }
}

function bodyOf(step: DemoComplaintStep): object {
  switch (step.action) {
    case 'acknowledge':
      return { note: step.note } satisfies AcknowledgeComplaintDto;
    case 'investigate':
      return { note: step.note } satisfies InvestigateComplaintDto;
    case 'resolve':
      return {
        rootCause: step.rootCause,
        remedy: step.remedy,
        correctiveAction: step.correctiveAction,
      } satisfies ResolveComplaintDto;
    case 'close':
      return { customerAccepted: step.customerAccepted, note: step.note } satisfies CloseComplaintDto;
    case 'escalate':
      return { reason: step.reason } satisfies EscalateComplaintDto;
  }
}

/** The hotline takes the complaint; a ticket it is about is found as the agent would, by customer and fault. */
async function register(context: SeedContext, demo: DemoComplaint, receivedAt: Date): Promise<string> {
  const agent = await context.as(demo.agent ?? AGENT);
  const customerId = context.ids.get('customer', demo.customer);
  let ticketId: string | undefined;
  if (demo.ticketFault !== undefined) {
    const found = await agent.get<TicketPageResponse>(
      `/tickets?customerId=${customerId}&q=${encodeURIComponent(demo.ticketFault)}`,
    );
    ticketId = found.items[0]?.id;
    if (ticketId === undefined) throw new Error(`${demo.customer} has no ticket "${demo.ticketFault}"`);
  }
  const body: CreateComplaintDto = {
    customerId,
    ticketId,
    outletId: demo.outletCode === undefined ? undefined : context.ids.get('outlet', demo.outletCode),
    technicianId: demo.technician === undefined ? undefined : context.ids.get('user', demo.technician),
    channel: demo.channel,
    category: demo.category,
    severity: demo.severity,
    description: demo.description,
    contactName: demo.contact?.name,
    contactPhone: demo.contact?.phone,
    receivedAt,
  };
  const created = await agent.post<ComplaintDetailResponse>('/complaints', body);
  context.counted('complaints');
  return created.id;
}

/**
 * Complaints, told through the API as they happened, on the application clock set to each moment in
 * turn (so CP numbers follow the order they came in). The deadline checks already due then run in the
 * worker, which escalates exactly the deadlines the stories miss.
 */
export const complaintsStep: SeedStep = {
  title: '投诉 complaints',
  async run(context) {
    // Logged in at the real time, before the clock goes back.
    for (const username of [AGENT, JINGAN_AGENT, MANAGER]) await context.as(username);
    const now = new Date();
    const ids = new Map<DemoComplaint, string>();
    try {
      for (const { demo, step, at } of chronology(context, now, DEMO_COMPLAINTS, {
        start: (demo) => demo.receivedAt,
        name: (demo) => `Demo complaint "${demo.description}"`,
      })) {
        context.setAppTime(at);
        if (step === null) {
          ids.set(demo, await register(context, demo, at));
          continue;
        }
        const session = await context.as(actorOf(demo, step));
        await session.post(`/complaints/${ids.get(demo) ?? ''}/${step.action}`, bodyOf(step));
      }
    } finally {
      context.setAppTime(null);
    }
    await context.runBackgroundJobs();
    const manager = await context.as(MANAGER);
    const listed = await manager.get<ComplaintPageResponse>('/complaints?pageSize=200');
    context.counted(
      'complaintEscalations',
      listed.items.reduce((sum, complaint) => sum + complaint.escalations.length, 0),
    );
  },
};
