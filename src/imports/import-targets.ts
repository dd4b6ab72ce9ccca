import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../auth/authenticated-user';
import { AssetsService } from '../assets/assets.service';
import { CreateAssetDto, UpdateAssetDto } from '../assets/dto/asset.dto';
import { CreatePartDto, UpdatePartDto } from '../catalog/dto/part.dto';
import { CreateProductDto, UpdateProductDto } from '../catalog/dto/product.dto';
import { PartsService } from '../catalog/parts.service';
import { ProductsService } from '../catalog/products.service';
import type { FieldProblem } from '../common/errors/validation-errors';
import type { Tx } from '../common/database/transaction';
import { CustomersService } from '../customers/customers.service';
import { CreateCustomerDto, UpdateCustomerDto } from '../customers/dto/customer.dto';
import { OutletsService } from '../outlets/outlets.service';
import type { ColumnSpec } from './domain/columns';
import type { ImportKind, ImportTarget, ImportedRecord } from './import-target';

const text = (field: string, ...headers: string[]): ColumnSpec => ({ field, headers, type: 'text' });
const date = (field: string, ...headers: string[]): ColumnSpec => ({ field, headers, type: 'date' });

const CUSTOMER_COLUMNS: ColumnSpec[] = [
  text('code', '客户编号', 'code'),
  {
    field: 'kind',
    headers: ['客户类型', '类型', 'kind'],
    type: 'enum',
    values: {
      个人: 'person',
      person: 'person',
      企业: 'company',
      公司: 'company',
      单位: 'company',
      company: 'company',
    },
  },
  text('name', '客户名称', '姓名', 'name'),
  text('phone', '电话', '手机', '联系电话', 'phone'),
  text('email', '邮箱', '电子邮箱', 'email'),
  text('nationalId', '身份证号', '身份证号码', 'nationalId'),
  text('address', '地址', 'address'),
  text('region', '地区', '所在地区', 'region'),
  {
    field: 'zone',
    headers: ['区域', '区域类型', 'zone'],
    type: 'enum',
    values: {
      城区: 'urban',
      市区: 'urban',
      urban: 'urban',
      郊区: 'suburban',
      suburban: 'suburban',
      农村: 'rural',
      乡村: 'rural',
      rural: 'rural',
    },
  },
  text('outletCode', '服务网点编码', '网点编码', 'outletCode'),
  text('notes', '备注', 'notes'),
];

const PRODUCT_COLUMNS: ColumnSpec[] = [
  text('sku', '产品编码', 'SKU', 'sku'),
  text('name', '产品名称', 'name'),
  text('category', '品类', '产品类别', 'category'),
  text('brand', '品牌', 'brand'),
  text('model', '型号', 'model'),
  { field: 'warrantyMonths', headers: ['保修月数', '保修期（月）', 'warrantyMonths'], type: 'integer' },
];

const PART_COLUMNS: ColumnSpec[] = [
  text('code', '配件编码', 'code'),
  text('name', '配件名称', 'name'),
  text('productCategory', '适用品类', '品类', 'productCategory'),
  text('unit', '单位', 'unit'),
  { field: 'unitPrice', headers: ['单价', '单价（元）', 'unitPrice'], type: 'decimal' },
  { field: 'labourFee', headers: ['工时费', '工时费（元）', 'labourFee'], type: 'decimal' },
];

const ASSET_COLUMNS: ColumnSpec[] = [
  text('serialNumber', '序列号', '机身号', 'serialNumber'),
  text('productSku', '产品编码', 'productSku'),
  text('customerCode', '客户编号', 'customerCode'),
  date('soldOn', '销售日期', '购买日期', 'soldOn'),
  date('deliveredOn', '交付日期', 'deliveredOn'),
  date('acceptedOn', '验收日期', 'acceptedOn'),
  date('installedOn', '安装日期', 'installedOn'),
  text('installedBy', '安装人员', 'installedBy'),
  text('installationAddress', '安装地址', 'installationAddress'),
  text('installationNotes', '安装记录', 'installationNotes'),
  text('commissioningNotes', '调试记录', 'commissioningNotes'),
];

