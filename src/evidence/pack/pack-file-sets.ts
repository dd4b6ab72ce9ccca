import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import type { Language } from '../../common/errors/error-messages';
import type { ExportPeriod } from '../domain/export-table';

/** A file the audit pack takes as another module gives it: an approved document, a report. */
export interface PackFile {
  /** Its path in the pack, inside the set's folder (`<folder>/…`). */
  path: string;
  /** Records the file holds, as manifest.json lists them. */
  records: number;
  open(): Promise<Readable>;
}

/**
 * Files of one kind that go into the audit pack beside the registers and forms, registered by the
 * module that owns them (in onModuleInit), as the evidence sources are.
 */
export interface PackFileSet {
  /** The pack's folder for them, e.g. `documents`. */
  folder: string;
  title: { zh: string; en: string };
  /** The files for the period, one after another; the build runs for no user, with the system's access. */
  files(period: ExportPeriod, language: Language, generatedAt: Date): AsyncIterable<PackFile>;
}

@Injectable()
export class PackFileSets {
  private readonly sets: PackFileSet[] = [];

  register(set: PackFileSet): void {
    this.sets.push(set);
  }

  all(): readonly PackFileSet[] {
    return this.sets;
  }
}
