import { randomUUID } from 'node:crypto';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { describeError } from '../logging/describe-error';
import { requestIdOf } from '../logging/request-id';
import { DomainError, ErrorCode } from './domain-error';
import { errorMessage, languageFrom } from './error-messages';

export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details?: unknown;
  requestId?: string;
}

export function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'MALFORMED_REQUEST':
      return HttpStatus.BAD_REQUEST;
    case 'PAYLOAD_TOO_LARGE':
      return HttpStatus.PAYLOAD_TOO_LARGE;
    case 'UNSUPPORTED_MEDIA_TYPE':
      return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
    case 'UNAUTHENTICATED':
    case 'INVALID_CREDENTIALS':
    case 'ACCOUNT_LOCKED':
    case 'ACCOUNT_DISABLED':
      return HttpStatus.UNAUTHORIZED;
    case 'FORBIDDEN':
      return HttpStatus.FORBIDDEN;
    case 'NOT_FOUND':
    case 'ROUTE_NOT_FOUND':
      return HttpStatus.NOT_FOUND;
    case 'CONFLICT':
    case 'INVALID_TRANSITION':
    case 'VERSION_CONFLICT':
    case 'RECORD_IN_USE':
    case 'IDEMPOTENCY_KEY_REUSED':
      return HttpStatus.CONFLICT;
    case 'IMPORT_REJECTED':
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case 'RATE_LIMITED':
      return HttpStatus.TOO_MANY_REQUESTS;
    case 'QUEUE_UNAVAILABLE':
      return HttpStatus.SERVICE_UNAVAILABLE;
    case 'INTERNAL_ERROR':
      return HttpStatus.INTERNAL_SERVER_ERROR;
  }
}

/** Errors raised by Express middleware (body parser) before Nest's pipes run. */
interface MiddlewareError {
  type?: string;
  status?: number;
}

function codeForHttpStatus(status: number): ErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'ROUTE_NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 400 && status < 500) return 'MALFORMED_REQUEST';
  return 'INTERNAL_ERROR';
}

/** PostgreSQL error codes a client's request can provoke (a race past a pre-check, a stale reference). */
const DATABASE_CONFLICTS: Record<string, string> = {
  '23505': 'A record with the same unique value already exists',
  '23503': 'The record refers to, or is referred to by, another record',
  '40001': 'The record was changed at the same moment; try again',
  '40P01': 'The record was changed at the same moment; try again',
};

function fromDatabaseError(error: QueryFailedError): DomainError | null {
  const driverError = error.driverError as { code?: string; constraint?: string } | undefined;
  // Class 22 is "data exception": a value the client sent that the database will not take.
  if (driverError?.code?.startsWith('22')) {
    return new DomainError('MALFORMED_REQUEST', 'A value is outside what can be stored');
  }
  const message = driverError?.code === undefined ? undefined : DATABASE_CONFLICTS[driverError.code];
  if (message === undefined) return null;
  return new DomainError(
    'CONFLICT',
    message,
    driverError?.constraint ? { constraint: driverError.constraint } : undefined,
  );
}

/** Translates anything thrown into the one error shape; unknown errors are logged and answered with a request id only. */
export function toDomainError(exception: unknown): DomainError | null {
  if (exception instanceof DomainError) return exception;
  if (exception instanceof HttpException) {
    const code = codeForHttpStatus(exception.getStatus());
    return code === 'INTERNAL_ERROR' ? null : new DomainError(code, exception.message);
  }
  if (exception instanceof QueryFailedError) return fromDatabaseError(exception as QueryFailedError);
  const middleware = exception as MiddlewareError;
  if (middleware?.type === 'entity.parse.failed') {
    return new DomainError('MALFORMED_REQUEST', 'The request body is not valid JSON');
  }
  if (middleware?.type === 'entity.too.large') {
    return new DomainError('PAYLOAD_TOO_LARGE', 'The request body is too large');
  }
  if (typeof middleware?.status === 'number' && middleware.status >= 400 && middleware.status < 500) {
    return new DomainError(codeForHttpStatus(middleware.status), 'The request could not be read');
  }
  return null;
}

@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    // Errors raised by the body parser come before the logger has given the request its id.
    const requestId = requestIdOf(request) ?? randomUUID();
    const language = languageFrom(request.headers['accept-language']);
    const known = toDomainError(exception);
    if (!known) {
      this.logger.error({ err: describeError(exception), requestId }, 'Unhandled error');
      const body: ErrorBody = {
        statusCode: 500,
        code: 'INTERNAL_ERROR',
        message: errorMessage('INTERNAL_ERROR', 'Internal error', language),
        requestId,
      };
      response.status(500).json(body);
      return;
    }
    const statusCode = statusOf(known.code);
    const body: ErrorBody = {
      statusCode,
      code: known.code,
      message: errorMessage(known.code, known.message, language, known.chinese),
      ...(known.details === undefined ? {} : { details: known.details }),
      requestId,
    };
    response.status(statusCode).json(body);
  }
}
