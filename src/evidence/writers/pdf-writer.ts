import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import type { Language } from '../../common/errors/error-messages';
import type { CellKind, ExportRow, ExportTable } from '../domain/export-table';
import { headerOf } from '../domain/export-table';
import { cellText, formatRow } from '../domain/format-cell';
import { useChineseFonts } from '../pdf/fonts';
import { drained, outputFinished } from './stream-output';
import type { TableWriter } from './table-writer';
import { wrapText } from './text-wrap';

const MARGIN = 36;
const TITLE_SIZE = 14;
const SUBTITLE_SIZE = 9;
const CELL_SIZE = 8;
const FOOTER_SIZE = 8;
/** Inner space of a cell, in points. */
const PAD_X = 3;
const PAD_Y = 2;
const GAP_BELOW_SUBTITLE = 8;
const FOOTER_OFFSET = 12;
const GRID_COLOR = '#999999';
const HEADER_FILL = '#e8eef5';
const MUTED_COLOR = '#555555';
const TEXT_COLOR = 'black';
/** Amounts and counts line up on the right, as on paper. */
const RIGHT_ALIGNED: ReadonlySet<CellKind> = new Set(['integer', 'decimal', 'money']);

type Face = 'regular' | 'bold';

function pageLabel(page: number, language: Language): string {
  return language === 'en' ? `Page ${page}` : `第 ${page} 页`;
}

function emptyNote(language: Language): string {
  return language === 'en' ? 'No records in this period.' : '本期间无记录。';
}

/**
 * Character widths of the two faces at size 1, measured once per character: wrapping a cell then
 * costs a lookup per character rather than a font layout. Measuring a new character changes the
 * document's font and size, so text is always drawn after its measuring is done.
 */
class CharWidths {
  private readonly widths = new Map<string, number>();

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly face: Face,
  ) {}

  at(size: number): (char: string) => number {
    return (char) => {
      let width = this.widths.get(char);
      if (width === undefined) {
        width = this.doc.font(this.face).fontSize(1).widthOfString(char);
        this.widths.set(char, width);
      }
      return width * size;
    };
  }
}

/**
 * PDF through pdfkit: A4 landscape in Noto Sans SC, the title and subtitle on the first page, then a
 * grid whose column widths share the page in proportion to the columns' widths. Cell text wraps
 * inside its cell (a row is as tall as its tallest cell; a row taller than the room left continues on
 * the next page); the header row opens every page and "第 N 页" closes it. Pages are not buffered:
 * each page is written out when the next begins, so its footer is drawn when it starts.
 */
export class PdfTableWriter implements TableWriter {
  private readonly doc: PDFKit.PDFDocument;
  private readonly faces: Record<Face, CharWidths>;
  private readonly columnX: number[];
  private readonly columnWidth: number[];
  private readonly contentWidth: number;
  private readonly bottom: number;
  private readonly lineHeight: Record<Face, number>;
  private readonly headerLines: string[][];
  /** Lines a row can show on a page that holds nothing but the header. */
  private readonly linesPerPage: number;
  private page = 0;
  private y = 0;
  private tableTop = 0;
  private rows = 0;

  constructor(
    private readonly table: ExportTable,
    private readonly output: Writable,
  ) {
    this.doc = new PDFDocument({
      size: 'A4',
      layout: 'landscape',
      margin: MARGIN,
      bufferPages: false,
      // pdfkit otherwise caches the layout of every distinct text it draws, which grows with the rows.
      fontLayoutCache: false,
      lang: table.language === 'en' ? 'en' : 'zh-CN',
      displayTitle: true,
      info: { Title: table.title, Subject: table.subtitle },
    });
    useChineseFonts(this.doc);
    this.faces = { regular: new CharWidths(this.doc, 'regular'), bold: new CharWidths(this.doc, 'bold') };
    this.lineHeight = {
      regular: this.doc.font('regular').fontSize(CELL_SIZE).currentLineHeight(true),
      bold: this.doc.font('bold').fontSize(CELL_SIZE).currentLineHeight(true),
    };

    const { width, height } = this.doc.page;
    this.contentWidth = width - 2 * MARGIN;
    this.bottom = height - MARGIN;
    const total = table.columns.reduce((sum, column) => sum + column.width, 0);
    this.columnWidth = table.columns.map((column) => (this.contentWidth * column.width) / total);
    this.columnX = this.columnWidth.map(
      (_, index) => MARGIN + this.columnWidth.slice(0, index).reduce((sum, w) => sum + w, 0),
    );
    this.headerLines = table.columns.map((column, index) =>
      this.wrapCell(headerOf(column, table.language), index, 'bold'),
    );
    const headerHeight = this.rowHeight(this.headerLines, 'bold');
    this.linesPerPage = Math.floor(
      (this.bottom - MARGIN - headerHeight - 2 * PAD_Y) / this.lineHeight.regular,
    );
    // Rows would never find room, and drawRow would add pages forever.
    if (this.linesPerPage < 1) throw new Error('The header row of the PDF leaves no room for rows');
    this.startPage();
  }

