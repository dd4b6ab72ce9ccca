import type { DataSource } from 'typeorm';
import type { EvidenceSource } from '../evidence/evidence-sources';
import { queryEvidenceSource } from '../evidence/evidence-query';
import { PartEntity } from './part.entity';

/**
 * The fee list (易损件价目表 / 维修收费标准) as it stands: the active parts at their current prices.
 * The register keeps no price history (the audit trail has every change), so the list is the same for
 * any period; it is read by product category, as it is published, not by date.
 */
export function catalogEvidenceSources(dataSource: DataSource, timeZone: string): EvidenceSource[] {
  return [
    queryEvidenceSource(dataSource, timeZone, {
      code: 'price-list',
      columns: [
        { key: 'productCategory', zh: '产品类别', en: 'Category', kind: 'text', width: 12 },
        { key: 'code', zh: '配件编码', en: 'Code', kind: 'text', width: 14 },
        { key: 'name', zh: '配件名称', en: 'Part', kind: 'text', width: 24 },
        { key: 'unit', zh: '单位', en: 'Unit', kind: 'text', width: 6 },
        { key: 'unitPrice', zh: '单价（元）', en: 'Unit price (CNY)', kind: 'money', width: 12 },
        { key: 'labourFee', zh: '工时费（元）', en: 'Labour fee (CNY)', kind: 'money', width: 12 },
      ],
      records: () => dataSource.getRepository(PartEntity).createQueryBuilder('p').where('p.active = true'),
      select: {
        id: 'p.id',
        productCategory: 'p.productCategory',
        code: 'p.code',
        name: 'p.name',
        unit: 'p.unit',
        unitPrice: 'p.unitPrice',
        labourFee: 'p.labourFee',
      },
      orderBy: ['p.productCategory', 'p.code'],
    }),
  ];
}
