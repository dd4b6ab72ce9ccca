import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/**
 * Mail is queued, then sent or failed. A notice by phone (to_call) is a call a person is to make,
 * and records when it was made (called); the mail queue never touches it.
 */
export const MESSAGE_STATUSES = ['queued', 'sent', 'failed', 'to_call', 'called'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** Every notification sent or attempted: customer notices are audit evidence (客户通知记录). */
@Entity('messages')
@Check('ck_messages_status', `status IN (${MESSAGE_STATUSES.map((s) => `'${s}'`).join(', ')})`)
@Index('ix_messages_related', ['relatedType', 'relatedId'])
@Index('ix_messages_created', ['createdAt'])
export class MessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 16, default: 'email' })
  channel!: string;

  @Column({ type: 'varchar', length: 200 })
  recipient!: string;

  @Column({ type: 'varchar', length: 300 })
  subject!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'varchar', length: 64 })
  template!: string;

  @Column({ type: 'varchar', length: 8, default: 'zh' })
  language!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  relatedType!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  relatedId!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status!: MessageStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  transportId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
