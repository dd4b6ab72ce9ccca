import { nationalIdProblems } from '../../src/common/pii/national-id';
import type { CreateCustomerDto, CustomerResponse } from '../../src/customers/dto/customer.dto';
import { AGENT } from './people';
import type { SeedStep } from './seed-step';

export interface DemoCustomer {
  customer: Omit<CreateCustomerDto, 'outletId' | 'nationalId' | 'code'> & { name: string };
  /** The serving outlet. */
  outletCode: string;
  /** For a valid 身份证号: area code, birth date, sequence; the check character is computed. */
  nationalId?: [area: string, birthDate: string, sequence: string];
}

/**
 * A valid 18-character ID number: of the eleven possible check characters, the one the application's
 * own validator accepts (GB 11643, ISO 7064 MOD 11-2).
 */
export function validNationalId(area: string, birthDate: string, sequence: string, today: string): string {
  const first17 = `${area}${birthDate.replace(/-/g, '')}${sequence}`;
  const id = [...'0123456789X']
    .map((check) => first17 + check)
    .find((candidate) => {
      return nationalIdProblems(candidate, today).length === 0;
    });
  if (id === undefined) throw new Error(`No valid ID number starts with ${area} ${birthDate} ${sequence}`);
  return id;
}

const SH = '上海市';
const email = (name: string) => `${name}@demo.example.cn`;

