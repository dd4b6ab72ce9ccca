import { randomUUID } from 'node:crypto';
import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/config';

const REQUEST_ID_PATTERN = /^[\w.:-]{1,64}$/;

/**
 * Gives every request its id before anything else runs (the body parser included), keeping a
 * caller's X-Request-Id when it is sane, so one id follows a request across services.
 */
export function assignRequestId(
  request: IncomingMessage & { id?: unknown },
  response: ServerResponse,
  next: () => void,
): void {
  const given = request.headers['x-request-id'];
  request.id = typeof given === 'string' && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
  response.setHeader('X-Request-Id', String(request.id));
  next();
}

function requestIdFor(request: IncomingMessage & { id?: unknown }): string {
  return typeof request.id === 'string' ? request.id : randomUUID();
}

/** JSON lines, a request id on each, and no secrets: credentials are redacted wherever they appear. */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: config.logLevel,
            genReqId: requestIdFor,
            customProps: (request) => ({ requestId: request.id }),
            redact: {
              paths: [
                'req.headers.authorization',
                'req.headers.cookie',
                'res.headers["set-cookie"]',
                '*.password',
                '*.passwordHash',
                '*.accessToken',
                '*.token',
              ],
              censor: '[redacted]',
            },
            serializers: {
              req: (request: { id: unknown; method: string; url: string }) => ({
                id: request.id,
                method: request.method,
                // Query strings may carry tokens (public survey links): log the path only.
                url: request.url.split('?')[0],
              }),
            },
          },
        }),
      ],
    };
  }
}
