import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from '../users/user.entity';
import type { ChargeablePart } from './domain/charges';
import { TicketEntity } from './ticket.entity';

/** One stretch of work on a ticket: when, what was done, and the parts used at their list prices then. */
@Entity('ticket_work_logs')
@Index('ix_ticket_work_logs_ticket', ['ticketId', 'startedAt'])
@Check('ck_ticket_work_logs_span', `"ended_at" >= "started_at"`)
export class TicketWorkLogEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  ticketId!: string;

  @ManyToOne(() => TicketEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'fk_ticket_work_logs_ticket' })
  ticket?: TicketEntity;

  @Column({ type: 'uuid' })
  technicianId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'technician_id', foreignKeyConstraintName: 'fk_ticket_work_logs_technician' })
  technician?: UserEntity;

  @Column({ type: 'timestamptz' })
  startedAt!: Date;

  @Column({ type: 'timestamptz' })
  endedAt!: Date;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  parts!: ChargeablePart[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
