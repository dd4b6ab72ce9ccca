import { addDays, addMonths } from '../../src/common/calendar';
import type { CreatePerformanceReviewDto } from '../../src/staff/dto/performance-review.dto';
import type { CreateQualificationDto } from '../../src/staff/dto/qualification.dto';
import type { CreateTrainingDto, TrainingAttendeeDto } from '../../src/staff/dto/training.dto';
import { MANAGER } from './people';
import { type SeedContext, type SeedStep, daysFromToday } from './seed-step';

const ELECTRICIAN = '电工证';
const REFRIGERATION = '制冷与空调作业证';

interface DemoQualification {
  username: string;
  type: string;
  certificateNumber: string;
  issuer: string;
  /** Issued and valid until, in days from today. */
  issuedDays: number;
  untilDays: number;
  productCategories: string[];
}

/** 李强's refrigeration certificate runs out within 30 days and 吴磊's electrician certificate has expired. */
export const DEMO_QUALIFICATIONS: readonly DemoQualification[] = [
  {
    username: 'zhang.wei',
    type: ELECTRICIAN,
    certificateNumber: 'SHDG-2021-04417',
    issuer: '上海市应急管理局',
    issuedDays: -1200,
    untilDays: 990,
    productCategories: ['洗衣机', '热水器', '吸油烟机'],
  },
  {
    username: 'zhang.wei',
    type: REFRIGERATION,
    certificateNumber: 'SHZL-2022-01932',
    issuer: '上海市应急管理局',
    issuedDays: -900,
    untilDays: 1290,
    productCategories: ['空调', '冰箱'],
  },
  {
    username: 'li.qiang',
    type: REFRIGERATION,
    certificateNumber: 'SHZL-2019-07725',
    issuer: '上海市应急管理局',
    issuedDays: -2170,
    untilDays: 18,
    productCategories: ['空调', '冰箱'],
  },
  {
    username: 'li.qiang',
    type: ELECTRICIAN,
    certificateNumber: 'SHDG-2023-00852',
    issuer: '上海市应急管理局',
    issuedDays: -600,
    untilDays: 1590,
    productCategories: ['洗衣机', '热水器'],
  },
  {
    username: 'wu.lei',
    type: ELECTRICIAN,
    certificateNumber: 'SHDG-2019-11208',
    issuer: '上海市应急管理局',
    issuedDays: -2200,
    untilDays: -12,
    productCategories: ['洗衣机', '热水器'],
  },
  {
    username: 'wu.lei',
    type: REFRIGERATION,
    certificateNumber: 'SHZL-2024-00367',
    issuer: '上海市应急管理局',
    issuedDays: -400,
    untilDays: 1790,
    productCategories: ['空调', '冰箱'],
  },
  {
    username: 'zhou.jie',
    type: REFRIGERATION,
    certificateNumber: 'SZZL-2022-03351',
    issuer: '苏州市应急管理局',
    issuedDays: -1090,
    untilDays: 1100,
    productCategories: ['空调', '冰箱'],
  },
  {
    username: 'zhou.jie',
    type: ELECTRICIAN,
    certificateNumber: 'SZDG-2023-01276',
    issuer: '苏州市应急管理局',
    issuedDays: -690,
    untilDays: 1500,
    productCategories: ['洗衣机', '热水器', '吸油烟机'],
  },
  {
    username: 'wang.jianguo',
    type: '售后服务管理师',
    certificateNumber: 'SHFW-GL-2024-0218',
    issuer: '中国商业联合会',
    issuedDays: -500,
    untilDays: 595,
    productCategories: [],
  },
];

export const qualificationsStep: SeedStep = {
  title: '资格证书 qualifications',
  async run(context) {
    const manager = await context.as(MANAGER);
    for (const { username, issuedDays, untilDays, ...certificate } of DEMO_QUALIFICATIONS) {
      const body: CreateQualificationDto = {
        ...certificate,
        userId: context.ids.get('user', username),
        issuedOn: daysFromToday(context, issuedDays),
        validUntil: daysFromToday(context, untilDays),
      };
      await manager.post('/qualifications', body);
      context.counted('qualifications');
    }
  },
};

type DemoAttendee = Omit<TrainingAttendeeDto, 'userId' | 'customerId'> & { user?: string; customer?: string };

interface DemoTraining {
  training: Omit<CreateTrainingDto, 'heldOn' | 'outletId' | 'attendees'>;
  heldDays: number;
  outletCode?: string;
  attendees: DemoAttendee[];
}

