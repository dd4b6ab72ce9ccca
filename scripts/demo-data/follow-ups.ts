import type { AssetPageResponse } from '../../src/assets/dto/asset.dto';
import type { ContactMethod, ProblemAction } from '../../src/follow-ups/domain/follow-up-fields';
import type {
  AssignFollowUpDto,
  CompleteFollowUpDto,
  RecordAttemptDto,
  ScheduleInspectionDto,
} from '../../src/follow-ups/dto/follow-up-request.dto';
import type {
  FollowUpDetailResponse,
  FollowUpPageResponse,
  FollowUpResponse,
} from '../../src/follow-ups/dto/follow-up-response.dto';
import type { Priority } from '../../src/policy/domain/policy-commitments';
import type { Cause, TicketStatus } from '../../src/tickets/domain/ticket-fields';
import type { CreateTicketDto } from '../../src/tickets/dto/ticket-request.dto';
import type { TicketDetailResponse, TicketPageResponse } from '../../src/tickets/dto/ticket-response.dto';
import { AGENT, DISPATCHER, MANAGER } from './people';
import { type SeedContext, type SeedStep, timeOnDay } from './seed-step';
import { DEMO_TICKETS } from './tickets';

/** A moment of a story: a time of day (company time zone) some days from today. */
interface At {
  day: number;
  time: string;
}
const on = (day: number, time: string): At => ({ day, time });

/** The 静安 station's own agent: she follows up its customers. */
const JINGAN_AGENT = 'zhao.min';

/**
 * Two more repairs, told from report to resolution, whose follow-ups the care desk then makes: one
 * closes its ticket with the customer satisfied, one cannot reach the customer. Every deadline is met.
 */
export interface CareTicket {
  customer: string;
  sku: string;
  fault: string;
  priority: Priority;
  technician: string;
  reportedAt: At;
  dispatchedAt: At;
  acceptedAt: At;
  onSiteAt: At;
  cause: Cause;
  diagnosis: string;
  work: string;
  resolvedAt: At;
  customerName: string;
}

export const CARE_TICKETS: readonly CareTicket[] = [
  {
    customer: '陈国华',
    sku: 'SJ-KFR35GW',
    fault: '新装空调遥控开机无反应，内机接收窗指示灯不亮',
    priority: 'normal',
    technician: 'li.qiang',
    reportedAt: on(-6, '09:00'),
    dispatchedAt: on(-6, '09:20'),
    acceptedAt: on(-6, '09:45'),
    onSiteAt: on(-6, '14:00'),
    cause: 'product_fault',
    diagnosis: '内机显示接收板插头松脱，接收头无供电',
    work: '重新插接并固定显示接收板线束，遥控开关机、模式切换测试正常',
    resolvedAt: on(-6, '14:40'),
    customerName: '陈国华',
  },
  {
    customer: '张秀英',
    sku: 'SJ-JSQ30',
    fault: '燃气热水器点火时有爆燃声，火焰偏黄',
    priority: 'normal',
    technician: 'zhang.wei',
    reportedAt: on(-5, '08:30'),
    dispatchedAt: on(-5, '08:50'),
    acceptedAt: on(-5, '09:10'),
    onSiteAt: on(-5, '10:20'),
    cause: 'wear',
    diagnosis: '燃烧器喷嘴积碳，一次空气进风口被灰尘堵塞，燃烧不充分',
    work: '拆洗燃烧器和喷嘴，清理进风口，检漏合格，点火试烧火焰呈蓝色',
    resolvedAt: on(-5, '11:30'),
    customerName: '张秀英',
  },
];

/** What the care desk does with the follow-up of a repair, in story order. */
export interface DemoFollowUp {
  /** The repair's fault (DEMO_TICKETS or CARE_TICKETS). */
  fault: string;
  /** The agent who calls; defaults to the head-office hotline. */
  agent?: string;
  /** Given to this user by the manager first. */
  assignTo?: { username: string; at: At };
  attempts?: { at: At; method: ContactMethod; note: string }[];
  outcome?: {
    at: At;
    method: ContactMethod;
    satisfied: boolean;
    score: number;
    comments: string;
    action?: ProblemAction;
  };
  /** Where the follow-up leaves it: pending, completed or unreachable. */
  status: 'pending' | 'completed' | 'unreachable';
  /** The ticket's status afterwards, when the follow-up changes it. */
  ticketStatus?: TicketStatus;
}

/**
 * Follow-ups of the demo repairs. Those the manager already closed after calling the customer are
 * recorded as the call went (the ticket stays closed); one dissatisfied customer reopens their
 * repair; one satisfied customer's follow-up closes the ticket; one customer cannot be reached; one is
 * still pending past its due day.
 */
