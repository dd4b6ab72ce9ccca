import { Injectable } from '@nestjs/common';
import { AuditService, SYSTEM_ACTOR } from '../audit/audit.service';
import { Clock } from '../common/clock';
import type { Tx } from '../common/database/transaction';
import { checkAgainAt, dueAt, isMissed } from './domain/ticket-clock';
import { DEADLINE_KINDS, type DeadlineKind } from './domain/ticket-fields';
import { TicketEventPublisher } from './events/ticket-events';
import { type DeadlineCheckPayload, TicketDeadlineScheduler } from './ticket-deadline.scheduler';
import { TicketBreachEntity } from './ticket-breach.entity';
import { TicketHistoryEntity } from './ticket-history.entity';
import { TicketEntity } from './ticket.entity';

/**
 * Finds a ticket's missed deadlines and records each one once: the breach row's unique key makes a
 * second check (a late or repeated job) a no-op, and the breach event, which notifies, commits with it.
 */
@Injectable()
export class TicketDeadlinesService {
  constructor(
    private readonly events: TicketEventPublisher,
    private readonly scheduler: TicketDeadlineScheduler,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * The job of one deadline's timer: records what is missed, and sets the timer again when it went
   * off before the very due time it was set for (the claim of this run commits, so the next run needs
   * a timer of its own). A timer of a deadline that has moved since leaves it to the newer timer.
   */
  async check(tx: Tx, timer: DeadlineCheckPayload, requestId: string | null): Promise<DeadlineKind[]> {
    const ticket = await lockTicket(tx, timer.ticketId);
    if (!ticket) return [];
    const recorded = await this.recordMissed(tx, ticket, requestId);
    const again = checkAgainAt(ticket, timer.deadline, this.clock.now());
    if (again?.toISOString() === timer.dueAt) {
      await this.scheduler.schedule(tx, ticket, [timer.deadline], requestId);
    }
    return recorded;
  }

  /** Records the deadlines the ticket has missed by now and not yet recorded; returns them. */
  async recordBreaches(tx: Tx, ticketId: string, requestId: string | null): Promise<DeadlineKind[]> {
    const ticket = await lockTicket(tx, ticketId);
    return ticket ? this.recordMissed(tx, ticket, requestId) : [];
  }

  /** The work of recordBreaches on a ticket already read under its row lock. */
  private async recordMissed(
    tx: Tx,
    ticket: TicketEntity,
    requestId: string | null,
  ): Promise<DeadlineKind[]> {
    const ticketId = ticket.id;
    const now = this.clock.now();
    const recorded: DeadlineKind[] = [];
    for (const deadline of DEADLINE_KINDS.filter((kind) => isMissed(ticket, kind, now))) {
      const due = dueAt(ticket, deadline);
      const inserted = await tx
        .createQueryBuilder()
        .insert()
        .into(TicketBreachEntity)
        .values({ ticketId, deadline, dueAt: due, recordedAt: now })
        .orIgnore()
        .returning(['id'])
        .execute();
      if ((inserted.raw as unknown[]).length === 0) continue;
      recorded.push(deadline);
      await tx.getRepository(TicketHistoryEntity).insert({
        ticketId,
        action: 'breach',
        fromStatus: ticket.status,
        toStatus: ticket.status,
        actorId: null,
        actorName: null,
        at: now,
        reason: null,
        details: { deadline, dueAt: due.toISOString() },
      });
      await this.events.publish(
        tx,
        {
          type: 'breached',
          ticketId,
          number: ticket.number,
          priority: ticket.priority,
          outletId: ticket.outletId,
          technicianId: ticket.technicianId,
          occurredAt: now.toISOString(),
          deadline,
          dueAt: due.toISOString(),
        },
        requestId,
      );
      await this.audit.append(tx, {
        actor: SYSTEM_ACTOR,
        action: 'ticket.breached',
        entityType: 'ticket',
        entityId: ticketId,
        changes: { deadline, dueAt: due.toISOString(), status: ticket.status },
        requestId,
      });
    }
    return recorded;
  }
}

/** The ticket under its row lock, so that two checks of one ticket record one after the other. */
function lockTicket(tx: Tx, id: string): Promise<TicketEntity | null> {
  return tx.getRepository(TicketEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
}
