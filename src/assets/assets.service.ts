import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import type { AuthenticatedUser, RequestContext } from '../auth/authenticated-user';
import { canSeeOutletRecord } from '../auth/domain/outlet-scope';
import { assertOutletVisible, scopeToOutlet } from '../auth/outlet-scope.query';
import { ProductsService } from '../catalog/products.service';
import type { ProductEntity } from '../catalog/product.entity';
import { CompanyCalendar } from '../common/company-calendar';
import { inTransaction, type Tx } from '../common/database/transaction';
import { NotFoundError } from '../common/errors/domain-error';
import { type FieldProblem, invalidFields } from '../common/errors/validation-errors';
import { Page, fetchPage, matchText } from '../common/http/pagination';
import { RegisterSpec, RegisterWriter } from '../common/registers/register-writer';
import type { CustomerEntity } from '../customers/customer.entity';
import { CustomersService } from '../customers/customers.service';
import { AssetEntity } from './asset.entity';
import { normalizeSerialNumber } from './domain/serial-number';
import {
  type WarrantyOverride,
  type WarrantyOverrideChange,
  changeWarrantyOverride,
  standardWarrantyEnd,
} from './domain/warranty';
import { CreateAssetDto, ListAssetsQueryDto, UpdateAssetDto } from './dto/asset.dto';

/** An asset with its product and customer, as every answer about it shows them. */
export type RegisteredAsset = AssetEntity & { product: ProductEntity; customer: CustomerEntity };

const ASSETS: RegisterSpec<AssetEntity> = {
  entity: AssetEntity,
  type: 'asset',
  auditedFields: [
    'serialNumber',
    'productId',
    'customerId',
    'soldOn',
    'deliveredOn',
    'acceptedOn',
    'installedOn',
    'installedBy',
    'installationNotes',
    'commissioningNotes',
    'installationAddress',
    'standardWarrantyEnd',
    'warrantyEndOverride',
    'warrantyOverrideReason',
    'active',
  ],
};

const NO_OVERRIDE: WarrantyOverride = { warrantyEndOverride: null, warrantyOverrideReason: null };

/**
 * Sold units (售出设备) with their installation record and warranty. An asset belongs to its
 * customer's outlet: users bound to an outlet see and register only their outlet's units.
 */
