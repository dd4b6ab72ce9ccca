import {
  ArgumentsHost,
  BadRequestException,
  ConflictException,
  ForbiddenException,
  HttpException,
  InternalServerErrorException,
  Logger,
  NotFoundException,
  PayloadTooLargeException,
  UnauthorizedException,
} from '@nestjs/common';
import { DomainError, ErrorCode, NotFoundError, VersionConflictError } from './domain-error';
import { ErrorBody, HttpExceptionFilter, statusOf, toDomainError } from './http-exception.filter';

/** Every code with its status; typed as a Record so a new ErrorCode without a row fails to compile. */
const STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  MALFORMED_REQUEST: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 401,
  ACCOUNT_DISABLED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  VERSION_CONFLICT: 409,
  RECORD_IN_USE: 409,
  IMPORT_REJECTED: 422,
  IDEMPOTENCY_KEY_REUSED: 409,
  RATE_LIMITED: 429,
  QUEUE_UNAVAILABLE: 503,
  INTERNAL_ERROR: 500,
};

describe('statusOf', () => {
  it.each(Object.entries(STATUS_BY_CODE) as [ErrorCode, number][])('maps %s to %i', (code, status) => {
    expect(statusOf(code)).toBe(status);
  });
});

function expectDomainError(exception: unknown, code: ErrorCode, message?: string): DomainError {
  const result = toDomainError(exception);
  expect(result).toBeInstanceOf(DomainError);
  expect(result?.code).toBe(code);
  if (message !== undefined) expect(result?.message).toBe(message);
  return result as DomainError;
}

describe('toDomainError', () => {
  describe('domain errors', () => {
    it('returns the very same DomainError', () => {
      const error = new DomainError('INVALID_TRANSITION', 'cannot close', { from: 'open' });
      expect(toDomainError(error)).toBe(error);
    });

    it.each([
      ['NotFoundError', new NotFoundError('user', 'u1')],
      ['VersionConflictError', new VersionConflictError('user', 'u1', 1, 2)],
    ])('returns a %s unchanged', (_name, error) => {
      expect(toDomainError(error)).toBe(error);
    });
  });

  describe('Nest HTTP exceptions', () => {
    it.each<[string, HttpException, ErrorCode]>([
      ['NotFoundException', new NotFoundException(), 'ROUTE_NOT_FOUND'],
      ['ForbiddenException', new ForbiddenException(), 'FORBIDDEN'],
      ['PayloadTooLargeException', new PayloadTooLargeException(), 'PAYLOAD_TOO_LARGE'],
      ['UnauthorizedException', new UnauthorizedException(), 'UNAUTHENTICATED'],
      ['ConflictException', new ConflictException(), 'CONFLICT'],
      ['BadRequestException', new BadRequestException(), 'MALFORMED_REQUEST'],
      ['HttpException 429', new HttpException('slow down', 429), 'RATE_LIMITED'],
      ['HttpException 418', new HttpException('teapot', 418), 'MALFORMED_REQUEST'],
      ['HttpException 405', new HttpException('method', 405), 'MALFORMED_REQUEST'],
    ])('maps %s to %s', (_name, exception, code) => {
      expectDomainError(exception, code);
    });

    it('keeps the exception message', () => {
      expectDomainError(
        new NotFoundException('Cannot GET /nowhere'),
        'ROUTE_NOT_FOUND',
        'Cannot GET /nowhere',
      );
      expectDomainError(new ForbiddenException('no way'), 'FORBIDDEN', 'no way');
    });

    it.each<[string, HttpException]>([
      ['InternalServerErrorException', new InternalServerErrorException()],
      ['HttpException 502', new HttpException('bad gateway', 502)],
      ['HttpException 503', new HttpException('unavailable', 503)],
    ])('returns null for a server-side %s', (_name, exception) => {
      expect(toDomainError(exception)).toBeNull();
    });
  });

  describe('body-parser errors', () => {
    it('maps an unparseable body to MALFORMED_REQUEST', () => {
      const error = Object.assign(new SyntaxError('Unexpected token'), {
        type: 'entity.parse.failed',
        status: 400,
      });
      expectDomainError(error, 'MALFORMED_REQUEST', 'The request body is not valid JSON');
      expectDomainError({ type: 'entity.parse.failed' }, 'MALFORMED_REQUEST');
    });

    it('maps a too large body to PAYLOAD_TOO_LARGE', () => {
      const error = Object.assign(new Error('request entity too large'), {
        type: 'entity.too.large',
        status: 413,
      });
      expectDomainError(error, 'PAYLOAD_TOO_LARGE', 'The request body is too large');
      expectDomainError({ type: 'entity.too.large' }, 'PAYLOAD_TOO_LARGE');
    });

    it.each<[number, ErrorCode]>([
      [400, 'MALFORMED_REQUEST'],
      [401, 'UNAUTHENTICATED'],
      [403, 'FORBIDDEN'],
      [404, 'ROUTE_NOT_FOUND'],
      [409, 'CONFLICT'],
      [413, 'PAYLOAD_TOO_LARGE'],
      [415, 'UNSUPPORTED_MEDIA_TYPE'],
      [429, 'RATE_LIMITED'],
      [499, 'MALFORMED_REQUEST'],
    ])('maps another middleware error of status %i to %s', (status, code) => {
      const error = Object.assign(new Error('unsupported charset'), { type: 'charset.unsupported', status });
      expectDomainError(error, code, 'The request could not be read');
    });

    it.each([399, 500, 503])('returns null for a middleware error of status %i', (status) => {
      expect(toDomainError(Object.assign(new Error('x'), { status }))).toBeNull();
    });

    it('returns null for a status that is not a number', () => {
      expect(toDomainError({ status: '400' })).toBeNull();
    });
  });

  describe('anything else', () => {
    it.each<[string, unknown]>([
      ['a plain Error', new Error('boom')],
      ['a TypeError', new TypeError('x is undefined')],
      ['null', null],
      ['undefined', undefined],
      ['a string', 'boom'],
      ['a number', 42],
      ['an empty object', {}],
      ['an unknown type', { type: 'something.else' }],
    ])('returns null for %s', (_name, exception) => {
      expect(toDomainError(exception)).toBeNull();
    });
  });
});

