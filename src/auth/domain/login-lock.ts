/** Five failed logins in a row lock the account for fifteen minutes. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_DURATION_MS = 15 * 60 * 1000;

export interface LoginLockState {
  failedLoginCount: number;
  lockedUntil: Date | null;
}

export function isLocked(state: LoginLockState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** The state after one more wrong password; a lock that has run out starts the count afresh. */
export function afterFailedLogin(state: LoginLockState, now: Date): LoginLockState & { lockedNow: boolean } {
  const expiredLock = state.lockedUntil !== null && !isLocked(state, now);
  const failedLoginCount = (expiredLock ? 0 : state.failedLoginCount) + 1;
  const lockedNow = failedLoginCount >= MAX_FAILED_LOGINS;
  return {
    failedLoginCount,
    lockedUntil: lockedNow ? new Date(now.getTime() + LOCK_DURATION_MS) : null,
    lockedNow,
  };
}

export const AFTER_SUCCESSFUL_LOGIN: LoginLockState = { failedLoginCount: 0, lockedUntil: null };

export type LoginDecision =
  | { outcome: 'locked'; lockedUntil: Date }
  | { outcome: 'wrong-password'; next: LoginLockState; lockedNow: boolean }
  | { outcome: 'disabled' }
  | { outcome: 'ok'; next: LoginLockState };

/**
 * What one login attempt does to an account. Taken under the account's row lock, so attempts made
 * at the same moment are decided one after another and a lock cannot be raced past.
 */
export function decideLogin(
  account: LoginLockState & { disabled: boolean },
  passwordOk: boolean,
  now: Date,
): LoginDecision {
  if (isLocked(account, now)) return { outcome: 'locked', lockedUntil: account.lockedUntil as Date };
  if (!passwordOk) {
    const { lockedNow, ...next } = afterFailedLogin(account, now);
    return { outcome: 'wrong-password', next, lockedNow };
  }
  if (account.disabled) return { outcome: 'disabled' };
  return { outcome: 'ok', next: AFTER_SUCCESSFUL_LOGIN };
}
