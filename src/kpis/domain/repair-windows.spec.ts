import {
  REPEAT_REPAIR_DAYS,
  SANBAO_REPAIR_DAYS,
  isRepeatRepair,
  sanbaoRepairDueAt,
  sanbaoRepairMet,
  windowHours,
} from './repair-windows';

const HOUR = 3_600_000;
const reported = new Date('2026-03-01T02:00:00Z');
const after = (hours: number) => new Date(reported.getTime() + hours * HOUR);

describe('repair windows', () => {
  it('are 30 days of 24 hours (三包 repair, repeat repair)', () => {
    expect(SANBAO_REPAIR_DAYS).toBe(30);
    expect(REPEAT_REPAIR_DAYS).toBe(30);
    expect(windowHours(30)).toBe(720);
    expect(sanbaoRepairDueAt(reported)).toEqual(after(720));
  });

  describe('sanbaoRepairMet', () => {
    it('met when resolved within the 30 days, the last instant included', () => {
      expect(sanbaoRepairMet(reported, after(720), after(2000))).toBe(true);
      expect(sanbaoRepairMet(reported, after(10), after(11))).toBe(true);
    });

    it('missed when resolved later, or unresolved once the 30 days are over', () => {
      expect(sanbaoRepairMet(reported, after(721), after(2000))).toBe(false);
      expect(sanbaoRepairMet(reported, null, after(721))).toBe(false);
    });

    it('undecided while unresolved within the 30 days', () => {
      expect(sanbaoRepairMet(reported, null, after(720))).toBeNull();
    });
  });

  describe('isRepeatRepair', () => {
    const resolved = new Date('2026-03-01T02:00:00Z');
    const later = (hours: number) => new Date(resolved.getTime() + hours * HOUR);

    it('a report within 30 days after the previous resolution repeats it', () => {
      expect(isRepeatRepair(resolved, later(1))).toBe(true);
      expect(isRepeatRepair(resolved, later(720))).toBe(true);
    });

    it('a report later, at the same instant or before is no repeat', () => {
      expect(isRepeatRepair(resolved, later(721))).toBe(false);
      expect(isRepeatRepair(resolved, resolved)).toBe(false);
      expect(isRepeatRepair(resolved, later(-1))).toBe(false);
    });
  });
});
