import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { name as generatorName, version as generatorVersion } from '../../../package.json';
import { DigestStream } from '../../attachments/file-store';
import type { AuditService, VerifyResult } from '../../audit/audit.service';
import { formatDateTime } from '../../common/calendar';
import { EVIDENCE_TYPES, type EvidenceCode, type EvidenceType } from '../domain/evidence-types';
import { progressPercent, registerSubtitle, type PackExportParams } from '../domain/export-jobs';
import type { ExportPeriod, ExportTable } from '../domain/export-table';
import { describeDraw, drawSample } from '../domain/sampling';
import type { EvidenceSource, EvidenceSources } from '../evidence-sources';
import { outputFinished } from '../writers/stream-output';
import type { ExportFormat } from '../writers/table-writer';
import { writeRegister } from '../writers/write-register';
import type { EvidenceForms } from './evidence-forms';
import type { PackFileSet } from './pack-file-sets';
import { type PackIndexEntry, type PackIndexFileSet, renderPackIndex } from './pack-index';

/** What the pack is built from; the build service hands over its own. */
export interface AuditPackContext {
  sources: EvidenceSources;
  forms: EvidenceForms;
  fileSets: readonly PackFileSet[];
  audit: AuditService;
  companyName: string;
  timeZone: string;
  generatedAt: Date;
}

/** One file of the pack as manifest.json lists it. */
export interface PackManifestFile {
  path: string;
  sha256: string;
  bytes: number;
  /** Records in the file: rows of a register, 1 for a record form; null for the pack's own files. */
  records: number | null;
}

/** The temp folders of pack builds start so, followed by the export's id. */
export const PACK_TEMP_PREFIX = 'audit-pack-';
const REGISTER_FORMATS: readonly ExportFormat[] = ['xlsx', 'pdf'];

type SourcedType = EvidenceType & { code: EvidenceCode };

/** A sampled evidence type with a record form: the records drawn, and how. */
interface SampledForms {
  type: SourcedType;
  population: number;
  drawn: string[];
}

/**
 * Writes the audit pack of the period as a ZIP to `output`, streamed: each inner file is written to a
 * temp file (hashed on the way) and the ZIP reads it from there, so neither a file nor the ZIP is ever
 * held in memory. The temp folder is removed at the end, whether the pack was completed or not; on a
 * failure the caller destroys `output`. Returns how many files the ZIP holds.
 */
