import {
  type ClockedComplaint,
  decideEscalation,
  isOverdue,
  isStepMissed,
  pendingStep,
} from './complaint-escalation';

const RECEIVED = new Date('2026-06-15T01:00:00Z');
const HOUR_MS = 3_600_000;
const at = (hours: number) => new Date(RECEIVED.getTime() + hours * HOUR_MS);
/** Acknowledge within 24 h, resolve within 7 days, as the default policy says. */
const ACK_DUE = 24;
const RESOLVE_DUE = 7 * 24;

const complaint = (fields: Partial<ClockedComplaint> = {}): ClockedComplaint => ({
  status: 'received',
  acknowledgeDueAt: at(ACK_DUE),
  resolveDueAt: at(RESOLVE_DUE),
  acknowledgedAt: null,
  resolvedAt: null,
  ...fields,
});

describe('complaint escalation', () => {
  describe('decideEscalation', () => {
    it('escalates an acknowledgment not made by its due time', () => {
      expect(decideEscalation(complaint(), 'acknowledge', at(ACK_DUE), false)).toEqual({
        outcome: 'escalate',
        dueAt: at(ACK_DUE),
      });
      expect(decideEscalation(complaint(), 'acknowledge', at(ACK_DUE + 5), false).outcome).toBe('escalate');
    });

    it('escalates an acknowledgment made late, when the check runs after it (a late job)', () => {
      const late = complaint({ status: 'acknowledged', acknowledgedAt: at(ACK_DUE + 1) });
      expect(decideEscalation(late, 'acknowledge', at(ACK_DUE + 2), false).outcome).toBe('escalate');
    });

    it('does nothing when the step was done in time, even at the very due moment', () => {
      const onTime = complaint({ status: 'acknowledged', acknowledgedAt: at(ACK_DUE) });
      expect(decideEscalation(onTime, 'acknowledge', at(ACK_DUE + 1), false)).toEqual({ outcome: 'met' });
      const resolved = complaint({
        status: 'closed',
        acknowledgedAt: at(1),
        resolvedAt: at(RESOLVE_DUE - 1),
      });
      expect(decideEscalation(resolved, 'resolve', at(RESOLVE_DUE + 10), false)).toEqual({ outcome: 'met' });
    });

    it('escalates a resolution still missing at its due time, whatever the acknowledgment did', () => {
      const investigating = complaint({ status: 'investigating', acknowledgedAt: at(2) });
      expect(decideEscalation(investigating, 'resolve', at(RESOLVE_DUE), false).outcome).toBe('escalate');
    });

    it('never escalates a step twice', () => {
      expect(decideEscalation(complaint(), 'acknowledge', at(ACK_DUE + 1), true)).toEqual({
        outcome: 'already_escalated',
      });
    });

    it('sets the check again for the due time when the timer went off early', () => {
      expect(decideEscalation(complaint(), 'resolve', at(RESOLVE_DUE - 0.5), false)).toEqual({
        outcome: 'not_due',
        checkAgainAt: at(RESOLVE_DUE),
      });
    });

    it('finds an early step done in time met, not "not due"', () => {
      const acknowledged = complaint({ status: 'acknowledged', acknowledgedAt: at(1) });
      expect(decideEscalation(acknowledged, 'acknowledge', at(2), false)).toEqual({ outcome: 'met' });
    });
  });

  describe('isStepMissed', () => {
    it('is missed from the due moment on, unless done by then', () => {
      expect(isStepMissed(complaint(), 'acknowledge', at(ACK_DUE - 0.01))).toBe(false);
      expect(isStepMissed(complaint(), 'acknowledge', at(ACK_DUE))).toBe(true);
      expect(isStepMissed(complaint({ acknowledgedAt: at(ACK_DUE) }), 'acknowledge', at(ACK_DUE + 9))).toBe(
        false,
      );
    });
  });

  describe('pendingStep', () => {
    it('is the acknowledgment until acknowledged, then the resolution, then nothing', () => {
      expect(pendingStep('received')).toBe('acknowledge');
      expect(pendingStep('acknowledged')).toBe('resolve');
      expect(pendingStep('investigating')).toBe('resolve');
      expect(pendingStep('resolved')).toBeNull();
      expect(pendingStep('closed')).toBeNull();
    });
  });

  describe('isOverdue', () => {
    it('is an open complaint past a deadline it has not met', () => {
      expect(isOverdue(complaint(), at(ACK_DUE - 1))).toBe(false);
      expect(isOverdue(complaint(), at(ACK_DUE))).toBe(true);
      const acknowledged = complaint({ status: 'acknowledged', acknowledgedAt: at(ACK_DUE + 3) });
      // A late acknowledgment is history; the complaint is overdue again only past the resolution deadline.
      expect(isOverdue(acknowledged, at(ACK_DUE + 4))).toBe(false);
      expect(isOverdue(acknowledged, at(RESOLVE_DUE))).toBe(true);
    });

    it('is never a resolved or closed complaint', () => {
      const resolved = complaint({
        status: 'resolved',
        acknowledgedAt: at(1),
        resolvedAt: at(RESOLVE_DUE + 5),
      });
      expect(isOverdue(resolved, at(RESOLVE_DUE + 6))).toBe(false);
    });
  });
});
