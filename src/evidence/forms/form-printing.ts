import type { Readable } from 'node:stream';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { AuthenticatedUser, RequestContext } from '../../auth/authenticated-user';
import { AuditService, auditActor } from '../../audit/audit.service';
import { Clock } from '../../common/clock';
import type { AppConfig } from '../../common/config/config';
import { APP_CONFIG } from '../../common/config/config.module';
import type { Language } from '../../common/errors/error-messages';
import type { EvidenceCode } from '../domain/evidence-types';
import { EvidenceForms } from '../pack/evidence-forms';
import type { RecordFormContext } from '../pdf/form-layout';

/**
 * Who the audit pack reads its forms' records as: the build runs in the worker for no user, and the
 * pack is what a head-office auditor may see, so it reads as one, through the same access rules as
 * the endpoints. Only ever used to read, so the id is no one's and is written nowhere.
 */
export const PACK_READER: AuthenticatedUser = {
  id: '00000000-0000-0000-0000-000000000000',
  username: 'system',
  roles: ['auditor'],
  outletId: null,
};

/** A form printed for download: the file's name and the PDF stream. */
export interface RenderedForm {
  fileName: string;
  content: Readable;
}

/** Which form a record is printed on, as the audit log and the downloaded file name it. */
export interface FormKind {
  /** The printed record's entity type in the audit log. */
  entityType: string;
  /** The form's name in the audit entry. */
  form: string;
  /** The file's name before the record's number, per language. */
  fileTitle: Record<Language, string>;
}

/** One record's form as its module renders it. */
export interface RecordForm {
  kind: FormKind;
  /** The record's number (or another unique name), which names the file and the form in the pack. */
  number: string;
  content: Readable;
}

/** A module's record form: what it prints of one record, as the viewer may see it. */
export interface RecordFormSource {
  /** Another outlet's record reads as missing (NotFoundError), as on the record's own endpoints. */
  render(id: string, viewer: AuthenticatedUser, context: RecordFormContext): Promise<RecordForm>;
}

/**
 * Prints the record forms (记录单) of every module the same way: on request as the caller sees the
 * record, audit-logged and named for download; and for the audit pack, as PACK_READER.
 */
@Injectable()
export class RecordFormPrinter {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly packForms: EvidenceForms,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Lets the audit pack print the records of `code` on this form. The pack's export.completed entry,
   * with the ZIP's hash, records these printings, so they are not audit-logged one by one.
   */
  offerToPack(code: EvidenceCode, source: RecordFormSource): void {
    this.packForms.register({
      code,
      render: (id, language, printedAt) => source.render(id, PACK_READER, this.context(language, printedAt)),
    });
  }

  /** A form printed on request is audit-logged: who printed which record's form, in which language. */
  async print(
    source: RecordFormSource,
    id: string,
    language: Language,
    context: RequestContext,
  ): Promise<RenderedForm> {
    const { kind, number, content } = await source.render(
      id,
      context.user,
      this.context(language, this.clock.now()),
    );
    await this.audit.appendAlone({
      actor: auditActor(context),
      action: 'evidence.form_printed',
      entityType: kind.entityType,
      entityId: id,
      changes: { form: kind.form, language },
      requestId: context.requestId,
    });
    return { fileName: `${kind.fileTitle[language]}_${number}.pdf`, content };
  }

  private context(language: Language, printedAt: Date): RecordFormContext {
    return {
      companyName: this.config.companyName,
      timeZone: this.config.companyTimeZone,
      language,
      printedAt,
    };
  }
}

/**
 * The service of one module's record form: the module says what it prints of a record (`render`)
 * and on which evidence codes the audit pack samples it; printing on request and for the pack is
 * the same for every form.
 */
export abstract class RecordFormService implements OnModuleInit, RecordFormSource {
  // Injected into the property, so that a module's form service passes only its pack codes up.
  @Inject(RecordFormPrinter) private readonly printer!: RecordFormPrinter;

  protected constructor(private readonly packCodes: readonly EvidenceCode[]) {}

  onModuleInit(): void {
    for (const code of this.packCodes) this.printer.offerToPack(code, this);
  }

  /** The form of a record the caller may see, printed now and audit-logged. */
  print(id: string, language: Language, context: RequestContext): Promise<RenderedForm> {
    return this.printer.print(this, id, language, context);
  }

  abstract render(id: string, viewer: AuthenticatedUser, context: RecordFormContext): Promise<RecordForm>;
}
