import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { hasAnyRole, type AuthenticatedUser, type RequestContext } from '../auth/authenticated-user';
import { scopeToOutlet } from '../auth/outlet-scope.query';
import { AuditService, auditActor } from '../audit/audit.service';
import { describeChanges } from '../audit/domain/describe-changes';
import { inTransaction, type Tx } from '../common/database/transaction';
import { DomainError, NotFoundError } from '../common/errors/domain-error';
import { invalidFields, type FieldProblem } from '../common/errors/validation-errors';
import { Page, fetchPage, matchText } from '../common/http/pagination';
import { assertFound } from '../common/registers/references';
import { RegisterSpec, RegisterWriter } from '../common/registers/register-writer';
import { CustomersService } from '../customers/customers.service';
import { OutletsService } from '../outlets/outlets.service';
import { UsersService } from '../users/users.service';
import { SERVICE_STAFF_ROLES } from '../users/domain/roles';
import { UserEntity } from '../users/user.entity';
import { summariseAttendeeChanges, type AttendeeFacts } from './domain/attendee-changes';
import { TRAINING_READERS, canSeeTraining } from './domain/staff-access';
import {
  CreateTrainingDto,
  ListTrainingsQueryDto,
  StaffTrainingHoursResponse,
  TrainingAttendeeDto,
  TrainingView,
  UpdateTrainingDto,
} from './dto/training.dto';
import { TrainingAttendeeEntity } from './training-attendee.entity';
import { TrainingEntity } from './training.entity';

const TRAININGS: RegisterSpec<TrainingEntity> = {
  entity: TrainingEntity,
  type: 'training',
  auditedFields: ['kind', 'topic', 'heldOn', 'hours', 'trainer', 'location', 'outletId', 'content', 'active'],
};

/** How an attendee's field is named in a 400, the same way the validation pipe names nested fields. */
const attendeeField = (index: number, field: keyof TrainingAttendeeDto) => `attendees.${index}.${field}`;

