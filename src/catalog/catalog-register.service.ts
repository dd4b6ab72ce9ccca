import type { DataSource, DeepPartial, FindOptionsWhere } from 'typeorm';
import type { RequestContext } from '../auth/authenticated-user';
import { NotFoundError } from '../common/errors/domain-error';
import { inTransaction, type Tx } from '../common/database/transaction';
import { Page, fetchPage, matchText } from '../common/http/pagination';
import type { RegisterRecord } from '../common/registers/register-record';
import type { RegisterListQueryDto } from '../common/registers/register.dto';
import type { RegisterSpec, RegisterWriter } from '../common/registers/register-writer';

/** A catalog register: records with a business key (SKU, part code) that imports match on, grouped by category. */
export interface CatalogRegisterSpec<T extends RegisterRecord> extends RegisterSpec<T> {
  key: keyof T & string;
  categoryField: keyof T & string;
  searchFields: readonly (keyof T & string)[];
}

/**
 * The use cases products and parts share. Each `…In(tx, …)` works inside the caller's transaction
 * (the spreadsheet import runs many in one); the public ones wrap them in a transaction of their own.
 */
export abstract class CatalogRegisterService<
  T extends RegisterRecord,
  Create extends DeepPartial<T>,
  Update extends Partial<T> & { expectedVersion?: number },
> {
  protected constructor(
    protected readonly dataSource: DataSource,
    protected readonly writer: RegisterWriter,
    protected readonly spec: CatalogRegisterSpec<T>,
  ) {}

  async get(id: string, tx: Tx = this.dataSource.manager): Promise<T> {
    const record = await this.find(id, tx);
    if (!record) throw new NotFoundError(this.spec.type, id);
    return record;
  }

  find(id: string, tx: Tx = this.dataSource.manager): Promise<T | null> {
    return tx.getRepository(this.spec.entity).findOneBy({ id } as FindOptionsWhere<T>);
  }

  exists(id: string): Promise<boolean> {
    return this.dataSource.getRepository(this.spec.entity).existsBy({ id } as FindOptionsWhere<T>);
  }

  findByKey(tx: Tx, key: string): Promise<T | null> {
    return tx.getRepository(this.spec.entity).findOneBy({ [this.spec.key]: key } as FindOptionsWhere<T>);
  }

  list(query: RegisterListQueryDto, category: string | undefined): Promise<Page<T>> {
    const q = this.dataSource.getRepository(this.spec.entity).createQueryBuilder('r');
    matchText(
      q,
      this.spec.searchFields.map((field) => `r.${field}`),
      query.q,
    );
    if (query.active !== undefined) q.andWhere('r.active = :active', { active: query.active });
    if (category) q.andWhere(`r.${this.spec.categoryField} = :category`, { category });
    return fetchPage(q.orderBy(`r.${this.spec.key}`, 'ASC'), query);
  }

  createIn(tx: Tx, dto: Create, context: RequestContext): Promise<T> {
    return this.writer.create(tx, this.spec, dto, context);
  }

  updateIn(tx: Tx, id: string, dto: Update, context: RequestContext): Promise<T> {
    const { expectedVersion, ...fields } = dto;
    // Update extends Partial<T>, so the rest is the entity's own fields; TypeScript loses that through Omit.
    return this.writer.update(tx, this.spec, id, expectedVersion, fields as unknown as Partial<T>, context);
  }

  create(dto: Create, context: RequestContext): Promise<T> {
    return inTransaction(this.dataSource, (tx) => this.createIn(tx, dto, context));
  }

  update(id: string, dto: Update, context: RequestContext): Promise<T> {
    return inTransaction(this.dataSource, (tx) => this.updateIn(tx, id, dto, context));
  }

  delete(id: string, expectedVersion: number | undefined, context: RequestContext): Promise<void> {
    return inTransaction(this.dataSource, (tx) =>
      this.writer.delete(tx, this.spec, id, expectedVersion, context),
    );
  }
}
