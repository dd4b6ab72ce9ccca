/**
 * Errors the domain raises. They carry a stable code and no HTTP knowledge;
 * the exception filter maps each code to a status.
 */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'MALFORMED_REQUEST'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'ACCOUNT_LOCKED'
  | 'ACCOUNT_DISABLED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'ROUTE_NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID_TRANSITION'
  | 'VERSION_CONFLICT'
  | 'RECORD_IN_USE'
  | 'IMPORT_REJECTED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'RATE_LIMITED'
  | 'QUEUE_UNAVAILABLE'
  | 'INTERNAL_ERROR';

export class DomainError extends Error {
  /**
   * `message` is English; a Chinese reader gets the code's general message unless `chinese` says
   * more (e.g. which document an outlet lacks).
   */
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly chinese?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string, id: string) {
    super('NOT_FOUND', `${entity} ${id} was not found`, { entity, id });
  }
}

export class VersionConflictError extends DomainError {
  constructor(entity: string, id: string, expected: number, actual: number) {
    super('VERSION_CONFLICT', `${entity} ${id} is at version ${actual}, not ${expected}`, {
      entity,
      id,
      expectedVersion: expected,
      currentVersion: actual,
    });
  }
}