export const DEMO_TRAININGS: readonly DemoTraining[] = [
  {
    training: {
      kind: 'staff',
      topic: '变频空调故障诊断与维修技术培训',
      hours: 16,
      trainer: '周国平（申江电器厂家技术讲师）',
      location: '上海浦东服务中心培训室',
      content: '变频原理、常见故障代码、电脑板检测、冷媒回收与加注规范，含实操考核。',
    },
    heldDays: -60,
    attendees: [
      { user: 'zhang.wei', result: 'passed', score: 92 },
      { user: 'li.qiang', result: 'passed', score: 88 },
      { user: 'wu.lei', result: 'passed', score: 81.5 },
      { user: 'zhou.jie', result: 'passed', score: 90 },
    ],
  },
  {
    training: {
      kind: 'staff',
      topic: 'GB/T 27922 售后服务规范与服务礼仪',
      hours: 4,
      trainer: '王建国',
      location: '总部三楼会议室',
      content: '售后服务认证评价指标、服务承诺、投诉处理流程、上门服务礼仪与记录填写要求。',
    },
    heldDays: -30,
    attendees: [
      { user: 'liu.yang', result: 'passed', score: 95 },
      { user: 'chen.jing', result: 'passed', score: 96 },
      { user: 'zhao.min', result: 'passed', score: 90 },
      { user: 'sun.li', result: 'passed', score: 89 },
      { user: 'zhang.wei', result: 'passed', score: 93 },
      { user: 'li.qiang', result: 'passed', score: 85 },
      { user: 'wu.lei', result: 'failed', score: 58 },
    ],
  },
  {
    training: {
      kind: 'customer',
      topic: '燃气热水器安全使用讲座',
      hours: 2,
      trainer: '张伟',
      location: '浦东新区花木街道社区服务中心',
      content: '燃气泄漏识别与应急处置、烟道检查、冬季防冻、日常保养。',
    },
    heldDays: -20,
    outletCode: 'WD-SH-001',
    attendees: [
      { customer: '王芳', result: 'not_assessed' },
      { customer: '李明', result: 'not_assessed' },
      { customer: '张秀英', result: 'not_assessed' },
      { name: '钱美玲（社区居民）', result: 'not_assessed' },
    ],
  },
];

export const trainingsStep: SeedStep = {
  title: '员工与客户培训 trainings',
  async run(context) {
    const manager = await context.as(MANAGER);
    for (const demo of DEMO_TRAININGS) {
      const body: CreateTrainingDto = {
        ...demo.training,
        heldOn: daysFromToday(context, demo.heldDays),
        outletId: demo.outletCode === undefined ? null : context.ids.get('outlet', demo.outletCode),
        attendees: demo.attendees.map(({ user, customer, ...attendee }) => ({
          ...attendee,
          userId: user === undefined ? null : context.ids.get('user', user),
          customerId: customer === undefined ? null : context.ids.get('customer', customer),
        })),
      };
      await manager.post('/trainings', body);
      context.counted('trainings');
    }
  },
};

const QUARTER_NAMES = ['一', '二', '三', '四'];

/** The last quarter that has ended before today: its label and first and last day. */
export function previousQuarter(today: string): { label: string; start: string; end: string } {
  const month = Number(today.slice(5, 7));
  const quarterStartMonth = Math.floor((month - 1) / 3) * 3 + 1;
  const currentStart = `${today.slice(0, 4)}-${String(quarterStartMonth).padStart(2, '0')}-01`;
  const start = addMonths(currentStart, -3);
  const quarter = Math.floor((Number(start.slice(5, 7)) - 1) / 3);
  return {
    label: `${start.slice(0, 4)}年第${QUARTER_NAMES[quarter]}季度`,
    start,
    end: addDays(currentStart, -1),
  };
}

type DemoReview = Pick<CreatePerformanceReviewDto, 'score' | 'grade' | 'comments'> & { username: string };

export const DEMO_PERFORMANCE_REVIEWS: readonly DemoReview[] = [
  {
    username: 'zhang.wei',
    score: 93.5,
    grade: 'A',
    comments: '完成工单 126 单，一次修复率 95%，回访满意度 4.8 分，无投诉。',
  },
  {
    username: 'li.qiang',
    score: 86,
    grade: 'B',
    comments: '完成工单 98 单，响应及时；制冷与空调作业证即将到期，需按期复审。',
  },
  {
    username: 'wu.lei',
    score: 78.5,
    grade: 'C',
    comments: '完成工单 71 单；1 起上门超时投诉，已面谈改进；电工证已过期，复审前不派电气类工单。',
  },
  {
    username: 'zhou.jie',
    score: 88,
    grade: 'B',
    comments: '委外网点技术人员，完成苏州地区工单 84 单，回访满意率 96%。',
  },
];

/** The manager reviews each technician for the last quarter (the reviewer is whoever records it). */
export const performanceReviewsStep: SeedStep = {
  title: '绩效考核 performance reviews',
  async run(context: SeedContext) {
    const manager = await context.as(MANAGER);
    const quarter = previousQuarter(context.today);
    for (const { username, ...review } of DEMO_PERFORMANCE_REVIEWS) {
      const body: CreatePerformanceReviewDto = {
        ...review,
        userId: context.ids.get('user', username),
        period: quarter.label,
        periodStart: quarter.start,
        periodEnd: quarter.end,
      };
      await manager.post('/performance-reviews', body);
      context.counted('performanceReviews');
    }
  },
};
