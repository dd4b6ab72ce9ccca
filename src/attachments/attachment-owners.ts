import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { Role } from '../users/domain/roles';

/**
 * A kind of record that files can be attached to, with the record's own access rules: who may read
 * it and its files, who may attach, and whether one record is visible to a user (e.g. outlet scope).
 */
export interface AttachmentOwner {
  ownerType: string;
  readRoles: readonly Role[];
  writeRoles: readonly Role[];
  /** null when the record does not exist; otherwise whether this user may see it. */
  visibleTo(ownerId: string, user: AuthenticatedUser): Promise<boolean | null>;
}

/** Modules register the record kinds that take attachments (in onModuleInit). */
@Injectable()
export class AttachmentOwners {
  private readonly owners = new Map<string, AttachmentOwner>();

  register(owner: AttachmentOwner): void {
    this.owners.set(owner.ownerType, owner);
  }

  find(ownerType: string): AttachmentOwner | undefined {
    return this.owners.get(ownerType);
  }

  types(): string[] {
    return [...this.owners.keys()].sort();
  }
}
