import ExcelJS from 'exceljs';
import { CustomerEntity } from '../src/customers/customer.entity';
import { ProductEntity } from '../src/catalog/product.entity';
import { AssetEntity } from '../src/assets/asset.entity';
import { createCustomer, createProduct } from './factories/registers';
import { auditEntriesFor } from './support/audit-entries';
import { TestApp, createTestApp } from './support/test-app';

const BOM = '\uFEFF';

async function xlsx(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('客户');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('spreadsheet import', () => {
  let t: TestApp;
  let manager: string;

  beforeAll(async () => {
    t = await createTestApp();
    manager = await t.tokenFor(['manager']);
  });
  afterAll(() => t.close());

  const upload = (kind: string, bytes: Buffer, fileName: string, query = '', token = manager) =>
    t
      .http()
      .post(`/api/v1/imports/${kind}${query}`)
      .set('Authorization', `Bearer ${token}`)
      .attach('file', bytes, fileName);

  it('dry-runs a good CSV without writing, then creates every row, then finds them unchanged', async () => {
    const csv = Buffer.from(
      `${BOM}序号,产品编码,产品名称,品类,品牌,保修月数\n` +
        '1,KFR-35GW,变频空调 1.5匹,空调,格力,36\n' +
        '2,XQG100,滚筒洗衣机 10kg,洗衣机,海尔,12\n' +
        '3,BCD-470,十字门冰箱,冰箱,美的,24\n',
      'utf8',
    );
    // A Chinese file name comes back as the browser sent it (UTF-8).
    const dry = await upload('products', csv, '产品清单.csv').expect(200);
    expect(dry.body).toMatchObject({
      fileName: '产品清单.csv',
      kind: 'products',
      dryRun: true,
      applied: false,
      totalRows: 3,
      created: 3,
      errors: [],
      ignoredColumns: ['序号'],
    });
    expect(await t.dataSource.getRepository(ProductEntity).countBy({ sku: 'KFR-35GW' })).toBe(0);

    const real = await upload('products', csv, 'products.csv', '?dryRun=false').expect(200);
    expect(real.body).toMatchObject({ applied: true, created: 3, updated: 0 });
    const product = await t.dataSource.getRepository(ProductEntity).findOneByOrFail({ sku: 'XQG100' });
    expect(product).toMatchObject({ name: '滚筒洗衣机 10kg', category: '洗衣机', warrantyMonths: 12 });
    expect((await auditEntriesFor(t.dataSource, 'product', product.id))[0]?.action).toBe('product.created');

    const again = await upload('products', csv, 'products.csv', '?dryRun=false').expect(200);
    expect(again.body).toMatchObject({ applied: true, created: 0, updated: 0, unchanged: 3 });
    const changed = Buffer.from('产品编码,保修月数\nBCD-470,36\n', 'utf8');
    const update = await upload('products', changed, 'products.csv', '?dryRun=false').expect(200);
    expect(update.body).toMatchObject({ updated: 1, rows: [{ row: 2, action: 'update', key: 'BCD-470' }] });
  });

  it('reports exactly the three bad rows of an XLSX and creates nothing, in a dry run and a real run', async () => {
    const file = await xlsx([
      ['客户名称', '客户类型', '电话', '邮箱', '区域', '地址'],
      ['张伟', '个人', '13800000001', 'zhang@example.com', '城区', '上海市浦东新区'],
      ['李娜', '个人', '13800000002', null, '山区', '上海市闵行区'],
      [null, '企业', '021-55550000', null, '郊区', '上海市嘉定区'],
      ['上海华东机电有限公司', '企业', '021-66660000', null, '城区', '上海市静安区'],
      ['王强', '个人', '13800000005', 'not-an-email', '农村', '上海市崇明区'],
    ]);
    const before = await t.dataSource.getRepository(CustomerEntity).count();
    const dry = await upload('customers', file, 'customers.xlsx').expect(200);
    expect(dry.body.totalRows).toBe(5);
    expect(dry.body.created).toBe(2);
    const errors = (dry.body.errors as { row: number; column: string }[]).map(({ row, column }) => [
      row,
      column,
    ]);
    expect(errors).toEqual([
      [3, '区域'],
      [4, '客户名称'],
      [6, '邮箱'],
    ]);

    const real = await upload('customers', file, 'customers.xlsx', '?dryRun=false');
    expect(real.status).toBe(422);
    expect(real.body.code).toBe('IMPORT_REJECTED');
    expect(real.body.message).toBe('导入文件有 3 处错误，未导入任何数据，请按错误清单修改后重试');
    expect(real.body.details).toMatchObject({ applied: false, errors: dry.body.errors });
    expect(await t.dataSource.getRepository(CustomerEntity).count()).toBe(before);
  });

  it('links sold units to products and customers by their codes and reports unknown ones', async () => {
    const product = await createProduct(t.dataSource, { sku: 'IMP-AC-1', warrantyMonths: 12 });
    const customer = await createCustomer(t.dataSource, { code: 'KH-IMP-1' });
    const csv = Buffer.from(
      '序列号,产品编码,客户编号,销售日期,安装日期,安装记录\n' +
        'SN-IMP-001,IMP-AC-1,KH-IMP-1,2026/3/5,2026年3月8日,室外机加装支架\n' +
        'SN-IMP-002,NO-SUCH,KH-IMP-1,2026-03-05,,\n' +
        'SN-IMP-001,IMP-AC-1,KH-IMP-1,2026-03-05,,\n',
      'utf8',
    );
    const dry = await upload('assets', csv, 'assets.csv').expect(200);
    expect(dry.body.errors).toEqual([
      expect.objectContaining({ row: 3, column: '产品编码' }),
      expect.objectContaining({ row: 4, column: '序列号', message: 'Repeats row 2' }),
    ]);
    const good = Buffer.from(csv.toString('utf8').split('\n').slice(0, 2).join('\n'), 'utf8');
    await upload('assets', good, 'assets.csv', '?dryRun=false').expect(200);
    const asset = await t.dataSource
      .getRepository(AssetEntity)
      .findOneByOrFail({ serialNumber: 'SN-IMP-001' });
    expect(asset).toMatchObject({
      productId: product.id,
      customerId: customer.id,
      soldOn: '2026-03-05',
      installedOn: '2026-03-08',
      standardWarrantyEnd: '2027-03-05',
    });
  });

  it('reads CSV saved by Excel on Chinese Windows (GB18030)', async () => {
    const gbk = Buffer.from(
      // "配件编码,配件名称,适用品类,单价,工时费\nP-GB-1,压缩机,空调,680,120\n" in GB18030.
      'c5e4bcfeb1e0c2eb2cc5e4bcfec3fbb3c62ccacad3c3c6b7c0e02cb5a5bcdb2cb9a4cab1b7d10a502d47422d312cd1b9cbf5bbfa2cbfd5b5f72c3638302c3132300a',
      'hex',
    );
    const dry = await upload('parts', gbk, 'parts.csv').expect(200);
    expect(dry.body).toMatchObject({ created: 1, errors: [] });
    await upload('parts', gbk, 'parts.csv', '?dryRun=false').expect(200);
    const [part] = await t.dataSource.query(`SELECT name, unit_price FROM parts WHERE code = 'P-GB-1'`);
    expect(part).toEqual({ name: '压缩机', unit_price: '680.00' });
  });

  it('refuses what it cannot read, and imports only for the roles that may write the register', async () => {
    const csv = Buffer.from('产品编码,产品名称,品类,保修月数\nX-1,甲,空调,12\n', 'utf8');
    const agent = await t.tokenFor(['agent']);
    expect((await upload('products', csv, 'p.csv', '', agent)).status).toBe(403);
    const technician = await t.tokenFor(['technician']);
    expect((await upload('customers', csv, 'c.csv', '', technician)).status).toBe(403);

    const exe = await upload('products', Buffer.from('MZ'), 'tool.exe');
    expect(exe.status).toBe(415);
    const noKey = await upload('products', Buffer.from('产品名称\n甲\n', 'utf8'), 'p.csv');
    expect(noKey.status).toBe(400);
    expect(JSON.stringify(noKey.body.details)).toContain('产品编码');
    const broken = await upload('products', Buffer.from('not a zip'), 'p.xlsx');
    expect(broken.status).toBe(400);
    const missing = await t
      .http()
      .post('/api/v1/imports/products')
      .set('Authorization', `Bearer ${manager}`)
      .field('x', '1');
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body.details)).toContain('file');
    await t.http().post('/api/v1/imports/tickets').set('Authorization', `Bearer ${manager}`).expect(400);
  });

  it('hands out an XLSX template with the headers it reads', async () => {
    const response = await t
      .http()
      .get('/api/v1/imports/assets/template')
      .set('Authorization', `Bearer ${manager}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as ArrayBuffer);
    const header = workbook.worksheets[0]?.getRow(1).values as unknown[];
    expect(header.slice(1, 4)).toEqual(['序列号', '产品编码', '客户编号']);
  });
});
