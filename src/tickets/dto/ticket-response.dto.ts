import { ApiProperty } from '@nestjs/swagger';
import { PageResponseOf } from '../../common/http/pagination';
import { ZONES, type Zone } from '../../customers/domain/customer-fields';
import { PRIORITIES, type Priority } from '../../policy/domain/policy-commitments';
import type { ChargeBasis, ChargeLine, Charges } from '../domain/charges';
import { elapsed } from '../domain/ticket-clock';
import {
  CAUSES,
  CHANNELS,
  DEADLINE_KINDS,
  HOLD_REASONS,
  TICKET_STATUSES,
  TICKET_WARRANTY_STATUSES,
  type Cause,
  type Channel,
  type DeadlineKind,
  type HoldReason,
  type TicketStatus,
  type TicketWarrantyStatus,
} from '../domain/ticket-fields';
import { describeHistoryEntry } from '../domain/timeline';
import type { TakenBackItem } from '../ticket.entity';
import type { LoadedTicket, TicketDossier } from '../tickets.service';

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

export class ElapsedResponse {
  @ApiProperty({ description: 'Report to resolution (or to now), in minutes' }) rawMinutes!: number;
  @ApiProperty({ description: 'Time on hold within it, in minutes' }) pausedMinutes!: number;
  @ApiProperty({ description: 'Raw less paused: what the resolve commitment counts' }) netMinutes!: number;
}

const minutes = (ms: number): number => Math.round(ms / 60_000);

export class NamedRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class TicketProductRef extends NamedRef {
  @ApiProperty() sku!: string;
  @ApiProperty() category!: string;
}

export class TicketResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'RT2026-000001' }) number!: string;
  @ApiProperty({ enum: TICKET_STATUSES }) status!: TicketStatus;
  @ApiProperty() version!: number;
  @ApiProperty({ type: NamedRef }) customer!: NamedRef;
  @ApiProperty({ type: TicketProductRef }) product!: TicketProductRef;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) assetId!: string | null;
  @ApiProperty({ nullable: true, type: String }) serialNumber!: string | null;
  @ApiProperty() fault!: string;
  @ApiProperty({ enum: CHANNELS }) channel!: Channel;
  @ApiProperty({ enum: PRIORITIES }) priority!: Priority;
  @ApiProperty({ nullable: true, type: String }) contactName!: string | null;
  @ApiProperty({ nullable: true, type: String }) contactPhone!: string | null;
  @ApiProperty({ nullable: true, type: String }) address!: string | null;
  @ApiProperty({ nullable: true, type: String }) region!: string | null;
  @ApiProperty({ enum: ZONES }) zone!: Zone;
  @ApiProperty({ enum: TICKET_WARRANTY_STATUSES }) warrantyStatus!: TicketWarrantyStatus;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) warrantyEnd!: string | null;
  @ApiProperty({ format: 'uuid', description: 'The service policy version the deadlines come from' })
  policyVersionId!: string;
  @ApiProperty({ format: 'date-time' }) reportedAt!: string;
  @ApiProperty({ format: 'date-time' }) responseDueAt!: string;
  @ApiProperty({ format: 'date-time' }) onSiteDueAt!: string;
  @ApiProperty({ format: 'date-time', description: 'As the policy set it, before any hold' })
  plannedResolveDueAt!: string;
  @ApiProperty({ format: 'date-time', description: 'Moved later by the time spent on hold' })
  resolveDueAt!: string;
  @ApiProperty({ nullable: true, type: NamedRef }) outlet!: NamedRef | null;
  @ApiProperty({ nullable: true, type: NamedRef }) technician!: NamedRef | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) dispatchedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) acceptedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) appointmentAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) checkedInAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) diagnosedAt!: string | null;
  @ApiProperty({ nullable: true, enum: CAUSES }) cause!: Cause | null;
  @ApiProperty({ nullable: true, type: String }) diagnosis!: string | null;
  @ApiProperty({ nullable: true, enum: HOLD_REASONS }) holdReason!: HoldReason | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) heldSince!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) resolvedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) closedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) cancelledAt!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Yuan; set when resolved' })
  chargeTotal!: number | null;
  @ApiProperty() reopenCount!: number;
  @ApiProperty({ type: ElapsedResponse, description: 'Raw and net time from report to resolution (or now)' })
  elapsed!: ElapsedResponse;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class TicketPageResponse extends PageResponseOf(TicketResponse) {}