interface Captured {
  status?: number;
  body?: ErrorBody;
}

function fakeHost(headers: Record<string, string>, id?: string): { host: ArgumentsHost; captured: Captured } {
  const captured: Captured = {};
  const response = {
    status(code: number) {
      captured.status = code;
      return response;
    },
    json(body: ErrorBody) {
      captured.body = body;
      return response;
    },
  };
  const request = { id, headers };
  const host = {
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
  } as unknown as ArgumentsHost;
  return { host, captured };
}

describe('HttpExceptionFilter', () => {
  const filter = new HttpExceptionFilter();
  let loggerError: jest.SpyInstance;

  beforeEach(() => {
    loggerError = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => {
    loggerError.mockRestore();
  });

  it('answers a domain error with its status, code, details and a Chinese message by default', () => {
    const { host, captured } = fakeHost({}, 'req-1');
    filter.catch(new NotFoundError('user', 'u1'), host);
    expect(captured.status).toBe(404);
    expect(captured.body).toEqual({
      statusCode: 404,
      code: 'NOT_FOUND',
      message: '记录不存在',
      details: { entity: 'user', id: 'u1' },
      requestId: 'req-1',
    });
    expect(loggerError).not.toHaveBeenCalled();
  });

  it('answers in English, with the error message, when asked', () => {
    const { host, captured } = fakeHost({ 'accept-language': 'en-GB,en;q=0.9' }, 'req-2');
    filter.catch(new DomainError('INVALID_TRANSITION', 'Ticket t1 is closed'), host);
    expect(captured.status).toBe(409);
    expect(captured.body).toEqual({
      statusCode: 409,
      code: 'INVALID_TRANSITION',
      message: 'Ticket t1 is closed',
      requestId: 'req-2',
    });
    expect(captured.body).not.toHaveProperty('details');
  });

  it('answers an unknown error with 500, logs it and gives a fresh request id when there is none', () => {
    const { host, captured } = fakeHost({});
    const error = new Error('database exploded');
    filter.catch(error, host);
    expect(captured.status).toBe(500);
    expect(captured.body?.code).toBe('INTERNAL_ERROR');
    expect(captured.body?.message).toBe('服务器内部错误');
    expect(captured.body?.requestId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(JSON.stringify(captured.body)).not.toContain('database exploded');
    expect(loggerError).toHaveBeenCalledTimes(1);
    expect(loggerError.mock.calls[0]?.[0]).toMatchObject({
      err: { type: 'Error', message: 'database exploded' },
      requestId: captured.body?.requestId,
    });
  });

  it('maps a body-parser error to 400', () => {
    const { host, captured } = fakeHost({ 'accept-language': 'en' }, 'req-3');
    filter.catch({ type: 'entity.parse.failed', status: 400 }, host);
    expect(captured.status).toBe(400);
    expect(captured.body).toEqual({
      statusCode: 400,
      code: 'MALFORMED_REQUEST',
      message: 'The request body is not valid JSON',
      requestId: 'req-3',
    });
  });
});
