import { ApiProperty } from '@nestjs/swagger';
import { PageResponseOf } from '../../common/http/pagination';
import { NamedRef } from '../../tickets/dto/ticket-response.dto';
import { isOverdue, stepDoneAt, stepDueAt } from '../domain/complaint-escalation';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  COMPLAINT_SEVERITIES,
  COMPLAINT_STATUSES,
  COMPLAINT_STEPS,
  ESCALATION_TRIGGERS,
  type ComplaintCategory,
  type ComplaintChannel,
  type ComplaintSeverity,
  type ComplaintStatus,
  type ComplaintStep,
  type EscalationTrigger,
} from '../domain/complaint-fields';
import { describeComplaintEntry } from '../domain/complaint-timeline';
import type { ComplaintDossier, LoadedComplaint } from '../complaints.service';

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

export class ComplaintTicketRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'RT2026-000001' }) number!: string;
}

export class EscalationResponse {
  @ApiProperty({ enum: COMPLAINT_STEPS, description: 'The step that was (about to be) missed' })
  step!: ComplaintStep;
  @ApiProperty({ enum: ESCALATION_TRIGGERS }) trigger!: EscalationTrigger;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ format: 'date-time' }) escalatedAt!: string;
  @ApiProperty({ nullable: true, type: NamedRef, description: 'Null when the deadline job escalated' })
  actor!: NamedRef | null;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ description: 'How many managers were mailed' }) notified!: number;
}

export class ComplaintResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'CP2026-000001' }) number!: string;
  @ApiProperty({ enum: COMPLAINT_STATUSES }) status!: ComplaintStatus;
  @ApiProperty() version!: number;
  @ApiProperty({ type: NamedRef }) customer!: NamedRef;
  @ApiProperty({ nullable: true, type: String }) contactName!: string | null;
  @ApiProperty({ nullable: true, type: String }) contactPhone!: string | null;
  @ApiProperty({ nullable: true, type: ComplaintTicketRef }) ticket!: ComplaintTicketRef | null;
  @ApiProperty({ nullable: true, type: NamedRef }) outlet!: NamedRef | null;
  @ApiProperty({ nullable: true, type: NamedRef }) technician!: NamedRef | null;
  @ApiProperty({ enum: COMPLAINT_CHANNELS }) channel!: ComplaintChannel;
  @ApiProperty({ enum: COMPLAINT_CATEGORIES }) category!: ComplaintCategory;
  @ApiProperty({ enum: COMPLAINT_SEVERITIES }) severity!: ComplaintSeverity;
  @ApiProperty() description!: string;
  @ApiProperty({ format: 'uuid', description: 'The service policy version the deadlines come from' })
  policyVersionId!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ format: 'date-time' }) acknowledgeDueAt!: string;
  @ApiProperty({ format: 'date-time' }) resolveDueAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) acknowledgedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) acknowledgmentNote!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) investigationStartedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) investigationNote!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) resolvedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) rootCause!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'What the customer was given or done for them' })
  remedy!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'What changes so it does not happen again (改进)',
  })
  correctiveAction!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) closedAt!: string | null;
  @ApiProperty({ nullable: true, type: Boolean, description: 'Asked when the complaint is closed' })
  customerAccepted!: boolean | null;
  @ApiProperty({ nullable: true, type: String }) closingNote!: string | null;
  @ApiProperty({ nullable: true, type: Boolean, description: 'Null until acknowledged' })
  acknowledgedOnTime!: boolean | null;
  @ApiProperty({ nullable: true, type: Boolean, description: 'Null until resolved' })
  resolvedOnTime!: boolean | null;
  @ApiProperty({ description: 'Open and past a deadline it has not met' }) overdue!: boolean;
  @ApiProperty({ type: [EscalationResponse], description: 'At most one per step, oldest first' })
  escalations!: EscalationResponse[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ComplaintPageResponse extends PageResponseOf(ComplaintResponse) {}

export class ComplaintTimelineEntryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'receive, a workflow action, or escalate (by hand or by the deadline job)' })
  action!: string;
  @ApiProperty({ example: '确认受理' }) title!: string;
  @ApiProperty({ example: '已向客户确认受理：已致歉，承诺三日内答复' }) summary!: string;
  @ApiProperty({ nullable: true, enum: COMPLAINT_STATUSES }) fromStatus!: ComplaintStatus | null;
  @ApiProperty({ enum: COMPLAINT_STATUSES }) toStatus!: ComplaintStatus;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'Null when the system did it' })
  actorId!: string | null;
  @ApiProperty({ nullable: true, type: String }) actorName!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
}