@Injectable()
export class AssetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writer: RegisterWriter,
    private readonly products: ProductsService,
    private readonly customers: CustomersService,
    private readonly calendar: CompanyCalendar,
  ) {}

  /** Today in the company time zone: the day warranty status is given for. */

  /** An asset the user may see; one of another outlet's customer is reported as not found. */
  async get(id: string, user: AuthenticatedUser, tx: Tx = this.dataSource.manager): Promise<RegisteredAsset> {
    const asset = await this.withParties(tx).where('a.id = :id', { id }).getOne();
    if (!asset) throw new NotFoundError('asset', id);
    assertOutletVisible(user, 'asset', id, asset.customer.outletId);
    return asset;
  }

  /** null when there is no such asset; otherwise whether the user may see it. */
  async isVisibleTo(id: string, user: AuthenticatedUser): Promise<boolean | null> {
    const asset = await this.withParties(this.dataSource.manager).where('a.id = :id', { id }).getOne();
    return asset ? canSeeOutletRecord(user, asset.customer.outletId) : null;
  }

  async list(query: ListAssetsQueryDto, user: AuthenticatedUser): Promise<Page<RegisteredAsset>> {
    const q = this.withParties(this.dataSource.manager);
    scopeToOutlet(q, user, 'c.outletId');
    matchText(q, ['a.serialNumber'], query.q);
    if (query.active !== undefined) q.andWhere('a.active = :active', { active: query.active });
    if (query.customerId) q.andWhere('a.customerId = :customerId', { customerId: query.customerId });
    if (query.productId) q.andWhere('a.productId = :productId', { productId: query.productId });
    if (query.warranty) {
      // The effective end is the last day in warranty, as in warrantyStatus().
      const comparison = query.warranty === 'in' ? '>=' : '<';
      q.andWhere(`COALESCE(a.warrantyEndOverride, a.standardWarrantyEnd) ${comparison} :today`, {
        today: this.calendar.today(),
      });
    }
    return fetchPage(q.orderBy('a.serialNumber', 'ASC'), query);
  }

  /** The hotline's serial-number lookup: exact match, spaces and letter case aside. */
  async lookup(serialNumber: string, user: AuthenticatedUser): Promise<RegisteredAsset> {
    const normalized = normalizeSerialNumber(serialNumber);
    const asset = await this.withParties(this.dataSource.manager)
      .where('a.serialNumber = :serialNumber', { serialNumber: normalized })
      .getOne();
    if (!asset || !canSeeOutletRecord(user, asset.customer.outletId)) {
      throw new NotFoundError('asset', normalized);
    }
    return asset;
  }

  /** The asset with this serial number, for imports that match rows on it. */
  findByKey(tx: Tx, serialNumber: string): Promise<AssetEntity | null> {
    return tx.getRepository(AssetEntity).findOneBy({ serialNumber: normalizeSerialNumber(serialNumber) });
  }

  create(dto: CreateAssetDto, context: RequestContext): Promise<RegisteredAsset> {
    return inTransaction(this.dataSource, (tx) => this.createIn(tx, dto, context));
  }

  async createIn(tx: Tx, dto: CreateAssetDto, context: RequestContext): Promise<RegisteredAsset> {
    const problems: FieldProblem[] = [];
    const product = await this.usableProduct(tx, dto.productId, problems);
    await this.customers.usableIn(tx, context.user, dto.customerId, problems);
    const override = this.overrideAfter(NO_OVERRIDE, dto, problems);
    if (!product || problems.length > 0) throw invalidFields(problems);
    const created = await this.writer.create(
      tx,
      ASSETS,
      {
        ...dto,
        serialNumber: normalizeSerialNumber(dto.serialNumber),
        standardWarrantyEnd: standardWarrantyEnd(dto.soldOn, product.warrantyMonths),
        ...override,
      },
      context,
    );
    return this.get(created.id, context.user, tx);
  }

  update(id: string, dto: UpdateAssetDto, context: RequestContext): Promise<RegisteredAsset> {
    return inTransaction(this.dataSource, (tx) => this.updateIn(tx, id, dto, context));
  }

  /** A new sold date or product recomputes the standard warranty end from the (new) product. */
  async updateIn(tx: Tx, id: string, dto: UpdateAssetDto, context: RequestContext): Promise<RegisteredAsset> {
    await this.get(id, context.user, tx);
    const { expectedVersion, ...fields } = dto;
    await this.writer.update(
      tx,
      ASSETS,
      id,
      expectedVersion,
      async (before) => {
        const problems: FieldProblem[] = [];
        const productChanged = fields.productId !== undefined && fields.productId !== before.productId;
        const soldOnChanged = fields.soldOn !== undefined && fields.soldOn !== before.soldOn;
        if (fields.customerId !== undefined && fields.customerId !== before.customerId) {
          await this.customers.usableIn(tx, context.user, fields.customerId, problems);
        }
        const product = productChanged
          ? await this.usableProduct(tx, fields.productId ?? before.productId, problems)
          : soldOnChanged
            ? await this.products.get(before.productId, tx)
            : null;
        const override = this.overrideAfter(before, fields, problems);
        if (problems.length > 0) throw invalidFields(problems);
        return {
          ...fields,
          serialNumber:
            fields.serialNumber === undefined ? undefined : normalizeSerialNumber(fields.serialNumber),
          standardWarrantyEnd: product
            ? standardWarrantyEnd(fields.soldOn ?? before.soldOn, product.warrantyMonths)
            : undefined,
          ...override,
        };
      },
      context,
    );
    return this.get(id, context.user, tx);
  }

  delete(id: string, expectedVersion: number | undefined, context: RequestContext): Promise<void> {
    return inTransaction(this.dataSource, async (tx) => {
      await this.get(id, context.user, tx);
      await this.writer.delete(tx, ASSETS, id, expectedVersion, context);
    });
  }

  /** Assets joined to their product and customer; the inner joins always match (foreign keys, not null). */
  private withParties(tx: Tx): SelectQueryBuilder<RegisteredAsset> {
    return tx
      .getRepository(AssetEntity)
      .createQueryBuilder('a')
      .innerJoinAndSelect('a.product', 'p')
      .innerJoinAndSelect('a.customer', 'c') as SelectQueryBuilder<RegisteredAsset>;
  }

  /** An active product, or null with the problem noted against productId. */
  private async usableProduct(tx: Tx, id: string, problems: FieldProblem[]): Promise<ProductEntity | null> {
    const product = await this.products.find(id, tx);
    if (product?.active) return product;
    problems.push({ field: 'productId', problems: ['productId must be an active product'] });
    return null;
  }

  /** The override fields after the change; nothing, with the problem noted, when the change is refused. */
  private overrideAfter(
    current: WarrantyOverride,
    change: WarrantyOverrideChange,
    problems: FieldProblem[],
  ): Partial<WarrantyOverride> {
    const outcome = changeWarrantyOverride(current, change);
    if (outcome.ok) return outcome.value;
    problems.push({ field: 'warrantyOverrideReason', problems: [outcome.problem] });
    return {};
  }
}
