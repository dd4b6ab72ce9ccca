import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { DeadlineKind } from './domain/ticket-fields';
import { TicketEntity } from './ticket.entity';

/** A deadline the ticket missed. One row per ticket and deadline: a breach is recorded and told once. */
@Entity('ticket_breaches')
@Index('uq_ticket_breaches_deadline', ['ticketId', 'deadline'], { unique: true })
@Check('ck_ticket_breaches_deadline', `"deadline" IN ('response','on_site','resolve')`)
export class TicketBreachEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  ticketId!: string;

  @ManyToOne(() => TicketEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'fk_ticket_breaches_ticket' })
  ticket?: TicketEntity;

  @Column({ type: 'varchar', length: 20 })
  deadline!: DeadlineKind;

  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  /** When the deadline job found it missed. */
  @Column({ type: 'timestamptz' })
  recordedAt!: Date;
}