export class ComplaintDetailResponse extends ComplaintResponse {
  @ApiProperty({ type: [ComplaintTimelineEntryResponse], description: 'Every step, oldest first' })
  timeline!: ComplaintTimelineEntryResponse[];
}

function onTime(complaint: LoadedComplaint, step: ComplaintStep): boolean | null {
  const done = stepDoneAt(complaint, step);
  return done === null ? null : done.getTime() <= stepDueAt(complaint, step).getTime();
}

export function toComplaintResponse(complaint: LoadedComplaint, now: Date): ComplaintResponse {
  return {
    id: complaint.id,
    number: complaint.number,
    status: complaint.status,
    version: complaint.version,
    customer: { id: complaint.customer.id, name: complaint.customer.name },
    contactName: complaint.contactName,
    contactPhone: complaint.contactPhone,
    ticket: complaint.ticket ? { id: complaint.ticket.id, number: complaint.ticket.number } : null,
    outlet: complaint.outlet ? { id: complaint.outlet.id, name: complaint.outlet.name } : null,
    technician: complaint.technician
      ? { id: complaint.technician.id, name: complaint.technician.displayName }
      : null,
    channel: complaint.channel,
    category: complaint.category,
    severity: complaint.severity,
    description: complaint.description,
    policyVersionId: complaint.policyVersionId,
    receivedAt: complaint.receivedAt.toISOString(),
    acknowledgeDueAt: complaint.acknowledgeDueAt.toISOString(),
    resolveDueAt: complaint.resolveDueAt.toISOString(),
    acknowledgedAt: iso(complaint.acknowledgedAt),
    acknowledgmentNote: complaint.acknowledgmentNote,
    investigationStartedAt: iso(complaint.investigationStartedAt),
    investigationNote: complaint.investigationNote,
    resolvedAt: iso(complaint.resolvedAt),
    rootCause: complaint.rootCause,
    remedy: complaint.remedy,
    correctiveAction: complaint.correctiveAction,
    closedAt: iso(complaint.closedAt),
    customerAccepted: complaint.customerAccepted,
    closingNote: complaint.closingNote,
    acknowledgedOnTime: onTime(complaint, 'acknowledge'),
    resolvedOnTime: onTime(complaint, 'resolve'),
    overdue: isOverdue(complaint, now),
    escalations: [...complaint.escalations]
      .sort((a, b) => a.escalatedAt.getTime() - b.escalatedAt.getTime())
      .map((escalation) => ({
        step: escalation.step,
        trigger: escalation.trigger,
        dueAt: escalation.dueAt.toISOString(),
        escalatedAt: escalation.escalatedAt.toISOString(),
        actor: escalation.actor ? { id: escalation.actor.id, name: escalation.actor.displayName } : null,
        reason: escalation.reason,
        notified: escalation.notified,
      })),
    createdAt: complaint.createdAt.toISOString(),
    updatedAt: complaint.updatedAt.toISOString(),
  };
}

export function toComplaintDetailResponse(
  dossier: ComplaintDossier,
  now: Date,
  timeZone: string,
): ComplaintDetailResponse {
  return {
    ...toComplaintResponse(dossier.complaint, now),
    timeline: dossier.history.map((entry) => ({
      id: entry.id,
      action: entry.action,
      ...describeComplaintEntry(entry, timeZone),
      fromStatus: entry.fromStatus,
      toStatus: entry.toStatus,
      actorId: entry.actorId,
      actorName: entry.actorName,
      at: entry.at.toISOString(),
      reason: entry.reason,
      details: entry.details,
    })),
  };
}