export async function writeAuditPack(
  exportId: string,
  params: PackExportParams,
  context: AuditPackContext,
  output: Writable,
  onProgress: (percent: number) => void,
): Promise<{ files: number }> {
  const folder = await mkdtemp(path.join(os.tmpdir(), `${PACK_TEMP_PREFIX}${exportId}-`));
  try {
    return await new AuditPackWriter(params, context, folder, output, onProgress).write();
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

class AuditPackWriter {
  private readonly zip = new ZipFile();
  private readonly period: ExportPeriod;
  private readonly manifest: PackManifestFile[] = [];
  private zipFailure: Error | null = null;
  private total = 1;

  constructor(
    private readonly params: PackExportParams,
    private readonly context: AuditPackContext,
    private readonly folder: string,
    private readonly output: Writable,
    private readonly onProgress: (percent: number) => void,
  ) {
    this.period = { from: params.from, to: params.to };
    // yazl reports a temp file it cannot read as an event; unheard, it would bring the process down.
    this.zip.on('error', (error: Error) => {
      this.zipFailure = error;
      output.destroy();
    });
    this.zip.outputStream.pipe(output);
  }

  async write(): Promise<{ files: number }> {
    // Checked first, so the hash written down pins the chain as it stood before the pack read it.
    const verification = await this.context.audit.verify();
    const available = EVIDENCE_TYPES.flatMap((type) => {
      const source = this.context.sources.find(type.code);
      return source ? [{ type, source }] : [];
    });
    const samples = await this.drawSamples(available);
    const formCount = samples.reduce((sum, sample) => sum + sample.drawn.length, 0);
    // index, registers, forms, a step per file set, sampling.txt, verification.json, manifest.json
    this.total =
      1 + available.length * REGISTER_FORMATS.length + formCount + this.context.fileSets.length + 3;

    const entries: PackIndexEntry[] = [];
    for (const { type, source } of available) {
      const files: string[] = [];
      let count = 0;
      for (const format of REGISTER_FORMATS) {
        const file = `registers/${type.code}.${format}`;
        count =
          (await this.add(file, (out) =>
            writeRegister(source, format, this.tableOf(source, type), this.period, out),
          )) ?? 0;
        files.push(file);
      }
      const sample = samples.find((candidate) => candidate.type.code === type.code);
      if (sample && sample.drawn.length > 0) files.push(`forms/${type.code}/`);
      entries.push({ type, count, sampleSize: type.sampled ? this.params.sampleSize : 1, files });
    }
    for (const sample of samples) await this.addForms(sample);
    const fileSets: PackIndexFileSet[] = [];
    for (const set of this.context.fileSets) fileSets.push(await this.addFileSet(set));
    await this.add('sampling.txt', (out) => writeText(out, this.samplingText(samples)));
    await this.add('audit-trail/verification.json', (out) =>
      writeText(out, json({ checkedAt: this.context.generatedAt.toISOString(), ...verification })),
    );
    await this.add('index.pdf', async (out) => {
      const doc = renderPackIndex({
        companyName: this.context.companyName,
        timeZone: this.context.timeZone,
        generatedAt: this.context.generatedAt,
        params: this.params,
        entries,
        fileSets,
        notYetAvailable: EVIDENCE_TYPES.filter((type) => !this.context.sources.find(type.code)),
        verification,
      });
      await pipeline(doc, out);
      return null;
    });
    await this.add('manifest.json', (out) => writeText(out, json(this.manifestOf(verification))));
    this.zip.end();
    await outputFinished(this.output);
    if (this.zipFailure) throw this.zipFailure;
    return { files: this.manifest.length };
  }

  /** The ids of the period's records of each sampled type that has a form, and the draw among them. */
  private async drawSamples(
    available: { type: SourcedType; source: EvidenceSource }[],
  ): Promise<SampledForms[]> {
    const samples: SampledForms[] = [];
    for (const { type, source } of available) {
      if (!type.sampled || !this.context.forms.find(type.code)) continue;
      const ids: string[] = [];
      for await (const row of source.rows(this.period)) ids.push(String(row.id));
      samples.push({
        type,
        population: ids.length,
        drawn: drawSample(ids, this.params.sampleSize, this.params.seed),
      });
    }
    return samples;
  }

  private async addForms(sample: SampledForms): Promise<void> {
    const form = this.context.forms.find(sample.type.code);
    if (!form) return;
    for (const id of sample.drawn) {
      const rendered = await form.render(id, this.params.lang, this.context.generatedAt);
      await this.add(`forms/${sample.type.code}/${rendered.number}.pdf`, async (out) => {
        await pipeline(rendered.content, out);
        return 1;
      });
    }
  }

  /** A module's files as it gives them (each is one record), filed under the set's folder. */
  private async addFileSet(set: PackFileSet): Promise<PackIndexFileSet> {
    let files = 0;
    for await (const file of set.files(this.period, this.params.lang, this.context.generatedAt)) {
      if (!file.path.startsWith(`${set.folder}/`)) {
        throw new Error(`${file.path} is outside the pack folder ${set.folder}/`);
      }
      await this.add(file.path, async (out) => {
        await pipeline(await file.open(), out);
        return file.records;
      });
      files += 1;
    }
    return { folder: set.folder, title: set.title, files };
  }

  private tableOf(source: EvidenceSource, type: SourcedType): ExportTable {
    const { lang } = this.params;
    const generatedAt = formatDateTime(this.context.generatedAt, this.context.timeZone);
    return {
      title: lang === 'en' ? type.en : type.zh,
      subtitle: registerSubtitle(
        this.context.companyName,
        this.period,
        generatedAt,
        this.context.timeZone,
        lang,
      ),
      columns: source.columns,
      language: lang,
      timeZone: this.context.timeZone,
    };
  }

  /**
   * Writes one file of the pack to its temp file through a digest, then hands the temp file to the ZIP
   * (which reads it when its turn comes) and lists it for the manifest.
   */
  private async add(
    zipPath: string,
    write: (out: Writable) => Promise<number | null>,
  ): Promise<number | null> {
    if (this.output.destroyed) {
      throw this.zipFailure ?? new Error('The export output closed before the pack was complete');
    }
    const tempPath = path.join(this.folder, `${this.manifest.length}.part`);
    const digest = new DigestStream();
    const stored = pipeline(digest, createWriteStream(tempPath));
    let records: number | null;
    try {
      records = await write(digest);
      await stored;
    } catch (error) {
      digest.destroy();
      await stored.catch(() => undefined);
      throw error;
    }
    const { sizeBytes, sha256 } = digest.result();
    this.zip.addFile(tempPath, zipPath, { mtime: this.context.generatedAt });
    this.manifest.push({ path: zipPath, sha256, bytes: sizeBytes, records });
    this.onProgress(progressPercent(this.manifest.length, this.total));
    return records;
  }

  private samplingText(samples: SampledForms[]): string {
    const { lang, sampleSize, seed } = this.params;
    const sections = samples.map((sample) => {
      const title = lang === 'en' ? sample.type.en : sample.type.zh;
      const description = describeDraw({
        period: this.period,
        population: sample.population,
        size: sampleSize,
        seed,
        language: lang,
      });
      const drawn = sample.drawn.map((id, i) => `  ${i + 1}. ${id}`).join('\n');
      const formsLine =
        lang === 'en' ? `Forms: forms/${sample.type.code}/` : `记录单：forms/${sample.type.code}/`;
      const idsLine = lang === 'en' ? 'Records drawn (system ids):' : '抽中的记录（系统编号）：';
      return `${title} (${sample.type.code})\n${description}\n${idsLine}\n${drawn}\n${formsLine}`;
    });
    if (sections.length === 0) {
      return lang === 'en'
        ? 'No sampled evidence type has record forms yet.\n'
        : '暂无可打印记录单的抽样证据类型。\n';
    }
    return `${sections.join('\n\n')}\n`;
  }

  private manifestOf(verification: VerifyResult): object {
    return {
      generator: { name: generatorName, version: generatorVersion },
      company: this.context.companyName,
      generatedAt: this.context.generatedAt.toISOString(),
      timeZone: this.context.timeZone,
      parameters: {
        ...this.period,
        lang: this.params.lang,
        sampleSize: this.params.sampleSize,
        seed: this.params.seed,
      },
      auditLog: {
        verified: verification.ok,
        headSeq: verification.headSeq,
        headHash: verification.headHash,
      },
      files: this.manifest,
    };
  }
}

function json(value: object): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

async function writeText(out: Writable, text: string): Promise<null> {
  await pipeline(Readable.from([Buffer.from(text, 'utf8')]), out);
  return null;
}
