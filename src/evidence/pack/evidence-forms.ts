import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import type { Language } from '../../common/errors/error-messages';
import type { EvidenceCode } from '../domain/evidence-types';

/** One record's form as the audit pack files it. */
export interface PackForm {
  /** The record's number, which names the form in the pack (forms/<code>/<number>.pdf). */
  number: string;
  /** The PDF bytes. */
  content: Readable;
}

/**
 * How the records of one sampled evidence type are printed as forms for the audit pack. The build
 * runs in the worker for no user, so a form printed here is read with the system's own access.
 */
export interface EvidenceForm {
  code: EvidenceCode;
  render(recordId: string, language: Language, printedAt: Date): Promise<PackForm>;
}

/**
 * The record forms the audit pack can print, registered by the module that prints them (as the
 * evidence sources are), so that the pack never reaches into the modules that own the records.
 */
@Injectable()
export class EvidenceForms {
  private readonly forms = new Map<EvidenceCode, EvidenceForm>();

  register(form: EvidenceForm): void {
    this.forms.set(form.code, form);
  }

  find(code: EvidenceCode): EvidenceForm | undefined {
    return this.forms.get(code);
  }
}
