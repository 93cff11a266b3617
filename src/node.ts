// The Node entry: everything in the core, plus files and streaming batches.
// This list is the public API; api/*.api.md is its reviewed report (npm run api updates it).
export * from './index.js';
export { loadRuleFiles, loadStandardFiles, readRecordFile, readRecordFileWithEncoding, ruleFilePaths } from './files.js';
export { limits, type LimitName } from './input/limits.js';
export { InputError } from './input/errors.js';
export type { TextEncoding } from './input/decode.js';
export { runBatch, type BatchOptions, type BatchResult, type BatchSettings, type BatchSource } from './batch/run.js';
export { formatOf, type BatchFormat, type InputInfo } from './batch/input.js';
export { templateColumnMap, templateColumns, templateCsv, templateXlsx, type TemplateColumn, type TemplateLang } from './batch/template.js';
export type { InputRow, RowDefaults } from './batch/rows.js';
export type { DuplicateId } from './batch/duplicates.js';
export type { SummaryRow } from './batch/summary-rows.js';
export { parseWaivers, readWaiverFile, WaiverFileError } from './waiver/read.js';
export { sheetColumns, SheetError, type CellProblem, type Column } from './batch/sheet.js';
export { mapColumns, type ColumnOptions, type SheetColumns, type Target as ColumnTarget } from './input/columns.js';
export { findHeader, headerSearchRows, type HeaderFound } from './input/header.js';
export { loadColumnMap, ColumnMapError, type ColumnMap } from './input/column-map.js';
export { sheetNotesText, type SheetNote } from './input/messages.js';
export type { HeaderNote } from './input/sheet-rows.js';
export { OptionalDependencyError } from './optional.js';
