import { DiagnosticError } from '../diagnostic.js';
import { evaluateRecordSync } from '../evaluate/evaluate.js';
import type { Outcome, RequirementResult } from '../evaluate/result.js';
import { parseRecord } from '../record/parse.js';
import { standardsFor } from '../standard/registry.js';
import type { Standard } from '../standard/types.js';
import { recordFromRow, type Column } from './sheet.js';

/**
 * One input row on its way through a batch: an NDJSON line, a sheet row's cells, or a problem
 * found while reading it. `row` is the line (NDJSON) or row (sheet, header = 1) number.
 */
export type InputRow =
  | { readonly row: number; readonly line: string }
  | { readonly row: number; readonly cells: readonly string[] }
  | { readonly row: number; readonly problem: string };

/** One line of a batch's output: a facility's reports with their gap lists, or why the row was not evaluated. */
export type OutputRow =
  | {
      readonly row: number;
      readonly facility: { readonly id?: string; readonly name?: string };
      readonly reports: readonly BatchReport[];
    }
  | { readonly row: number; readonly error: string; readonly problems?: readonly { readonly where?: string | undefined; readonly message: string }[] };

/** A report as a batch writes it: the verdict and the requirements not met (gaps and unknowns). */
export interface BatchReport {
  readonly standard: string;
  readonly outcome: Outcome;
  readonly counts: Record<Outcome, number>;
  readonly gaps: readonly RequirementResult[];
}

/** Counts over the rows of a batch, merged across chunks and workers. */
export interface Tally {
  rows: number;
  evaluated: number;
  errors: number;
  /** Facilities by standard and outcome. */
  outcomes: Record<string, Record<Outcome, number>>;
}

export const emptyTally = (): Tally => ({ rows: 0, evaluated: 0, errors: 0, outcomes: {} });

export function mergeTally(into: Tally, from: Tally): void {
  into.rows += from.rows;
  into.evaluated += from.evaluated;
  into.errors += from.errors;
  for (const [standard, counts] of Object.entries(from.outcomes)) {
    const target = (into.outcomes[standard] ??= { met: 0, gap: 0, unknown: 0, 'not-applicable': 0 });
    for (const outcome of Object.keys(counts) as Outcome[]) target[outcome] += counts[outcome];
  }
}

export interface RowContext {
  /** The standards to apply; when empty, those for each record's type and region among `available`. */
  readonly chosen: readonly Standard[];
  readonly available: readonly Standard[];
  /** Sheet columns, for rows given as cells. */
  readonly columns?: readonly Column[];
}

/** Evaluates rows; returns their output as NDJSON text, in order, and their tally. */
export function evaluateRows(rows: readonly InputRow[], context: RowContext): { text: string; tally: Tally } {
  const tally = emptyTally();
  let text = '';
  for (const input of rows) {
    const output = evaluateRow(input, context, tally);
    text += `${JSON.stringify(output)}\n`;
  }
  return { text, tally };
}

function evaluateRow(input: InputRow, context: RowContext, tally: Tally): OutputRow {
  tally.rows++;
  const fail = (error: string, problems?: { where?: string | undefined; message: string }[]): OutputRow => {
    tally.errors++;
    return problems ? { row: input.row, error, problems } : { row: input.row, error };
  };
  if ('problem' in input) return fail(input.problem);

  let data: unknown;
  if ('line' in input) {
    try {
      data = JSON.parse(input.line);
    } catch (error) {
      return fail(`not JSON: ${(error as Error).message}`);
    }
  } else {
    const { record, problems } = recordFromRow(input.cells, context.columns!);
    if (problems.length > 0) return fail('cells that cannot be read', problems.map((p) => ({ where: p.column, message: p.message })));
    data = record;
  }

  let record;
  try {
    record = parseRecord(data);
  } catch (error) {
    if (!(error instanceof DiagnosticError)) throw error;
    return fail(
      'not a valid facility record',
      error.diagnostics.map((d) => ({ where: columnOf(d.path, context.columns), message: d.message })),
    );
  }

  const standards =
    context.chosen.length > 0 ? context.chosen : record.type ? standardsFor(context.available, record.type, record.region) : [];
  if (standards.length === 0) return fail('no standard to apply: give the record a "type" or choose standards');

  tally.evaluated++;
  const reports = standards.map((standard): BatchReport => {
    const report = evaluateRecordSync(record, standard);
    const counts = (tally.outcomes[`${standard.id}@${standard.version}`] ??= { met: 0, gap: 0, unknown: 0, 'not-applicable': 0 });
    counts[report.outcome]++;
    return {
      standard: `${standard.id}@${standard.version}`,
      outcome: report.outcome,
      counts: report.counts,
      gaps: report.requirements.filter((r) => r.outcome === 'gap' || r.outcome === 'unknown'),
    };
  });
  return {
    row: input.row,
    facility: { ...(record.id !== undefined && { id: record.id }), ...(record.name !== undefined && { name: record.name }) },
    reports,
  };
}

/** The sheet column a record path came from, or the path itself. */
function columnOf(path: string | undefined, columns: readonly Column[] | undefined): string | undefined {
  if (!path || !columns) return path;
  const column = columns.find((c) => path === c.path.join('.') || path.startsWith(`${c.path.join('.')}[`));
  return column ? `column ${column.header}` : path;
}
