import { createHash } from 'node:crypto';
import type { Language } from '../../common/errors/error-messages';
import type { ExportPeriod } from './export-table';

function rankOf(seed: string, id: string): string {
  return createHash('sha256').update(`${seed}:${id}`).digest('hex');
}

/**
 * Draws `size` records for an auditor: each id is ranked by SHA-256(seed + ':' + id) and the lowest
 * ranks win, returned lowest first. The draw depends only on the seed and the set of ids, never on
 * the order the database returns them in, so anyone can redo it and get the same records.
 */
export function drawSample(ids: readonly string[], size: number, seed: string): string[] {
  if (!Number.isInteger(size) || size < 0)
    throw new RangeError(`Sample size must be a whole number ≥ 0, got ${size}`);
  return [...new Set(ids)]
    .map((id) => ({ id, rank: rankOf(seed, id) }))
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0))
    .slice(0, size)
    .map((ranked) => ranked.id);
}

export interface SampleDraw {
  period: ExportPeriod;
  /** The records of the period the sample was drawn from. */
  population: number;
  /** The sample size asked for. */
  size: number;
  seed: string;
  language: Language;
}

/** How the sample was drawn, in one paragraph for the audit pack: enough for an auditor to redo it. */
export function describeDraw({ period, population, size, seed, language }: SampleDraw): string {
  const drawn = Math.min(size, population);
  if (language === 'en') {
    const scope = `The period ${period.from} to ${period.to} holds ${population} record(s) of this type.`;
    if (population <= size) {
      return `${scope} As that is no more than the sample size of ${size}, every record is included.`;
    }
    return (
      `${scope} ${drawn} of them were drawn with the seed "${seed}": for each record, the SHA-256 digest ` +
      `of the seed, a colon and the record's system id (seed:id) was computed, the records were sorted ` +
      `by digest in ascending order and the first ${drawn} were taken. The draw depends only on the seed ` +
      `and the records of the period, not on the order they are stored or read in, so repeating it with ` +
      `the same seed gives the same records.`
    );
  }
  const scope = `${period.from} 至 ${period.to} 期间此类记录共 ${population} 份。`;
  if (population <= size) return `${scope}记录数不超过抽样数量 ${size} 份，因此全部提供。`;
  return (
    `${scope}以种子“${seed}”抽取 ${drawn} 份：对每份记录，计算“种子:记录系统编号”的 SHA-256 摘要，` +
    `按摘要从小到大排序，取前 ${drawn} 份。抽样结果只取决于种子和期间内的记录，与记录的存储或读取顺序` +
    `无关；用相同的种子重新抽取，得到的记录相同。`
  );
}
