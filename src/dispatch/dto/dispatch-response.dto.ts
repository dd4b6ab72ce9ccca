import { ApiProperty } from '@nestjs/swagger';
import { PRIORITIES, type Priority } from '../../policy/domain/policy-commitments';
import {
  TECHNICIAN_QUALIFICATIONS,
  type TechnicianQualification,
} from '../../staff/domain/qualification-status';
import {
  DEADLINE_KINDS,
  TICKET_STATUSES,
  type DeadlineKind,
  type TicketStatus,
} from '../../tickets/domain/ticket-fields';
import { NamedRef } from '../../tickets/dto/ticket-response.dto';
import type { BoardList, BoardTicket } from '../../tickets/ticket-workload.service';
import type { RankedCandidate } from '../domain/candidate-ranking';
import {
  AT_RISK_WITHIN_MS,
  BOARD_LIST_LIMIT,
  type BoardTechnician,
  type CandidateRanking,
  type DispatchBoard,
} from '../dispatch.service';

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

export class CandidateResponse {
  @ApiProperty({ description: '1-based; 1 is the best choice' }) rank!: number;
  @ApiProperty({ type: NamedRef }) technician!: NamedRef;
  @ApiProperty({ nullable: true, type: NamedRef, description: "The technician's outlet" })
  outlet!: NamedRef | null;
  @ApiProperty({ description: "The outlet covers the customer's region and can take jobs today" })
  coversRegion!: boolean;
  @ApiProperty({
    enum: TECHNICIAN_QUALIFICATIONS,
    description: "For the ticket's product category today; expired ranks below missing",
  })
  qualification!: TechnicianQualification;
  @ApiProperty({ description: 'Tickets assigned to the technician in an open status' }) openJobs!: number;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'The earliest deadline still to meet among their open jobs; may be past',
  })
  nextDueAt!: string | null;
  @ApiProperty({ description: 'Covers the region and holds a valid qualification' }) recommended!: boolean;
  @ApiProperty({
    type: [String],
    example: [
      '所属网点覆盖该区域',
      '持有空调类有效资格证书',
      '当前未完成工单 2 个',
      '最近时限 2026-06-15 14:00',
    ],
  })
  reasons!: string[];
}

export class CandidatesResponse {
  @ApiProperty({ format: 'uuid' }) ticketId!: string;
  @ApiProperty({ nullable: true, type: String, description: "The customer's region" }) region!: string | null;
  @ApiProperty({ example: '空调' }) productCategory!: string;
  @ApiProperty({ type: [CandidateResponse], description: 'Best first' }) candidates!: CandidateResponse[];
}

export class BoardTicketResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'RT2026-000001' }) number!: string;
  @ApiProperty({ enum: TICKET_STATUSES }) status!: TicketStatus;
  @ApiProperty({ enum: PRIORITIES }) priority!: Priority;
  @ApiProperty({ type: NamedRef }) customer!: NamedRef;
  @ApiProperty({ nullable: true, type: String }) region!: string | null;
  @ApiProperty({ nullable: true, type: NamedRef }) technician!: NamedRef | null;
  @ApiProperty({ format: 'date-time' }) reportedAt!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'The earliest deadline still to meet (the resolve clock does not run on hold)',
  })
  nextDueAt!: string | null;
  @ApiProperty({ nullable: true, enum: DEADLINE_KINDS, description: 'Which deadline nextDueAt is' })
  nextDeadline!: DeadlineKind | null;
}

export class BoardTechnicianResponse {
  @ApiProperty({ type: NamedRef }) technician!: NamedRef;
  @ApiProperty({ nullable: true, type: NamedRef }) outlet!: NamedRef | null;
  @ApiProperty() openJobs!: number;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'The earliest deadline still to meet among their open jobs; may be past',
  })
  nextDueAt!: string | null;
}

export class BoardTotalsResponse {
  @ApiProperty() unassigned!: number;
  @ApiProperty() atRisk!: number;
  @ApiProperty() breached!: number;
}

export class DispatchBoardResponse {
  @ApiProperty({ format: 'date-time', description: 'The moment the board was read' }) asOf!: string;
  @ApiProperty({ type: [BoardTicketResponse], description: 'Reported or reopened: waiting for a technician' })
  unassigned!: BoardTicketResponse[];
  @ApiProperty({
    type: [BoardTicketResponse],
    description: `Open, the next deadline within the coming ${AT_RISK_WITHIN_MS / 60_000} minutes and not yet passed`,
  })
  atRisk!: BoardTicketResponse[];
  @ApiProperty({ type: [BoardTicketResponse], description: 'Open, with a deadline passed and not met' })
  breached!: BoardTicketResponse[];
  @ApiProperty({
    type: BoardTotalsResponse,
    description: `How many tickets each list has in all; a list shows at most the first ${BOARD_LIST_LIMIT}`,
  })
  totals!: BoardTotalsResponse;
  @ApiProperty({ type: [BoardTechnicianResponse], description: 'Least loaded first' })
  technicians!: BoardTechnicianResponse[];
}

function toCandidateResponse(candidate: RankedCandidate): CandidateResponse {
  return {
    rank: candidate.rank,
    technician: candidate.technician,
    outlet: candidate.outlet,
    coversRegion: candidate.coversRegion,
    qualification: candidate.qualification,
    openJobs: candidate.openJobs,
    nextDueAt: iso(candidate.nextDueAt),
    recommended: candidate.recommended,
    reasons: candidate.reasons,
  };
}

export function toCandidatesResponse(ranking: CandidateRanking): CandidatesResponse {
  return {
    ticketId: ranking.ticketId,
    region: ranking.region,
    productCategory: ranking.productCategory,
    candidates: ranking.candidates.map(toCandidateResponse),
  };
}

function toBoardTicketResponse(ticket: BoardTicket): BoardTicketResponse {
  return {
    id: ticket.id,
    number: ticket.number,
    status: ticket.status,
    priority: ticket.priority,
    customer: ticket.customer,
    region: ticket.region,
    technician: ticket.technician,
    reportedAt: ticket.reportedAt.toISOString(),
    nextDueAt: iso(ticket.nextDueAt),
    nextDeadline: ticket.nextDeadline,
  };
}

function toBoardTechnicianResponse(technician: BoardTechnician): BoardTechnicianResponse {
  return {
    technician: technician.technician,
    outlet: technician.outlet,
    openJobs: technician.openJobs,
    nextDueAt: iso(technician.nextDueAt),
  };
}

const items = (list: BoardList): BoardTicketResponse[] => list.items.map(toBoardTicketResponse);

export function toDispatchBoardResponse(board: DispatchBoard): DispatchBoardResponse {
  return {
    asOf: board.asOf.toISOString(),
    unassigned: items(board.unassigned),
    atRisk: items(board.atRisk),
    breached: items(board.breached),
    totals: {
      unassigned: board.unassigned.total,
      atRisk: board.atRisk.total,
      breached: board.breached.total,
    },
    technicians: board.technicians.map(toBoardTechnicianResponse),
  };
}
