import { SetMetadata, createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { requestIdOf } from '../common/logging/request-id';
import type { Role } from '../users/domain/roles';
import type { RequestContext } from './authenticated-user';

export const ROLES_KEY = 'allowedRoles';
export const PUBLIC_KEY = 'publicEndpoint';

/** Declares who may call an endpoint. An endpoint without it (and not @Public) is refused to everyone. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** An endpoint that needs no login (login itself, health, public survey pages). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The acting user and the request id, for services and the audit trail. */
export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext): RequestContext => {
  const request = context.switchToHttp().getRequest<Request>();
  if (!request.user) throw new Error('Ctx used on an endpoint without authentication');
  return { user: request.user, requestId: requestIdOf(request) };
});
