import type { DataSource } from 'typeorm';
import type { EvidenceSource } from '../evidence/evidence-sources';
import { queryEvidenceSource } from '../evidence/evidence-query';
import { SUPPLIER_KIND_LABELS } from './domain/supplier-kinds';
import { SupplierEntity } from './supplier.entity';

/**
 * The qualified supplier list (合格供方名录) of the period: suppliers qualified at some time in it. A
 * supplier without a qualification date counts as qualified from the day it was registered, one
 * without an end date as qualified still. Suppliers set inactive are left out.
 */
export function supplierEvidenceSources(dataSource: DataSource, timeZone: string): EvidenceSource[] {
  return [
    queryEvidenceSource(dataSource, timeZone, {
      code: 'suppliers',
      columns: [
        { key: 'code', zh: '供方编码', en: 'Code', kind: 'text', width: 12 },
        { key: 'name', zh: '供方名称', en: 'Name', kind: 'text', width: 26 },
        { key: 'kind', zh: '类型', en: 'Kind', kind: 'text', width: 12, values: SUPPLIER_KIND_LABELS },
        { key: 'scope', zh: '供应/维修范围', en: 'Scope', kind: 'text', width: 24 },
        { key: 'contactName', zh: '联系人', en: 'Contact', kind: 'text', width: 10 },
        { key: 'phone', zh: '电话', en: 'Phone', kind: 'text', width: 14 },
        { key: 'address', zh: '地址', en: 'Address', kind: 'text', width: 28 },
        { key: 'qualifiedOn', zh: '评定合格日期', en: 'Qualified on', kind: 'date', width: 11 },
        { key: 'qualifiedUntil', zh: '合格有效期至', en: 'Qualified until', kind: 'date', width: 11 },
        { key: 'rating', zh: '评价得分', en: 'Rating', kind: 'decimal', width: 8 },
      ],
      records: () =>
        dataSource
          .getRepository(SupplierEntity)
          .createQueryBuilder('s')
          .where('s.active = true')
          .andWhere(
            'coalesce(s.qualifiedOn, CAST(s.createdAt AT TIME ZONE :periodZone AS date)) <= :periodTo',
          )
          .andWhere('(s.qualifiedUntil IS NULL OR s.qualifiedUntil >= :periodFrom)'),
      select: {
        id: 's.id',
        code: 's.code',
        name: 's.name',
        kind: 's.kind',
        scope: 's.scope',
        contactName: 's.contactName',
        phone: 's.phone',
        address: 's.address',
        qualifiedOn: 'CAST(s.qualifiedOn AS text)',
        qualifiedUntil: 'CAST(s.qualifiedUntil AS text)',
        rating: 's.rating',
      },
      orderBy: ['s.qualifiedOn', 's.code'],
    }),
  ];
}
