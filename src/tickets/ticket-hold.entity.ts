import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { HoldReason } from './domain/ticket-fields';
import { TicketEntity } from './ticket.entity';

/** A span during which the ticket was on hold and its resolve clock stood still. */
@Entity('ticket_holds')
@Index('ix_ticket_holds_ticket', ['ticketId', 'startedAt'])
@Index('uq_ticket_holds_open', ['ticketId'], { unique: true, where: '"ended_at" IS NULL' })
@Check('ck_ticket_holds_reason', `"reason" IN ('awaiting_parts','awaiting_customer','awaiting_vendor')`)
@Check('ck_ticket_holds_span', `"ended_at" IS NULL OR "ended_at" >= "started_at"`)
export class TicketHoldEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  ticketId!: string;

  @ManyToOne(() => TicketEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'fk_ticket_holds_ticket' })
  ticket?: TicketEntity;

  @Column({ type: 'varchar', length: 20 })
  reason!: HoldReason;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  @Column({ type: 'timestamptz' })
  startedAt!: Date;

  @Column({ type: 'uuid' })
  startedBy!: string;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  endedBy!: string | null;
}
