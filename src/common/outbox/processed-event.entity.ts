import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One row per (consumer, outbox row) handled: what makes delivery exactly-once as the consumer sees it. */
@Entity('processed_events')
export class ProcessedEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  consumer!: string;

  @PrimaryColumn({ type: 'bigint' })
  outboxId!: string;

  @Column({ type: 'varchar', length: 32, default: 'done' })
  status!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  processedAt!: Date;
}
