import type { CreateSupplierDto } from '../../src/suppliers/dto/supplier.dto';
import { MANAGER } from './people';
import { type SeedStep, daysFromToday } from './seed-step';

type DemoSupplier = Omit<CreateSupplierDto, 'qualifiedOn' | 'qualifiedUntil'> & {
  /** On the qualified list from / until, in days from today. */
  qualifiedDays: [number, number];
};

/** 合格供方名录: who repairs or replaces the goods the outlets cannot fix on site. */
export const DEMO_SUPPLIERS: readonly DemoSupplier[] = [
  {
    code: 'GF-001',
    name: '浙江申江电器制造有限公司',
    kind: 'manufacturer',
    scope: '空调、冰箱、洗衣机整机及原厂配件；包换整机、返厂维修',
    contactName: '潘志强',
    phone: '0573-8396 2100',
    email: 'aftersales@shenjiang-mfg.demo.example.cn',
    address: '浙江省嘉兴市秀洲区康和路 1288 号',
    qualifiedDays: [-700, 395],
    rating: 95,
  },
  {
    code: 'GF-002',
    name: '苏州恒温制冷设备维修有限公司',
    kind: 'repairer',
    scope: '压缩机维修、制冷系统检漏与冷媒回收',
    contactName: '严卫东',
    phone: '0512-6826 7731',
    email: 'service@hengwen-zl.demo.example.cn',
    address: '江苏省苏州市吴中区澄湖东路 55 号',
    qualifiedDays: [-420, 310],
    rating: 88,
  },
  {
    code: 'GF-003',
    name: '上海沪达电子元件有限公司',
    kind: 'vendor',
    scope: '空调、洗衣机电脑板及温度传感器供应，电脑板返修',
    contactName: '蔡明',
    phone: '021-6918 4402',
    email: 'sales@huda-dz.demo.example.cn',
    address: '上海市嘉定区叶城路 912 号',
    qualifiedDays: [-300, 430],
    rating: 86.5,
  },
  {
    code: 'GF-004',
    name: '嘉兴安泰燃气具维修有限公司',
    kind: 'repairer',
    scope: '燃气热水器整机检修、比例阀与水气联动阀维修',
    contactName: '孙建平',
    phone: '0573-8210 5527',
    email: null,
    address: '浙江省嘉兴市南湖区东栅街道凌公塘路 66 号',
    qualifiedDays: [-200, 165],
    rating: 80,
    notes: '2025 年度评价合格；需每季度提供维修合格率报表',
  },
];

export const suppliersStep: SeedStep = {
  title: '合格供方 suppliers',
  async run(context) {
    const manager = await context.as(MANAGER);
    for (const { qualifiedDays, ...supplier } of DEMO_SUPPLIERS) {
      const body: CreateSupplierDto = {
        ...supplier,
        qualifiedOn: daysFromToday(context, qualifiedDays[0]),
        qualifiedUntil: daysFromToday(context, qualifiedDays[1]),
      };
      await manager.post('/suppliers', body);
      context.counted('suppliers');
    }
  },
};
