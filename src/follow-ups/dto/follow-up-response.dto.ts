import { ApiProperty } from '@nestjs/swagger';
import { PageResponseOf } from '../../common/http/pagination';
import {
  CONTACT_METHODS,
  FOLLOW_UP_KINDS,
  FOLLOW_UP_STATUSES,
  PROBLEM_ACTIONS,
  type ContactMethod,
  type FollowUpKind,
  type FollowUpStatus,
  type ProblemAction,
} from '../domain/follow-up-fields';
import { isOverdue } from '../domain/follow-up-schedule';
import type { FollowUpAttemptEntity } from '../follow-up-attempt.entity';
import type { FollowUpEntity } from '../follow-up.entity';

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

export class FollowUpNamedRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class FollowUpNumberedRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() number!: string;
}

export class FollowUpTicketRef extends FollowUpNumberedRef {
  @ApiProperty({ description: "The ticket's status now" }) status!: string;
}

export class FollowUpAssetRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() serialNumber!: string;
}

export class FollowUpResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'FU2026-000001' }) number!: string;
  @ApiProperty({ enum: FOLLOW_UP_KINDS }) kind!: FollowUpKind;
  @ApiProperty({ enum: FOLLOW_UP_STATUSES }) status!: FollowUpStatus;
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'Pending and past its due time' }) overdue!: boolean;
  @ApiProperty({ nullable: true, type: FollowUpTicketRef, description: 'The ticket a follow-up follows up' })
  ticket!: FollowUpTicketRef | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'The resolution followed up',
  })
  ticketResolvedAt!: string | null;
  @ApiProperty({ type: FollowUpNamedRef }) customer!: FollowUpNamedRef;
  @ApiProperty({ nullable: true, type: FollowUpAssetRef }) asset!: FollowUpAssetRef | null;
  @ApiProperty({ nullable: true, type: FollowUpNamedRef }) outlet!: FollowUpNamedRef | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) policyVersionId!: string | null;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'A recurring inspection: every N months' })
  everyMonths!: number | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The visit before, in its series',
  })
  previousId!: string | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ nullable: true, type: FollowUpNamedRef }) assignee!: FollowUpNamedRef | null;
  @ApiProperty({ description: 'Failed attempts to reach the customer' }) attemptCount!: number;
  @ApiProperty({ nullable: true, enum: CONTACT_METHODS }) method!: ContactMethod | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) contactedAt!: string | null;
  @ApiProperty({ nullable: true, type: Boolean }) satisfied!: boolean | null;
  @ApiProperty({ nullable: true, type: Number, minimum: 1, maximum: 5 }) score!: number | null;
  @ApiProperty({ nullable: true, type: String }) comments!: string | null;
  @ApiProperty({ nullable: true, type: String }) findings!: string | null;
  @ApiProperty({ nullable: true, enum: PROBLEM_ACTIONS }) action!: ProblemAction | null;
  @ApiProperty({ nullable: true, type: FollowUpNumberedRef, description: 'The complaint it opened' })
  complaint!: FollowUpNumberedRef | null;
  @ApiProperty({
    nullable: true,
    type: FollowUpNumberedRef,
    description: 'The repair ticket an inspection opened',
  })
  openedTicket!: FollowUpNumberedRef | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) completedAt!: string | null;
  @ApiProperty({ nullable: true, type: FollowUpNamedRef }) completedBy!: FollowUpNamedRef | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) cancelledAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelReason!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class FollowUpPageResponse extends PageResponseOf(FollowUpResponse) {}

export class FollowUpAttemptResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) attemptedAt!: string;
  @ApiProperty({ enum: CONTACT_METHODS }) method!: ContactMethod;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ type: FollowUpNamedRef }) recordedBy!: FollowUpNamedRef;
}

export class FollowUpDetailResponse extends FollowUpResponse {
  @ApiProperty({ type: [FollowUpAttemptResponse], description: 'Failed attempts, oldest first' })
  attempts!: FollowUpAttemptResponse[];
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The next visit of a recurring inspection, once it is scheduled',
  })
  nextId!: string | null;
}

/** A visit with the records it is read with. */
export type LoadedFollowUp = FollowUpEntity & Required<Pick<FollowUpEntity, 'customer'>>;

export function toFollowUpResponse(followUp: LoadedFollowUp, now: Date): FollowUpResponse {
  return {
    id: followUp.id,
    number: followUp.number,
    kind: followUp.kind,
    status: followUp.status,
    version: followUp.version,
    overdue: isOverdue(followUp.status, followUp.dueAt, now),
    ticket: followUp.ticket
      ? { id: followUp.ticket.id, number: followUp.ticket.number, status: followUp.ticket.status }
      : null,
    ticketResolvedAt: iso(followUp.ticketResolvedAt),
    customer: { id: followUp.customer.id, name: followUp.customer.name },
    asset: followUp.asset ? { id: followUp.asset.id, serialNumber: followUp.asset.serialNumber } : null,
    outlet: followUp.outlet ? { id: followUp.outlet.id, name: followUp.outlet.name } : null,
    policyVersionId: followUp.policyVersionId,
    dueAt: followUp.dueAt.toISOString(),
    everyMonths: followUp.everyMonths,
    previousId: followUp.previousId,
    note: followUp.note,
    assignee: followUp.assignee ? { id: followUp.assignee.id, name: followUp.assignee.displayName } : null,
    attemptCount: followUp.attemptCount,
    method: followUp.method,
    contactedAt: iso(followUp.contactedAt),
    satisfied: followUp.satisfied,
    score: followUp.score,
    comments: followUp.comments,
    findings: followUp.findings,
    action: followUp.problemAction,
    complaint:
      followUp.complaintId && followUp.complaintNumber
        ? { id: followUp.complaintId, number: followUp.complaintNumber }
        : null,
    openedTicket: followUp.openedTicket
      ? { id: followUp.openedTicket.id, number: followUp.openedTicket.number }
      : null,
    completedAt: iso(followUp.completedAt),
    completedBy: followUp.completer
      ? { id: followUp.completer.id, name: followUp.completer.displayName }
      : null,
    cancelledAt: iso(followUp.cancelledAt),
    cancelReason: followUp.cancelReason,
    createdAt: followUp.createdAt.toISOString(),
    updatedAt: followUp.updatedAt.toISOString(),
  };
}

export function toFollowUpDetailResponse(
  dossier: { followUp: LoadedFollowUp; attempts: FollowUpAttemptEntity[]; nextId: string | null },
  now: Date,
): FollowUpDetailResponse {
  return {
    ...toFollowUpResponse(dossier.followUp, now),
    attempts: dossier.attempts.map((attempt) => ({
      id: attempt.id,
      attemptedAt: attempt.attemptedAt.toISOString(),
      method: attempt.method,
      note: attempt.note,
      recordedBy: { id: attempt.recordedBy, name: attempt.recorder?.displayName ?? '' },
    })),
    nextId: dossier.nextId,
  };
}
