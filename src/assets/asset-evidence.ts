import type { DataSource } from 'typeorm';
import type { EvidenceSource } from '../evidence/evidence-sources';
import { queryEvidenceSource } from '../evidence/evidence-query';
import { AssetEntity } from './asset.entity';

const IN_PERIOD = (column: string) => `${column} BETWEEN :periodFrom AND :periodTo`;

/**
 * Delivery, acceptance and installation records (交付验收与安装调试记录): the units sold, delivered,
 * accepted or installed within the period, each with all four dates. Units set inactive are left out;
 * of the customer only the code and name are shown.
 */
export function assetEvidenceSources(dataSource: DataSource, timeZone: string): EvidenceSource[] {
  return [
    queryEvidenceSource(dataSource, timeZone, {
      code: 'installations',
      columns: [
        { key: 'serialNumber', zh: '出厂编号', en: 'Serial no.', kind: 'text', width: 16 },
        { key: 'productName', zh: '产品', en: 'Product', kind: 'text', width: 22 },
        { key: 'model', zh: '型号', en: 'Model', kind: 'text', width: 14 },
        { key: 'customerCode', zh: '客户编号', en: 'Customer code', kind: 'text', width: 10 },
        { key: 'customerName', zh: '客户', en: 'Customer', kind: 'text', width: 20 },
        { key: 'soldOn', zh: '销售日期', en: 'Sold on', kind: 'date', width: 11 },
        { key: 'deliveredOn', zh: '交付日期', en: 'Delivered on', kind: 'date', width: 11 },
        { key: 'acceptedOn', zh: '验收日期', en: 'Accepted on', kind: 'date', width: 11 },
        { key: 'installedOn', zh: '安装日期', en: 'Installed on', kind: 'date', width: 11 },
        { key: 'installedBy', zh: '安装人员', en: 'Installed by', kind: 'text', width: 10 },
        { key: 'installationAddress', zh: '安装地址', en: 'Address', kind: 'text', width: 28 },
        { key: 'installationNotes', zh: '安装记录', en: 'Installation notes', kind: 'text', width: 30 },
        { key: 'commissioningNotes', zh: '调试记录', en: 'Commissioning notes', kind: 'text', width: 30 },
      ],
      records: () =>
        dataSource
          .getRepository(AssetEntity)
          .createQueryBuilder('a')
          .innerJoin('a.product', 'p')
          .innerJoin('a.customer', 'c')
          .where('a.active = true')
          .andWhere(
            `(${[IN_PERIOD('a.soldOn'), IN_PERIOD('a.deliveredOn'), IN_PERIOD('a.acceptedOn'), IN_PERIOD('a.installedOn')].join(' OR ')})`,
          ),
      select: {
        id: 'a.id',
        serialNumber: 'a.serialNumber',
        productName: 'p.name',
        model: 'p.model',
        customerCode: 'c.code',
        customerName: 'c.name',
        soldOn: 'CAST(a.soldOn AS text)',
        deliveredOn: 'CAST(a.deliveredOn AS text)',
        acceptedOn: 'CAST(a.acceptedOn AS text)',
        installedOn: 'CAST(a.installedOn AS text)',
        installedBy: 'a.installedBy',
        installationAddress: 'a.installationAddress',
        installationNotes: 'a.installationNotes',
        commissioningNotes: 'a.commissioningNotes',
      },
      orderBy: ['a.soldOn', 'a.serialNumber'],
    }),
  ];
}
