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
