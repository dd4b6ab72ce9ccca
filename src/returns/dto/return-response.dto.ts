import { ApiProperty } from '@nestjs/swagger';
import { PageResponseOf } from '../../common/http/pagination';
import {
  FINDINGS,
  NOTICE_CHANNELS,
  RETURN_KINDS,
  RETURN_METHODS,
  RETURN_STATUSES,
  SCRAP_METHODS,
  VENDOR_OUTCOMES,
  type Finding,
  type NoticeChannel,
  type ReturnKind,
  type ReturnMethod,
  type ReturnStatus,
  type ScrapMethod,
  type VendorOutcome,
} from '../domain/return-fields';
import { describeReturnHistoryEntry } from '../domain/return-timeline';
import { turnaround } from '../domain/turnaround';
import type { ListedReturn, ReturnDossier } from '../returns.service';

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

export class ReturnRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class ReturnTicketRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'RT2026-000001' }) number!: string;
}

export class ReturnItemResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() line!: number;
  @ApiProperty({ example: 'RG2026-000001-1', description: 'The code printed on the label on the unit' })
  labelCode!: string;
  @ApiProperty({ type: ReturnRef }) product!: ReturnRef;
  @ApiProperty() description!: string;
  @ApiProperty({ nullable: true, type: String }) serialNumber!: string | null;
  @ApiProperty({ nullable: true, type: String }) condition!: string | null;
  @ApiProperty({ nullable: true, type: String }) accessories!: string | null;
}

export class TurnaroundResponse {
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Shipment to back from the vendor (or now), in days; null when never shipped',
  })
  daysAtVendor!: number | null;
  @ApiProperty({ description: 'Receipt from the customer to settlement (or now), in days' })
  totalDays!: number;
}

export class ReturnNoticeResponse {
  @ApiProperty({ format: 'date-time' }) sentAt!: string;
  @ApiProperty({ enum: NOTICE_CHANNELS }) channel!: NoticeChannel;
  @ApiProperty({ format: 'uuid', description: 'The message row (evidence 客户通知记录)' }) messageId!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'For a phone notice: when the call was made (null: still to make)',
  })
  calledAt!: string | null;
}

export class ReturnResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'RG2026-000001' }) number!: string;
  @ApiProperty({ enum: RETURN_STATUSES }) status!: ReturnStatus;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: RETURN_KINDS }) kind!: ReturnKind;
  @ApiProperty() urgent!: boolean;
  @ApiProperty({ type: ReturnRef }) customer!: ReturnRef;
  @ApiProperty({ nullable: true, type: ReturnTicketRef }) ticket!: ReturnTicketRef | null;
  @ApiProperty({ nullable: true, type: ReturnRef }) outlet!: ReturnRef | null;
  @ApiProperty() fault!: string;
  @ApiProperty({ format: 'uuid' }) policyVersionId!: string;
  @ApiProperty({ format: 'date-time', description: 'Received from the customer: "away" counts from here' })
  receivedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'The customer is told if the goods are still away then' })
  noticeDueAt!: string;
  @ApiProperty({ description: 'Away past the notice threshold and not yet settled' }) overdue!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) inspectedAt!: string | null;
  @ApiProperty({ nullable: true, enum: FINDINGS }) finding!: Finding | null;
  @ApiProperty({ nullable: true, type: String }) inspectionNote!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) registeredAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Who handed the goods over' })
  handedOverBy!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The returns clerk who took them' })
  registeredByName!: string | null;
  @ApiProperty({ nullable: true, type: ReturnRef }) supplier!: ReturnRef | null;
  @ApiProperty({ nullable: true, type: String }) carrier!: string | null;
  @ApiProperty({ nullable: true, type: String }) trackingNumber!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) shippedAt!: string | null;
  @ApiProperty({ nullable: true, type: Number }) chaseIntervalDays!: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) nextChaseDueAt!: string | null;
  @ApiProperty({ description: 'A chase is due and not recorded' }) chaseDue!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastChasedAt!: string | null;
  @ApiProperty() chaseCount!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) backAt!: string | null;
  @ApiProperty({ nullable: true, enum: VENDOR_OUTCOMES }) vendorOutcome!: VendorOutcome | null;
  @ApiProperty({ nullable: true, type: String }) vendorNote!: string | null;
  @ApiProperty({ nullable: true, type: String }) replacementSerialNumber!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) returnedAt!: string | null;
  @ApiProperty({ nullable: true, enum: RETURN_METHODS }) returnMethod!: ReturnMethod | null;
  @ApiProperty({ nullable: true, type: String }) returnedToName!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) refundedAt!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Yuan' }) refundAmount!: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) scrappedOn!: string | null;
  @ApiProperty({ nullable: true, enum: SCRAP_METHODS }) scrapMethod!: ScrapMethod | null;
  @ApiProperty({ nullable: true, type: String }) recycler!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) settledAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) closedAt!: string | null;
  @ApiProperty({ nullable: true, type: ReturnNoticeResponse }) notice!: ReturnNoticeResponse | null;
  @ApiProperty({ type: TurnaroundResponse }) turnaround!: TurnaroundResponse;
  @ApiProperty({ type: [ReturnItemResponse] }) items!: ReturnItemResponse[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ReturnPageResponse extends PageResponseOf(ReturnResponse) {}

export class ReturnChaseResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: ReturnRef }) supplier!: ReturnRef;
  @ApiProperty({ format: 'date-time' }) chasedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'The chase that was due then' }) dueAt!: string;
  @ApiProperty({ description: 'Chased after the due time' }) late!: boolean;
  @ApiProperty() chasedByName!: string;
  @ApiProperty({ nullable: true, type: String }) contact!: string | null;
  @ApiProperty() note!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) expectedBackOn!: string | null;
}

