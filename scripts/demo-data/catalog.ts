import type { CreatePartDto, PartResponse } from '../../src/catalog/dto/part.dto';
import type { CreateProductDto, ProductResponse } from '../../src/catalog/dto/product.dto';
import { MANAGER } from './people';
import type { SeedStep } from './seed-step';

export interface DemoProduct {
  product: CreateProductDto;
  /** Start of the serial numbers of its units: prefix + sold date + running number. */
  serialPrefix: string;
  /** What the installer writes in the 安装调试记录 of each unit. */
  installationNotes: string;
  commissioningNotes: string;
}

const BRAND = '申江';

export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  {
    product: {
      sku: 'SJ-KFR35GW',
      name: '变频空调挂机 1.5 匹',
      category: '空调',
      brand: BRAND,
      model: 'KFR-35GW/BP3DN1',
      warrantyMonths: 72,
    },
    serialPrefix: 'SJ35GW',
    installationNotes:
      '内机离地约 2.3 米，水平校正；外机固定于空调板，膨胀螺栓 4 颗；铜管 3.5 米，排水坡度良好，墙孔已封堵。',
    commissioningNotes:
      '抽真空 15 分钟保压无泄漏；制冷试运行 30 分钟，出风 13℃，运行电流 4.8A，无异响。已讲解遥控器与滤网清洗。',
  },
  {
    product: {
      sku: 'SJ-KFR72LW',
      name: '变频空调柜机 3 匹',
      category: '空调',
      brand: BRAND,
      model: 'KFR-72LW/BP2DN1',
      warrantyMonths: 72,
    },
    serialPrefix: 'SJ72LW',
    installationNotes:
      '柜机靠墙放置并加防倾倒支架；外机落地安装于减震垫上；铜管 5 米，加长部分已焊接并保温。',
    commissioningNotes: '抽真空 20 分钟保压无泄漏；制冷、制热各运行 20 分钟，出风温差 11℃，运行电流 9.6A。',
  },
  {
    product: {
      sku: 'SJ-XQG100',
      name: '滚筒洗衣机 10 公斤',
      category: '洗衣机',
      brand: BRAND,
      model: 'XQG100-B14276',
      warrantyMonths: 36,
    },
    serialPrefix: 'SJXQG',
    installationNotes: '已拆除运输螺栓 4 颗交用户保管，调平四脚；进水管、排水管连接牢固无渗漏。',
    commissioningNotes:
      '空载运行快洗程序一个循环，进水、洗涤、排水、脱水正常，脱水无明显振动。已讲解童锁与桶自洁。',
  },
  {
    product: {
      sku: 'SJ-BCD520',
      name: '十字对开门冰箱 520 升',
      category: '冰箱',
      brand: BRAND,
      model: 'BCD-520WPGX',
      warrantyMonths: 36,
    },
    serialPrefix: 'SJBCD',
    installationNotes: '两侧及背部散热间距大于 10 厘米，调节前脚使箱体略后倾，门体平齐。',
    commissioningNotes: '通电运行 2 小时，冷藏室 4℃、冷冻室 -18℃ 达标，门封严密，照明正常。',
  },
  {
    product: {
      sku: 'SJ-JSQ30',
      name: '燃气热水器 16 升',
      category: '热水器',
      brand: BRAND,
      model: 'JSQ30-16QH2',
      warrantyMonths: 24,
    },
    serialPrefix: 'SJJSQ',
    installationNotes: '安装于厨房外墙，烟道伸出墙外 5 厘米并略向下倾斜；燃气管用金属波纹管，检漏合格。',
    commissioningNotes:
      '点火 10 次均正常，出水 45℃ 稳定；熄火保护、防干烧测试正常。已提醒用户定期检查燃气管。',
  },
  {
    product: {
      sku: 'SJ-DSZF60',
      name: '电热水器 60 升',
      category: '热水器',
      brand: BRAND,
      model: 'DSZF-60J3',
      warrantyMonths: 48,
    },
    serialPrefix: 'SJDSZF',
    installationNotes: '挂装于卫生间承重墙，膨胀螺栓固定；安装防电墙与泄压阀，接口无渗漏；专用插座接地良好。',
    commissioningNotes: '注满水通电加热至 75℃，温控正常；漏电保护测试跳闸正常，泄压阀排水正常。',
  },
  {
    product: {
      sku: 'SJ-CXW260',
      name: '侧吸式吸油烟机',
      category: '吸油烟机',
      brand: BRAND,
      model: 'CXW-260-E62',
      warrantyMonths: 12,
    },
    serialPrefix: 'SJCXW',
    installationNotes: '安装于灶台上方 70 厘米；排烟管接入公共烟道并加装止回阀，接口密封胶封口。',
    commissioningNotes: '高、低档运行正常，吸烟效果良好，照明正常，油杯安装到位。',
  },
  {
    product: {
      sku: 'SJ-RO600',
      name: 'RO 反渗透净水器 600G',
      category: '净水器',
      brand: BRAND,
      model: 'MRO-600G',
      warrantyMonths: 12,
    },
    serialPrefix: 'SJRO',
    installationNotes: '安装于厨下柜，接入进水角阀，废水管接入下水；压力桶预充 0.05MPa。',
    commissioningNotes: '冲洗滤芯 30 分钟，出水 TDS 由 186 降至 12，接口无渗漏。已讲解滤芯更换周期。',
  },
];

