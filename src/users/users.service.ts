import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, SelectQueryBuilder } from 'typeorm';
import type { AuthenticatedUser, RequestContext } from '../auth/authenticated-user';
import { scopeToOutlet } from '../auth/outlet-scope.query';
import { AuditService, SYSTEM_ACTOR, auditActor } from '../audit/audit.service';
import { describeChanges } from '../audit/domain/describe-changes';
import { DomainError, NotFoundError, VersionConflictError } from '../common/errors/domain-error';
import { Page, fetchPage, matchText } from '../common/http/pagination';
import { Tx, inTransaction } from '../common/database/transaction';
import type { Role } from './domain/roles';
import { CreateUserDto, ListUsersQueryDto, UpdateUserDto } from './dto/user.dto';
import { hashPassword } from './password';
import { Lookup, Reference, matchReferences, referencedIds } from '../common/registers/references';
import { OutletsService } from '../outlets/outlets.service';
import { UserEntity } from './user.entity';

const AUDITED_FIELDS = ['displayName', 'email', 'roles', 'outletId', 'disabled', 'passwordHash'] as const;

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outlets: OutletsService,
  ) {}

  async findActive(id: string): Promise<AuthenticatedUser | null> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    if (!user || user.disabled) return null;
    return { id: user.id, username: user.username, roles: user.roles, outletId: user.outletId };
  }

  /**
   * Active users holding a role who have a mail address: who alerts for that role go to. An alert
   * about one outlet's record (`aboutOutletId`, null for head office's) goes only to those who may see
   * it: head office, and that outlet's own staff.
   */
  async mailRecipients(
    role: Role,
    aboutOutletId?: string | null,
  ): Promise<{ displayName: string; email: string }[]> {
    const q = this.enabledWithRole(role).andWhere('u.email IS NOT NULL');
    if (aboutOutletId !== undefined) {
      q.andWhere('(u.outletId IS NULL OR u.outletId = :aboutOutletId)', { aboutOutletId });
    }
    const users = await q.getMany();
    return users.map((user) => ({ displayName: user.displayName, email: user.email as string }));
  }

  /** The users a request names, as the acting user may see them (other outlets' users count as missing). */
  async findReferenced(
    tx: Tx,
    viewer: AuthenticatedUser,
    references: readonly Reference[],
  ): Promise<Lookup<UserEntity>> {
    const ids = referencedIds(references);
    const rows = ids.length === 0 ? [] : await tx.getRepository(UserEntity).findBy({ id: In(ids) });
    return matchReferences(rows, (user) => user.outletId, 'user', viewer, references);
  }

  /** Enabled users holding a role, as the viewer may see them, optionally of one outlet. */
  activeWithRole(role: Role, viewer: AuthenticatedUser, outletId?: string): Promise<UserEntity[]> {
    const q = scopeToOutlet(this.enabledWithRole(role), viewer, 'u.outletId');
    if (outletId) q.andWhere('u.outletId = :outletId', { outletId });
    return q.getMany();
  }

  private enabledWithRole(role: Role): SelectQueryBuilder<UserEntity> {
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where(':role = ANY(u.roles)', { role })
      .andWhere('u.disabled = false')
      .orderBy('u.username', 'ASC');
  }

  async get(id: string): Promise<UserEntity> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    if (!user) throw new NotFoundError('user', id);
    return user;
  }

  async list(query: ListUsersQueryDto, viewer: AuthenticatedUser): Promise<Page<UserEntity>> {
    const q = this.dataSource.getRepository(UserEntity).createQueryBuilder('u');
    scopeToOutlet(q, viewer, 'u.outletId');
    matchText(q, ['u.username', 'u.displayName'], query.q);
    if (query.role) q.andWhere(':role = ANY(u.roles)', { role: query.role });
    if (query.disabled !== undefined) q.andWhere('u.disabled = :disabled', { disabled: query.disabled });
    if (query.outletId) q.andWhere('u.outletId = :outletId', { outletId: query.outletId });
    return fetchPage(q.orderBy('u.username', 'ASC'), query);
  }

  async create(dto: CreateUserDto, context: RequestContext): Promise<UserEntity> {
    const passwordHash = await hashPassword(dto.password);
    return inTransaction(this.dataSource, async (tx) => {
      const user = await this.insert(tx, { ...dto, passwordHash });
      await this.audit.append(tx, {
        actor: auditActor(context),
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        changes: {
          username: user.username,
          displayName: user.displayName,
          roles: user.roles,
          email: user.email,
          outletId: user.outletId,
        },
        requestId: context.requestId,
      });
      return user;
    });
  }

  async update(id: string, dto: UpdateUserDto, context: RequestContext): Promise<UserEntity> {
    const passwordHash = dto.password === undefined ? undefined : await hashPassword(dto.password);
    return inTransaction(this.dataSource, async (tx) => {
      const before = await this.lockForChange(tx, id, dto.expectedVersion);
      if (
        before.id === context.user.id &&
        (dto.disabled === true || (dto.roles && !dto.roles.includes('admin')))
      ) {
        throw new DomainError(
          'CONFLICT',
          'Administrators cannot disable themselves or drop their own admin role',
          {
            field: dto.disabled === true ? 'disabled' : 'roles',
          },
        );
      }
      if (dto.outletId) await this.outlets.assertExists(tx, dto.outletId);
      const after: UserEntity = {
        ...before,
        displayName: dto.displayName ?? before.displayName,
        email: dto.email === undefined ? before.email : dto.email,
        roles: dto.roles ?? before.roles,
        outletId: dto.outletId === undefined ? before.outletId : dto.outletId,
        disabled: dto.disabled ?? before.disabled,
        passwordHash: passwordHash ?? before.passwordHash,
      };
      const changes = describeChanges(before, after, AUDITED_FIELDS, ['passwordHash']);
      if (Object.keys(changes).length === 0) return before;
      after.version = before.version + 1;
      const saved = await tx.getRepository(UserEntity).save(after);
      await this.audit.append(tx, {
        actor: auditActor(context),
        action: 'user.updated',
        entityType: 'user',
        entityId: id,
        changes,
        requestId: context.requestId,
      });
      return saved;
    });
  }

  async unlock(
    id: string,
    expectedVersion: number | undefined,
    context: RequestContext,
  ): Promise<UserEntity> {
    return inTransaction(this.dataSource, async (tx) => {
      const user = await this.lockForChange(tx, id, expectedVersion);
      const saved = await tx
        .getRepository(UserEntity)
        .save({ ...user, failedLoginCount: 0, lockedUntil: null, version: user.version + 1 });
      await this.audit.append(tx, {
        actor: auditActor(context),
        action: 'user.unlocked',
        entityType: 'user',
        entityId: id,
        changes: { lockedUntil: { from: user.lockedUntil, to: null } },
        requestId: context.requestId,
      });
      return saved;
    });
  }

  /** Creates the first admin from the configuration when there is no user at all. Returns whether it did. */
  async ensureFirstAdmin(username: string, password: string): Promise<boolean> {
    const passwordHash = await hashPassword(password);
    return inTransaction(this.dataSource, async (tx) => {
      // Instances starting together: only one of them creates the admin.
      await tx.query('LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE');
      if ((await tx.getRepository(UserEntity).count()) > 0) return false;
      const user = await this.insert(tx, {
        username: username.trim().toLowerCase(),
        displayName: '系统管理员',
        roles: ['admin'],
        passwordHash,
      });
      await this.audit.append(tx, {
        actor: SYSTEM_ACTOR,
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        changes: { username: user.username, roles: user.roles, reason: 'first admin from ADMIN_USERNAME' },
      });
      return true;
    });
  }

  private async insert(
    tx: Tx,
    fields: {
      username: string;
      displayName: string;
      roles: Role[];
      passwordHash: string;
      email?: string | null;
      outletId?: string | null;
    },
  ): Promise<UserEntity> {
    const repository = tx.getRepository(UserEntity);
    if (fields.outletId) await this.outlets.assertExists(tx, fields.outletId);
    const taken = await repository.existsBy({ username: fields.username });
    if (taken) {
      throw new DomainError('CONFLICT', `Username ${fields.username} is taken`, { field: 'username' });
    }
    return repository.save(
      repository.create({
        username: fields.username,
        displayName: fields.displayName,
        roles: fields.roles,
        passwordHash: fields.passwordHash,
        email: fields.email ?? null,
        outletId: fields.outletId ?? null,
      }),
    );
  }

  private async lockForChange(tx: Tx, id: string, expectedVersion: number | undefined): Promise<UserEntity> {
    const user = await tx
      .getRepository(UserEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw new NotFoundError('user', id);
    if (expectedVersion !== undefined && expectedVersion !== user.version) {
      throw new VersionConflictError('user', id, expectedVersion, user.version);
    }
    return user;
  }
}
