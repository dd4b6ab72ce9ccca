import type { OutletActionDto } from '../../src/outlets/dto/outlet-action.dto';
import type {
  CloseRectificationActionDto,
  CreateOutletReviewDto,
  CreateRectificationActionDto,
  OutletReviewResponse,
  RectificationActionResponse,
} from '../../src/outlets/dto/outlet-review.dto';
import type { CreateOutletStaffDto } from '../../src/outlets/dto/outlet-staff.dto';
import type { CreateOutletDto, OutletResponse } from '../../src/outlets/dto/outlet.dto';
import { MANAGER } from './people';
import { type SeedContext, type SeedStep, daysFromToday } from './seed-step';

interface DemoOutlet {
  outlet: Omit<
    CreateOutletDto,
    'agreementValidFrom' | 'agreementValidUntil' | 'licenceValidUntil' | 'agreementNumber' | 'licenceNumber'
  >;
  /** Outsourced outlets' qualification file; validities in days from today. */
  agreement?: { number: string; fromDays: number; untilDays: number };
  licence?: { number: string; untilDays: number };
  /** Why the manager approved it and put it into operation; absent for an outlet still proposed. */
  lifecycle?: { approve: string; activate: string };
  /** Trained staff on an outsourced outlet's file; certificate validity in days from today. */
  staff?: (Omit<CreateOutletStaffDto, 'certificateValidUntil'> & { certificateUntilDays: number })[];
}

const SHANGHAI = '上海市';

export const DEMO_OUTLETS: readonly DemoOutlet[] = [
  {
    outlet: {
      code: 'WD-SH-001',
      name: '上海浦东服务中心',
      kind: 'own',
      address: '上海市浦东新区张杨路 1588 号 1 层',
      region: `${SHANGHAI}/浦东新区`,
      coverageRegions: [`${SHANGHAI}/浦东新区`, `${SHANGHAI}/闵行区`],
      phone: '021-5836 2201',
      managerName: '黄志刚',
    },
    lifecycle: {
      approve: '浦东、闵行两区保有量最大，设立自建服务中心兼备件库',
      activate: '场地、人员、工具配置验收合格，即日起运营',
    },
  },
  {
    outlet: {
      code: 'WD-SH-002',
      name: '上海静安服务站',
      kind: 'own',
      address: '上海市静安区共和新路 2299 号',
      region: `${SHANGHAI}/静安区`,
      coverageRegions: [`${SHANGHAI}/静安区`, `${SHANGHAI}/普陀区`, `${SHANGHAI}/黄浦区`],
      phone: '021-5663 0817',
      managerName: '许文斌',
    },
    lifecycle: {
      approve: '中心城区报修量增长，需就近上门服务',
      activate: '服务站装修完成，维修人员到岗',
    },
  },
  {
    outlet: {
      code: 'WD-SH-003',
      name: '上海松江服务站',
      kind: 'own',
      address: '上海市松江区荣乐中路 385 号',
      region: `${SHANGHAI}/松江区`,
      coverageRegions: [`${SHANGHAI}/松江区`, `${SHANGHAI}/青浦区`, `${SHANGHAI}/金山区`],
      phone: '021-5781 6630',
      managerName: '顾国平',
    },
    lifecycle: {
      approve: '覆盖西南郊区及农村用户，缩短上门时间',
      activate: '验收合格，投入运营',
    },
  },
  {
    outlet: {
      code: 'WT-SZ-001',
      name: '苏州吴中委外网点',
      kind: 'outsourced',
      address: '江苏省苏州市吴中区东吴北路 98 号',
      region: '江苏省/苏州市/吴中区',
      coverageRegions: ['江苏省/苏州市'],
      phone: '0512-6525 3318',
      managerName: '钱峰',
    },
    agreement: { number: 'FW-2025-SZ-01', fromDays: -165, untilDays: 200 },
    licence: { number: '91320506MA1Y8K3F2P', untilDays: 3300 },
    lifecycle: {
      approve: '苏州地区用户增多，委托本地服务商；资质审查合格',
      activate: '服务协议已签订，人员培训考核合格',
    },
    staff: [
      {
        name: '周杰',
        phone: '13962187745',
        training: '变频空调维修技术培训（32 学时）',
        certificateNumber: 'PX-SZ-2025-011',
        certificateUntilDays: 540,
      },
      {
        name: '钱峰',
        phone: '13906201358',
        training: 'GB/T 27922 售后服务规范培训（8 学时）',
        certificateNumber: 'PX-SZ-2025-012',
        certificateUntilDays: 400,
      },
    ],
  },
  {
    outlet: {
      code: 'WT-JX-001',
      name: '嘉兴南湖委外网点',
      kind: 'outsourced',
      address: '浙江省嘉兴市南湖区中山东路 1268 号',
      region: '浙江省/嘉兴市/南湖区',
      coverageRegions: ['浙江省/嘉兴市/南湖区', '浙江省/嘉兴市/秀洲区'],
      phone: '0573-8221 6056',
      managerName: '沈国强',
    },
    // Runs out within the warning window, so the expiry alert shows at once.
    agreement: { number: 'FW-2025-JX-01', fromDays: -345, untilDays: 20 },
    licence: { number: '91330402MA2B7P6X1K', untilDays: 2500 },
    lifecycle: {
      approve: '嘉兴南湖、秀洲两区委托本地服务商；资质审查合格',
      activate: '服务协议已签订，人员培训考核合格',
    },
    staff: [
      {
        name: '沈国强',
        phone: '13857320916',
        training: '燃气热水器安装维修培训（16 学时）',
        certificateNumber: 'PX-JX-2025-003',
        certificateUntilDays: 25,
      },
      {
        name: '朱丽娟',
        phone: '13967388102',
        training: '变频空调维修技术培训（32 学时）',
        certificateNumber: 'PX-JX-2025-004',
        certificateUntilDays: 300,
      },
    ],
  },
  {
    outlet: {
      code: 'WT-NT-001',
      name: '南通崇川委外网点',
      kind: 'outsourced',
      address: '江苏省南通市崇川区工农路 57 号',
      region: '江苏省/南通市/崇川区',
      coverageRegions: ['江苏省/南通市'],
      phone: '0513-8551 2760',
      managerName: '陈卫国',
    },
    // Still being assessed: no agreement yet, so it stays proposed.
  },
];

