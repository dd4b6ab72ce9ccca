import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** The last number handed out per series and year: RT (tickets), RG (returns), CP (complaints). */
@Entity('yearly_sequences')
@Check('ck_yearly_sequences_last', '"last_value" > 0')
export class YearlySequenceEntity {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  series!: string;

  @PrimaryColumn({ type: 'integer' })
  year!: number;

  @Column({ type: 'integer' })
  lastValue!: number;
}
