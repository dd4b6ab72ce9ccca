import type { AssetPageResponse } from '../../src/assets/dto/asset.dto';
import type {
  Finding,
  ReturnKind,
  ReturnMethod,
  ScrapMethod,
  VendorOutcome,
} from '../../src/returns/domain/return-fields';
import type {
  ChaseReturnDto,
  CreateReturnDto,
  InspectReturnDto,
  ReceiveBackReturnDto,
  RefundReturnDto,
  RegisterReturnDto,
  ReturnToCustomerDto,
  ScrapReturnDto,
  ShipReturnDto,
} from '../../src/returns/dto/return-request.dto';
import type { ReturnDetailResponse, ReturnPageResponse } from '../../src/returns/dto/return-response.dto';
import type { SupplierPageResponse } from '../../src/suppliers/dto/supplier.dto';
import { AGENT, MANAGER } from './people';
import { type SeedContext, type SeedStep, daysFromToday } from './seed-step';
import { type When, chronology, on } from './story';

/** The returns clerk of head office (返修人员): hand-over, vendor, chases, and most of the rest. */
export const RETURNS_CLERK = 'sun.li';
/** The 静安 station's own agent takes its customers' goods at its counter. */
const JINGAN_AGENT = 'zhao.min';

/** What the returns desk does, as POST /returns/:id/<action> names it. */
type DemoReturnAction =
  | { action: 'inspect'; finding: Finding; note: string }
  | { action: 'register'; handedOverBy: string }
  | { action: 'ship'; supplier: string; carrier: string; trackingNumber: string }
  | { action: 'chase'; contact: string; note: string; expectedBackIn?: number }
  | { action: 'receive-back'; outcome: VendorOutcome; note: string; replacementSerialNumber?: string }
  | { action: 'return-to-customer'; method: ReturnMethod; receivedByName: string; note?: string }
  | { action: 'refund'; amount: number; reason: string }
  | { action: 'scrap'; method: ScrapMethod; recycler: string; note: string }
  | { action: 'close'; note: string };

type DemoReturnStep = DemoReturnAction & { at: When };

export interface DemoReturn {
  customer: string;
  /** The customer's registered unit of this product, found in the asset register. */
  sku: string;
  /** Unique among the demo returns: how the test finds the record again. */
  fault: string;
  kind: ReturnKind;
  urgent?: boolean;
  description: string;
  condition: string;
  accessories: string;
  /** Who takes the goods in at the counter; defaults to the hotline agent. */
  agent?: string;
  receivedAt: When;
  steps: DemoReturnStep[];
}

/**
 * Goods brought back to the counter over the last month, in every state. Timed against the default
 * policy (chase exchanges every 2 days, repairs every 7, urgent ones daily; tell the customer after 14
 * days away): two records are still away past the notice threshold (one customer with mail, one
 * without), one urgent record has a chase overdue, and every settled one came back within 14 days.
 * The background jobs the seed runs at the end send those notices and that reminder.
 */
