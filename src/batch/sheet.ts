// Sheet columns and cells now live in src/input/; this module re-exports them for the code that
// imports them from here.
export { columnName, identityColumns, mapColumns, sheetColumns, type Column, type ColumnOptions } from '../input/columns.js';
export { recordFromRow, type CellProblem } from '../input/cells.js';
export { SheetError } from '../input/messages.js';
