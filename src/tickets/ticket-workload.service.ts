import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { Priority } from '../policy/domain/policy-commitments';
import { type DeadlineKind, OPEN_TICKET_STATUSES, type TicketStatus } from './domain/ticket-fields';
import { nextDeadlineSql, nextDueSql, whereDueBetween, whereOverdue } from './ticket-queries';
import { TicketEntity } from './ticket.entity';
import { TicketsService } from './tickets.service';

/** Waiting for a technician: never dispatched, or reopened for a new dispatch. */
const AWAITING_DISPATCH: readonly TicketStatus[] = ['reported', 'reopened'];

/** How busy a technician is. */
export interface TechnicianWorkload {
  /** Tickets assigned to them in an open status. */
  openJobs: number;
  /** The earliest deadline still to meet among those; may be past (overdue); null when none is left. */
  nextDueAt: Date | null;
}

/** A ticket as the dispatch board lists it. */
export interface BoardTicket {
  id: string;
  number: string;
  status: TicketStatus;
  priority: Priority;
  customer: { id: string; name: string };
  region: string | null;
  technician: { id: string; name: string } | null;
  reportedAt: Date;
  nextDueAt: Date | null;
  nextDeadline: DeadlineKind | null;
}

/** The first tickets of a board list, and how many there are in all. */
export interface BoardList {
  total: number;
  items: BoardTicket[];
}

interface BoardRow {
  id: string;
  number: string;
  status: TicketStatus;
  priority: Priority;
  customerId: string;
  customerName: string;
  region: string | null;
  technicianId: string | null;
  technicianName: string | null;
  reportedAt: Date;
  nextDueAt: Date | null;
  nextDeadline: DeadlineKind | null;
  total: string;
}

/** Read models of open work for dispatch: each technician's load and the lists of the dispatch board. */
@Injectable()
export class TicketWorkloadService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tickets: TicketsService,
  ) {}

  /** The open load of each technician named; a technician without open jobs is absent from the map. */
  async openLoad(technicianIds: readonly string[]): Promise<Map<string, TechnicianWorkload>> {
    if (technicianIds.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(TicketEntity)
      .createQueryBuilder('t')
      .select('t.technicianId', 'technicianId')
      .addSelect('COUNT(*)', 'openJobs')
      .addSelect(`MIN(${nextDueSql('t')})`, 'nextDueAt')
      .where('t.technicianId IN (:...technicianIds)', { technicianIds })
      .andWhere('t.status IN (:...openStatuses)', { openStatuses: OPEN_TICKET_STATUSES })
      .groupBy('t.technicianId')
      .getRawMany<{ technicianId: string; openJobs: string; nextDueAt: Date | null }>();
    return new Map(
      rows.map((row) => [row.technicianId, { openJobs: Number(row.openJobs), nextDueAt: row.nextDueAt }]),
    );
  }

  /** Tickets the viewer may see that wait for a technician. */
  awaitingDispatch(viewer: AuthenticatedUser, limit: number): Promise<BoardList> {
    const q = this.boardQuery(viewer).andWhere('t.status IN (:...awaitingDispatch)', {
      awaitingDispatch: AWAITING_DISPATCH,
    });
    return this.fetch(q, limit);
  }

  /** Open tickets the viewer may see whose next deadline falls after `from` and no later than `until`. */
  dueBetween(viewer: AuthenticatedUser, from: Date, until: Date, limit: number): Promise<BoardList> {
    return this.fetch(whereDueBetween(this.boardQuery(viewer), 't', from, until), limit);
  }

  /** Open tickets the viewer may see with a deadline passed and not met. */
  overdue(viewer: AuthenticatedUser, now: Date, limit: number): Promise<BoardList> {
    return this.fetch(whereOverdue(this.boardQuery(viewer), 't', now), limit);
  }

  private boardQuery(viewer: AuthenticatedUser): SelectQueryBuilder<TicketEntity> {
    const q = this.dataSource
      .getRepository(TicketEntity)
      .createQueryBuilder('t')
      .innerJoin('t.customer', 'customer')
      .leftJoin('t.technician', 'technician')
      .select('t.id', 'id')
      .addSelect('t.number', 'number')
      .addSelect('t.status', 'status')
      .addSelect('t.priority', 'priority')
      .addSelect('customer.id', 'customerId')
      .addSelect('customer.name', 'customerName')
      .addSelect('t.region', 'region')
      .addSelect('technician.id', 'technicianId')
      .addSelect('technician.displayName', 'technicianName')
      .addSelect('t.reportedAt', 'reportedAt')
      .addSelect(nextDueSql('t'), 'nextDueAt')
      .addSelect(nextDeadlineSql('t'), 'nextDeadline')
      // Counted before the limit applies: the board says how many it left out.
      .addSelect('COUNT(*) OVER ()', 'total');
    return this.tickets.visible(q, viewer);
  }

  /** The most pressing first: the earliest next deadline, then the oldest report. */
  private async fetch(q: SelectQueryBuilder<TicketEntity>, limit: number): Promise<BoardList> {
    const rows = await q
      .orderBy(nextDueSql('t'), 'ASC', 'NULLS LAST')
      .addOrderBy('t.reportedAt', 'ASC')
      .addOrderBy('t.number', 'ASC')
      .limit(limit)
      .getRawMany<BoardRow>();
    return { total: Number(rows[0]?.total ?? 0), items: rows.map(toBoardTicket) };
  }
}

function toBoardTicket(row: BoardRow): BoardTicket {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    priority: row.priority,
    customer: { id: row.customerId, name: row.customerName },
    region: row.region,
    technician:
      row.technicianId !== null && row.technicianName !== null
        ? { id: row.technicianId, name: row.technicianName }
        : null,
    reportedAt: row.reportedAt,
    nextDueAt: row.nextDueAt,
    nextDeadline: row.nextDeadline,
  };
}
