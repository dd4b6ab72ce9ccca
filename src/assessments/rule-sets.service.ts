import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RequestContext } from '../auth/authenticated-user';
import { AuditService, auditActor } from '../audit/audit.service';
import { type Tx, inTransaction } from '../common/database/transaction';
import { DomainError, NotFoundError } from '../common/errors/domain-error';
import { invalidFields } from '../common/errors/validation-errors';
import { type Page, type PageQuery, fetchPage } from '../common/http/pagination';
import { SpreadsheetError, readXlsxSheets } from '../imports/domain/spreadsheet';
import { checkRuleSet } from './domain/rule-set';
import { type DraftRead, draftFromJson, draftFromSheets } from './domain/rule-set-file';
import { RuleSetEntity, type RuleSetSource } from './rule-set.entity';

/** An uploaded checklist, held in memory (it is read whole). */
export interface RuleSetFile {
  originalname: string;
  mimetype: string;
  buffer: Buffer;
}

function formatOf(file: RuleSetFile): Exclude<RuleSetSource, 'default'> | null {
  const name = file.originalname.toLowerCase();
  if (name.endsWith('.json') || file.mimetype === 'application/json') return 'json';
  if (name.endsWith('.xlsx') || file.mimetype.includes('spreadsheetml')) return 'xlsx';
  return null;
}

const unreadable = (message: string) => invalidFields([{ field: 'file', problems: [message] }]);

/** The versioned scoring rules: reading them, and loading a certification body's checklist as the next version. */
@Injectable()
export class RuleSetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(query: PageQuery): Promise<Page<RuleSetEntity>> {
    const q = this.dataSource
      .getRepository(RuleSetEntity)
      .createQueryBuilder('r')
      .orderBy('r.versionNumber', 'DESC');
    return fetchPage(q, query);
  }

  async get(id: string, tx: Tx = this.dataSource.manager): Promise<RuleSetEntity> {
    const ruleSet = await tx.getRepository(RuleSetEntity).findOneBy({ id });
    if (!ruleSet) throw new NotFoundError('rule_set', id);
    return ruleSet;
  }

  /** The newest version: what a new assessment uses unless it names one. */
  async latest(tx: Tx): Promise<RuleSetEntity> {
    const [latest] = await tx
      .getRepository(RuleSetEntity)
      .find({ order: { versionNumber: 'DESC' }, take: 1 });
    if (!latest) throw new Error('No rule set: migration 1795420000001 stores the default as version 1');
    return latest;
  }

  /**
   * Reads a checklist file (JSON or XLSX, see rule-set-file.ts), checks it whole (400 naming every bad
   * row and field; nothing is stored) and stores it as the next version.
   */
  async import(file: RuleSetFile, context: RequestContext): Promise<RuleSetEntity> {
    const format = formatOf(file);
    if (format === null) {
      throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'A checklist must be a .json or .xlsx file', {
        field: 'file',
      });
    }
    const read = await this.read(file, format);
    if (!read.ok) throw invalidFields(read.problems);
    const check = checkRuleSet(read.draft);
    if (!check.ok) throw invalidFields(check.problems);
    const { name, indicative, definition } = check.content;
    return inTransaction(this.dataSource, async (tx) => {
      // Readers go on; a second import waits here, so version numbers follow one another.
      await tx.query('LOCK TABLE rule_sets IN EXCLUSIVE MODE');
      const latest = await this.latest(tx);
      const repository = tx.getRepository(RuleSetEntity);
      const saved = await repository.save(
        repository.create({
          versionNumber: latest.versionNumber + 1,
          name,
          indicative,
          source: format,
          fileName: file.originalname.slice(0, 255),
          definition,
          createdBy: context.user.id,
        }),
      );
      await this.audit.append(tx, {
        actor: auditActor(context),
        action: 'rule_set.imported',
        entityType: 'rule_set',
        entityId: saved.id,
        changes: {
          versionNumber: saved.versionNumber,
          name,
          indicative,
          source: format,
          fileName: saved.fileName,
          sha256: createHash('sha256').update(file.buffer).digest('hex'),
          items: definition.items.length,
          options: definition.options,
        },
        requestId: context.requestId,
      });
      return saved;
    });
  }

  private async read(file: RuleSetFile, format: 'json' | 'xlsx'): Promise<DraftRead> {
    if (format === 'json') {
      let value: unknown;
      try {
        value = JSON.parse(new TextDecoder('utf-8').decode(file.buffer));
      } catch (error) {
        throw unreadable(`The JSON file cannot be read: ${(error as Error).message}`);
      }
      return draftFromJson(value);
    }
    try {
      return draftFromSheets(await readXlsxSheets(file.buffer));
    } catch (error) {
      if (error instanceof SpreadsheetError) throw unreadable(error.message);
      throw error;
    }
  }
}
