import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser, RequestContext } from '../auth/authenticated-user';
import type { Tx } from '../common/database/transaction';
import type { TicketAction } from './domain/ticket-workflow';
import type { TicketEntity } from './ticket.entity';

/** A record of another module that belongs to a ticket (returned goods, follow-ups, complaints…). */
export interface LinkedRecord {
  /** The kind of record, e.g. 'return', 'follow_up', 'complaint', 'survey_invitation'. */
  type: string;
  id: string;
  /** Its human number, when the kind has one (RG…, CP…). */
  number: string | null;
  status: string;
  /** One line in Chinese for the ticket's page. */
  summary: string;
  createdAt: Date;
}

export interface LinkedRecordsProvider {
  type: string;
  list(ticketId: string, viewer: AuthenticatedUser): Promise<LinkedRecord[]>;
}

/**
 * Something that may forbid resolving a ticket, e.g. its goods still away at a vendor.
 * Returns the reason in English and Chinese when it refuses, null when it has no objection.
 */
export interface ResolveCheck {
  name: string;
  check(tx: Tx, ticket: TicketEntity): Promise<{ message: string; chinese: string } | null>;
}

/**
 * Work another module does in the very transaction of a ticket action, e.g. the returned-goods record
 * a take-back creates: it exists exactly when the action does.
 */
export interface ActionHook {
  name: string;
  actions: readonly TicketAction[];
  run(tx: Tx, ticket: TicketEntity, context: RequestContext): Promise<void>;
}

/**
 * Modules that build on tickets (returns, customer care) register here at start (in onModuleInit):
 * the ticket shows their records, and they may object to a resolve, without tickets depending on them.
 */
@Injectable()
export class TicketLinks {
  private readonly providers: LinkedRecordsProvider[] = [];
  private readonly checks: ResolveCheck[] = [];
  private readonly hooks: ActionHook[] = [];

  registerProvider(provider: LinkedRecordsProvider): void {
    this.providers.push(provider);
  }

  registerResolveCheck(check: ResolveCheck): void {
    this.checks.push(check);
  }

  registerActionHook(hook: ActionHook): void {
    this.hooks.push(hook);
  }

  async afterAction(
    tx: Tx,
    action: TicketAction,
    ticket: TicketEntity,
    context: RequestContext,
  ): Promise<void> {
    for (const hook of this.hooks) {
      if (hook.actions.includes(action)) await hook.run(tx, ticket, context);
    }
  }

  /** Every linked record the viewer may see, oldest first. */
  async linkedTo(ticketId: string, viewer: AuthenticatedUser): Promise<LinkedRecord[]> {
    const lists = await Promise.all(this.providers.map((provider) => provider.list(ticketId, viewer)));
    return lists.flat().sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }

  /** The first objection to resolving the ticket, or null. */
  async resolveObjection(tx: Tx, ticket: TicketEntity): Promise<{ message: string; chinese: string } | null> {
    for (const check of this.checks) {
      const objection = await check.check(tx, ticket);
      if (objection) return objection;
    }
    return null;
  }
}
