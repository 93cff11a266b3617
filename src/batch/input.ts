// Batch inputs: the readers live in src/input/; this module keeps the names the batch uses.
export { formatOf, openInput, unknownFormatMessage, type BatchFormat, type InputInfo, type OpenedInput } from '../input/open.js';
export { isHintRow } from '../input/sheet-rows.js';
import { importOptional } from '../optional.js';

type ExcelJs = typeof import('exceljs');

/**
 * exceljs, loaded when first needed: it is large, an optional dependency, and only writing .xlsx
 * templates uses it (workbooks are read by src/input/xlsx.ts). Throws OptionalDependencyError
 * when it is not installed.
 */
export async function loadExcelJs(): Promise<ExcelJs> {
  const loaded = (await importOptional('exceljs', xlsxPurpose, () => import('exceljs'))) as ExcelJs & { default?: ExcelJs };
  return loaded.default ?? loaded;
}

const xlsxPurpose = { zh: '写 Excel 数据采集表（.xlsx）', en: 'Writing Excel data-collection sheets (.xlsx)' };
