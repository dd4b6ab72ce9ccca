import PDFDocument from 'pdfkit';
import { formatDateTime } from '../../common/calendar';
import type { Language } from '../../common/errors/error-messages';
import { useChineseFonts } from './fonts';

const MARGIN = 40;
const LABEL_COLOR = '#555555';
const RULE_COLOR = '#999999';
const HEADER_FILL = '#e8eef5';

/** The page numbers at the foot of every page, in the form's language. */
const PAGE_LABELS: Record<Language, (page: number, pages: number) => string> = {
  zh: (page, pages) => `第 ${page} 页 / 共 ${pages} 页`,
  en: (page, pages) => `Page ${page} of ${pages}`,
};

export interface FormTableColumn {
  header: string;
  /** Share of the table's width. */
  weight: number;
}

/**
 * The few shapes a paper record form is made of — a title, sections, label/value grids, tables with
 * their header repeated after a page break, free text — on A4 in the Chinese font. A form is one or
 * two pages, so pages are buffered and numbered "第 i 页 / 共 n 页" (in the form's language) at the end.
 */
export class FormLayout {
  readonly doc: PDFKit.PDFDocument;
  private readonly width: number;
  private readonly pageLabel: (page: number, pages: number) => string;

  constructor(language: Language) {
    this.pageLabel = PAGE_LABELS[language];
    this.doc = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true });
    useChineseFonts(this.doc);
    this.width = this.doc.page.width - 2 * MARGIN;
  }

  title(text: string, subtitle: string): void {
    this.doc.font('bold').fontSize(18).text(text, { align: 'center' });
    this.doc.font('regular').fontSize(9).fillColor(LABEL_COLOR).text(subtitle, { align: 'center' });
    this.doc.fillColor('black').moveDown(0.8);
  }

  section(text: string): void {
    this.ensureSpace(40);
    this.doc.moveDown(0.4);
    this.doc.font('bold').fontSize(11).text(text, MARGIN);
    const y = this.doc.y + 2;
    this.doc
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + this.width, y)
      .strokeColor(RULE_COLOR)
      .stroke();
    this.doc.font('regular').fontSize(9).moveDown(0.4);
  }

  /** Label/value pairs, two to a line; a long value takes the whole line. */
  fields(pairs: readonly [string, string][]): void {
    const half = this.width / 2;
    let column = 0;
    let rowTop = this.doc.y;
    let rowBottom = rowTop;
    for (const [label, value] of pairs) {
      const wide = value.length > 28;
      if (wide && column === 1) {
        column = 0;
        rowTop = rowBottom;
      }
      const span = wide ? this.width : half;
      const height = this.fieldHeight(label, value, span);
      if (column === 0 && rowTop + height > this.bottom()) {
        this.doc.addPage();
        rowTop = this.doc.y;
        rowBottom = rowTop;
      }
      const x = MARGIN + column * half;
      this.doc.fillColor(LABEL_COLOR).text(`${label}：`, x, rowTop, { width: 80, lineBreak: false });
      this.doc.fillColor('black').text(value || '—', x + 80, rowTop, { width: span - 84 });
      rowBottom = Math.max(rowBottom, this.doc.y + 3);
      if (wide || column === 1) {
        column = 0;
        rowTop = rowBottom;
      } else {
        column = 1;
      }
    }
    this.doc.x = MARGIN;
    this.doc.y = rowBottom;
  }

  text(value: string): void {
    this.ensureSpace(20);
    this.doc.text(value || '—', MARGIN, this.doc.y, { width: this.width });
    this.doc.moveDown(0.3);
  }

  table(columns: readonly FormTableColumn[], rows: readonly string[][]): void {
    const total = columns.reduce((sum, column) => sum + column.weight, 0);
    const widths = columns.map((column) => (column.weight / total) * this.width);
    const drawRow = (cells: readonly string[], header: boolean) => {
      this.doc.font(header ? 'bold' : 'regular').fontSize(8.5);
      const height =
        Math.max(
          ...cells.map((cell, i) => this.doc.heightOfString(cell || ' ', { width: (widths[i] ?? 0) - 6 })),
        ) + 6;
      if (this.doc.y + height > this.bottom()) {
        this.doc.addPage();
        if (!header)
          drawRow(
            columns.map((column) => column.header),
            true,
          );
        this.doc.font('regular').fontSize(8.5);
      }
      const top = this.doc.y;
      if (header) this.doc.rect(MARGIN, top, this.width, height).fill(HEADER_FILL).fillColor('black');
      let x = MARGIN;
      cells.forEach((cell, i) => {
        this.doc.text(cell, x + 3, top + 3, { width: (widths[i] ?? 0) - 6 });
        x += widths[i] ?? 0;
      });
      this.doc.rect(MARGIN, top, this.width, height).strokeColor(RULE_COLOR).stroke();
      this.doc.x = MARGIN;
      this.doc.y = top + height;
    };
    drawRow(
      columns.map((column) => column.header),
      true,
    );
    for (const row of rows) drawRow(row, false);
    this.doc.font('regular').fontSize(9).moveDown(0.4);
  }

  /** Numbers every page and ends the document; read the bytes from `doc` (a readable stream). */
  finish(): void {
    const { start, count } = this.doc.bufferedPageRange();
    for (let i = start; i < start + count; i += 1) {
      this.doc.switchToPage(i);
      const bottom = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.doc
        .font('regular')
        .fontSize(8)
        .fillColor(LABEL_COLOR)
        .text(this.pageLabel(i + 1, count), MARGIN, this.doc.page.height - 28, {
          width: this.width,
          align: 'center',
          lineBreak: false,
        });
      this.doc.page.margins.bottom = bottom;
    }
    this.doc.end();
  }

  private fieldHeight(label: string, value: string, span: number): number {
    return Math.max(
      this.doc.heightOfString(`${label}：`, { width: 80 }),
      this.doc.heightOfString(value || '—', { width: span - 84 }),
    );
  }

  private bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  private ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom()) this.doc.addPage();
  }
}