export const DEMO_FOLLOW_UPS: readonly DemoFollowUp[] = [
  {
    fault: '客厅空调制冷效果差，开机半小时室温不降，室外机运转但出风不凉',
    outcome: {
      at: on(-9, '10:05'),
      method: 'phone',
      satisfied: true,
      score: 5,
      comments: '空调制冷正常，对张师傅的服务非常满意',
    },
    status: 'completed',
  },
  {
    fault: '湖景楼 306 客房空调不制冷，开机后室外机启动几秒即停，反复跳停',
    outcome: {
      at: on(-8, '09:40'),
      method: 'phone',
      satisfied: true,
      score: 3,
      comments: '客房空调使用正常；严主管对调货期间等待过久仍有意见，投诉已另行处理',
    },
    status: 'completed',
  },
  {
    fault: '电热水器通电后不加热，指示灯不亮，插头漏电保护未跳',
    outcome: {
      at: on(-6, '10:40'),
      method: 'phone',
      satisfied: true,
      score: 5,
      comments: '蒋志勇反馈热水器使用正常，对上门服务满意',
    },
    status: 'completed',
  },
  {
    fault: '吸油烟机开机后电机不转，按键指示灯亮，有焦糊味',
    outcome: {
      at: on(-5, '09:45'),
      method: 'phone',
      satisfied: true,
      score: 4,
      comments: '吸油烟机使用正常，对收费无异议',
    },
    status: 'completed',
  },
  {
    fault: '洗衣机不排水，显示 E21 故障码，桶内积水',
    outcome: {
      at: on(-4, '09:15'),
      method: 'phone',
      satisfied: true,
      score: 4,
      comments: '洗衣机使用正常；已提醒客户洗衣前清空口袋',
    },
    status: 'completed',
  },
  {
    fault: '护理楼二楼电热水器不加热，老人无法洗澡',
    outcome: {
      at: on(-1, '09:40'),
      method: 'phone',
      satisfied: false,
      score: 3,
      comments:
        '热水器已正常使用；何主任对师傅比约定晚到两个多小时表示不满，已当面致歉，院方接受，无需进一步处理',
      action: 'none',
    },
    status: 'completed',
  },
  {
    fault: '前台空调挂机制冷弱，内机蒸发器结霜（网购机器，未在我司登记）',
    outcome: {
      at: on(-1, '10:30'),
      method: 'phone',
      satisfied: false,
      score: 2,
      comments: '陶店长反馈前台空调昨晚起又开始结霜，制冷变弱，怀疑仍有漏点，要求再次上门',
      action: 'reopen_ticket',
    },
    status: 'completed',
    ticketStatus: 'reopened',
  },
  {
    fault: '新装空调遥控开机无反应，内机接收窗指示灯不亮',
    agent: JINGAN_AGENT,
    outcome: {
      at: on(-3, '10:00'),
      method: 'phone',
      satisfied: true,
      score: 5,
      comments: '空调遥控正常，李师傅上门准时，讲解清楚',
    },
    status: 'completed',
    ticketStatus: 'closed',
  },
  {
    fault: '燃气热水器点火时有爆燃声，火焰偏黄',
    attempts: [
      { at: on(-2, '10:00'), method: 'phone', note: '无人接听' },
      { at: on(-2, '16:00'), method: 'phone', note: '手机关机，已发短信请客户回电' },
      { at: on(-1, '10:30'), method: 'phone', note: '仍无人接听，客户未回电' },
    ],
    status: 'unreachable',
  },
  {
    fault: '3 号楼大堂柜机不制冷，显示 E6 通讯故障',
    assignTo: { username: AGENT, at: on(-1, '09:00') },
    attempts: [{ at: on(-1, '15:00'), method: 'phone', note: '周科长电话无人接听，明天上午再联系' }],
    status: 'pending',
  },
];

/** Inspections (巡检) of installed units and sites, one recurring; the first is already done. */
export interface DemoInspection {
  customer: string;
  /** The installed unit of this product (the first in the register); none: the whole site. */
  sku?: string;
  scheduledAt: At;
  dueAt: At;
  everyMonths?: number;
  assignee: string;
  note: string;
  done?: { at: At; findings: string; score: number };
}

