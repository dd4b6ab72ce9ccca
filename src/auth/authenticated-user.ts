import type { Role } from '../users/domain/roles';

/** Who is acting: what guards, services and the audit trail need to know of the caller. */
export interface AuthenticatedUser {
  id: string;
  username: string;
  roles: Role[];
  outletId: string | null;
}

export interface RequestContext {
  user: AuthenticatedUser;
  requestId: string | null;
}

export function hasAnyRole(user: Pick<AuthenticatedUser, 'roles'>, allowed: readonly Role[]): boolean {
  return user.roles.some((role) => allowed.includes(role));
}