/** What every record form is printed with: the company, its time zone, the form's language, when. */
export interface RecordFormContext {
  companyName: string;
  timeZone: string;
  language: Language;
  printedAt: Date;
}

/**
 * A record form begun as every one is: the form's title and the record's number (or name) as the
 * heading, the company and the moment of printing under it.
 */
export function startRecordForm(context: RecordFormContext, title: string, subject: string): FormLayout {
  const form = new FormLayout(context.language);
  form.title(
    `${title}  ${subject}`,
    `${context.companyName}  ·  ${formatDateTime(context.printedAt, context.timeZone)}`,
  );
  return form;
}

/** How a form prints the instants of a record (ISO strings) in the company's time zone; `missing` for none. */
export function formInstants(timeZone: string, missing = '—'): (iso: string | null) => string {
  return (iso) => (iso ? formatDateTime(new Date(iso), timeZone) : missing);
}

const HISTORY_LABELS = {
  zh: { time: '时间', actor: '操作人', action: '事项', detail: '说明', system: '系统' },
  en: { time: 'Time', actor: 'By', action: 'Step', detail: 'Details', system: 'system' },
} as const;

/** One step of a record's history, as the record's response lists it. */
export interface FormHistoryEntry {
  at: string;
  actorName: string | null;
  title: string;
  summary: string;
}

/** A record's whole history, oldest step first, as a form's table: when, who (or the system), what. */
export function historyTable(
  form: FormLayout,
  context: RecordFormContext,
  timeline: readonly FormHistoryEntry[],
): void {
  const l = HISTORY_LABELS[context.language];
  const at = formInstants(context.timeZone);
  form.table(
    [
      { header: l.time, weight: 3 },
      { header: l.actor, weight: 2 },
      { header: l.action, weight: 2 },
      { header: l.detail, weight: 7 },
    ],
    timeline.map((entry) => [at(entry.at), entry.actorName ?? l.system, entry.title, entry.summary]),
  );
}
