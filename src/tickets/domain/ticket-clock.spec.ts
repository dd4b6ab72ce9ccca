import type { DeadlineKind } from './ticket-fields';
import {
  type ClockedTicket,
  checkAgainAt,
  dueAt,
  elapsed,
  isMissed,
  openDeadlines,
  reopenedResolveDue,
  resolveDueAfterHold,
} from './ticket-clock';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const at = (time: string) => new Date(`2026-06-15T${time}:00Z`);

describe('resolveDueAfterHold', () => {
  it('moves nothing when the hold began after the deadline had passed', () => {
    expect(resolveDueAfterHold(at('20:00'), at('20:00'), at('23:00'))).toEqual(at('20:00'));
  });

  it('gives a reopened ticket the policy resolve window again from the reopening', () => {
    const reopened = reopenedResolveDue(
      { reportedAt: at('08:00'), plannedResolveDueAt: at('12:00') },
      at('18:00'),
    );
    expect(reopened).toEqual(at('22:00'));
  });

  it('moves the deadline by exactly the time on hold', () => {
    const moved = resolveDueAfterHold(at('18:00'), at('10:00'), at('12:30'));
    expect(moved).toEqual(at('20:30'));
  });

  it('moves it not at all for a hold resumed at once', () => {
    expect(resolveDueAfterHold(at('18:00'), at('10:00'), at('10:00'))).toEqual(at('18:00'));
  });

  it('never moves it earlier', () => {
    expect(resolveDueAfterHold(at('18:00'), at('10:00'), at('09:00'))).toEqual(at('18:00'));
  });
});

describe('elapsed', () => {
  const reportedAt = at('08:00');

  it('measures a resolved ticket to its resolution, less the holds', () => {
    expect(elapsed(reportedAt, at('12:00'), { finishedMs: HOUR, heldSince: null }, at('20:00'))).toEqual({
      rawMs: 4 * HOUR,
      pausedMs: HOUR,
      netMs: 3 * HOUR,
    });
  });

  it('measures an unresolved ticket to now', () => {
    expect(elapsed(reportedAt, null, { finishedMs: HOUR, heldSince: null }, at('13:00'))).toEqual({
      rawMs: 5 * HOUR,
      pausedMs: HOUR,
      netMs: 4 * HOUR,
    });
  });

  it('counts a hold that still lasts as paused up to now', () => {
    expect(elapsed(reportedAt, null, { finishedMs: HOUR, heldSince: at('12:00') }, at('13:00'))).toEqual({
      rawMs: 5 * HOUR,
      pausedMs: 2 * HOUR,
      netMs: 3 * HOUR,
    });
  });

  it('never counts more time on hold than has passed', () => {
    expect(elapsed(reportedAt, at('09:00'), { finishedMs: 3 * HOUR, heldSince: null }, at('20:00'))).toEqual({
      rawMs: HOUR,
      pausedMs: HOUR,
      netMs: 0,
    });
  });

  it('is zero, not negative, for a clock behind the report', () => {
    expect(elapsed(reportedAt, null, { finishedMs: 0, heldSince: null }, at('07:00'))).toEqual({
      rawMs: 0,
      pausedMs: 0,
      netMs: 0,
    });
  });
});

