import { createHash } from 'node:crypto';
import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { Observable, from, lastValueFrom } from 'rxjs';
import { DataSource } from 'typeorm';
import { canonicalJson } from '../../audit/domain/hash-chain';
import { Clock } from '../clock';
import { DomainError } from '../errors/domain-error';
import { invalidFields } from '../errors/validation-errors';
import { describeError } from '../logging/describe-error';
import { IdempotencyClaim, runWithClaim } from './idempotency-context';
import { IdempotencyKeyEntity } from './idempotency-key.entity';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\w.:-]{1,200}$/;
/** A key whose first request never finished (its process died) may be taken over after this long. */
const ABANDONED_AFTER_MS = 5 * 60 * 1000;

function requestHash(request: Request): string {
  return createHash('sha256')
    .update(`${request.method} ${request.path}\n`)
    .update(canonicalJson(request.body ?? null))
    .digest('hex');
}

/**
 * Honours the Idempotency-Key header on authenticated POSTs: the first request runs and its
 * answer is kept; a retry with the same key and body gets that answer again and changes nothing;
 * the same key with another body is refused. Failed requests keep nothing, so they can be retried.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger(IdempotencyInterceptor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    const key = request.headers[IDEMPOTENCY_HEADER];
    if (request.method !== 'POST' || key === undefined || !request.user) return next.handle();
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw invalidFields([
        { field: 'Idempotency-Key', problems: ['must be 1-200 letters, digits or _ . : -'] },
      ]);
    }
    const response = context.switchToHttp().getResponse<Response>();
    return from(
      this.run(request.user.id, key, requestHash(request), response, () => lastValueFrom(next.handle())),
    );
  }

  private async run(
    userId: string,
    key: string,
    hash: string,
    response: Response,
    handle: () => Promise<unknown>,
  ): Promise<unknown> {
    const repository = this.dataSource.getRepository(IdempotencyKeyEntity);
    if (!(await this.claim(userId, key, hash))) {
      const existing = await repository.findOneByOrFail({ userId, key });
      if (existing.requestHash !== hash) {
        throw new DomainError(
          'IDEMPOTENCY_KEY_REUSED',
          'This Idempotency-Key was used for a different request',
        );
      }
      if (existing.completedAt !== null && existing.statusCode !== null) {
        response.status(existing.statusCode);
        response.setHeader('Idempotent-Replayed', 'true');
        return existing.response;
      }
      throw new DomainError(
        'CONFLICT',
        existing.committedAt === null
          ? 'A request with this Idempotency-Key is still in progress'
          : 'The request with this Idempotency-Key was carried out but its answer was not kept; read the record',
      );
    }
    const claim: IdempotencyClaim = { userId, key, committed: false };
    let result: unknown;
    try {
      result = await runWithClaim(claim, handle);
    } catch (error) {
      // Nothing committed: free the key so the request can be made again. Something did: keep it.
      if (!claim.committed) await repository.delete({ userId, key });
      throw error;
    }
    await this.keepAnswer(userId, key, response.statusCode, result);
    return result;
  }

  /** Keeps the answer for replays; a failure here loses only the replay, never the guarantee. */
  private async keepAnswer(userId: string, key: string, statusCode: number, result: unknown): Promise<void> {
    try {
      await this.dataSource
        .getRepository(IdempotencyKeyEntity)
        .update(
          { userId, key },
          { statusCode, response: (result ?? null) as object, completedAt: this.clock.now() },
        );
    } catch (error) {
      this.logger.warn(
        { err: describeError(error), key },
        'Could not keep the answer of an idempotent request',
      );
    }
  }

  /** Takes the key for this request; false when another request holds it (or held it and finished). */
  private async claim(userId: string, key: string, hash: string): Promise<boolean> {
    const inserted = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(IdempotencyKeyEntity)
      .values({ userId, key, requestHash: hash, createdAt: this.clock.now() })
      .orIgnore()
      .returning(['key'])
      .execute();
    if ((inserted.raw as unknown[]).length > 0) return true;
    const abandonedBefore = new Date(this.clock.now().getTime() - ABANDONED_AFTER_MS);
    const takenOver = await this.dataSource
      .createQueryBuilder()
      .update(IdempotencyKeyEntity)
      .set({ createdAt: this.clock.now(), requestHash: hash })
      .where('user_id = :userId AND key = :key AND committed_at IS NULL AND created_at < :abandonedBefore', {
        userId,
        key,
        abandonedBefore,
      })
      .execute();
    return (takenOver.affected ?? 0) > 0;
  }
}
