import type { Readable } from 'node:stream';
import type { AuthenticatedUser, RequestContext } from '../../auth/authenticated-user';
import { type AuditService, auditActor } from '../../audit/audit.service';
import type { Language } from '../../common/errors/error-messages';

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

export interface RenderedForm {
  fileName: string;
  content: Readable;
}

/** A form printed on request is audit-logged: who printed which record's form, in which language. */
export async function recordFormPrinted(
  audit: AuditService,
  context: RequestContext,
  printed: { entityType: string; entityId: string; form: string; language: Language },
): Promise<void> {
  await audit.appendAlone({
    actor: auditActor(context),
    action: 'evidence.form_printed',
    entityType: printed.entityType,
    entityId: printed.entityId,
    changes: { form: printed.form, language: printed.language },
    requestId: context.requestId,
  });
}