export class ReturnTimelineEntryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'receive, a workflow action, notice_call, or chase_due / notice' })
  action!: string;
  @ApiProperty({ example: '寄送供方' }) title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ nullable: true, enum: RETURN_STATUSES }) fromStatus!: ReturnStatus | null;
  @ApiProperty({ enum: RETURN_STATUSES }) toStatus!: ReturnStatus;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'Null when the system did it' })
  actorId!: string | null;
  @ApiProperty({ nullable: true, type: String }) actorName!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
}

export class ReturnNoticeMessageResponse {
  @ApiProperty({ enum: ['email', 'phone'] }) channel!: string;
  @ApiProperty({ description: 'Mail address or phone number' }) recipient!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ description: 'The text mailed, or what the caller tells the customer' }) body!: string;
  @ApiProperty({ enum: ['queued', 'sent', 'failed', 'to_call', 'called'] }) status!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) sentAt!: string | null;
}

export class ReturnDetailResponse extends ReturnResponse {
  @ApiProperty({ type: [ReturnChaseResponse], description: 'Every chase of the vendor, oldest first' })
  chases!: ReturnChaseResponse[];
  @ApiProperty({ nullable: true, type: ReturnNoticeMessageResponse })
  noticeMessage!: ReturnNoticeMessageResponse | null;
  @ApiProperty({ type: [ReturnTimelineEntryResponse], description: 'Every step, oldest first' })
  timeline!: ReturnTimelineEntryResponse[];
}

export class SupplierTurnaroundResponse {
  @ApiProperty({ format: 'uuid' }) supplierId!: string;
  @ApiProperty() supplierName!: string;
  @ApiProperty({ description: 'Records shipped to this supplier' }) count!: number;
  @ApiProperty({ description: 'Of them, still at the vendor' }) atVendor!: number;
  @ApiProperty() meanDaysAtVendor!: number;
  @ApiProperty() maxDaysAtVendor!: number;
  @ApiProperty() meanTotalDays!: number;
  @ApiProperty({ description: 'Away from the customer longer than the notice threshold' })
  pastNoticeThreshold!: number;
}

export class TurnaroundSummaryResponse {
  @ApiProperty({ nullable: true, type: String, format: 'date' }) from!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) to!: string | null;
  @ApiProperty({ description: 'Records received in the period' }) count!: number;
  @ApiProperty({ description: 'Of them, settled with the customer' }) settled!: number;
  @ApiProperty({ nullable: true, type: Number }) meanTotalDays!: number | null;
  @ApiProperty({ nullable: true, type: Number }) maxTotalDays!: number | null;
  @ApiProperty() pastNoticeThreshold!: number;
  @ApiProperty({ type: [SupplierTurnaroundResponse] }) suppliers!: SupplierTurnaroundResponse[];
}

