import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { RegisterRecord } from '../common/registers/register-record';
import { UserEntity } from '../users/user.entity';

/** A staff member's certificate (资格证书), e.g. 电工证 or 售后服务管理师, and the product categories it covers. */
@Entity('qualifications')
@Index('ix_qualifications_user', ['userId'])
@Index('ix_qualifications_valid_until', ['validUntil'])
export class QualificationEntity extends RegisterRecord {
  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_qualifications_user' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 100 })
  type!: string;

  @Column({ type: 'varchar', length: 100 })
  certificateNumber!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  issuer!: string | null;

  @Column({ type: 'date', nullable: true })
  issuedOn!: string | null;

  /** Null: the certificate does not expire. */
  @Column({ type: 'date', nullable: true })
  validUntil!: string | null;

  /** The product categories this certificate qualifies its holder to repair; empty for general ones. */
  @Column({ type: 'text', array: true, default: () => `'{}'` })
  productCategories!: string[];
}
