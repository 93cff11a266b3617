// The Node entry: everything in the core, plus files and streaming batches.
export * from './index.js';
export { loadRuleFiles, loadStandardFiles, readRecordFile, ruleFilePaths } from './files.js';
export { batchContext, runBatch, type BatchFormat, type BatchOptions } from './batch/run.js';
export type { BatchReport, InputRow, OutputRow, Tally } from './batch/rows.js';
export { recordFromRow, sheetColumns, SheetError, type Column } from './batch/sheet.js';
