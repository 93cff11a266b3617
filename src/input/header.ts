// Where a sheet's header is. This implementation takes row 1; header detection replaces it.

export interface HeaderFound {
  /** 1-based sheet row of the header (the last row of a two-row header). Data rows follow it. */
  readonly row: number;
  /** One name per column, as the columns will be mapped. */
  readonly header: readonly string[];
  /** What was skipped or combined, for the summary: zh and en. */
  readonly notes: readonly { readonly code: string; readonly zh: string; readonly en: string }[];
}

/** How many rows from the top a header is looked for in. */
export const headerSearchRows = 20;

/** The header among the first rows of a sheet (cell texts, merged cells' value in the first cell). */
export function findHeader(rows: readonly (readonly string[])[]): HeaderFound {
  return { row: 1, header: rows[0] ?? [], notes: [] };
}