async function createOutlet(context: SeedContext, demo: DemoOutlet): Promise<void> {
  const manager = await context.as(MANAGER);
  const body: CreateOutletDto = {
    ...demo.outlet,
    agreementNumber: demo.agreement?.number ?? null,
    agreementValidFrom: demo.agreement ? daysFromToday(context, demo.agreement.fromDays) : null,
    agreementValidUntil: demo.agreement ? daysFromToday(context, demo.agreement.untilDays) : null,
    licenceNumber: demo.licence?.number ?? null,
    licenceValidUntil: demo.licence ? daysFromToday(context, demo.licence.untilDays) : null,
  };
  let outlet = await manager.post<OutletResponse>('/outlets', body);
  context.ids.set('outlet', outlet.code, outlet.id);
  context.counted('outlets');
  const { lifecycle } = demo;
  if (lifecycle) {
    // Approved by the manager, then put into operation.
    for (const action of ['approve', 'activate'] as const) {
      const actionBody: OutletActionDto = { reason: lifecycle[action], expectedVersion: outlet.version };
      outlet = await manager.post<OutletResponse>(`/outlets/${outlet.id}/${action}`, actionBody);
    }
  }
  for (const { certificateUntilDays, ...person } of demo.staff ?? []) {
    const staffBody: CreateOutletStaffDto = {
      ...person,
      certificateValidUntil: daysFromToday(context, certificateUntilDays),
    };
    await manager.post(`/outlets/${outlet.id}/staff`, staffBody);
    context.counted('outletStaff');
  }
}

export const outletsStep: SeedStep = {
  title: '服务网点 outlets',
  async run(context) {
    for (const demo of DEMO_OUTLETS) await createOutlet(context, demo);
  },
};

/** The Suzhou outlet's yearly review (年度评审): findings and two rectification actions, one closed. */
export const outletReviewStep: SeedStep = {
  title: '网点年度评审 outlet review',
  async run(context) {
    const manager = await context.as(MANAGER);
    const outletId = context.ids.get('outlet', 'WT-SZ-001');
    const reviewedOn = daysFromToday(context, -40);
    const review: CreateOutletReviewDto = {
      year: Number(reviewedOn.slice(0, 4)),
      reviewedOn,
      reviewer: '王建国（售后服务管理师）',
      score: 84.5,
      findings:
        '1. 备件出入库台账部分月份记录不全；2. 抽查 10 份维修记录单，2 份缺少客户签字确认；' +
        '3. 技术人员持证上岗，培训记录完整；4. 回访记录齐全，满意度 96%。',
      conclusion: '合格，限期整改',
    };
    const created = await manager.post<OutletReviewResponse>(`/outlets/${outletId}/reviews`, review);
    context.counted('outletReviews');
    const path = `/outlets/${outletId}/reviews/${created.id}/actions`;
    const ledger: CreateRectificationActionDto = {
      description: '补全备件出入库台账，建立月度盘点制度',
      responsible: '钱峰（网点负责人）',
      dueOn: daysFromToday(context, -20),
    };
    const signatures: CreateRectificationActionDto = {
      description: '维修记录单客户签字确认率达到 100%，网点每月自查 20 份',
      responsible: '钱峰（网点负责人）',
      dueOn: daysFromToday(context, 30),
    };
    const done = await manager.post<RectificationActionResponse>(path, ledger);
    await manager.post(path, signatures);
    context.counted('rectificationActions', 2);
    const closure: CloseRectificationActionDto = {
      closureNote: '台账已补全，两次月度盘点记录已归档，复核无误',
      expectedVersion: done.version,
    };
    await manager.post(`${path}/${done.id}/close`, closure);
  },
};
