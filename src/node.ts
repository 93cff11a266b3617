// The Node entry: everything in the core, plus files and streaming batches.
// This list is the public API; api/*.api.md is its reviewed report (npm run api updates it).
export * from './index.js';
export { loadRuleFiles, loadStandardFiles, readRecordFile, ruleFilePaths } from './files.js';
export { runBatch, type BatchOptions, type BatchResult, type BatchSettings, type BatchSource } from './batch/run.js';
export { formatOf, type BatchFormat, type InputInfo } from './batch/input.js';
export { templateColumns, templateCsv, templateXlsx, type TemplateColumn, type TemplateLang } from './batch/template.js';
export type { InputRow, RowDefaults } from './batch/rows.js';
export { parseWaivers, WaiverFileError } from './waiver/read.js';
export { sheetColumns, SheetError, type CellProblem, type Column } from './batch/sheet.js';
export { OptionalDependencyError } from './optional.js';
