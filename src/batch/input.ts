// Batch inputs: the readers live in src/input/; this module keeps the names the batch uses.
export { formatOf, openInput, unknownFormatMessage, type BatchFormat, type InputInfo, type OpenedInput } from '../input/open.js';
export { isHintRow } from '../input/sheet-rows.js';

type ExcelJs = typeof import('exceljs');

/** exceljs, loaded when first needed: it is large, and only writing templates uses it. */
export async function loadExcelJs(): Promise<ExcelJs> {
  const loaded = (await import('exceljs')) as ExcelJs & { default?: ExcelJs };
  return loaded.default ?? loaded;
}