/** Each attendee is a user, a customer or a named person, and nobody is listed twice. */
function attendeeProblems(attendees: readonly TrainingAttendeeDto[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  attendees.forEach((attendee, index) => {
    if (attendee.userId && attendee.customerId) {
      problems.push({
        field: attendeeField(index, 'customerId'),
        problems: ['an attendee is either a user or a customer, not both'],
      });
    } else if (!attendee.userId && !attendee.customerId && !attendee.name) {
      problems.push({
        field: attendeeField(index, 'name'),
        problems: ['name is required for an attendee who is neither a user nor a customer'],
      });
    }
    for (const field of ['userId', 'customerId'] as const) {
      const key = attendee[field] && `${field}:${attendee[field]}`;
      if (!key) continue;
      if (seen.has(key)) {
        problems.push({ field: attendeeField(index, field), problems: [`${field} is listed twice`] });
      }
      seen.add(key);
    }
  });
  return problems;
}

/**
 * Staff and customer trainings (员工培训 / 客户培训) with their attendees and assessment results.
 * Creates and updates write their own audit entry: the register writer audits a record's columns only,
 * and here one entry must also summarise the attendee list.
 */
@Injectable()
export class TrainingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writer: RegisterWriter,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly customers: CustomersService,
    private readonly outlets: OutletsService,
  ) {}

  async get(id: string, viewer: AuthenticatedUser): Promise<TrainingView> {
    const training = await this.findVisible(this.dataSource.manager, id, viewer);
    return { training, attendees: await this.attendeesOf(this.dataSource.manager, [id]) };
  }

  async isVisibleTo(id: string, viewer: AuthenticatedUser): Promise<boolean | null> {
    const training = await this.dataSource.getRepository(TrainingEntity).findOneBy({ id });
    return training && canSeeTraining(viewer, training.outletId);
  }

  /** Outlet-bound users list their outlet's trainings; users of no outlet need a reader role. */
  async list(query: ListTrainingsQueryDto, viewer: AuthenticatedUser): Promise<Page<TrainingView>> {
    if (viewer.outletId === null && !hasAnyRole(viewer, TRAINING_READERS)) {
      throw new DomainError('FORBIDDEN', 'Only managers, auditors and administrators list trainings');
    }
    const q = this.dataSource.getRepository(TrainingEntity).createQueryBuilder('t');
    scopeToOutlet(q, viewer, 't.outletId');
    matchText(q, ['t.topic', 't.trainer'], query.q);
    if (query.active !== undefined) q.andWhere('t.active = :active', { active: query.active });
    if (query.kind) q.andWhere('t.kind = :kind', { kind: query.kind });
    if (query.outletId) q.andWhere('t.outletId = :outletId', { outletId: query.outletId });
    if (query.from) q.andWhere('t.heldOn >= :from', { from: query.from });
    if (query.to) q.andWhere('t.heldOn <= :to', { to: query.to });
    if (query.userId) {
      q.andWhere(
        'EXISTS (SELECT 1 FROM training_attendees a WHERE a.training_id = t.id AND a.user_id = :userId)',
        { userId: query.userId },
      );
    }
    const page = await fetchPage(q.orderBy('t.heldOn', 'DESC').addOrderBy('t.id', 'ASC'), query);
    const attendees = await this.attendeesOf(
      this.dataSource.manager,
      page.items.map((training) => training.id),
    );
    return {
      ...page,
      items: page.items.map((training) => ({
        training,
        attendees: attendees.filter((attendee) => attendee.trainingId === training.id),
      })),
    };
  }

  create(dto: CreateTrainingDto, context: RequestContext): Promise<TrainingView> {
    const { attendees: attendeeInput = [], ...fields } = dto;
    return inTransaction(this.dataSource, async (tx) => {
      const outletId = await this.outlets.outletForRecord(tx, context.user, fields.outletId);
      const attendees = await this.resolveAttendees(tx, context.user, attendeeInput);
      const repository = tx.getRepository(TrainingEntity);
      const training = await repository.save(repository.create({ ...fields, outletId }));
      const saved = await this.replaceAttendees(tx, training.id, attendees);
      const created = Object.fromEntries(TRAININGS.auditedFields.map((field) => [field, training[field]]));
      await this.audit.append(tx, {
        actor: auditActor(context),
        action: 'training.created',
        entityType: 'training',
        entityId: training.id,
        changes: { ...created, attendees: summariseAttendeeChanges([], attendees) },
        requestId: context.requestId,
      });
      return { training, attendees: saved };
    });
  }

  /** Changes the training; `attendees`, when sent, replaces the whole list. One audit entry covers both. */
  update(id: string, dto: UpdateTrainingDto, context: RequestContext): Promise<TrainingView> {
    const { expectedVersion, attendees: attendeeInput, ...fields } = dto;
    return inTransaction(this.dataSource, async (tx) => {
      await this.findVisible(tx, id, context.user);
      const before = await this.writer.lockForChange(tx, TRAININGS, id, expectedVersion);
      if (fields.outletId !== undefined) {
        fields.outletId = await this.outlets.outletForRecord(tx, context.user, fields.outletId);
      }
      const patch = Object.entries(fields).filter(([, value]) => value !== undefined);
      const after: TrainingEntity = { ...before, ...Object.fromEntries(patch) };
      let attendees = await this.attendeesOf(tx, [id]);
      const changes = describeChanges(before, after, TRAININGS.auditedFields);
      if (attendeeInput !== undefined) {
        const next = await this.resolveAttendees(tx, context.user, attendeeInput);
        const attendeeChanges = summariseAttendeeChanges(attendees, next);
        if (attendeeChanges) {
          attendees = await this.replaceAttendees(tx, id, next);
          changes.attendees = attendeeChanges;
        }
      }
      if (Object.keys(changes).length === 0) return { training: before, attendees };
      const training = await tx.getRepository(TrainingEntity).save({ ...after, version: before.version + 1 });
      await this.audit.append(tx, {
        actor: auditActor(context),
        action: 'training.updated',
        entityType: 'training',
        entityId: id,
        changes,
        requestId: context.requestId,
      });
      return { training, attendees };
    });
  }

  /** The attendee rows are part of the training and go with it; anything else referring to it refuses. */
  delete(id: string, expectedVersion: number | undefined, context: RequestContext): Promise<void> {
    return inTransaction(this.dataSource, async (tx) => {
      await this.findVisible(tx, id, context.user);
      await this.writer.lockForChange(tx, TRAININGS, id, expectedVersion);
      await tx.getRepository(TrainingAttendeeEntity).delete({ trainingId: id });
      await this.writer.delete(tx, TRAININGS, id, expectedVersion, context);
    });
  }

  /** Hours of staff trainings each service staff member attended in a year. */
  async hoursPerPerson(year: number, viewer: AuthenticatedUser): Promise<StaffTrainingHoursResponse[]> {
    const q = this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .select('u.id', 'userId')
      .addSelect('u.username', 'username')
      .addSelect('u.displayName', 'displayName')
      .addSelect('u.outletId', 'outletId')
      .addSelect('COALESCE(SUM(t.hours), 0)', 'hours')
      .addSelect('COUNT(t.id)::int', 'trainings')
      .leftJoin(TrainingAttendeeEntity, 'a', 'a.userId = u.id')
      .leftJoin(
        TrainingEntity,
        't',
        `t.id = a.trainingId AND t.kind = 'staff' AND t.active = true AND t.heldOn BETWEEN :from AND :to`,
        { from: `${year}-01-01`, to: `${year}-12-31` },
      )
      .where('u.disabled = false')
      .andWhere('u.roles && :serviceRoles', { serviceRoles: SERVICE_STAFF_ROLES })
      .groupBy('u.id')
      .orderBy('u.username', 'ASC');
    scopeToOutlet(q, viewer, 'u.outletId');
    const rows = await q.getRawMany<Omit<StaffTrainingHoursResponse, 'hours'> & { hours: string }>();
    return rows.map((row) => ({ ...row, hours: Number(row.hours) }));
  }

  private async findVisible(tx: Tx, id: string, viewer: AuthenticatedUser): Promise<TrainingEntity> {
    const training = await tx.getRepository(TrainingEntity).findOneBy({ id });
    if (!training || !canSeeTraining(viewer, training.outletId)) throw new NotFoundError('training', id);
    return training;
  }

  private attendeesOf(tx: Tx, trainingIds: readonly string[]): Promise<TrainingAttendeeEntity[]> {
    if (trainingIds.length === 0) return Promise.resolve([]);
    return tx
      .getRepository(TrainingAttendeeEntity)
      .createQueryBuilder('a')
      .where('a.trainingId IN (:...trainingIds)', { trainingIds })
      .orderBy('a.name', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getMany();
  }

  /** Checks the attendees a request names and fills in the names of users and customers. */
  private async resolveAttendees(
    tx: Tx,
    viewer: AuthenticatedUser,
    input: readonly TrainingAttendeeDto[],
  ): Promise<AttendeeFacts[]> {
    const problems = attendeeProblems(input);
    if (problems.length > 0) throw invalidFields(problems);
    const references = (field: 'userId' | 'customerId') =>
      input.flatMap((attendee, index) => {
        const id = attendee[field];
        return id ? [{ id, field: attendeeField(index, field) }] : [];
      });
    const users = await this.users.findReferenced(tx, viewer, references('userId'));
    const customers = await this.customers.findReferenced(tx, viewer, references('customerId'));
    assertFound(users, customers);
    return input.map((attendee) => {
      const userId = attendee.userId ?? null;
      const customerId = attendee.customerId ?? null;
      const name =
        attendee.name ??
        (userId
          ? users.found.get(userId)?.displayName
          : customerId
            ? customers.found.get(customerId)?.name
            : undefined);
      // attendeeProblems() and the lookups above guarantee a name; a miss here is a bug, not bad input.
      if (name === undefined) throw new Error('Training attendee without a name');
      return {
        userId,
        customerId,
        // A company's name may be longer than an attendee's name column.
        name: name.slice(0, 100),
        result: attendee.result ?? 'not_assessed',
        score: attendee.score ?? null,
      };
    });
  }

  private async replaceAttendees(
    tx: Tx,
    trainingId: string,
    attendees: readonly AttendeeFacts[],
  ): Promise<TrainingAttendeeEntity[]> {
    const repository = tx.getRepository(TrainingAttendeeEntity);
    await repository.delete({ trainingId });
    if (attendees.length === 0) return [];
    await repository.insert(attendees.map((attendee) => ({ ...attendee, trainingId })));
    return this.attendeesOf(tx, [trainingId]);
  }
}
