import {
  AFTER_SUCCESSFUL_LOGIN,
  LOCK_DURATION_MS,
  LoginLockState,
  MAX_FAILED_LOGINS,
  afterFailedLogin,
  decideLogin,
  isLocked,
} from './login-lock';

const NOW = new Date('2024-05-01T08:00:00.000Z');

function at(offsetMs: number): Date {
  return new Date(NOW.getTime() + offsetMs);
}

describe('login lock constants', () => {
  it('locks after five failures for fifteen minutes', () => {
    expect(MAX_FAILED_LOGINS).toBe(5);
    expect(LOCK_DURATION_MS).toBe(900_000);
  });

  it('clears the state after a successful login', () => {
    expect(AFTER_SUCCESSFUL_LOGIN).toEqual({ failedLoginCount: 0, lockedUntil: null });
  });
});

describe('isLocked', () => {
  it.each<[string, Date | null, boolean]>([
    ['never locked', null, false],
    ['locked until a later time', at(1), true],
    ['locked until far later', at(LOCK_DURATION_MS), true],
    ['locked until exactly now', at(0), false],
    ['locked until an earlier time', at(-1), false],
  ])('%s → %s', (_case, lockedUntil, locked) => {
    expect(isLocked({ failedLoginCount: 5, lockedUntil }, NOW)).toBe(locked);
  });

  it('ignores the failure count', () => {
    expect(isLocked({ failedLoginCount: 99, lockedUntil: null }, NOW)).toBe(false);
    expect(isLocked({ failedLoginCount: 0, lockedUntil: at(1000) }, NOW)).toBe(true);
  });
});

describe('afterFailedLogin', () => {
  it.each([0, 1, 2, 3])('counts %i previous failures up by one without locking', (count) => {
    expect(afterFailedLogin({ failedLoginCount: count, lockedUntil: null }, NOW)).toEqual({
      failedLoginCount: count + 1,
      lockedUntil: null,
      lockedNow: false,
    });
  });

  it('locks on the fifth failure for exactly LOCK_DURATION_MS', () => {
    const next = afterFailedLogin({ failedLoginCount: 4, lockedUntil: null }, NOW);
    expect(next.failedLoginCount).toBe(5);
    expect(next.lockedNow).toBe(true);
    expect(next.lockedUntil?.getTime()).toBe(NOW.getTime() + LOCK_DURATION_MS);
    expect(isLocked(next, at(LOCK_DURATION_MS - 1))).toBe(true);
    expect(isLocked(next, at(LOCK_DURATION_MS))).toBe(false);
  });

  it('reaches the lock after five failures from a clean state', () => {
    let state: LoginLockState = AFTER_SUCCESSFUL_LOGIN;
    const lockedFlags: boolean[] = [];
    for (let i = 0; i < MAX_FAILED_LOGINS; i += 1) {
      const next = afterFailedLogin(state, at(i * 1000));
      lockedFlags.push(next.lockedNow);
      state = next;
    }
    expect(lockedFlags).toEqual([false, false, false, false, true]);
    expect(state.failedLoginCount).toBe(5);
    expect(state.lockedUntil?.getTime()).toBe(at(4000).getTime() + LOCK_DURATION_MS);
  });

  it('does not modify the state it is given', () => {
    const state: LoginLockState = { failedLoginCount: 4, lockedUntil: null };
    afterFailedLogin(state, NOW);
    expect(state).toEqual({ failedLoginCount: 4, lockedUntil: null });
  });

  it('restarts the count at 1 once the lock has run out', () => {
    const expired: LoginLockState = { failedLoginCount: 5, lockedUntil: at(-1) };
    expect(afterFailedLogin(expired, NOW)).toEqual({
      failedLoginCount: 1,
      lockedUntil: null,
      lockedNow: false,
    });
  });

  it('restarts the count when the lock ends exactly now', () => {
    const endingNow: LoginLockState = { failedLoginCount: 7, lockedUntil: at(0) };
    expect(afterFailedLogin(endingNow, NOW).failedLoginCount).toBe(1);
  });

  it('keeps counting and extends the lock while still locked', () => {
    const locked: LoginLockState = { failedLoginCount: 5, lockedUntil: at(60_000) };
    const next = afterFailedLogin(locked, NOW);
    expect(next.failedLoginCount).toBe(6);
    expect(next.lockedNow).toBe(true);
    expect(next.lockedUntil?.getTime()).toBe(NOW.getTime() + LOCK_DURATION_MS);
  });

  it('needs five fresh failures to lock again after an expired lock', () => {
    let state: LoginLockState = { failedLoginCount: 5, lockedUntil: at(-1) };
    const counts: number[] = [];
    for (let i = 0; i < MAX_FAILED_LOGINS; i += 1) {
      const next = afterFailedLogin(state, NOW);
      counts.push(next.failedLoginCount);
      state = next;
    }
    expect(counts).toEqual([1, 2, 3, 4, 5]);
    expect(isLocked(state, NOW)).toBe(true);
  });
});

describe('decideLogin', () => {
  const now = new Date('2026-03-01T08:00:00Z');
  const open = { failedLoginCount: 0, lockedUntil: null, disabled: false };

  it('refuses while locked, whatever the password', () => {
    const lockedUntil = new Date(now.getTime() + 1000);
    const locked = { ...open, failedLoginCount: 5, lockedUntil };
    expect(decideLogin(locked, true, now)).toEqual({ outcome: 'locked', lockedUntil });
    expect(decideLogin(locked, false, now)).toEqual({ outcome: 'locked', lockedUntil });
  });

  it('counts a wrong password and locks at the fifth', () => {
    expect(decideLogin({ ...open, failedLoginCount: 3 }, false, now)).toEqual({
      outcome: 'wrong-password',
      next: { failedLoginCount: 4, lockedUntil: null },
      lockedNow: false,
    });
    expect(decideLogin({ ...open, failedLoginCount: 4 }, false, now)).toEqual({
      outcome: 'wrong-password',
      next: { failedLoginCount: 5, lockedUntil: new Date(now.getTime() + LOCK_DURATION_MS) },
      lockedNow: true,
    });
  });

  it('refuses a disabled account only after a right password, and changes nothing for it', () => {
    expect(decideLogin({ ...open, disabled: true }, true, now)).toEqual({ outcome: 'disabled' });
    expect(decideLogin({ ...open, disabled: true }, false, now).outcome).toBe('wrong-password');
  });

  it('clears the count on success, also after a lock has run out', () => {
    const expired = { ...open, failedLoginCount: 5, lockedUntil: new Date(now.getTime() - 1) };
    expect(decideLogin(expired, true, now)).toEqual({ outcome: 'ok', next: AFTER_SUCCESSFUL_LOGIN });
  });
});