export class TimelineEntryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'A workflow action, or report / breach' }) action!: string;
  @ApiProperty({ example: '派单' }) title!: string;
  @ApiProperty({ example: '派给 张伟' }) summary!: string;
  @ApiProperty({ nullable: true, enum: TICKET_STATUSES }) fromStatus!: TicketStatus | null;
  @ApiProperty({ enum: TICKET_STATUSES }) toStatus!: TicketStatus;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'Null when the system did it' })
  actorId!: string | null;
  @ApiProperty({ nullable: true, type: String }) actorName!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
}

export class HoldResponse {
  @ApiProperty({ enum: HOLD_REASONS }) reason!: HoldReason;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) endedAt!: string | null;
}

export class WorkLogPartResponse {
  @ApiProperty({ format: 'uuid' }) partId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty({ description: 'List price when used' }) unitPrice!: number;
  @ApiProperty() labourFee!: number;
}

export class WorkLogResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) technicianId!: string;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ format: 'date-time' }) endedAt!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [WorkLogPartResponse] }) parts!: WorkLogPartResponse[];
}

export class BreachResponse {
  @ApiProperty({ enum: DEADLINE_KINDS }) deadline!: DeadlineKind;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class ChargeLineResponse extends WorkLogPartResponse {
  @ApiProperty() partsAmount!: number;
  @ApiProperty() labourAmount!: number;
}

export class ChargesResponse {
  @ApiProperty({ enum: ['free_in_warranty', 'chargeable_out_of_warranty', 'chargeable_human_damage'] })
  basis!: ChargeBasis;
  @ApiProperty({ type: [ChargeLineResponse] }) lines!: ChargeLine[];
  @ApiProperty() partsTotal!: number;
  @ApiProperty() labourTotal!: number;
  @ApiProperty({ description: 'What the customer pays' }) total!: number;
}

export class ConfirmationResponse {
  @ApiProperty() customerName!: string;
  @ApiProperty({ format: 'date-time' }) confirmedAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) signatureAttachmentId!: string | null;
}

export class TakenBackItemResponse {
  @ApiProperty() description!: string;
  @ApiProperty({ nullable: true, type: String }) serialNumber!: string | null;
  @ApiProperty({ nullable: true, type: String }) condition!: string | null;
  @ApiProperty({ nullable: true, type: String }) accessories!: string | null;
}

export class LinkedRecordResponse {
  @ApiProperty({ example: 'return', description: 'return, follow_up, complaint, survey_invitation…' })
  type!: string;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String }) number!: string | null;
  @ApiProperty() status!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class TicketDetailResponse extends TicketResponse {
  @ApiProperty({ nullable: true, type: String }) outcome!: string | null;
  @ApiProperty({ nullable: true, type: ConfirmationResponse }) confirmation!: ConfirmationResponse | null;
  @ApiProperty({ nullable: true, type: ChargesResponse }) charges!: Charges | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) takenBackAt!: string | null;
  @ApiProperty({ nullable: true, type: [TakenBackItemResponse] }) takenBackItems!: TakenBackItem[] | null;
  @ApiProperty({ type: [HoldResponse] }) holds!: HoldResponse[];
  @ApiProperty({ type: [WorkLogResponse] }) workLogs!: WorkLogResponse[];
  @ApiProperty({ type: [BreachResponse] }) breaches!: BreachResponse[];
  @ApiProperty({ type: [TimelineEntryResponse], description: 'Every action, oldest first' })
  timeline!: TimelineEntryResponse[];
  @ApiProperty({
    type: [LinkedRecordResponse],
    description: 'Returned goods, follow-ups, complaints and surveys of this ticket, oldest first',
  })
  linked!: LinkedRecordResponse[];
}

