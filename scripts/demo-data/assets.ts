import type { CreateAssetDto } from '../../src/assets/dto/asset.dto';
import { addMonths } from '../../src/common/calendar';
import { DEMO_PRODUCTS } from './catalog';
import { DEMO_CUSTOMERS } from './customers';
import { AGENT } from './people';
import { type SeedStep, daysFromToday } from './seed-step';

interface DemoAsset {
  customer: string;
  sku: string;
  /** Spread over three years, so that short warranties (12, 24 months) have run out for some units. */
  soldDaysAgo: number;
  /** Several identical units bought together (a hotel's air conditioners). */
  units?: number;
  /** An extended-warranty contract: the warranty ends this many months after the sale instead. */
  extendedWarranty?: { months: number; reason: string };
}

export const DEMO_ASSETS: readonly DemoAsset[] = [
  { customer: '王芳', sku: 'SJ-KFR35GW', soldDaysAgo: 400 },
  { customer: '王芳', sku: 'SJ-BCD520', soldDaysAgo: 400 },
  { customer: '王芳', sku: 'SJ-JSQ30', soldDaysAgo: 820 },
  { customer: '李明', sku: 'SJ-KFR72LW', soldDaysAgo: 150 },
  { customer: '李明', sku: 'SJ-XQG100', soldDaysAgo: 150 },
  { customer: '李明', sku: 'SJ-CXW260', soldDaysAgo: 500 },
  { customer: '陆晓东', sku: 'SJ-KFR35GW', soldDaysAgo: 1000 },
  { customer: '陆晓东', sku: 'SJ-DSZF60', soldDaysAgo: 300 },
  { customer: '顾美华', sku: 'SJ-XQG100', soldDaysAgo: 700 },
  { customer: '顾美华', sku: 'SJ-RO600', soldDaysAgo: 60 },
  { customer: '上海浦江物业管理有限公司', sku: 'SJ-KFR72LW', soldDaysAgo: 900, units: 3 },
  { customer: '上海浦江物业管理有限公司', sku: 'SJ-KFR35GW', soldDaysAgo: 200 },
  { customer: '张秀英', sku: 'SJ-JSQ30', soldDaysAgo: 45 },
  { customer: '张秀英', sku: 'SJ-BCD520', soldDaysAgo: 1050 },
  { customer: '黄伟', sku: 'SJ-XQG100', soldDaysAgo: 15 },
  { customer: '上海莘庄颐养院', sku: 'SJ-DSZF60', soldDaysAgo: 610, units: 2 },
  { customer: '上海莘庄颐养院', sku: 'SJ-XQG100', soldDaysAgo: 610 },
  { customer: '陈国华', sku: 'SJ-KFR35GW', soldDaysAgo: 30 },
  { customer: '陈国华', sku: 'SJ-RO600', soldDaysAgo: 430 },
  { customer: '刘婷', sku: 'SJ-BCD520', soldDaysAgo: 250 },
  { customer: '刘婷', sku: 'SJ-CXW260', soldDaysAgo: 250 },
  { customer: '徐静怡', sku: 'SJ-KFR35GW', soldDaysAgo: 90 },
  {
    customer: '马建军',
    sku: 'SJ-JSQ30',
    soldDaysAgo: 770,
    extendedWarranty: { months: 36, reason: '购买延保服务，延保卡号 YB-SJ-0318，整机保修延长 12 个月' },
  },
  { customer: '上海静安和悦酒店有限公司', sku: 'SJ-KFR72LW', soldDaysAgo: 540, units: 2 },
  { customer: '上海静安和悦酒店有限公司', sku: 'SJ-DSZF60', soldDaysAgo: 540 },
  { customer: '沈卫东', sku: 'SJ-XQG100', soldDaysAgo: 360 },
  { customer: '沈卫东', sku: 'SJ-KFR35GW', soldDaysAgo: 360 },
  { customer: '蒋桂兰', sku: 'SJ-DSZF60', soldDaysAgo: 980 },
  { customer: '上海朱家角水乡客栈有限公司', sku: 'SJ-KFR35GW', soldDaysAgo: 450, units: 2 },
  { customer: '吴建华', sku: 'SJ-KFR72LW', soldDaysAgo: 120 },
  { customer: '吴建华', sku: 'SJ-BCD520', soldDaysAgo: 680 },
  { customer: '钱玉珍', sku: 'SJ-JSQ30', soldDaysAgo: 200 },
  { customer: '杨帆', sku: 'SJ-RO600', soldDaysAgo: 20 },
  { customer: '杨帆', sku: 'SJ-CXW260', soldDaysAgo: 20 },
  { customer: '苏州吴中太湖度假酒店有限公司', sku: 'SJ-KFR35GW', soldDaysAgo: 300, units: 2 },
  { customer: '苏州吴中太湖度假酒店有限公司', sku: 'SJ-XQG100', soldDaysAgo: 300 },
  { customer: '朱伟明', sku: 'SJ-KFR35GW', soldDaysAgo: 75 },
  { customer: '朱伟明', sku: 'SJ-JSQ30', soldDaysAgo: 500 },
  { customer: '褚秀芳', sku: 'SJ-BCD520', soldDaysAgo: 880 },
  { customer: '嘉兴禾兴纺织有限公司', sku: 'SJ-KFR72LW', soldDaysAgo: 1020 },
];

/** Who installs for each outlet: its technician, or the outsourced outlet's trained staff. */
const INSTALLERS: Readonly<Record<string, string>> = {
  'WD-SH-001': '张伟',
  'WD-SH-002': '李强',
  'WD-SH-003': '吴磊',
  'WT-SZ-001': '周杰',
  'WT-JX-001': '沈国强',
};

function find<T>(items: readonly T[], match: (item: T) => boolean, what: string): T {
  const found = items.find(match);
  if (found === undefined) throw new Error(`Demo data refers to ${what}, which it does not define`);
  return found;
}

/** Delivered the day after the sale, installed, commissioned and accepted the day after that. */
export const assetsStep: SeedStep = {
  title: '售出设备与安装调试记录 assets',
  async run(context) {
    const agent = await context.as(AGENT);
    let running = 0;
    for (const demo of DEMO_ASSETS) {
      const product = find(DEMO_PRODUCTS, (p) => p.product.sku === demo.sku, `product ${demo.sku}`);
      const owner = find(
        DEMO_CUSTOMERS,
        (c) => c.customer.name === demo.customer,
        `customer ${demo.customer}`,
      );
      const soldOn = daysFromToday(context, -demo.soldDaysAgo);
      const installedOn = daysFromToday(context, 2 - demo.soldDaysAgo);
      for (let unit = 0; unit < (demo.units ?? 1); unit += 1) {
        running += 1;
        const saleDate = soldOn.slice(2).replace(/-/g, '');
        const body: CreateAssetDto = {
          serialNumber: `${product.serialPrefix}${saleDate}${String(running).padStart(4, '0')}`,
          productId: context.ids.get('product', demo.sku),
          customerId: context.ids.get('customer', demo.customer),
          soldOn,
          deliveredOn: daysFromToday(context, 1 - demo.soldDaysAgo),
          installedOn,
          acceptedOn: installedOn,
          installedBy: INSTALLERS[owner.outletCode] ?? null,
          installationNotes: product.installationNotes,
          commissioningNotes: product.commissioningNotes,
          ...(demo.extendedWarranty && {
            warrantyEndOverride: addMonths(soldOn, demo.extendedWarranty.months),
            warrantyOverrideReason: demo.extendedWarranty.reason,
          }),
        };
        await agent.post('/assets', body);
        context.counted('assets');
      }
    }
  },
};
