import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A file linked to a record; the bytes live in the file store under `storageKey`. */
@Entity('attachments')
@Check('ck_attachments_size', 'size_bytes >= 0')
@Check('ck_attachments_sha256', `sha256 ~ '^[0-9a-f]{64}$'`)
@Index('ix_attachments_owner', ['ownerType', 'ownerId'])
export class AttachmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The kind of record it belongs to, e.g. `outlet`, `customer`, `qualification`. */
  @Column({ type: 'varchar', length: 40 })
  ownerType!: string;

  @Column({ type: 'uuid' })
  ownerId!: string;

  /** What the file is for on that record, e.g. `agreement`, `licence`, `photo`. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  purpose!: string | null;

  @Column({ type: 'varchar', length: 255 })
  fileName!: string;

  @Column({ type: 'varchar', length: 100 })
  contentType!: string;

  @Column({
    type: 'bigint',
    transformer: { to: (value: number) => value, from: (value: string) => Number(value) },
  })
  sizeBytes!: number;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Index('uq_attachments_storage_key', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  storageKey!: string;

  @Column({ type: 'uuid' })
  uploadedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