export const DEMO_RETURNS: readonly DemoReturn[] = [
  {
    customer: '刘婷',
    sku: 'SJ-BCD520',
    fault: '冰箱冷藏室不制冷，压缩机频繁启停，送修整机',
    kind: 'repair',
    description: '对开门冰箱整机',
    condition: '左门下沿轻微磕碰',
    accessories: '搁架 4 块、果蔬盒 2 个',
    receivedAt: on(-30, '10:00'),
    steps: [
      {
        at: on(-30, '14:00'),
        action: 'inspect',
        finding: 'product_fault',
        note: '压缩机启动继电器间歇失效，需返厂检测',
      },
      { at: on(-29, '09:00'), action: 'register', handedOverBy: '陈静' },
      {
        at: on(-29, '10:30'),
        action: 'ship',
        supplier: 'GF-001',
        carrier: '德邦物流',
        trackingNumber: 'DPK300128845761',
      },
      {
        at: on(-22, '09:40'),
        action: 'chase',
        contact: '潘志强 0573-8396 2100',
        note: '厂家已更换压缩机组件，正在做 24 小时降温测试',
        expectedBackIn: 4,
      },
      {
        at: on(-18, '14:00'),
        action: 'receive-back',
        outcome: 'repaired',
        note: '更换压缩机组件，降温测试合格',
      },
      { at: on(-17, '10:00'), action: 'return-to-customer', method: 'delivery', receivedByName: '刘婷' },
      { at: on(-15, '11:00'), action: 'close', note: '回访：冰箱制冷正常，客户满意' },
    ],
  },
  {
    customer: '上海浦江物业管理有限公司',
    sku: 'SJ-KFR72LW',
    fault: '3 号楼会议室柜机内机主板烧蚀，开机即跳闸，送修主板',
    kind: 'repair',
    description: '柜机内机主板',
    condition: '主板电源区有明显烧蚀痕迹',
    accessories: '无',
    receivedAt: on(-20, '09:30'),
    steps: [
      {
        at: on(-20, '11:00'),
        action: 'inspect',
        finding: 'product_fault',
        note: '主板电源模块击穿，需原厂返修',
      },
      { at: on(-19, '09:00'), action: 'register', handedOverBy: '张伟' },
      {
        at: on(-19, '10:00'),
        action: 'ship',
        supplier: 'GF-003',
        carrier: '顺丰速运',
        trackingNumber: 'SF1402837756231',
      },
      {
        at: on(-12, '09:30'),
        action: 'chase',
        contact: '蔡明 021-6918 4402',
        note: '供方已收货，排队检测中',
      },
      {
        at: on(-5, '16:00'),
        action: 'chase',
        contact: '蔡明 021-6918 4402',
        note: '主板电源芯片缺货，供方预计下周到料后修复',
        expectedBackIn: 5,
      },
    ],
  },
  {
    customer: '上海静安和悦酒店有限公司',
    sku: 'SJ-DSZF60',
    fault: '员工宿舍电热水器内胆渗漏，漏电保护频繁跳闸，整机送修',
    kind: 'repair',
    urgent: true,
    description: '60 升电热水器整机',
    condition: '内胆底部有渗水锈迹',
    accessories: '挂架一副',
    agent: JINGAN_AGENT,
    receivedAt: on(-16, '08:30'),
    steps: [
      {
        at: on(-16, '10:00'),
        action: 'inspect',
        finding: 'product_fault',
        note: '内胆焊缝渗漏，保修期内，需厂家处理',
      },
      { at: on(-16, '11:00'), action: 'register', handedOverBy: '张伟' },
      {
        at: on(-15, '11:00'),
        action: 'ship',
        supplier: 'GF-001',
        carrier: '顺丰速运',
        trackingNumber: 'SF1402839912804',
      },
      {
        at: on(-14, '10:00'),
        action: 'chase',
        contact: '潘志强 0573-8396 2100',
        note: '厂家已收货，加急检测',
      },
      {
        at: on(-13, '15:00'),
        action: 'chase',
        contact: '潘志强 0573-8396 2100',
        note: '内胆需整体更换，厂家调货中',
        expectedBackIn: 7,
      },
    ],
  },
  {
    customer: '杨帆',
    sku: 'SJ-RO600',
    fault: '新购净水器制水 10 分钟后自动停机，购机未满 15 天申请包换',
    kind: 'exchange',
    description: '反渗透净水器整机',
    condition: '外观完好，原包装',
    accessories: '滤芯 3 支、安装配件包、说明书',
    receivedAt: on(-5, '10:00'),
    steps: [
      {
        at: on(-5, '11:30'),
        action: 'inspect',
        finding: 'product_fault',
        note: '增压泵压力开关失灵，符合包换条件',
      },
      { at: on(-5, '14:00'), action: 'register', handedOverBy: '陈静' },
      {
        at: on(-4, '14:00'),
        action: 'ship',
        supplier: 'GF-001',
        carrier: '中通快递',
        trackingNumber: 'ZT78451236690',
      },
      {
        at: on(-1, '09:00'),
        action: 'chase',
        contact: '潘志强 0573-8396 2100',
        note: '换货新机已出库，明天发出',
        expectedBackIn: 2,
      },
    ],
  },
  {
    customer: '李明',
    sku: 'SJ-CXW260',
    fault: '吸油烟机电机运转时有金属摩擦声，送修电机总成',
    kind: 'repair',
    description: '吸油烟机电机总成',
    condition: '电机外壳油污较重',
    accessories: '风轮一个',
    receivedAt: on(-10, '10:00'),
    steps: [
      {
        at: on(-10, '14:00'),
        action: 'inspect',
        finding: 'product_fault',
        note: '电机轴承异响，需厂家更换轴承',
      },
      { at: on(-9, '09:30'), action: 'register', handedOverBy: '陈静' },
      {
        at: on(-9, '10:00'),
        action: 'ship',
        supplier: 'GF-001',
        carrier: '德邦物流',
        trackingNumber: 'DPK300131178220',
      },
      {
        at: on(-3, '15:00'),
        action: 'chase',
        contact: '潘志强 0573-8396 2100',
        note: '已修复，今日发回',
        expectedBackIn: 1,
      },
      {
        at: on(-2, '16:00'),
        action: 'receive-back',
        outcome: 'repaired',
        note: '更换电机轴承，试运转噪声正常',
      },
    ],
  },
  {
    customer: '王芳',
    sku: 'SJ-JSQ30',
    fault: '燃气热水器比例阀失灵，水温忽高忽低，送修整机',
    kind: 'repair',
    description: '燃气热水器整机',
    condition: '外壳完好',
    accessories: '无',
    receivedAt: on(-8, '10:00'),
    steps: [
      { at: on(-8, '15:00'), action: 'inspect', finding: 'product_fault', note: '比例阀线圈阻值异常' },
      { at: on(-7, '09:00'), action: 'register', handedOverBy: '张伟' },
      {
        at: on(-7, '10:00'),
        action: 'ship',
        supplier: 'GF-004',
        carrier: '顺丰速运',
        trackingNumber: 'SF1402841220937',
      },
      {
        at: on(-4, '10:00'),
        action: 'chase',
        contact: '孙建平 0573-8210 5527',
        note: '比例阀已更换，正在试烧',
      },
      { at: on(-2, '11:00'), action: 'receive-back', outcome: 'repaired', note: '更换比例阀，试烧恒温正常' },
      { at: on(-1, '15:00'), action: 'return-to-customer', method: 'pickup', receivedByName: '王芳' },
    ],
  },
  {
    customer: '褚秀芳',
    sku: 'SJ-BCD520',
    fault: '冰箱压缩机不启动，整机送检',
    kind: 'repair',
    description: '冰箱整机',
    condition: '使用多年，门封老化',
    accessories: '无',
    receivedAt: on(-9, '10:30'),
    steps: [
      { at: on(-9, '14:00'), action: 'inspect', finding: 'product_fault', note: '压缩机烧毁，本站无法维修' },
      { at: on(-8, '09:00'), action: 'register', handedOverBy: '陈静' },
      {
        at: on(-8, '10:00'),
        action: 'ship',
        supplier: 'GF-002',
        carrier: '德邦物流',
        trackingNumber: 'DPK300131009964',
      },
      {
        at: on(-4, '15:00'),
        action: 'receive-back',
        outcome: 'rejected',
        note: '该型号压缩机已停产，无配件可修',
      },
      {
        at: on(-3, '10:00'),
        action: 'scrap',
        method: 'recycling',
        recycler: '嘉兴市再生资源回收利用有限公司',
        note: '客户同意报废并以旧换新，冷媒已回收',
      },
    ],
  },
  {
    customer: '黄伟',
    sku: 'SJ-XQG100',
    fault: '新购洗衣机脱水时箱体震动移位，购机 3 天申请退货',
    kind: 'refund',
    description: '滚筒洗衣机整机',
    condition: '外观完好，原包装',
    accessories: '进水管、排水管支架、说明书',
    receivedAt: on(-12, '10:00'),
    steps: [
      {
        at: on(-12, '11:00'),
        action: 'inspect',
        finding: 'product_fault',
        note: '减震器阻尼不足，属质量问题',
      },
      { at: on(-11, '09:00'), action: 'register', handedOverBy: '陈静' },
      { at: on(-10, '10:00'), action: 'refund', amount: 3299, reason: '购机 7 日内质量问题，按退货处理' },
    ],
  },
  {
    customer: '陈国华',
    sku: 'SJ-RO600',
    fault: '净水器出水有异味，更换滤芯后仍未改善',
    kind: 'repair',
    description: '反渗透净水器整机',
    condition: '外观完好',
    accessories: '无',
    agent: JINGAN_AGENT,
    receivedAt: on(-3, '10:00'),
    steps: [
      {
        at: on(-3, '14:00'),
        action: 'inspect',
        finding: 'product_fault',
        note: '储水桶内胆霉变，需厂家更换',
      },
      { at: on(-2, '10:00'), action: 'register', handedOverBy: '赵敏' },
    ],
  },
  {
    customer: '马建军',
    sku: 'SJ-JSQ30',
    fault: '燃气热水器打火后熄火，显示 E1',
    kind: 'repair',
    description: '燃气热水器整机',
    condition: '外壳有划痕',
    accessories: '无',
    agent: JINGAN_AGENT,
    receivedAt: on(-1, '10:00'),
    steps: [
      {
        at: on(-1, '15:00'),
        action: 'inspect',
        finding: 'human_damage',
        note: '排烟管自行加长改装导致熄火保护，非质量问题，待客户确认是否付费维修',
      },
    ],
  },
  {
    customer: '张秀英',
    sku: 'SJ-JSQ30',
    fault: '燃气热水器冬季冻裂漏水，客户送至门店',
    kind: 'repair',
    description: '燃气热水器整机',
    condition: '水箱铜管开裂',
    accessories: '无',
    receivedAt: { minutesAgo: 90 },
    steps: [],
  },
];

