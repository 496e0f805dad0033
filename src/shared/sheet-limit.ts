/**
 * Rows in one Excel worksheet. Excel reads this many and drops the rest with only a warning,
 * so a workbook with more would lose sales quietly in the owner's hands.
 */
export const EXCEL_SHEET_ROWS = 1_048_576;

/** The most rows of data one sheet holds under its header row. */
export const SHEET_DATA_ROWS = EXCEL_SHEET_ROWS - 1;

/** Whether `rows` rows of data fit in one sheet under its header (`limit` is smaller in tests). */
export function sheetHolds(rows: number, limit = SHEET_DATA_ROWS): boolean {
  return rows <= limit;
}
