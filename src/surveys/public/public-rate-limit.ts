import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AppConfig } from '../../common/config/config';
import { APP_CONFIG } from '../../common/config/config.module';
import { DomainError } from '../../common/errors/domain-error';
import { QUEUE_SURVEYS } from '../../common/queue/queue.constants';
import { QueueRegistry } from '../../common/queue/queue.registry';

/** Requests one client address may make to the public survey pages per window. */
export const PUBLIC_SURVEY_LIMIT = 30;
export const PUBLIC_SURVEY_WINDOW_MS = 10 * 60 * 1000;

/**
 * A fixed-window counter per client address in Redis (under the application's key prefix), so that
 * every API instance counts together and guessing tokens stays slow. It uses the Redis connection the
 * surveys queue already holds. When Redis is not connected the page stays open (the token, not the
 * limit, is what protects an invitation) and the gap is logged.
 */
@Injectable()
export class PublicSurveyRateLimit implements CanActivate {
  private readonly logger = new Logger(PublicSurveyRateLimit.name);

  constructor(
    private readonly queues: QueueRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const client = request.ip ?? request.socket.remoteAddress ?? 'unknown';
    const queue = this.queues.get(QUEUE_SURVEYS);
    if (!this.queues.isReady(queue)) {
      this.logger.warn({ client }, 'Redis not connected: public survey request not rate-limited');
      return true;
    }
    const key = `${this.config.redisPrefix}:rate:public-surveys:${client}`;
    // SET NX starts the window with its expiry; INCR keeps the expiry; PTTL says when it ends.
    const results = await queue.client
      .multi()
      .set(key, '0', 'PX', PUBLIC_SURVEY_WINDOW_MS, 'NX')
      .incr(key)
      .pttl(key)
      .exec();
    const count = Number(results?.[1]?.[1] ?? 0);
    const remainingMs = Number(results?.[2]?.[1] ?? PUBLIC_SURVEY_WINDOW_MS);
    if (count <= PUBLIC_SURVEY_LIMIT) return true;
    const retryAfterSeconds = Math.max(1, Math.ceil(remainingMs / 1000));
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfterSeconds));
    throw new DomainError(
      'RATE_LIMITED',
      `Too many requests from this address; try again in ${retryAfterSeconds} s`,
      { retryAfterSeconds },
      `请求过于频繁，请 ${retryAfterSeconds} 秒后再试`,
    );
  }
}
