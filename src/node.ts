// The Node entry: everything in the core, plus files and streaming batches.
export * from './index.js';
export { loadRuleFiles, loadStandardFiles, readRecordFile, readRecordFileWithEncoding, ruleFilePaths } from './files.js';
export { limits, type LimitName } from './input/limits.js';
export { InputError } from './input/errors.js';
export type { TextEncoding } from './input/decode.js';
export { batchContext, runBatch, type BatchFormat, type BatchOptions, type BatchResult, type BatchSettings, type BatchSource, type InputInfo } from './batch/run.js';
export { formatOf } from './batch/input.js';
export { templateColumnMap, templateColumns, templateCsv, templateXlsx, type TemplateColumn, type TemplateLang } from './batch/template.js';
export type { BatchReport, InputRow, OutputRow, Tally } from './batch/rows.js';
export { parseWaivers, readWaiverFile, WaiverFileError } from './waiver/read.js';
export { recordFromRow, sheetColumns, SheetError, type Column } from './batch/sheet.js';
export { mapColumns, type ColumnOptions, type SheetColumns } from './input/columns.js';
export { findHeader, headerSearchRows, type HeaderFound } from './input/header.js';
export { loadColumnMap, ColumnMapError, type ColumnMap } from './input/column-map.js';
export { sheetNotesText, type SheetNote } from './input/messages.js';