/** Who does the step at the company: the manager refunds, the returns clerk does the rest. */
function actorOf(step: DemoReturnStep): string {
  return step.action === 'refund' ? MANAGER : RETURNS_CLERK;
}

/** The request body of a step, with supplier codes turned into ids and day counts into dates. */
function bodyOf(
  context: SeedContext,
  step: DemoReturnStep,
  day: number,
  suppliers: ReadonlyMap<string, string>,
): object {
  switch (step.action) {
    case 'inspect':
      return { finding: step.finding, note: step.note } satisfies InspectReturnDto;
    case 'register':
      return { handedOverBy: step.handedOverBy } satisfies RegisterReturnDto;
    case 'ship': {
      const supplierId = suppliers.get(step.supplier);
      if (supplierId === undefined) throw new Error(`Demo return ships to unknown supplier ${step.supplier}`);
      return {
        supplierId,
        carrier: step.carrier,
        trackingNumber: step.trackingNumber,
      } satisfies ShipReturnDto;
    }
    case 'chase':
      return {
        contact: step.contact,
        note: step.note,
        expectedBackOn:
          step.expectedBackIn === undefined ? undefined : daysFromToday(context, day + step.expectedBackIn),
      } satisfies ChaseReturnDto;
    case 'receive-back':
      return {
        outcome: step.outcome,
        note: step.note,
        replacementSerialNumber: step.replacementSerialNumber,
      } satisfies ReceiveBackReturnDto;
    case 'return-to-customer':
      return {
        method: step.method,
        receivedByName: step.receivedByName,
        note: step.note,
      } satisfies ReturnToCustomerDto;
    case 'refund':
      return { amount: step.amount, reason: step.reason } satisfies RefundReturnDto;
    case 'scrap':
      return {
        method: step.method,
        recycler: step.recycler,
        scrappedOn: daysFromToday(context, day),
        note: step.note,
      } satisfies ScrapReturnDto;
    case 'close':
      return { note: step.note };
  }
}

