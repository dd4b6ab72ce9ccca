import { formatDateTime } from '../common/calendar';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import { Tx, inTransaction } from '../common/database/transaction';
import { DomainError } from '../common/errors/domain-error';
import { NotificationService } from '../common/mail/notification.service';
import { UserEntity } from '../users/user.entity';
import { DUMMY_HASH, verifyPassword } from '../users/password';
import { LoginDecision, decideLogin } from './domain/login-lock';

export interface TokenPayload {
  sub: string;
  username: string;
}

export interface LoginResult {
  accessToken: string;
  expiresIn: number;
  user: UserEntity;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string, requestId: string | null): Promise<LoginResult> {
    const normalized = username.trim().toLowerCase();
    const found = await this.dataSource.getRepository(UserEntity).findOneBy({ username: normalized });
    // The hash is checked before any lock is taken (it is slow); an unknown user costs the same time.
    const passwordOk = await verifyPassword(password, found?.passwordHash ?? DUMMY_HASH);
    if (!found) throw new DomainError('INVALID_CREDENTIALS', 'Wrong username or password');
    const { decision, user } = await inTransaction(this.dataSource, async (tx) => {
      const account = await tx
        .getRepository(UserEntity)
        .findOneOrFail({ where: { id: found.id }, lock: { mode: 'pessimistic_write' } });
      const now = this.clock.now();
      const decided = decideLogin(account, passwordOk, now);
      await this.applyDecision(tx, account, decided, now, requestId);
      return { decision: decided, user: account };
    });
    switch (decision.outcome) {
      case 'locked':
        throw new DomainError(
          'ACCOUNT_LOCKED',
          `Account locked until ${decision.lockedUntil.toISOString()}`,
          {
            lockedUntil: decision.lockedUntil.toISOString(),
          },
        );
      case 'wrong-password':
        throw new DomainError('INVALID_CREDENTIALS', 'Wrong username or password');
      case 'disabled':
        throw new DomainError('ACCOUNT_DISABLED', 'This account is disabled');
      case 'ok': {
        const payload: TokenPayload = { sub: user.id, username: user.username };
        const accessToken = await this.jwt.signAsync(payload);
        const decoded = this.jwt.decode<{ exp: number; iat: number }>(accessToken);
        return { accessToken, expiresIn: decoded.exp - decoded.iat, user };
      }
    }
  }

  async verifyToken(token: string): Promise<TokenPayload | null> {
    try {
      return await this.jwt.verifyAsync<TokenPayload>(token);
    } catch {
      return null;
    }
  }

  /** Records the attempt: counters, the lock, the audit entries and the lock notice, in the attempt's transaction. */
  private async applyDecision(
    tx: Tx,
    user: UserEntity,
    decision: LoginDecision,
    now: Date,
    requestId: string | null,
  ): Promise<void> {
    const actor = { id: user.id, username: user.username };
    const entry = { actor, entityType: 'user', entityId: user.id, requestId };
    switch (decision.outcome) {
      case 'locked':
      case 'disabled':
        return;
      case 'ok':
        Object.assign(user, decision.next, { lastLoginAt: now });
        await tx.update(UserEntity, { id: user.id }, { ...decision.next, lastLoginAt: now });
        await this.audit.append(tx, { ...entry, action: 'auth.login' });
        return;
      case 'wrong-password': {
        const { failedLoginCount, lockedUntil } = decision.next;
        await tx.update(UserEntity, { id: user.id }, { failedLoginCount, lockedUntil });
        if (decision.lockedNow && lockedUntil && user.email) {
          await this.notifications.queueMail(tx, {
            to: user.email,
            template: 'account-locked',
            params: {
              displayName: user.displayName,
              username: user.username,
              attempts: String(failedLoginCount),
              lockedUntil: formatDateTime(lockedUntil, this.config.companyTimeZone),
            },
            related: { type: 'user', id: user.id },
            requestId,
          });
        }
        await this.audit.append(tx, { ...entry, action: 'auth.login_failed', changes: { failedLoginCount } });
        if (decision.lockedNow) {
          await this.audit.append(tx, {
            ...entry,
            action: 'auth.account_locked',
            changes: { lockedUntil: lockedUntil?.toISOString() },
          });
        }
        return;
      }
    }
  }
}