/** 易损件价目表 / 维修收费标准: unit price and labour fee in yuan. */
export const DEMO_PARTS: readonly CreatePartDto[] = [
  {
    code: 'YS-KT-YSJ',
    name: '压缩机（1.5 匹）',
    productCategory: '空调',
    unit: '台',
    unitPrice: 1280,
    labourFee: 300,
  },
  {
    code: 'YS-KT-NJB',
    name: '内机电脑板',
    productCategory: '空调',
    unit: '块',
    unitPrice: 380,
    labourFee: 120,
  },
  {
    code: 'YS-KT-WJB',
    name: '外机主板',
    productCategory: '空调',
    unit: '块',
    unitPrice: 520,
    labourFee: 150,
  },
  {
    code: 'YS-KT-FJ',
    name: '室外风机电机',
    productCategory: '空调',
    unit: '台',
    unitPrice: 260,
    labourFee: 120,
  },
  {
    code: 'YS-KT-R32',
    name: '冷媒 R32 加注',
    productCategory: '空调',
    unit: '千克',
    unitPrice: 85,
    labourFee: 80,
  },
  { code: 'YS-BX-YSJ', name: '压缩机', productCategory: '冰箱', unit: '台', unitPrice: 860, labourFee: 260 },
  { code: 'YS-BX-WKQ', name: '温控器', productCategory: '冰箱', unit: '个', unitPrice: 65, labourFee: 60 },
  { code: 'YS-BX-MFT', name: '门封条', productCategory: '冰箱', unit: '条', unitPrice: 90, labourFee: 50 },
  { code: 'YS-XY-PSB', name: '排水泵', productCategory: '洗衣机', unit: '个', unitPrice: 95, labourFee: 80 },
  {
    code: 'YS-XY-DNB',
    name: '电脑板',
    productCategory: '洗衣机',
    unit: '块',
    unitPrice: 320,
    labourFee: 100,
  },
  {
    code: 'YS-XY-ZC',
    name: '轴承组件',
    productCategory: '洗衣机',
    unit: '套',
    unitPrice: 180,
    labourFee: 200,
  },
  {
    code: 'YS-RS-BLF',
    name: '燃气比例阀',
    productCategory: '热水器',
    unit: '个',
    unitPrice: 160,
    labourFee: 100,
  },
  { code: 'YS-RS-DHZ', name: '点火针', productCategory: '热水器', unit: '个', unitPrice: 25, labourFee: 60 },
  { code: 'YS-RS-JRG', name: '加热管', productCategory: '热水器', unit: '根', unitPrice: 120, labourFee: 90 },
  { code: 'YS-RS-MB', name: '镁棒', productCategory: '热水器', unit: '根', unitPrice: 45, labourFee: 50 },
  { code: 'YS-RS-WKQ', name: '温控器', productCategory: '热水器', unit: '个', unitPrice: 55, labourFee: 60 },
  { code: 'YS-YY-DJ', name: '电机', productCategory: '吸油烟机', unit: '台', unitPrice: 280, labourFee: 120 },
  {
    code: 'YS-YY-KGB',
    name: '按键开关板',
    productCategory: '吸油烟机',
    unit: '块',
    unitPrice: 85,
    labourFee: 60,
  },
  {
    code: 'YS-JS-RO',
    name: 'RO 反渗透滤芯',
    productCategory: '净水器',
    unit: '支',
    unitPrice: 268,
    labourFee: 30,
  },
  {
    code: 'YS-JS-PP',
    name: 'PP 棉复合滤芯',
    productCategory: '净水器',
    unit: '支',
    unitPrice: 88,
    labourFee: 0,
  },
];

export const catalogStep: SeedStep = {
  title: '产品与备件价目 products and fee list',
  async run(context) {
    const manager = await context.as(MANAGER);
    for (const { product } of DEMO_PRODUCTS) {
      const created = await manager.post<ProductResponse>('/products', product);
      context.ids.set('product', created.sku, created.id);
      context.counted('products');
    }
    for (const part of DEMO_PARTS) {
      const created = await manager.post<PartResponse>('/parts', part);
      context.ids.set('part', created.code, created.id);
      context.counted('parts');
    }
  },
};
