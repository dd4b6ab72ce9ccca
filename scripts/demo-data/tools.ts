import type {
  CreateToolDto,
  RecordInspectionDto,
  RecordedInspectionResponse,
  ToolResponse,
} from '../../src/tools/dto/tool.dto';
import { MANAGER } from './people';
import { type SeedStep, daysFromToday } from './seed-step';

interface DemoTool {
  tool: Omit<CreateToolDto, 'outletId' | 'purchasedOn'> & { outletCode: string; purchasedDays: number };
  /** Yearly inspections, oldest first, on this many days from today; all passed. */
  inspectedDays: number[];
  certificatePrefix: string;
}

const INSPECTOR = '上海市计量测试技术研究院';

/** 设备工具年检: with a 12-month interval, GJ-001 (last passed 380 days ago) is overdue and GJ-005 due soon. */
export const DEMO_TOOLS: readonly DemoTool[] = [
  {
    tool: {
      code: 'GJ-001',
      name: '兆欧表',
      model: 'ZC25-4',
      serialNumber: 'ZC2520190311',
      outletCode: 'WD-SH-001',
      keeper: '张伟',
      purchasedDays: -1500,
    },
    inspectedDays: [-745, -380],
    certificatePrefix: 'JL-DQ',
  },
  {
    tool: {
      code: 'GJ-002',
      name: '数字万用表',
      model: 'UT61E+',
      serialNumber: 'UT61E2022C0457',
      outletCode: 'WD-SH-001',
      keeper: '张伟',
      purchasedDays: -900,
    },
    inspectedDays: [-465, -100],
    certificatePrefix: 'JL-DQ',
  },
  {
    tool: {
      code: 'GJ-003',
      name: '卤素检漏仪',
      model: 'TIFXP-1A',
      serialNumber: 'XP1A210876',
      outletCode: 'WD-SH-002',
      keeper: '李强',
      purchasedDays: -600,
    },
    inspectedDays: [-200],
    certificatePrefix: 'JL-LL',
  },
  {
    tool: {
      code: 'GJ-004',
      name: '冷媒压力表组',
      model: 'CPS MD100',
      serialNumber: 'MD100-33921',
      outletCode: 'WD-SH-002',
      keeper: '李强',
      purchasedDays: -820,
    },
    inspectedDays: [-400, -35],
    certificatePrefix: 'JL-YL',
  },
  {
    tool: {
      code: 'GJ-005',
      name: '可燃气体检测仪',
      model: 'AS8800A',
      serialNumber: 'AS8800A-1187',
      outletCode: 'WD-SH-003',
      keeper: '吴磊',
      purchasedDays: -700,
    },
    inspectedDays: [-340],
    certificatePrefix: 'JL-QT',
  },
];

export const toolsStep: SeedStep = {
  title: '设备工具与年检 tools and inspections',
  async run(context) {
    const manager = await context.as(MANAGER);
    for (const { tool, inspectedDays, certificatePrefix } of DEMO_TOOLS) {
      const { outletCode, purchasedDays, ...fields } = tool;
      const body: CreateToolDto = {
        ...fields,
        outletId: context.ids.get('outlet', outletCode),
        purchasedOn: daysFromToday(context, purchasedDays),
        inspectionIntervalMonths: 12,
      };
      const created = await manager.post<ToolResponse>('/tools', body);
      let { version } = created;
      context.counted('tools');
      for (const days of inspectedDays) {
        const inspectedOn = daysFromToday(context, days);
        const inspection: RecordInspectionDto = {
          inspectedOn,
          inspector: INSPECTOR,
          result: 'passed',
          certificateNumber: `${certificatePrefix}-${inspectedOn.replace(/-/g, '')}-${tool.code.slice(-3)}`,
          expectedVersion: version,
        };
        const recorded = await manager.post<RecordedInspectionResponse>(
          `/tools/${created.id}/inspections`,
          inspection,
        );
        version = recorded.tool.version;
        context.counted('toolInspections');
      }
    }
  },
};