export function toReturnResponse({ record, items }: ListedReturn, now: Date): ReturnResponse {
  const figures = turnaround(record, now);
  return {
    id: record.id,
    number: record.number,
    status: record.status,
    version: record.version,
    kind: record.kind,
    urgent: record.urgent,
    customer: { id: record.customer.id, name: record.customer.name },
    ticket: record.ticket ? { id: record.ticket.id, number: record.ticket.number } : null,
    outlet: record.outlet ? { id: record.outlet.id, name: record.outlet.name } : null,
    fault: record.fault,
    policyVersionId: record.policyVersionId,
    receivedAt: record.receivedAt.toISOString(),
    noticeDueAt: record.noticeDueAt.toISOString(),
    overdue: record.settledAt === null && record.noticeDueAt.getTime() <= now.getTime(),
    inspectedAt: iso(record.inspectedAt),
    finding: record.finding,
    inspectionNote: record.inspectionNote,
    registeredAt: iso(record.registeredAt),
    handedOverBy: record.handedOverBy,
    registeredByName: record.registeredByName,
    supplier: record.supplier ? { id: record.supplier.id, name: record.supplier.name } : null,
    carrier: record.carrier,
    trackingNumber: record.trackingNumber,
    shippedAt: iso(record.shippedAt),
    chaseIntervalDays: record.chaseIntervalDays,
    nextChaseDueAt: iso(record.nextChaseDueAt),
    chaseDue: record.nextChaseDueAt !== null && record.nextChaseDueAt.getTime() <= now.getTime(),
    lastChasedAt: iso(record.lastChasedAt),
    chaseCount: record.chaseCount,
    backAt: iso(record.backAt),
    vendorOutcome: record.vendorOutcome,
    vendorNote: record.vendorNote,
    replacementSerialNumber: record.replacementSerialNumber,
    returnedAt: iso(record.returnedAt),
    returnMethod: record.returnMethod,
    returnedToName: record.returnedToName,
    refundedAt: iso(record.refundedAt),
    refundAmount: record.refundAmount,
    scrappedOn: record.scrappedOn,
    scrapMethod: record.scrapMethod,
    recycler: record.recycler,
    settledAt: iso(record.settledAt),
    closedAt: iso(record.closedAt),
    notice:
      record.noticeSentAt && record.noticeChannel && record.noticeMessageId
        ? {
            sentAt: record.noticeSentAt.toISOString(),
            channel: record.noticeChannel,
            messageId: record.noticeMessageId,
            calledAt: iso(record.noticeCalledAt),
          }
        : null,
    turnaround: { daysAtVendor: figures.daysAtVendor, totalDays: figures.totalDays },
    items: items.map((item) => ({
      id: item.id,
      line: item.line,
      labelCode: item.labelCode,
      product: { id: item.productId, name: item.product?.name ?? '' },
      description: item.description,
      serialNumber: item.serialNumber,
      condition: item.condition,
      accessories: item.accessories,
    })),
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

export function toReturnDetailResponse(
  dossier: ReturnDossier,
  now: Date,
  timeZone: string,
): ReturnDetailResponse {
  const { chases, history, notice } = dossier;
  return {
    ...toReturnResponse(dossier, now),
    chases: chases.map((chase) => ({
      id: chase.id,
      supplier: { id: chase.supplierId, name: chase.supplier?.name ?? '' },
      chasedAt: chase.chasedAt.toISOString(),
      dueAt: chase.dueAt.toISOString(),
      late: chase.chasedAt.getTime() > chase.dueAt.getTime(),
      chasedByName: chase.chasedByName,
      contact: chase.contact,
      note: chase.note,
      expectedBackOn: chase.expectedBackOn,
    })),
    noticeMessage: notice
      ? {
          channel: notice.channel,
          recipient: notice.recipient,
          subject: notice.subject,
          body: notice.body,
          status: notice.status,
          sentAt: iso(notice.sentAt),
        }
      : null,
    timeline: history.map((entry) => ({
      id: entry.id,
      action: entry.action,
      ...describeReturnHistoryEntry(entry, timeZone),
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