/** The customer's unit of the product, as the counter finds it in the asset register. */
async function serialOf(context: SeedContext, demo: DemoReturn): Promise<string> {
  const agent = await context.as(AGENT);
  const customerId = context.ids.get('customer', demo.customer);
  const productId = context.ids.get('product', demo.sku);
  const units = await agent.get<AssetPageResponse>(`/assets?customerId=${customerId}&productId=${productId}`);
  const serial = units.items[0]?.serialNumber;
  if (serial === undefined) throw new Error(`${demo.customer} has no ${demo.sku} in the asset register`);
  return serial;
}

/**
 * Returned goods brought to the counter, told through the API at their own moments (the application's
 * clock set to each in turn), after the repair tickets, one of which took goods back itself. Chases
 * fall due and customers are told by the background jobs, which the seed runs once every story is told.
 */
export const returnsStep: SeedStep = {
  title: '返修物品 returned goods',
  async run(context) {
    // Logged in and looked up at the real time, before the clock goes back.
    const clerk = await context.as(RETURNS_CLERK);
    for (const username of [AGENT, JINGAN_AGENT, MANAGER]) await context.as(username);
    const suppliers = new Map<string, string>();
    const listed = await clerk.get<SupplierPageResponse>('/suppliers?pageSize=200');
    for (const supplier of listed.items) suppliers.set(supplier.code, supplier.id);
    const serials = new Map<DemoReturn, string>();
    for (const demo of DEMO_RETURNS) serials.set(demo, await serialOf(context, demo));

    const now = new Date();
    const ids = new Map<DemoReturn, string>();
    try {
      for (const { demo, step, at } of chronology(context, now, DEMO_RETURNS, {
        start: (demo) => demo.receivedAt,
        name: (demo) => `Demo return "${demo.fault}"`,
      })) {
        context.setAppTime(at);
        if (step === null) {
          const agent = await context.as(demo.agent ?? AGENT);
          const body: CreateReturnDto = {
            kind: demo.kind,
            urgent: demo.urgent ?? false,
            customerId: context.ids.get('customer', demo.customer),
            fault: demo.fault,
            items: [
              {
                productId: context.ids.get('product', demo.sku),
                description: demo.description,
                serialNumber: serials.get(demo),
                condition: demo.condition,
                accessories: demo.accessories,
              },
            ],
          };
          ids.set(demo, (await agent.post<ReturnDetailResponse>('/returns', body)).id);
          continue;
        }
        const day = 'day' in step.at ? step.at.day : 0;
        const session = await context.as(actorOf(step));
        await session.post(
          `/returns/${ids.get(demo) ?? ''}/${step.action}`,
          bodyOf(context, step, day, suppliers),
        );
        if (step.action === 'chase') context.counted('returnChases');
      }
    } finally {
      context.setAppTime(null);
    }
    // Every record, the ones repair tickets took back included.
    context.counted('returns', (await clerk.get<ReturnPageResponse>('/returns?pageSize=1')).total);
  },
};
