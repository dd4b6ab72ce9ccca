import { complaintProblems, repairRecordProblems, returnProblems } from './sample-checks';

const HOUR = 3_600_000;
const T0 = new Date('2026-06-01T09:00:00+08:00');
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);

describe('sample checks', () => {
  describe('repair records', () => {
    const followUp = (status: 'pending' | 'completed' | 'unreachable' | 'cancelled', dueHours = 72) => ({
      status,
      dueAt: at(dueHours),
      ticketResolvedAt: T0,
    });
    const record = (fields: Partial<Parameters<typeof repairRecordProblems>[0]> = {}) => ({
      resolvedAt: T0,
      confirmedAt: T0,
      workLogCount: 1,
      followUps: [followUp('completed')],
      ...fields,
    });

    it('conforms with a work log, a confirmation and a completed follow-up (or an unreachable customer)', () => {
      expect(repairRecordProblems(record(), at(100))).toEqual([]);
      expect(repairRecordProblems(record({ followUps: [followUp('unreachable')] }), at(100))).toEqual([]);
    });

    it('names each missing part', () => {
      expect(
        repairRecordProblems(record({ workLogCount: 0, confirmedAt: null, followUps: [] }), at(100)),
      ).toEqual(['no_work_log', 'no_customer_confirmation', 'no_follow_up']);
    });

    it('waits for a follow-up not yet due, and fails one overdue', () => {
      expect(repairRecordProblems(record({ followUps: [followUp('pending')] }), at(10))).toEqual([]);
      expect(repairRecordProblems(record({ followUps: [followUp('pending')] }), at(100))).toEqual([
        'follow_up_overdue',
      ]);
    });

    it("reads only the follow-up of the latest resolution (a reopened ticket's old one was cancelled)", () => {
      const old = { status: 'completed' as const, dueAt: at(-100), ticketResolvedAt: at(-200) };
      expect(repairRecordProblems(record({ followUps: [old, followUp('cancelled')] }), at(100))).toEqual([
        'no_follow_up',
      ]);
    });
  });

  describe('complaints', () => {
    const complaint = (fields: Partial<Parameters<typeof complaintProblems>[0]> = {}) => ({
      status: 'closed' as const,
      acknowledgeDueAt: at(24),
      resolveDueAt: at(168),
      acknowledgedAt: at(2),
      resolvedAt: at(100),
      ...fields,
    });

    it('conforms when every step was done in time', () => {
      expect(complaintProblems(complaint(), at(500))).toEqual([]);
      // Still open but not yet due.
      expect(complaintProblems(complaint({ status: 'investigating', resolvedAt: null }), at(100))).toEqual(
        [],
      );
    });

    it('fails a late or missing step', () => {
      expect(complaintProblems(complaint({ acknowledgedAt: at(30), resolvedAt: at(200) }), at(500))).toEqual([
        'acknowledged_late',
        'resolved_late',
      ]);
      expect(
        complaintProblems(complaint({ status: 'received', acknowledgedAt: null, resolvedAt: null }), at(500)),
      ).toEqual(['not_acknowledged_in_time', 'not_resolved_in_time']);
    });
  });

  describe('returns', () => {
    const record = (fields: Partial<Parameters<typeof returnProblems>[0]> = {}) => ({
      noticeDueAt: at(14 * 24),
      settledAt: null,
      noticeSentAt: null,
      noticeChannel: null,
      noticeCalledAt: null,
      ...fields,
    });

    it('owes no notice before the threshold, or for goods back before it', () => {
      expect(returnProblems(record(), at(100))).toEqual([]);
      expect(returnProblems(record({ settledAt: at(100) }), at(1000))).toEqual([]);
    });

    it('fails goods away past the threshold without a notice, or with a call never made', () => {
      expect(returnProblems(record(), at(1000))).toEqual(['notice_not_sent']);
      expect(returnProblems(record({ settledAt: at(400) }), at(1000))).toEqual(['notice_not_sent']);
      const called = { noticeSentAt: at(336), noticeChannel: 'phone' as const };
      expect(returnProblems(record(called), at(1000))).toEqual(['notice_call_not_made']);
      expect(returnProblems(record({ ...called, noticeCalledAt: at(340) }), at(1000))).toEqual([]);
      expect(returnProblems(record({ noticeSentAt: at(336), noticeChannel: 'email' }), at(1000))).toEqual([]);
    });
  });
});
