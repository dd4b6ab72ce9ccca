import { Injectable } from '@nestjs/common';
import type { Writable } from 'node:stream';
import type { Language } from '../common/errors/error-messages';
import type { EvidenceCode } from './domain/evidence-types';
import type { ExportColumn, ExportPeriod, ExportRow } from './domain/export-table';

/**
 * Where one evidence type's records come from: the module that owns them registers it (in
 * onModuleInit), so the evidence catalog and the exports never read another module's tables.
 */
export interface EvidenceSource {
  code: EvidenceCode;
  columns: readonly ExportColumn[];
  /** The records of the period (see each source for what "of the period" means for it). */
  count(period: ExportPeriod): Promise<number>;
  /** The same records, oldest first, streamed from PostgreSQL so that memory stays flat at any size. */
  rows(period: ExportPeriod): AsyncIterable<ExportRow>;
  /**
   * When PostgreSQL can format every column itself: the same rows as CSV data lines (CRLF, no header),
   * copied into `output` without ending it. Resolves to the number of rows.
   */
  copyCsv?(period: ExportPeriod, language: Language): CsvCopy | undefined;
}

/** Copies a register's CSV lines into the output; resolves to the number of rows. */
export type CsvCopy = (output: Writable) => Promise<number>;

@Injectable()
export class EvidenceSources {
  private readonly sources = new Map<EvidenceCode, EvidenceSource>();

  register(source: EvidenceSource): void {
    this.sources.set(source.code, source);
  }

  find(code: EvidenceCode): EvidenceSource | undefined {
    return this.sources.get(code);
  }

  codes(): EvidenceCode[] {
    return [...this.sources.keys()];
  }
}
