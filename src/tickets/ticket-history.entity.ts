import { Column, Entity, Generated, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { NUMERIC } from '../common/registers/register-record';
import type { TicketStatus } from './domain/ticket-fields';
import { TicketEntity } from './ticket.entity';

/** Events the system records on a ticket by itself, beside the users' actions. */
export const SYSTEM_TICKET_EVENTS = ['report', 'breach'] as const;

/**
 * The ticket's timeline: every action with who, when, the state it moved from and to, the reason
 * and what was entered. A breach found by the deadline job is recorded here with no actor.
 */
@Entity('ticket_history')
@Index('ix_ticket_history_ticket', ['ticketId', 'seq'])
export class TicketHistoryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Write order: entries of one moment still read in the order they happened. */
  @Column({ type: 'bigint', transformer: NUMERIC })
  @Generated('increment')
  seq!: number;

  @Column({ type: 'uuid' })
  ticketId!: string;

  @ManyToOne(() => TicketEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'fk_ticket_history_ticket' })
  ticket?: TicketEntity;

  /** A workflow action, or one of SYSTEM_TICKET_EVENTS (close_after_follow_up is 21 characters). */
  @Column({ type: 'varchar', length: 40 })
  action!: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  fromStatus!: TicketStatus | null;

  @Column({ type: 'varchar', length: 20 })
  toStatus!: TicketStatus;

  /** Null for what the system did by itself. */
  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  actorName!: string | null;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason!: string | null;

  /** What the action entered: appointment, technician, cause, items… as the reader needs them. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  details!: Record<string, unknown>;
}
