import { Check, Column, Entity, Index } from 'typeorm';
import { RegisterRecord } from '../common/registers/register-record';
import { OUTLET_KINDS, OUTLET_STATUSES, type OutletKind, type OutletStatus } from './domain/outlet-fields';

const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

/** A service outlet (售后服务网点), own (自建) or outsourced (委外), with its qualification file. */
@Entity('outlets')
@Check('ck_outlets_kind', `kind IN (${list(OUTLET_KINDS)})`)
@Check('ck_outlets_status', `status IN (${list(OUTLET_STATUSES)})`)
@Check(
  'ck_outlets_agreement_dates',
  'agreement_valid_until IS NULL OR agreement_valid_from IS NULL OR agreement_valid_until >= agreement_valid_from',
)
@Index('ix_outlets_status', ['status'])
export class OutletEntity extends RegisterRecord {
  @Index('uq_outlets_code', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: OutletKind;

  @Column({ type: 'varchar', length: 20, default: 'proposed' })
  status!: OutletStatus;

  @Column({ type: 'varchar', length: 300, nullable: true })
  address!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  region!: string | null;

  /** Regions this outlet serves, e.g. 上海市/浦东新区; a prefix covers everything below it. */
  @Column({ type: 'text', array: true, default: () => `'{}'` })
  coverageRegions!: string[];

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  managerName!: string | null;

  @Column({ type: 'uuid', nullable: true })
  approvedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  // The qualification file of an outsourced outlet: service agreement and business licence.
  @Column({ type: 'varchar', length: 100, nullable: true })
  agreementNumber!: string | null;

  @Column({ type: 'date', nullable: true })
  agreementValidFrom!: string | null;

  @Column({ type: 'date', nullable: true })
  agreementValidUntil!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  licenceNumber!: string | null;

  @Column({ type: 'date', nullable: true })
  licenceValidUntil!: string | null;
}