/** Moves a lookup column's value to the id field, or reports the column when nothing has that key. */
async function lookUp(
  fields: Record<string, unknown>,
  column: string,
  idField: string,
  find: (key: string) => Promise<{ id: string } | null>,
  what: string,
): Promise<FieldProblem[]> {
  const key = fields[column];
  delete fields[column];
  if (typeof key !== 'string') return [];
  const found = await find(key);
  if (!found) return [{ field: column, problems: [`No ${what} has the code ${key}`] }];
  fields[idField] = found.id;
  return [];
}

/** The use cases of a register with a business key, as the import calls them inside its transaction. */
interface KeyedRegister<Create, Update> {
  findByKey(tx: Tx, key: string): Promise<ImportedRecord | null>;
  createIn(tx: Tx, dto: Create, context: RequestContext): Promise<ImportedRecord>;
  updateIn(tx: Tx, id: string, dto: Update, context: RequestContext): Promise<ImportedRecord>;
}

/** The import validated each row against the register's own DTO class before these calls. */
function throughService<Create, Update>(
  register: KeyedRegister<Create, Update>,
): Pick<ImportTarget, 'findByKey' | 'create' | 'update'> {
  return {
    findByKey: (tx, key) => register.findByKey(tx, key),
    create: (tx, dto, context) => register.createIn(tx, dto as Create, context),
    update: (tx, id, dto, context) => register.updateIn(tx, id, dto as Update, context),
  };
}

/** The registers that take spreadsheet imports, each through its own module's use cases. */
@Injectable()
export class ImportTargets {
  private readonly targets: Record<ImportKind, ImportTarget>;

  constructor(
    customers: CustomersService,
    products: ProductsService,
    parts: PartsService,
    assets: AssetsService,
    outlets: OutletsService,
  ) {
    this.targets = {
      customers: {
        kind: 'customers',
        writeRoles: ['agent', 'manager', 'admin'],
        columns: CUSTOMER_COLUMNS,
        keyField: 'code',
        keyRequired: false,
        createDto: CreateCustomerDto,
        updateDto: UpdateCustomerDto,
        resolve: (tx, fields) =>
          lookUp(fields, 'outletCode', 'outletId', (code) => outlets.findByCode(tx, code), 'outlet'),
        ...throughService<CreateCustomerDto, UpdateCustomerDto>(customers),
      },
      products: {
        kind: 'products',
        writeRoles: ['manager', 'admin'],
        columns: PRODUCT_COLUMNS,
        keyField: 'sku',
        keyRequired: true,
        createDto: CreateProductDto,
        updateDto: UpdateProductDto,
        ...throughService<CreateProductDto, UpdateProductDto>(products),
      },
      parts: {
        kind: 'parts',
        writeRoles: ['manager', 'admin'],
        columns: PART_COLUMNS,
        keyField: 'code',
        keyRequired: true,
        createDto: CreatePartDto,
        updateDto: UpdatePartDto,
        ...throughService<CreatePartDto, UpdatePartDto>(parts),
      },
      assets: {
        kind: 'assets',
        writeRoles: ['agent', 'manager', 'admin'],
        columns: ASSET_COLUMNS,
        keyField: 'serialNumber',
        keyRequired: true,
        createDto: CreateAssetDto,
        updateDto: UpdateAssetDto,
        resolve: async (tx, fields) => [
          ...(await lookUp(
            fields,
            'productSku',
            'productId',
            (sku) => products.findByKey(tx, sku),
            'product',
          )),
          ...(await lookUp(
            fields,
            'customerCode',
            'customerId',
            (code) => customers.findByKey(tx, code),
            'customer',
          )),
        ],
        ...throughService<CreateAssetDto, UpdateAssetDto>(assets),
      },
    };
  }

  get(kind: ImportKind): ImportTarget {
    return this.targets[kind];
  }

  columns(kind: ImportKind): readonly ColumnSpec[] {
    return this.targets[kind].columns;
  }
}
