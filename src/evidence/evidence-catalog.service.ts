import { Injectable } from '@nestjs/common';
import { assertDateOrder } from '../common/errors/validation-errors';
import {
  DEFAULT_SAMPLE_SIZE,
  EVIDENCE_TYPES,
  type EvidenceCode,
  type EvidenceType,
} from './domain/evidence-types';
import type { ExportPeriod } from './domain/export-table';
import { EvidenceSources } from './evidence-sources';

export interface EvidenceCatalogEntry {
  type: EvidenceType & { code: EvidenceCode };
  count: number;
  /** What an auditor asks for: a sample of sampled types, at least one record of the others. */
  sampleSize: number;
  enough: boolean;
}

export interface EvidenceCatalog {
  period: ExportPeriod;
  /** Every type with a source, in the order of EVIDENCE_TYPES. */
  entries: EvidenceCatalogEntry[];
  /** The types no module provides records for yet. */
  notYetAvailable: EvidenceCode[];
}

export function sampleSizeOf(type: EvidenceType): number {
  return type.sampled ? DEFAULT_SAMPLE_SIZE : 1;
}

/** The evidence catalog: what the system holds for a period, and where it falls short (issue 7 §1). */
@Injectable()
export class EvidenceCatalogService {
  constructor(private readonly sources: EvidenceSources) {}

  async catalog(period: ExportPeriod): Promise<EvidenceCatalog> {
    assertDateOrder(['from', period.from], ['to', period.to]);
    const available = EVIDENCE_TYPES.flatMap((type) => {
      const source = this.sources.find(type.code);
      return source ? [{ type, source }] : [];
    });
    const counts = await Promise.all(available.map(({ source }) => source.count(period)));
    return {
      period,
      entries: available.map(({ type }, index) => {
        const count = counts[index] ?? 0;
        const sampleSize = sampleSizeOf(type);
        return { type, count, sampleSize, enough: count >= sampleSize };
      }),
      notYetAvailable: EVIDENCE_TYPES.filter((type) => !this.sources.find(type.code)).map(
        (type) => type.code,
      ),
    };
  }
}
