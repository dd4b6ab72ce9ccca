import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '../common/errors/domain-error';
import type { Role } from '../users/domain/roles';
import { UsersService } from '../users/users.service';
import { AuthService } from './auth.service';
import { hasAnyRole } from './authenticated-user';
import { PUBLIC_KEY, ROLES_KEY } from './decorators';

/**
 * The one gate in front of every endpoint, deny by default: a route must be @Public or
 * declare @Roles; one that declares neither is refused even to administrators.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const token = bearerToken(request.headers.authorization);
    const payload = token ? await this.auth.verifyToken(token) : null;
    if (!payload) throw new DomainError('UNAUTHENTICATED', 'A valid bearer token is required');
    // Read the user on every request so that disabling an account or changing roles takes effect at once.
    const user = await this.users.findActive(payload.sub);
    if (!user) throw new DomainError('UNAUTHENTICATED', 'The account no longer exists or is disabled');
    request.user = user;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!allowed) {
      this.logger.error({ path: request.path }, 'Endpoint declares no roles; refused');
      throw new DomainError('FORBIDDEN', 'This endpoint declares no roles');
    }
    if (!hasAnyRole(user, allowed)) {
      throw new DomainError('FORBIDDEN', `Requires one of the roles: ${allowed.join(', ')}`, {
        requiredRoles: allowed,
      });
    }
    return true;
  }
}

function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1] ?? null;
}
