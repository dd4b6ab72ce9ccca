import ExcelJS from 'exceljs';
import type { ColumnSpec } from './columns';

/** A workbook whose first row holds each column's usual (Chinese) header, bold and frozen. */
export async function importTemplate(columns: readonly ColumnSpec[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('导入');
  sheet.columns = columns.map((column) => ({ header: column.headers[0] ?? column.field, width: 18 }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