export const DEMO_INSPECTIONS: readonly DemoInspection[] = [
  {
    customer: '上海浦江物业管理有限公司',
    sku: 'SJ-KFR72LW',
    scheduledAt: on(-30, '10:00'),
    dueAt: on(-10, '09:30'),
    everyMonths: 3,
    assignee: 'zhang.wei',
    note: '季度巡检：大堂及 3 号楼柜机清洗过滤网，检查冷媒压力、电气接线和排水',
    done: {
      at: on(-10, '11:00'),
      findings: '柜机运行正常，冷媒压力 0.9MPa；过滤网积尘已清洗，排水管畅通',
      score: 5,
    },
  },
  {
    customer: '上海莘庄颐养院',
    sku: 'SJ-DSZF60',
    scheduledAt: on(-6, '15:00'),
    dueAt: on(-2, '09:00'),
    assignee: 'zhang.wei',
    note: '加热管更换后复查：检查护理楼电热水器镁棒、漏电保护和温控',
  },
  {
    customer: '上海静安和悦酒店有限公司',
    scheduledAt: on(-1, '16:00'),
    dueAt: on(5, '10:00'),
    everyMonths: 6,
    assignee: 'li.qiang',
    note: '换季巡检：客房及走廊柜机制热试机，室外机除霜检查',
  },
];

/** Every demo repair's fault and where it ends once the follow-ups are made (for the seed test). */
export function ticketStatusesAfterFollowUps(): { fault: string; status: TicketStatus }[] {
  const changed = new Map(
    DEMO_FOLLOW_UPS.filter((demo) => demo.ticketStatus).map((demo) => [demo.fault, demo.ticketStatus]),
  );
  return [
    ...DEMO_TICKETS.map(({ fault, status }) => ({ fault, status: changed.get(fault) ?? status })),
    // A care repair ends resolved unless its follow-up changes that.
    ...CARE_TICKETS.map(({ fault }) => ({ fault, status: changed.get(fault) ?? 'resolved' })),
  ];
}

type Moment = { at: Date; run: () => Promise<unknown> };

/** The registered unit of a customer's product, as the desk finds it. */
async function unitOf(
  context: SeedContext,
  customer: string,
  sku: string,
): Promise<{ id: string; serialNumber: string }> {
  const agent = await context.as(AGENT);
  const units = await agent.get<AssetPageResponse>(
    `/assets?customerId=${context.ids.get('customer', customer)}&productId=${context.ids.get('product', sku)}`,
  );
  const unit = units.items[0];
  if (unit === undefined) throw new Error(`${customer} has no ${sku} in the asset register`);
  return unit;
}

/** The two care repairs, each step at its moment. */
async function tellCareTickets(context: SeedContext, at: (when: At) => Date): Promise<void> {
  const moments: Moment[] = [];
  for (const demo of CARE_TICKETS) {
    let id = '';
    const technician = await context.as(demo.technician);
    const unit = await unitOf(context, demo.customer, demo.sku);
    const step = (when: At, run: () => Promise<unknown>) => moments.push({ at: at(when), run });
    step(demo.reportedAt, async () => {
      const body: CreateTicketDto = {
        customerId: context.ids.get('customer', demo.customer),
        serialNumber: unit.serialNumber,
        fault: demo.fault,
        channel: 'phone',
        priority: demo.priority,
        reportedAt: at(demo.reportedAt),
      };
      id = (await (await context.as(AGENT)).post<TicketDetailResponse>('/tickets', body)).id;
      context.counted('tickets');
    });
    step(demo.dispatchedAt, async () =>
      (await context.as(DISPATCHER)).post(`/tickets/${id}/dispatch`, {
        technicianId: context.ids.get('user', demo.technician),
      }),
    );
    step(demo.acceptedAt, () =>
      technician.post(`/tickets/${id}/accept`, {
        appointmentAt: at(demo.onSiteAt),
        note: '已电话联系客户，约定上门时间',
      }),
    );
    step(demo.onSiteAt, () => technician.post(`/tickets/${id}/check-in`, {}));
    step({ ...demo.onSiteAt, time: addMinutes(demo.onSiteAt.time, 10) }, () =>
      technician.post(`/tickets/${id}/diagnose`, { cause: demo.cause, diagnosis: demo.diagnosis }),
    );
    step({ ...demo.resolvedAt, time: addMinutes(demo.resolvedAt.time, -5) }, async () => {
      await technician.post(`/tickets/${id}/work-logs`, {
        startedAt: at({ ...demo.onSiteAt, time: addMinutes(demo.onSiteAt.time, 15) }),
        endedAt: at({ ...demo.resolvedAt, time: addMinutes(demo.resolvedAt.time, -5) }),
        description: demo.work,
      });
      context.counted('ticketWorkLogs');
    });
    step(demo.resolvedAt, () =>
      technician.post(`/tickets/${id}/resolve`, {
        outcome: demo.work,
        customerName: demo.customerName,
        confirmedAt: at(demo.resolvedAt),
      }),
    );
  }
  await play(context, moments);
}

