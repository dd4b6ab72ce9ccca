import { Injectable } from '@nestjs/common';
import { AttachmentOwners } from '../attachments/attachment-owners';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DomainError } from '../common/errors/domain-error';
import type { FieldProblem } from '../common/errors/validation-errors';
import { ComplaintsService } from '../complaints/complaints.service';
import { ExportsService } from '../evidence/exports.service';
import { FollowUpsService } from '../follow-ups/follow-ups.service';
import { ReturnsService } from '../returns/returns.service';
import { TicketsService } from '../tickets/tickets.service';
import type { EvidenceReference, RecordReference, RecordType } from './domain/assessment-fields';

/** A record as a request names it. */
export interface RecordInput {
  recordType?: RecordType;
  id: string;
}

/** Evidence as a request names it: a record (with its type), an export or a document. */
export interface ReferenceInput extends RecordInput {
  kind: EvidenceReference['kind'];
}

/** The kind of controlled document, as the documents register lets files be attached to it. */
const DOCUMENT_OWNER = 'document';

/**
 * Checks that the records, exports and documents an item names exist and that the acting user may see
 * them, and gives each its number (RT2026-000001) to show. Each module answers for its own records:
 * the workflow records through their services, the registers (and controlled documents) through the
 * attachment owners they registered.
 */
@Injectable()
export class EvidenceReferences {
  constructor(
    private readonly tickets: TicketsService,
    private readonly returns: ReturnsService,
    private readonly complaints: ComplaintsService,
    private readonly followUps: FollowUpsService,
    private readonly exports: ExportsService,
    private readonly owners: AttachmentOwners,
  ) {}

  async evidence(
    inputs: readonly ReferenceInput[],
    field: string,
    viewer: AuthenticatedUser,
    problems: FieldProblem[],
  ): Promise<EvidenceReference[]> {
    const resolved: EvidenceReference[] = [];
    for (const [index, input] of inputs.entries()) {
      const at = `${field}[${index}]`;
      if (input.kind === 'record') {
        const record = await this.record(input, at, viewer, problems);
        if (record) resolved.push({ kind: 'record', ...record });
      } else if (input.kind === 'export') {
        if (await this.exportExists(input.id)) resolved.push({ kind: 'export', id: input.id });
        else problems.push({ field: `${at}.id`, problems: ['must be an existing export'] });
      } else if (await this.owners.find(DOCUMENT_OWNER)?.visibleTo(input.id, viewer)) {
        resolved.push({ kind: 'document', id: input.id });
      } else {
        problems.push({ field: `${at}.id`, problems: ['must be an existing controlled document'] });
      }
    }
    return resolved;
  }

  async records(
    inputs: readonly RecordInput[],
    field: string,
    viewer: AuthenticatedUser,
    problems: FieldProblem[],
  ): Promise<RecordReference[]> {
    const resolved: RecordReference[] = [];
    for (const [index, input] of inputs.entries()) {
      const record = await this.record(input, `${field}[${index}]`, viewer, problems);
      if (record) resolved.push(record);
    }
    return resolved;
  }

  private async record(
    input: RecordInput,
    at: string,
    viewer: AuthenticatedUser,
    problems: FieldProblem[],
  ): Promise<RecordReference | null> {
    const recordType = input.recordType;
    if (recordType === undefined) {
      problems.push({ field: `${at}.recordType`, problems: ['recordType is required for a record'] });
      return null;
    }
    const found = await this.find(recordType, input.id, viewer);
    if (found === null) {
      problems.push({ field: `${at}.id`, problems: [`must be an existing ${recordType} you may see`] });
      return null;
    }
    return { recordType, id: input.id, number: found.number };
  }

  /** The record's number (null for registers without one), or null when it is not there for the viewer. */
  private async find(
    recordType: RecordType,
    id: string,
    viewer: AuthenticatedUser,
  ): Promise<{ number: string | null } | null> {
    const numbered = async (read: () => Promise<{ number: string }>) => {
      try {
        return { number: (await read()).number };
      } catch (error) {
        if (error instanceof DomainError && error.code === 'NOT_FOUND') return null;
        throw error;
      }
    };
    switch (recordType) {
      case 'ticket':
        return numbered(() => this.tickets.get(id, viewer));
      case 'return':
        return numbered(() => this.returns.get(id, viewer));
      case 'complaint':
        return numbered(() => this.complaints.get(id, viewer));
      case 'follow_up':
        return numbered(() => this.followUps.get(id, viewer));
      case 'outlet':
      case 'qualification':
      case 'training':
      case 'performance_review':
      case 'tool':
      case 'supplier':
      case 'asset':
      case 'customer':
        // Registers: the attachment owner each registered says whether the record is there for the viewer.
        return (await this.owners.find(recordType)?.visibleTo(id, viewer)) ? { number: null } : null;
    }
  }

  private async exportExists(id: string): Promise<boolean> {
    try {
      await this.exports.get(id);
      return true;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') return false;
      throw error;
    }
  }
}
