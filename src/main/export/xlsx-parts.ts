import { EXPORT_COLUMNS, type ExportColumn } from '@shared/export-columns';
import { columnLetter, SHARED_STRINGS, STYLE_HEADER } from './xlsx-sql';

/**
 * The fixed parts of the workbook: one sheet, bold header row frozen at the top, column
 * widths, and the two styles the cells use (bold; whole rupiah grouped by thousands).
 */

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

const WIDTHS: Partial<Record<ExportColumn, number>> = {
  order_id: 32,
  created_local: 20,
  created_iso: 26,
  completed_local: 20,
  completed_iso: 26,
  method: 14,
  note: 40,
  gateway_txn_id: 24,
  items: 48,
};

export function staticParts(sheetName: string): { name: string; xml: string }[] {
  return [
    {
      name: '[Content_Types].xml',
      xml: `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      xml: `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      xml: `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      xml: `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    },
    {
      // The fixed words only (xlsx-sql.ts): identifiers, nothing to escape.
      name: 'xl/sharedStrings.xml',
      xml: `${XML}<sst xmlns="${MAIN}" uniqueCount="${SHARED_STRINGS.length}">${SHARED_STRINGS.map((w) => `<si><t>${w}</t></si>`).join('')}</sst>`,
    },
    {
      name: 'xl/styles.xml',
      xml: `${XML}<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
    },
  ];
}

/** The worksheet up to the first data row: frozen header pane, widths, the bold header row. */
export function sheetStart(): string {
  const cols = EXPORT_COLUMNS.map(
    (c, i) => `<col min="${i + 1}" max="${i + 1}" width="${WIDTHS[c] ?? 12}" customWidth="1"/>`,
  ).join('');
  const header = EXPORT_COLUMNS.map(
    (c) => `<c r="${columnLetter(c)}1" s="${STYLE_HEADER}" t="inlineStr"><is><t>${c}</t></is></c>`,
  ).join('');
  return `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><cols>${cols}</cols><sheetData><row r="1">${header}</row>`;
}

export const SHEET_END = '</sheetData></worksheet>';