  async write(row: ExportRow): Promise<void> {
    const cells = formatRow(this.table, row).map((value, index) =>
      this.wrapCell(cellText(value, this.table.columns[index]!.kind), index, 'regular'),
    );
    this.drawRow(cells);
    this.rows += 1;
    this.handOut();
    await drained(this.output);
  }

  async end(): Promise<{ rows: number }> {
    if (this.rows === 0) this.drawEmptyNote();
    const done = outputFinished(this.output);
    this.doc.pipe(this.output);
    this.doc.end();
    await done;
    return { rows: this.rows };
  }

  /** Moves what pdfkit has produced to the output now, so that 'drain' is the only thing waited for. */
  private handOut(): void {
    let chunk: unknown;
    while ((chunk = this.doc.read()) !== null) this.output.write(chunk);
  }

  private wrapCell(text: string, column: number, face: Face): string[] {
    return wrapText(text, this.columnWidth[column]! - 2 * PAD_X, this.faces[face].at(CELL_SIZE));
  }

  private rowHeight(lines: readonly string[][], face: Face): number {
    return Math.max(1, ...lines.map((cell) => cell.length)) * this.lineHeight[face] + 2 * PAD_Y;
  }

  private startPage(): void {
    if (this.page > 0) this.doc.addPage();
    this.page += 1;
    this.drawFooter();
    this.y = MARGIN;
    if (this.page === 1) this.drawTitle();
    this.drawCells(this.headerLines, 'bold', { fill: HEADER_FILL });
    this.tableTop = this.y;
  }

  private drawFooter(): void {
    const label = pageLabel(this.page, this.table.language);
    this.doc.font('regular').fontSize(FOOTER_SIZE).fillColor(MUTED_COLOR);
    const x = MARGIN + (this.contentWidth - this.doc.widthOfString(label)) / 2;
    this.doc.text(label, x, this.bottom + FOOTER_OFFSET, { lineBreak: false });
  }

  private drawTitle(): void {
    this.drawParagraph(this.table.title, 'bold', TITLE_SIZE, TEXT_COLOR);
    this.drawParagraph(this.table.subtitle, 'regular', SUBTITLE_SIZE, MUTED_COLOR);
    this.y += GAP_BELOW_SUBTITLE;
  }

  private drawEmptyNote(): void {
    this.drawParagraph(emptyNote(this.table.language), 'regular', CELL_SIZE, MUTED_COLOR);
  }

  private drawParagraph(text: string, face: Face, size: number, color: string): void {
    const lines = wrapText(text, this.contentWidth, this.faces[face].at(size));
    this.doc.font(face).fontSize(size).fillColor(color);
    const lineHeight = this.doc.currentLineHeight(true);
    for (const line of lines) {
      this.doc.text(line, MARGIN, this.y + PAD_Y, { lineBreak: false });
      this.y += lineHeight;
    }
    this.y += PAD_Y;
  }

  /**
   * A row goes on the current page when it fits; else on a new page when it fits there; else (it is
   * taller than a page) as many lines as fit here, and the rest on the following pages.
   */
  private drawRow(cells: string[][]): void {
    let rest = cells;
    for (;;) {
      const needed = Math.max(1, ...rest.map((cell) => cell.length));
      const room = Math.floor((this.bottom - this.y - 2 * PAD_Y) / this.lineHeight.regular);
      if (needed <= room) {
        this.drawCells(rest, 'regular', { alignNumbers: true });
        return;
      }
      if (room < 1 || (needed <= this.linesPerPage && this.y > this.tableTop)) {
        this.startPage();
        continue;
      }
      this.drawCells(
        rest.map((cell) => cell.slice(0, room)),
        'regular',
        { alignNumbers: true },
      );
      rest = rest.map((cell) => cell.slice(room));
      this.startPage();
    }
  }

  private drawCells(
    cells: readonly string[][],
    face: Face,
    { fill, alignNumbers = false }: { fill?: string; alignNumbers?: boolean },
  ): void {
    const height = this.rowHeight(cells, face);
    const lineHeight = this.lineHeight[face];
    const measure = this.faces[face].at(CELL_SIZE);
    this.doc.lineWidth(0.5).strokeColor(GRID_COLOR);
    cells.forEach((_, index) => {
      const rect = this.doc.rect(this.columnX[index]!, this.y, this.columnWidth[index]!, height);
      if (fill) rect.fillAndStroke(fill, GRID_COLOR);
      else rect.stroke();
    });
    // Placed before the font is set: measuring a character not seen yet switches the font.
    const placed = cells.flatMap((lines, index) => {
      const left = this.columnX[index]! + PAD_X;
      const right = this.columnX[index]! + this.columnWidth[index]! - PAD_X;
      const alignRight = alignNumbers && RIGHT_ALIGNED.has(this.table.columns[index]!.kind);
      return lines.map((line, lineIndex) => ({
        line,
        x: alignRight ? right - [...line].reduce((sum, char) => sum + measure(char), 0) : left,
        y: this.y + PAD_Y + lineIndex * lineHeight,
      }));
    });
    this.doc.font(face).fontSize(CELL_SIZE).fillColor(TEXT_COLOR);
    for (const { line, x, y } of placed) {
      if (line !== '') this.doc.text(line, x, y, { lineBreak: false });
    }
    this.y += height;
  }
}