export function toTicketResponse(ticket: LoadedTicket, now: Date): TicketResponse {
  const time = elapsed(
    ticket.reportedAt,
    ticket.resolvedAt,
    { finishedMs: ticket.pausedMs, heldSince: ticket.heldSince },
    now,
  );
  return {
    id: ticket.id,
    number: ticket.number,
    status: ticket.status,
    version: ticket.version,
    customer: { id: ticket.customer.id, name: ticket.customer.name },
    product: {
      id: ticket.product.id,
      name: ticket.product.name,
      sku: ticket.product.sku,
      category: ticket.product.category,
    },
    assetId: ticket.assetId,
    serialNumber: ticket.serialNumber,
    fault: ticket.fault,
    channel: ticket.channel,
    priority: ticket.priority,
    contactName: ticket.contactName,
    contactPhone: ticket.contactPhone,
    address: ticket.address,
    region: ticket.region,
    zone: ticket.zone,
    warrantyStatus: ticket.warrantyStatus,
    warrantyEnd: ticket.warrantyEnd,
    policyVersionId: ticket.policyVersionId,
    reportedAt: ticket.reportedAt.toISOString(),
    responseDueAt: ticket.responseDueAt.toISOString(),
    onSiteDueAt: ticket.onSiteDueAt.toISOString(),
    plannedResolveDueAt: ticket.plannedResolveDueAt.toISOString(),
    resolveDueAt: ticket.resolveDueAt.toISOString(),
    outlet: ticket.outlet ? { id: ticket.outlet.id, name: ticket.outlet.name } : null,
    technician: ticket.technician ? { id: ticket.technician.id, name: ticket.technician.displayName } : null,
    dispatchedAt: iso(ticket.dispatchedAt),
    acceptedAt: iso(ticket.acceptedAt),
    appointmentAt: iso(ticket.appointmentAt),
    checkedInAt: iso(ticket.checkedInAt),
    diagnosedAt: iso(ticket.diagnosedAt),
    cause: ticket.cause,
    diagnosis: ticket.diagnosis,
    holdReason: ticket.holdReason,
    heldSince: iso(ticket.heldSince),
    resolvedAt: iso(ticket.resolvedAt),
    closedAt: iso(ticket.closedAt),
    cancelledAt: iso(ticket.cancelledAt),
    chargeTotal: ticket.chargeTotal,
    reopenCount: ticket.reopenCount,
    elapsed: {
      rawMinutes: minutes(time.rawMs),
      pausedMinutes: minutes(time.pausedMs),
      netMinutes: minutes(time.netMs),
    },
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
  };
}

export function toTicketDetailResponse(
  dossier: TicketDossier,
  now: Date,
  timeZone: string,
): TicketDetailResponse {
  const { ticket, holds, workLogs, breaches, history, linked } = dossier;
  return {
    ...toTicketResponse(ticket, now),
    outcome: ticket.outcome,
    confirmation:
      ticket.confirmedByName && ticket.confirmedAt
        ? {
            customerName: ticket.confirmedByName,
            confirmedAt: ticket.confirmedAt.toISOString(),
            signatureAttachmentId: ticket.signatureAttachmentId,
          }
        : null,
    charges: ticket.charges,
    takenBackAt: iso(ticket.takenBackAt),
    takenBackItems: ticket.takenBackItems,
    holds: holds.map((hold) => ({
      reason: hold.reason,
      note: hold.note,
      startedAt: hold.startedAt.toISOString(),
      endedAt: iso(hold.endedAt),
    })),
    workLogs: workLogs.map((log) => ({
      id: log.id,
      technicianId: log.technicianId,
      startedAt: log.startedAt.toISOString(),
      endedAt: log.endedAt.toISOString(),
      description: log.description,
      parts: log.parts,
    })),
    breaches: breaches.map((breach) => ({
      deadline: breach.deadline,
      dueAt: breach.dueAt.toISOString(),
      recordedAt: breach.recordedAt.toISOString(),
    })),
    timeline: history.map((entry) => ({
      id: entry.id,
      action: entry.action,
      ...describeHistoryEntry(entry, timeZone),
      fromStatus: entry.fromStatus,
      toStatus: entry.toStatus,
      actorId: entry.actorId,
      actorName: entry.actorName,
      at: entry.at.toISOString(),
      reason: entry.reason,
      details: entry.details,
    })),
    linked: linked.map((record) => ({ ...record, createdAt: record.createdAt.toISOString() })),
  };
}
