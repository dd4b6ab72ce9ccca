import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { OutletEntity } from '../outlets/outlet.entity';
import { RegisterRecord } from '../common/registers/register-record';
import { CUSTOMER_KINDS, ZONES, type CustomerKind, type Zone } from './domain/customer-fields';

export interface CustomerContact {
  name: string;
  phone: string | null;
  role: string | null;
}

@Entity('customers')
@Check('ck_customers_kind', `kind IN (${CUSTOMER_KINDS.map((kind) => `'${kind}'`).join(', ')})`)
@Check('ck_customers_zone', `zone IN (${ZONES.map((zone) => `'${zone}'`).join(', ')})`)
@Index('ix_customers_name', ['name'])
@Index('ix_customers_phone', ['phone'])
export class CustomerEntity extends RegisterRecord {
  /** 客户编号: the key imports match on; the next KH000001-style code when not given. */
  @Index('uq_customers_code', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: CustomerKind;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  email!: string | null;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  contacts!: CustomerContact[];

  /**
   * Code, name, phone and every contact's name and phone in one text, kept by PostgreSQL, behind a
   * trigram index (created by hand in the migration: TypeORM cannot express GIN operator classes), so
   * that the hotline's "any part of a name or number" search stays fast on a large customer list.
   */
  @Index('ix_customers_search_text', { synchronize: false })
  @Column({
    type: 'text',
    generatedType: 'STORED',
    asExpression: `code || ' ' || name || ' ' || coalesce(phone, '') || ' ' || (jsonb_path_query_array(contacts, '$[*].name') || jsonb_path_query_array(contacts, '$[*].phone'))::text`,
    insert: false,
    update: false,
    select: false,
  })
  searchText!: string;

  /** 身份证号, AES-256-GCM under PII_KEY; never stored or logged in the clear. */
  @Column({ type: 'text', nullable: true })
  nationalIdCipher!: string | null;

  /** The last four characters, kept apart so that a masked value needs no decryption. */
  @Column({ type: 'varchar', length: 4, nullable: true })
  nationalIdLast4!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  address!: string | null;

  /** Administrative region, e.g. 上海市/浦东新区: what outlets' coverage regions are matched against. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  region!: string | null;

  @Column({ type: 'varchar', length: 20, default: 'urban' })
  zone!: Zone;

  /** The outlet that serves this customer; users bound to another outlet never see it. */
  @Index('ix_customers_outlet')
  @Column({ type: 'uuid', nullable: true })
  outletId!: string | null;

  @ManyToOne(() => OutletEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'outlet_id', foreignKeyConstraintName: 'fk_customers_outlet' })
  outlet?: OutletEntity;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;
}