/** `HH:mm` moved by some minutes within the day. */
function addMinutes(time: string, minutes: number): string {
  const [hours, mins] = time.split(':').map(Number) as [number, number];
  const total = hours * 60 + mins + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** Runs the moments in time order, the application's clock set to each. */
async function play(context: SeedContext, moments: Moment[]): Promise<void> {
  try {
    // Array sort is stable: one story's steps at the same moment stay in their order.
    for (const moment of [...moments].sort((a, b) => a.at.getTime() - b.at.getTime())) {
      context.setAppTime(moment.at);
      await moment.run();
    }
  } finally {
    context.setAppTime(null);
  }
}

/** The pending follow-up of a repair, found as the desk would: the ticket by its fault, then its follow-ups. */
async function followUpOf(context: SeedContext, fault: string): Promise<FollowUpResponse> {
  const manager = await context.as(MANAGER);
  const tickets = await manager.get<TicketPageResponse>(`/tickets?q=${encodeURIComponent(fault)}`);
  const ticket = tickets.items.find((item) => item.fault === fault);
  if (ticket === undefined) throw new Error(`No demo ticket "${fault}"`);
  const followUps = await manager.get<FollowUpPageResponse>(
    `/follow-ups?ticketId=${ticket.id}&status=pending`,
  );
  const followUp = followUps.items[0];
  if (followUp === undefined) throw new Error(`The resolved ticket "${fault}" has no pending follow-up`);
  return followUp;
}

/**
 * Follow-ups (回访) and inspections (巡检). The worker first handles the tickets' events, so that every
 * resolved demo repair has its follow-up; then the care desk makes its calls at their moments.
 */
export const followUpsStep: SeedStep = {
  title: '回访与巡检 follow-ups and inspections',
  async run(context) {
    // Logged in at the real time, before the clock goes back.
    for (const username of [MANAGER, AGENT, DISPATCHER, JINGAN_AGENT, 'zhang.wei', 'li.qiang']) {
      await context.as(username);
    }
    const at = (when: At) => timeOnDay(context, when.day, when.time);
    await tellCareTickets(context, at);
    await context.runBackgroundJobs();

    const moments: Moment[] = [];
    for (const demo of DEMO_FOLLOW_UPS) {
      const followUp = await followUpOf(context, demo.fault);
      const caller = await context.as(demo.agent ?? AGENT);
      if (demo.assignTo) {
        const { username, at: when } = demo.assignTo;
        moments.push({
          at: at(when),
          run: async () =>
            (await context.as(MANAGER)).post(`/follow-ups/${followUp.id}/assign`, {
              assigneeId: context.ids.get('user', username),
            } satisfies AssignFollowUpDto),
        });
      }
      for (const attempt of demo.attempts ?? []) {
        moments.push({
          at: at(attempt.at),
          run: () =>
            caller.post(`/follow-ups/${followUp.id}/attempts`, {
              method: attempt.method,
              note: attempt.note,
              attemptedAt: at(attempt.at),
            } satisfies RecordAttemptDto),
        });
      }
      const outcome = demo.outcome;
      if (outcome) {
        moments.push({
          at: at(outcome.at),
          run: () =>
            caller.post(`/follow-ups/${followUp.id}/complete`, {
              method: outcome.method,
              contactedAt: at(outcome.at),
              satisfied: outcome.satisfied,
              score: outcome.score,
              comments: outcome.comments,
              action: outcome.action,
            } satisfies CompleteFollowUpDto),
        });
      }
    }
    await play(context, moments);

    const inspectionMoments: Moment[] = [];
    for (const demo of DEMO_INSPECTIONS) {
      const unit = demo.sku ? await unitOf(context, demo.customer, demo.sku) : null;
      let id = '';
      inspectionMoments.push({
        at: at(demo.scheduledAt),
        run: async () => {
          const body: ScheduleInspectionDto = {
            ...(unit ? { assetId: unit.id } : { customerId: context.ids.get('customer', demo.customer) }),
            dueAt: at(demo.dueAt),
            everyMonths: demo.everyMonths,
            assigneeId: context.ids.get('user', demo.assignee),
            note: demo.note,
          };
          id = (await (await context.as(MANAGER)).post<FollowUpDetailResponse>('/inspections', body)).id;
        },
      });
      const done = demo.done;
      if (done) {
        inspectionMoments.push({
          at: at(done.at),
          run: async () =>
            (await context.as(demo.assignee)).post(`/follow-ups/${id}/complete`, {
              contactedAt: at(done.at),
              findings: done.findings,
              satisfied: true,
              score: done.score,
            } satisfies CompleteFollowUpDto),
        });
      }
    }
    await play(context, inspectionMoments);

    const manager = await context.as(MANAGER);
    const count = async (kind: string) =>
      (await manager.get<FollowUpPageResponse>(`/follow-ups?kind=${kind}&pageSize=1`)).total;
    context.counted('followUps', await count('follow_up'));
    context.counted('inspections', await count('inspection'));
  },
};
