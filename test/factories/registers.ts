import { randomBytes } from 'node:crypto';
import type { DataSource, DeepPartial } from 'typeorm';
import { AssetEntity } from '../../src/assets/asset.entity';
import { ProductEntity } from '../../src/catalog/product.entity';
import { CustomerEntity } from '../../src/customers/customer.entity';
import { OutletEntity } from '../../src/outlets/outlet.entity';

/**
 * Register records written straight to the database with sensible defaults, for tests that need
 * them as context rather than as the subject (the subject goes through the API).
 */
const unique = () => randomBytes(4).toString('hex').toUpperCase();

export async function createOutlet(
  dataSource: DataSource,
  fields: DeepPartial<OutletEntity> = {},
): Promise<OutletEntity> {
  const repository = dataSource.getRepository(OutletEntity);
  return repository.save(
    repository.create({
      code: `WD-${unique()}`,
      name: '上海浦东服务中心',
      kind: 'own',
      status: 'active',
      region: '上海市/浦东新区',
      coverageRegions: ['上海市/浦东新区'],
      ...fields,
    }),
  );
}

export async function createCustomer(
  dataSource: DataSource,
  fields: DeepPartial<CustomerEntity> = {},
): Promise<CustomerEntity> {
  const repository = dataSource.getRepository(CustomerEntity);
  return repository.save(
    repository.create({
      code: `KH-${unique()}`,
      kind: 'person',
      name: '王芳',
      phone: '13800138000',
      address: '上海市浦东新区张杨路 500 号',
      region: '上海市/浦东新区',
      zone: 'urban',
      ...fields,
    }),
  );
}

export async function createProduct(
  dataSource: DataSource,
  fields: DeepPartial<ProductEntity> = {},
): Promise<ProductEntity> {
  const repository = dataSource.getRepository(ProductEntity);
  return repository.save(
    repository.create({
      sku: `SKU-${unique()}`,
      name: '变频空调 KFR-35GW',
      category: '空调',
      warrantyMonths: 12,
      ...fields,
    }),
  );
}

export async function createAsset(
  dataSource: DataSource,
  fields: DeepPartial<AssetEntity> & { productId: string; customerId: string },
): Promise<AssetEntity> {
  const repository = dataSource.getRepository(AssetEntity);
  return repository.save(
    repository.create({
      serialNumber: `SN${unique()}`,
      soldOn: '2026-01-15',
      standardWarrantyEnd: '2027-01-15',
      ...fields,
    }),
  );
}