export const DEMO_CUSTOMERS: readonly DemoCustomer[] = [
  {
    customer: {
      kind: 'person',
      name: '王芳',
      phone: '13816608821',
      email: email('wangfang'),
      address: '上海市浦东新区张杨路 1250 弄 8 号 602 室',
      region: `${SH}/浦东新区`,
      zone: 'urban',
    },
    outletCode: 'WD-SH-001',
    nationalId: ['310115', '1985-03-17', '042'],
  },
  {
    customer: {
      kind: 'person',
      name: '李明',
      phone: '13901772345',
      address: '上海市浦东新区锦绣路 2580 弄 15 号 1101 室',
      region: `${SH}/浦东新区`,
      zone: 'urban',
    },
    outletCode: 'WD-SH-001',
  },
  {
    customer: {
      kind: 'person',
      name: '陆晓东',
      phone: '13761920573',
      address: '上海市浦东新区川沙新镇新川路 438 弄 3 号 201 室',
      region: `${SH}/浦东新区`,
      zone: 'suburban',
    },
    outletCode: 'WD-SH-001',
  },
  {
    customer: {
      kind: 'person',
      name: '顾美华',
      phone: '15921078834',
      address: '上海市浦东新区惠南镇城南路 168 弄 22 号',
      region: `${SH}/浦东新区`,
      zone: 'suburban',
      notes: '白天家中无人，请提前一天电话预约',
    },
    outletCode: 'WD-SH-001',
  },
  {
    customer: {
      kind: 'company',
      name: '上海浦江物业管理有限公司',
      phone: '021-5046 3388',
      email: email('service.pujiang'),
      contacts: [
        { name: '周建平', phone: '13601891256', role: '设备科长' },
        { name: '林晓燕', phone: '13524460987', role: '行政主管' },
      ],
      address: '上海市浦东新区世纪大道 1500 号东方大厦 9 楼',
      region: `${SH}/浦东新区`,
      zone: 'urban',
      notes: '物业统一报修；工作日 9:00-17:00 上门，需提前登记访客',
    },
    outletCode: 'WD-SH-001',
  },
  {
    customer: {
      kind: 'person',
      name: '张秀英',
      phone: '13585706623',
      address: '上海市闵行区莘庄镇莘松路 380 弄 12 号 502 室',
      region: `${SH}/闵行区`,
      zone: 'suburban',
    },
    outletCode: 'WD-SH-001',
    nationalId: ['310112', '1962-09-04', '026'],
  },
  {
    customer: {
      kind: 'person',
      name: '黄伟',
      phone: '13651966318',
      address: '上海市闵行区七宝镇七莘路 1885 弄 10 号 802 室',
      region: `${SH}/闵行区`,
      zone: 'urban',
    },
    outletCode: 'WD-SH-001',
  },
  {
    customer: {
      kind: 'company',
      name: '上海莘庄颐养院',
      phone: '021-6492 1150',
      contacts: [{ name: '何志明', phone: '13916257704', role: '后勤主任' }],
      address: '上海市闵行区都市路 3151 号',
      region: `${SH}/闵行区`,
      zone: 'suburban',
    },
    outletCode: 'WD-SH-001',
  },
  {
    customer: {
      kind: 'person',
      name: '陈国华',
      phone: '13311879460',
      address: '上海市静安区共和新路 3088 弄 5 号 1602 室',
      region: `${SH}/静安区`,
      zone: 'urban',
    },
    outletCode: 'WD-SH-002',
  },
  {
    customer: {
      kind: 'person',
      name: '刘婷',
      phone: '18621553097',
      email: email('liuting'),
      address: '上海市普陀区真北路 1108 弄 9 号 403 室',
      region: `${SH}/普陀区`,
      zone: 'urban',
    },
    outletCode: 'WD-SH-002',
  },
  {
    customer: {
      kind: 'person',
      name: '徐静怡',
      phone: '13764432188',
      address: '上海市黄浦区瞿溪路 1111 弄 2 号 1205 室',
      region: `${SH}/黄浦区`,
      zone: 'urban',
    },
    outletCode: 'WD-SH-002',
    nationalId: ['310101', '1992-06-11', '068'],
  },
  {
    customer: {
      kind: 'person',
      name: '马建军',
      phone: '13002139875',
      address: '上海市普陀区桃浦镇新杨路 1200 弄 6 号 301 室',
      region: `${SH}/普陀区`,
      zone: 'suburban',
    },
    outletCode: 'WD-SH-002',
  },
  {
    customer: {
      kind: 'company',
      name: '上海静安和悦酒店有限公司',
      phone: '021-6252 7799',
      contacts: [{ name: '吴海涛', phone: '13817726630', role: '工程部经理' }],
      address: '上海市静安区江宁路 1088 号',
      region: `${SH}/静安区`,
      zone: 'urban',
    },
    outletCode: 'WD-SH-002',
  },
  {
    customer: {
      kind: 'person',
      name: '沈卫东',
      phone: '13918273645',
      address: '上海市松江区方松街道文诚路 500 弄 18 号 301 室',
      region: `${SH}/松江区`,
      zone: 'suburban',
    },
    outletCode: 'WD-SH-003',
  },
  {
    customer: {
      kind: 'person',
      name: '蒋桂兰',
      phone: '15801963472',
      contacts: [{ name: '蒋志勇', phone: '13764019258', role: '儿子（代为联系）' }],
      address: '上海市金山区廊下镇山塘村 6 组 35 号',
      region: `${SH}/金山区`,
      zone: 'rural',
    },
    outletCode: 'WD-SH-003',
  },
  {
    customer: {
      kind: 'company',
      name: '上海朱家角水乡客栈有限公司',
      phone: '021-5924 0588',
      contacts: [{ name: '陶建新', phone: '13501726647', role: '店长' }],
      address: '上海市青浦区朱家角镇东井街 58 号',
      region: `${SH}/青浦区`,
      zone: 'suburban',
    },
    outletCode: 'WD-SH-003',
  },
  {
    customer: {
      kind: 'person',
      name: '吴建华',
      phone: '13962138817',
      address: '江苏省苏州市吴中区东吴南路 188 号翠竹苑 12 幢 503 室',
      region: '江苏省/苏州市/吴中区',
      zone: 'urban',
    },
    outletCode: 'WT-SZ-001',
    nationalId: ['320506', '1978-09-23', '031'],
  },
  {
    customer: {
      kind: 'person',
      name: '钱玉珍',
      phone: '15995701263',
      address: '江苏省苏州市吴中区木渎镇金山路 69 号',
      region: '江苏省/苏州市/吴中区',
      zone: 'suburban',
    },
    outletCode: 'WT-SZ-001',
  },
  {
    customer: {
      kind: 'person',
      name: '杨帆',
      phone: '18015571496',
      email: email('yangfan'),
      address: '江苏省苏州市工业园区星湖街 328 号 2 幢 1702 室',
      region: '江苏省/苏州市/苏州工业园区',
      zone: 'urban',
    },
    outletCode: 'WT-SZ-001',
  },
  {
    customer: {
      kind: 'company',
      name: '苏州吴中太湖度假酒店有限公司',
      phone: '0512-6628 1999',
      contacts: [{ name: '严志强', phone: '13773185520', role: '工程部主管' }],
      address: '江苏省苏州市吴中区东山镇启园路 28 号',
      region: '江苏省/苏州市/吴中区',
      zone: 'rural',
    },
    outletCode: 'WT-SZ-001',
  },
  {
    customer: {
      kind: 'person',
      name: '朱伟明',
      phone: '13857311024',
      address: '浙江省嘉兴市南湖区中环南路 1333 号南湖春晓 7 幢 602 室',
      region: '浙江省/嘉兴市/南湖区',
      zone: 'urban',
    },
    outletCode: 'WT-JX-001',
    nationalId: ['330402', '1990-01-18', '015'],
  },
  {
    customer: {
      kind: 'person',
      name: '褚秀芳',
      phone: '13706737625',
      address: '浙江省嘉兴市南湖区凤桥镇联丰村 3 组 17 号',
      region: '浙江省/嘉兴市/南湖区',
      zone: 'rural',
    },
    outletCode: 'WT-JX-001',
  },
  {
    customer: {
      kind: 'company',
      name: '嘉兴禾兴纺织有限公司',
      phone: '0573-8371 2206',
      contacts: [{ name: '曹建新', phone: '13957365081', role: '设备部经理' }],
      address: '浙江省嘉兴市秀洲区王店镇工业园区建设路 8 号',
      region: '浙江省/嘉兴市/秀洲区',
      zone: 'suburban',
    },
    outletCode: 'WT-JX-001',
  },
];

/** The hotline agent registers the customers, each with the outlet that serves their region. */
export const customersStep: SeedStep = {
  title: '客户 customers',
  async run(context) {
    const agent = await context.as(AGENT);
    for (const { customer, outletCode, nationalId } of DEMO_CUSTOMERS) {
      const body: CreateCustomerDto = {
        ...customer,
        outletId: context.ids.get('outlet', outletCode),
        nationalId: nationalId ? validNationalId(...nationalId, context.today) : null,
      };
      const created = await agent.post<CustomerResponse>('/customers', body);
      context.ids.set('customer', customer.name, created.id);
      context.counted('customers');
    }
  },
};
