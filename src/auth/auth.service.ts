import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import { inTransaction } from '../common/database/transaction';
import { DomainError } from '../common/errors/domain-error';
import { NotificationService } from '../common/mail/notification.service';
import { UserEntity } from '../users/user.entity';
import { DUMMY_HASH, verifyPassword } from '../users/password';
import { AFTER_SUCCESSFUL_LOGIN, afterFailedLogin, isLocked } from './domain/login-lock';

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
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ username: normalized });
    const passwordOk = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user) throw new DomainError('INVALID_CREDENTIALS', 'Wrong username or password');
    const now = this.clock.now();
    if (isLocked(user, now)) {
      throw new DomainError('ACCOUNT_LOCKED', `Account locked until ${user.lockedUntil?.toISOString()}`, {
        lockedUntil: user.lockedUntil?.toISOString(),
      });
    }
    if (!passwordOk) {
      await this.recordFailure(user.id, requestId);
      throw new DomainError('INVALID_CREDENTIALS', 'Wrong username or password');
    }
    if (user.disabled) throw new DomainError('ACCOUNT_DISABLED', 'This account is disabled');
    const loggedIn = await inTransaction(this.dataSource, async (tx) => {
      await tx.update(UserEntity, { id: user.id }, { ...AFTER_SUCCESSFUL_LOGIN, lastLoginAt: now });
      await this.audit.append(tx, {
        actor: { id: user.id, username: user.username },
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
        requestId,
      });
      return { ...user, ...AFTER_SUCCESSFUL_LOGIN, lastLoginAt: now };
    });
    const payload: TokenPayload = { sub: user.id, username: user.username };
    const accessToken = await this.jwt.signAsync(payload);
    const decoded = this.jwt.decode<{ exp: number; iat: number }>(accessToken);
    return { accessToken, expiresIn: decoded.exp - decoded.iat, user: loggedIn };
  }

  async verifyToken(token: string): Promise<TokenPayload | null> {
    try {
      return await this.jwt.verifyAsync<TokenPayload>(token);
    } catch {
      return null;
    }
  }

  /** Counts a wrong password under a row lock (concurrent attempts all count) and locks at the limit. */
  private async recordFailure(userId: string, requestId: string | null): Promise<void> {
    await inTransaction(this.dataSource, async (tx) => {
      const user = await tx.getRepository(UserEntity).findOneOrFail({
        where: { id: userId },
        lock: { mode: 'pessimistic_write' },
      });
      const now = this.clock.now();
      const next = afterFailedLogin(user, now);
      await tx.update(
        UserEntity,
        { id: userId },
        { failedLoginCount: next.failedLoginCount, lockedUntil: next.lockedUntil },
      );
      const actor = { id: user.id, username: user.username };
      if (next.lockedNow && user.email) {
        await this.notifications.queueMail(tx, {
          to: user.email,
          template: 'account-locked',
          params: {
            displayName: user.displayName,
            username: user.username,
            attempts: String(next.failedLoginCount),
            lockedUntil: formatInZone(next.lockedUntil as Date, this.config.companyTimeZone),
          },
          related: { type: 'user', id: user.id },
          requestId,
        });
      }
      await this.audit.append(tx, {
        actor,
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
        changes: { failedLoginCount: next.failedLoginCount },
        requestId,
      });
      if (next.lockedNow) {
        await this.audit.append(tx, {
          actor,
          action: 'auth.account_locked',
          entityType: 'user',
          entityId: user.id,
          changes: { lockedUntil: next.lockedUntil?.toISOString() },
          requestId,
        });
      }
    });
  }
}

function formatInZone(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone, dateStyle: 'short', timeStyle: 'medium' }).format(date);
}
