import type { DataSource } from 'typeorm';
import type { InspectionResult } from './tool-inspection.entity';
import type { EvidenceSource } from '../evidence/evidence-sources';
import { queryEvidenceSource } from '../evidence/evidence-query';
import {
  INSPECTION_RESULT_LABELS,
  INSPECTION_STATUS_LABELS,
  inspectionStatus,
} from './domain/inspection-status';
import { ToolEntity } from './tool.entity';

/**
 * The tools register as an auditor reads it (设备工具年检记录): one row per tool the company had by the
 * end of the period, with the inspections made in the period and where the tool stood on its last day
 * (the latest inspection by then and the status the tools screen would have shown). A tool counts as
 * had when it was purchased (or, without a purchase date, registered) by then, or was inspected by
 * then: tools entered after the fact with their past inspections still belong to those periods.
 * Tools set inactive are left out.
 */
export function toolEvidenceSources(dataSource: DataSource, timeZone: string): EvidenceSource[] {
  return [
    queryEvidenceSource(dataSource, timeZone, {
      code: 'tools',
      columns: [
        { key: 'code', zh: '设备编号', en: 'Code', kind: 'text', width: 12 },
        { key: 'name', zh: '设备名称', en: 'Name', kind: 'text', width: 20 },
        { key: 'model', zh: '型号', en: 'Model', kind: 'text', width: 14 },
        { key: 'serialNumber', zh: '出厂编号', en: 'Serial no.', kind: 'text', width: 16 },
        { key: 'outletName', zh: '所属网点', en: 'Outlet', kind: 'text', width: 20 },
        { key: 'keeper', zh: '保管人', en: 'Keeper', kind: 'text', width: 10 },
        { key: 'intervalMonths', zh: '检定周期（月）', en: 'Interval (months)', kind: 'integer', width: 8 },
        {
          key: 'inspections',
          zh: '期内年检',
          en: 'Inspections in period',
          kind: 'list',
          width: 40,
          values: INSPECTION_RESULT_LABELS,
        },
        { key: 'lastInspectedOn', zh: '期末最近年检', en: 'Last inspected', kind: 'date', width: 11 },
        {
          key: 'lastResult',
          zh: '年检结果',
          en: 'Result',
          kind: 'text',
          width: 8,
          values: INSPECTION_RESULT_LABELS,
        },
        { key: 'nextDue', zh: '下次年检', en: 'Next due', kind: 'date', width: 11 },
        {
          key: 'status',
          zh: '期末状态',
          en: 'Status at period end',
          kind: 'text',
          width: 12,
          values: INSPECTION_STATUS_LABELS,
        },
      ],
      records: () =>
        dataSource
          .getRepository(ToolEntity)
          .createQueryBuilder('t')
          .leftJoin('t.outlet', 'o')
          .where('t.active = true')
          .andWhere(
            `(coalesce(t.purchasedOn, CAST(t.createdAt AT TIME ZONE :periodZone AS date)) <= :periodTo
              OR EXISTS (SELECT 1 FROM tool_inspections ti WHERE ti.tool_id = t.id AND ti.inspected_on <= :periodTo))`,
          ),
      select: {
        id: 't.id',
        code: 't.code',
        name: 't.name',
        model: 't.model',
        serialNumber: 't.serialNumber',
        outletName: 'o.name',
        keeper: 't.keeper',
        intervalMonths: 't.inspectionIntervalMonths',
        // Each inspection as its parts (date, result, certificate, inspector), so the result reads as words.
        inspections: `ARRAY(SELECT ARRAY[to_char(ti.inspected_on, 'YYYY-MM-DD'), ti.result,
            ti.certificate_number, ti.inspector]
          FROM tool_inspections ti WHERE ti.tool_id = t.id
            AND ti.inspected_on BETWEEN :periodFrom AND :periodTo
          ORDER BY ti.inspected_on, ti.created_at)`,
        lastInspectedOn: `(SELECT to_char(ti.inspected_on, 'YYYY-MM-DD') FROM tool_inspections ti
          WHERE ti.tool_id = t.id AND ti.inspected_on <= :periodTo
          ORDER BY ti.inspected_on DESC, ti.created_at DESC LIMIT 1)`,
        lastResult: `(SELECT ti.result FROM tool_inspections ti
          WHERE ti.tool_id = t.id AND ti.inspected_on <= :periodTo
          ORDER BY ti.inspected_on DESC, ti.created_at DESC LIMIT 1)`,
        // Only a passed inspection sets the next due date (as the register does).
        nextDue: `(SELECT to_char(ti.next_due, 'YYYY-MM-DD') FROM tool_inspections ti
          WHERE ti.tool_id = t.id AND ti.inspected_on <= :periodTo AND ti.result = 'passed'
          ORDER BY ti.inspected_on DESC, ti.created_at DESC LIMIT 1)`,
      },
      orderBy: ['t.createdAt', 't.code'],
      map: (row, period) => ({
        ...row,
        status: inspectionStatus(
          {
            lastInspectionResult: row.lastResult as InspectionResult | null,
            nextInspectionDue: row.nextDue as string | null,
          },
          period.to,
        ),
      }),
    }),
  ];
}
