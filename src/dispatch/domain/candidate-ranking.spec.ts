import { type CandidateFacts, type RankingContext, compareLoad, rankCandidates } from './candidate-ranking';

const NOW = new Date('2026-06-15T02:00:00Z'); // 10:00 in Shanghai
const CONTEXT: RankingContext = {
  region: '上海市/浦东新区',
  productCategory: '空调',
  now: NOW,
  timeZone: 'Asia/Shanghai',
};
const OUTLET = { id: 'o-1', name: '浦东服务中心' };

const candidate = (name: string, fields: Partial<CandidateFacts> = {}): CandidateFacts => ({
  technician: { id: `id-${name}`, name },
  outlet: OUTLET,
  outletBlockedReasons: [],
  coversRegion: true,
  qualification: 'qualified',
  openJobs: 0,
  nextDueAt: null,
  ...fields,
});

const namesInOrder = (candidates: CandidateFacts[], context = CONTEXT) =>
  rankCandidates(candidates, context).map((ranked) => ranked.technician.name);

describe('rankCandidates', () => {
  it('puts the covering outlet before the qualification, and the qualification before the load', () => {
    const ranked = namesInOrder([
      candidate('far-qualified-idle', { coversRegion: false }),
      candidate('near-missing-idle', { qualification: 'missing' }),
      candidate('near-qualified-busy', { openJobs: 5 }),
    ]);
    expect(ranked).toEqual(['near-qualified-busy', 'near-missing-idle', 'far-qualified-idle']);
  });

  it('ranks an expired certificate below having none', () => {
    const ranked = namesInOrder([
      candidate('expired', { qualification: 'expired' }),
      candidate('missing', { qualification: 'missing', openJobs: 3 }),
      candidate('qualified', { openJobs: 9 }),
    ]);
    expect(ranked).toEqual(['qualified', 'missing', 'expired']);
  });

  it('prefers fewer open jobs, then the later nearest deadline, with no deadline the least pressed', () => {
    const ranked = namesInOrder([
      candidate('two-jobs', { openJobs: 2, nextDueAt: new Date('2026-06-20T00:00:00Z') }),
      candidate('one-job-soon', { openJobs: 1, nextDueAt: new Date('2026-06-15T03:00:00Z') }),
      candidate('one-job-later', { openJobs: 1, nextDueAt: new Date('2026-06-16T03:00:00Z') }),
      candidate('one-job-no-deadline', { openJobs: 1, nextDueAt: null }),
    ]);
    expect(ranked).toEqual(['one-job-no-deadline', 'one-job-later', 'one-job-soon', 'two-jobs']);
  });

  it('orders equal technicians by name, whatever order they come in', () => {
    const people = [candidate('王伟'), candidate('李娜'), candidate('张强')];
    expect(namesInOrder(people)).toEqual(['李娜', '王伟', '张强']);
    expect(namesInOrder([...people].reverse())).toEqual(['李娜', '王伟', '张强']);
  });

  it('numbers the ranks from 1; an outlet that cannot take jobs today does not count as covering', () => {
    const ranked = rankCandidates(
      [
        candidate('best'),
        candidate('unqualified', { qualification: 'missing' }),
        candidate('far', { coversRegion: false }),
        candidate('blocked', { coversRegion: true, outletBlockedReasons: ['网点未在运营（已暂停）'] }),
        candidate('homeless', { outlet: null, coversRegion: false }),
      ],
      CONTEXT,
    );
    expect(ranked.map((c) => [c.technician.name, c.rank, c.recommended])).toEqual([
      ['best', 1, true],
      ['unqualified', 2, false],
      ['blocked', 3, false],
      ['far', 4, false],
      ['homeless', 5, false],
    ]);
  });

  it('explains the region, the qualification, the load and the nearest deadline in Chinese', () => {
    const [best, expired, far] = rankCandidates(
      [
        candidate('best', { openJobs: 2, nextDueAt: new Date('2026-06-15T06:00:00Z') }),
        candidate('expired', {
          qualification: 'expired',
          openJobs: 1,
          nextDueAt: new Date('2026-06-15T01:00:00Z'),
        }),
        candidate('far', { coversRegion: false, qualification: 'missing' }),
      ],
      CONTEXT,
    );
    expect(best?.reasons).toEqual([
      '所属网点覆盖该区域',
      '持有空调类有效资格证书',
      '当前未完成工单 2 个',
      '最近时限 2026-06-15 14:00',
    ]);
    expect(expired?.reasons).toEqual([
      '所属网点覆盖该区域',
      '空调类资格证书已过期',
      '当前未完成工单 1 个',
      '最近时限 2026-06-15 09:00（已超时）',
    ]);
    expect(far?.reasons).toEqual(['所属网点不覆盖客户所在区域', '无空调类资格证书', '当前无未完成工单']);
  });

  it('says why the outlet does not count: none, not taking jobs today, or no region on the ticket', () => {
    const reasonOf = (facts: CandidateFacts, context = CONTEXT) =>
      rankCandidates([facts], context)[0]?.reasons[0];
    expect(reasonOf(candidate('a', { outlet: null, coversRegion: false }))).toBe('未归属任何网点');
    expect(
      reasonOf(
        candidate('b', {
          coversRegion: false,
          outletBlockedReasons: ['服务协议已于 2026-06-14 到期', '营业执照已于 2026-06-01 到期'],
        }),
      ),
    ).toBe('所属网点今日不能接单：服务协议已于 2026-06-14 到期；营业执照已于 2026-06-01 到期');
    expect(reasonOf(candidate('c', { coversRegion: false }), { ...CONTEXT, region: null })).toBe(
      '工单未登记客户所在区域，无法判断网点覆盖',
    );
  });

  it('does not change the list it is given', () => {
    const input = [candidate('b', { openJobs: 1 }), candidate('a')];
    rankCandidates(input, CONTEXT);
    expect(input.map((c) => c.technician.name)).toEqual(['b', 'a']);
  });
});

describe('compareLoad', () => {
  it('sorts by open jobs, then by the later nearest deadline, then by name', () => {
    const loads = [
      { technician: { id: '1', name: '赵' }, openJobs: 3, nextDueAt: null },
      { technician: { id: '2', name: '钱' }, openJobs: 0, nextDueAt: null },
      { technician: { id: '3', name: '孙' }, openJobs: 3, nextDueAt: new Date('2026-06-15T00:00:00Z') },
      { technician: { id: '4', name: '李' }, openJobs: 0, nextDueAt: null },
    ];
    expect([...loads].sort(compareLoad).map((load) => load.technician.id)).toEqual(['4', '2', '1', '3']);
  });
});