describe('deadlines', () => {
  /** Reported at 08:00: respond by 10:00, be on site by 14:00, resolve by 20:00. */
  const ticket = (fields: Partial<ClockedTicket> = {}): ClockedTicket => ({
    status: 'dispatched',
    responseDueAt: at('10:00'),
    onSiteDueAt: at('14:00'),
    resolveDueAt: at('20:00'),
    acceptedAt: null,
    checkedInAt: null,
    resolvedAt: null,
    heldSince: null,
    ...fields,
  });

  /** Each deadline with the field that meets it and the times around it. */
  const KINDS: [DeadlineKind, 'acceptedAt' | 'checkedInAt' | 'resolvedAt', string, string, string][] = [
    ['response', 'acceptedAt', '09:00', '10:00', '11:00'],
    ['on_site', 'checkedInAt', '13:00', '14:00', '15:00'],
    ['resolve', 'resolvedAt', '19:00', '20:00', '21:00'],
  ];

  it.each(KINDS)('reads the %s deadline', (kind, _met, _before, due) => {
    expect(dueAt(ticket(), kind)).toEqual(at(due));
  });

  describe.each(KINDS)('isMissed(%s)', (kind, metField, before, due, after) => {
    it('is not missed before it is due', () => {
      expect(isMissed(ticket(), kind, at(before))).toBe(false);
    });

    it('is missed once due and not met', () => {
      expect(isMissed(ticket(), kind, at(due))).toBe(true);
      expect(isMissed(ticket(), kind, at(after))).toBe(true);
    });

    it('is not missed when met on time', () => {
      expect(isMissed(ticket({ [metField]: at(before) }), kind, at(after))).toBe(false);
      expect(isMissed(ticket({ [metField]: at(due) }), kind, at(after))).toBe(false);
    });

    it('is missed when met late', () => {
      expect(isMissed(ticket({ [metField]: at(after) }), kind, at(after))).toBe(true);
    });

    it('is never missed on a cancelled ticket', () => {
      expect(isMissed(ticket({ status: 'cancelled' }), kind, at(after))).toBe(false);
    });
  });

  it('does not miss the resolve deadline while the ticket is on hold', () => {
    const held = ticket({
      status: 'on_hold',
      acceptedAt: at('09:00'),
      checkedInAt: at('13:00'),
      heldSince: at('18:00'),
    });
    expect(isMissed(held, 'resolve', at('21:00'))).toBe(false);
  });

  it('misses the resolve deadline when the hold began only after it had passed', () => {
    const late = ticket({ status: 'on_hold', acceptedAt: at('09:00'), checkedInAt: at('13:00') });
    const heldAfterDue = { ...late, heldSince: new Date(late.resolveDueAt.getTime() + MINUTE) };
    expect(isMissed(heldAfterDue, 'resolve', new Date(late.resolveDueAt.getTime() + HOUR))).toBe(true);
  });

  it('still misses the earlier deadlines of a ticket on hold', () => {
    const held = ticket({
      status: 'on_hold',
      acceptedAt: at('11:00'),
      checkedInAt: at('15:00'),
      heldSince: at('18:00'),
    });
    expect(isMissed(held, 'response', at('21:00'))).toBe(true);
    expect(isMissed(held, 'on_site', at('21:00'))).toBe(true);
  });

  describe('openDeadlines', () => {
    it('watches all three on a new ticket', () => {
      expect(openDeadlines(ticket({ status: 'reported' }))).toEqual(['response', 'on_site', 'resolve']);
    });

    it('stops watching what has been done, on time or late', () => {
      expect(openDeadlines(ticket({ status: 'accepted', acceptedAt: at('11:00') }))).toEqual([
        'on_site',
        'resolve',
      ]);
      expect(
        openDeadlines(ticket({ status: 'diagnosed', acceptedAt: at('09:00'), checkedInAt: at('13:00') })),
      ).toEqual(['resolve']);
    });

    it('watches nothing on a resolved ticket', () => {
      const resolved = ticket({
        status: 'resolved',
        acceptedAt: at('09:00'),
        checkedInAt: at('13:00'),
        resolvedAt: at('19:00'),
      });
      expect(openDeadlines(resolved)).toEqual([]);
    });

    it('watches nothing on a cancelled ticket', () => {
      expect(openDeadlines(ticket({ status: 'cancelled' }))).toEqual([]);
    });
  });
});

describe('checkAgainAt', () => {
  const base = (fields: Partial<ClockedTicket> = {}): ClockedTicket => ({
    status: 'dispatched',
    responseDueAt: at('12:00'),
    onSiteDueAt: at('16:00'),
    resolveDueAt: at('20:00'),
    acceptedAt: null,
    checkedInAt: null,
    resolvedAt: null,
    heldSince: null,
    ...fields,
  });

  it('sets the timer again at the due time when it went off early', () => {
    expect(checkAgainAt(base(), 'response', at('11:59'))).toEqual(at('12:00'));
  });

  it('is done once the deadline is due, met, or the ticket cancelled', () => {
    expect(checkAgainAt(base(), 'response', at('12:00'))).toBeNull();
    expect(checkAgainAt(base({ acceptedAt: at('11:00') }), 'response', at('11:30'))).toBeNull();
    expect(checkAgainAt(base({ status: 'cancelled' }), 'on_site', at('11:30'))).toBeNull();
  });

  it('leaves a held resolve clock to the resume', () => {
    expect(
      checkAgainAt(base({ status: 'on_hold', heldSince: at('10:00') }), 'resolve', at('11:00')),
    ).toBeNull();
  });
});
