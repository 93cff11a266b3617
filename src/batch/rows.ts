import { DiagnosticError, FacilityTypeError } from '../diagnostic.js';
import { message, type Message } from '../diagnostics/messages.js';
import type { Notice, NoticeCode } from '../notice.js';
import { label, type FacilityType } from '../record/vocabulary.js';
import { levelWords, normalizeRegion, regionLevels, unplacedNotice, type KnownRegions } from '../standard/region.js';
import { evaluateOpenRequirements, evaluateRecordSync } from '../evaluate/report.js';
import type { OutcomeCounts, RequirementResult, StandardOutcome } from '../evaluate/result.js';
import { leanRecord } from '../record/check.js';
import { parseRecord } from '../record/parse.js';
import type { FacilityRecord } from '../record/schema.js';
import { contributions, type Contribution } from '../program/measure.js';
import type { Program } from '../program/types.js';
import type { Report } from '../evaluate/result.js';
import type { LocalizedText } from '../text.js';
import { applyWaivers } from '../waiver/apply.js';
import type { Waiver } from '../waiver/schema.js';
import { selectStandards, standardsFor } from '../standard/registry.js';
import type { Standard } from '../standard/types.js';
import type { RowKey } from './duplicates.js';
import { shapeProblem } from '../input/limits.js';
import { recordFromRow, type CellProblem, type Column } from './sheet.js';

/**
 * One input row on its way through a batch: an NDJSON line, a sheet row's cells, or a problem
 * found while reading it. `row` is the line (NDJSON) or row (sheet, header = 1) number.
 */
export type InputRow =
  | { readonly row: number; readonly line: string }
  | { readonly row: number; readonly cells: readonly string[]; readonly problems?: readonly CellProblem[] }
  | { readonly row: number; readonly problem: Message; readonly problems?: readonly RowProblem[] };

/** What is wrong with a row, where: a column (sheets) or a field path, with line and column in a YAML or JSON file. */
export interface RowProblem {
  readonly where?: string | undefined;
  /** In English; `zh` is the same in Chinese, when the problem has a `code`. */
  readonly message: string;
  readonly code?: string;
  readonly zh?: string;
  readonly line?: number;
  readonly column?: number;
}

/** One line of a batch's output: a facility's reports with their gap lists, or why the row was not evaluated. */
export type OutputRow =
  | {
      readonly row: number;
      readonly facility: BatchFacility;
      readonly reports: readonly BatchReport[];
      /** What the facility brings to the targets of the programmes measured. */
      readonly targets?: readonly Contribution[];
      /** What was assumed or left open in reading and placing the row (a type taken from the standard, a region filled or read in full). */
      readonly notices?: readonly Notice[];
      /** The first row of the batch with the same facility id, when this is a later one. */
      readonly duplicateOf?: number;
    }
  | {
      readonly row: number;
      /** Why, in English (`message` has it in both languages). */
      readonly error: string;
      /** A stable code: `facility-type-mismatch`, or one of the `row.*` codes of `diagnosticMessages`. */
      readonly code: string;
      readonly message: LocalizedText;
      readonly problems?: readonly RowProblem[];
    };

/** Who and where a row's facility is. */
export interface BatchFacility {
  readonly id?: string;
  readonly name?: string;
  readonly type?: FacilityRecord['type'];
  readonly region?: FacilityRecord['region'];
}

/** A report as a batch writes it: the verdict and the requirements not met (gaps and unknowns). */
export interface BatchReport {
  /** `<id>@<version>`. */
  readonly standard: string;
  readonly outcome: StandardOutcome;
  readonly counts: OutcomeCounts;
  readonly gaps: readonly RequirementResult[];
  /** Requirements excused by a waiver in force. */
  readonly waived?: readonly RequirementResult[];
  /** Every requirement, in the standard's order, when the batch is asked for whole checklists. */
  readonly requirements?: readonly RequirementResult[];
}

/**
 * Facilities by how they stand against a standard: `met`, `gap`, `unknown`, `not-applicable`,
 * and apart from `met`, `waived` — those that meet it only because waivers excuse them.
 */
export type FacilityCounts = OutcomeCounts;

/** Counts over the rows of a batch, merged across chunks and workers. */
export interface Tally {
  rows: number;
  evaluated: number;
  errors: number;
  /** Facilities by standard (`<id>@<version>`) and outcome. */
  outcomes: Record<string, FacilityCounts>;
  /** Rows by what was assumed or left open in reading them, by notice code; with the fields and values the notices name. */
  notices: Partial<Record<NoticeCode, NoticeTally>>;
}

/** How many rows had a notice of one kind, and an example sentence. */
export interface NoticeTally {
  rows: number;
  /** The first row it was given for, and its sentence. */
  first: { readonly row: number; readonly message: LocalizedText };
}

export const emptyCounts = (): OutcomeCounts => ({ met: 0, gap: 0, unknown: 0, 'not-applicable': 0, waived: 0 });

export const emptyTally = (): Tally => ({ rows: 0, evaluated: 0, errors: 0, outcomes: {}, notices: {} });

export function mergeTally(into: Tally, from: Tally): void {
  into.rows += from.rows;
  into.evaluated += from.evaluated;
  into.errors += from.errors;
  for (const [standard, counts] of Object.entries(from.outcomes)) {
    const target = (into.outcomes[standard] ??= emptyCounts());
    for (const outcome of Object.keys(counts) as (keyof FacilityCounts)[]) target[outcome] += counts[outcome];
  }
  for (const [code, notice] of Object.entries(from.notices) as [NoticeCode, NoticeTally][]) {
    const target = into.notices[code];
    if (!target) into.notices[code] = { ...notice };
    else {
      target.rows += notice.rows;
      if (notice.first.row < target.first.row) target.first = notice.first;
    }
  }
}

function countNotices(tally: Tally, row: number, notices: readonly Notice[]): void {
  for (const code of new Set(notices.map((n) => n.code))) {
    const counted = tally.notices[code];
    if (counted) counted.rows++;
    else tally.notices[code] = { rows: 1, first: { row, message: notices.find((n) => n.code === code)!.message } };
  }
}

export interface RowContext {
  /** The standards to apply; when empty, those for each record's type and region among `available`. */
  readonly chosen: readonly Standard[];
  readonly available: readonly Standard[];
  /** Sheet columns, for rows given as cells. */
  readonly columns?: readonly Column[];
  /** Waivers to apply, judged in force on `asOf`. */
  readonly waivers?: readonly Waiver[];
  /** The day (YYYY-MM-DD) waivers are judged on; today by default. */
  readonly asOf?: string;
  /** Programmes whose targets each facility's contribution is worked out for. */
  readonly programs?: readonly Program[];
  /** Whether each report lists every requirement (`all`) or only those not met (`gaps`, the default). */
  readonly detail?: 'gaps' | 'all';
  /** What every row shares, filling the fields a row leaves empty: its facility type, its region. */
  readonly defaults?: RowDefaults;
  /** The region names standards and programmes are bound to, which rows' region names are read against. */
  readonly regions?: KnownRegions;
  /** Facility ids that several rows share: waivers for them are not applied (they are ambiguous). */
  readonly ambiguousIds?: ReadonlySet<string>;
}

/** Fields every row of a batch shares (`--type`, `--region`), used where a row leaves them empty. */
export interface RowDefaults {
  readonly type?: FacilityType;
  readonly region?: NonNullable<FacilityRecord['region']>;
}

/** Evaluates rows; returns their output as NDJSON text, in order, their tally, and each line's row and facility id. */
export function evaluateRows(
  rows: readonly InputRow[],
  context: RowContext,
  evaluate: RowEvaluator = rowEvaluator(context),
): { text: string; tally: Tally; keys: RowKey[] } {
  const tally = emptyTally();
  let text = '';
  const keys: RowKey[] = [];
  for (const input of rows) {
    const output = evaluate(input, tally);
    text += `${JSON.stringify(output)}\n`;
    const id = 'facility' in output ? output.facility.id : undefined;
    keys.push(id === undefined ? { row: output.row } : { row: output.row, id });
  }
  return { text, tally, keys };
}

/** Evaluates one row, counting it in the tally. */
export type RowEvaluator = (input: InputRow, tally: Tally) => OutputRow;

export const rowEvaluator =
  (context: RowContext): RowEvaluator =>
  (input, tally) =>
    evaluateRow(input, context, tally);

/**
 * Evaluates rows each on its own: a row that throws becomes an error row, and the next is
 * evaluated. For the rows of a worker that failed.
 */
export const guardedRowEvaluator =
  (context: RowContext): RowEvaluator =>
  (input, tally) => {
    const own = emptyTally();
    try {
      const output = evaluateRow(input, context, own);
      mergeTally(tally, own);
      return output;
    } catch (error) {
      tally.rows++;
      tally.errors++;
      return notEvaluatedRow(input.row, error);
    }
  };

/** The output line of a row that was not evaluated, and why: in English, and in both languages with its code. */
export function errorRow(row: number, why: Message): OutputRow {
  return { row, error: why.text.en, code: why.code, message: why.text };
}

/** The output line of a row whose evaluation failed (a fault here, not the row's): the row is still accounted for. */
export function notEvaluatedRow(row: number, error: unknown): OutputRow {
  const detail = (error instanceof Error ? error.message : String(error)).slice(0, 200);
  return errorRow(row, message('row.not-evaluated', { detail }));
}

/** Evaluates one row, counting it in `tally`. */
export function evaluateRow(input: InputRow, context: RowContext, tally: Tally): OutputRow {
  tally.rows++;
  const fail = (why: Message, problems?: readonly RowProblem[]): OutputRow => {
    tally.errors++;
    return { ...errorRow(input.row, why), ...(problems && { problems }) };
  };
  if ('problem' in input) return fail(input.problem, input.problems);

  let data: unknown;
  if ('line' in input) {
    try {
      data = JSON.parse(input.line);
    } catch (error) {
      const detail = (error as Error).message;
      const position = /at position (\d+)/.exec(detail)?.[1];
      return fail(message('row.not-json', { detail, ...(position !== undefined && { at: Number(position) + 1 }) }));
    }
  } else {
    const { record, problems: found } = recordFromRow(input.cells, context.columns!);
    // Problems found reading the file (an xlsx error value) and reading the cells, in column order.
    const order = (p: CellProblem) => {
      const at = context.columns!.findIndex((c) => c.header === p.column);
      return at === -1 ? context.columns!.length : at;
    };
    const problems = [...(input.problems ?? []), ...found].sort((a, b) => order(a) - order(b));
    if (problems.length > 0) {
      return fail(
        message('row.unreadable-cells', {}),
        problems.map((p) => ({ where: p.column, message: p.message, ...(p.code !== undefined && { code: p.code, zh: p.zh! }) })),
      );
    }
    data = record;
  }

  // A record the generated validator accepts is within the shape limits (the contract nests three
  // deep, and its lists hold each code once): only one it refuses is measured before zod reads it.
  let parsed = leanRecord(data);
  if (parsed === undefined && 'line' in input) {
    const over = shapeProblem(data);
    if (over) return fail(over);
  }
  try {
    parsed ??= parseRecord(data);
  } catch (error) {
    if (!(error instanceof DiagnosticError)) throw error;
    return fail(
      message('row.invalid-record', {}),
      error.diagnostics.map((d) => ({ where: columnOf(d.path, context.columns), message: d.message, code: d.code, zh: d.text.zh })),
    );
  }

  const notices: Notice[] = [];
  let record = withDefaults(parsed, context, notices);
  if (context.regions) {
    const normalized = normalizeRegion(record.region, context.regions);
    if (normalized.region !== record.region) record = { ...record, region: normalized.region };
    notices.push(...normalized.notices);
  }

  let standards: readonly Standard[];
  if (context.chosen.length > 0) {
    standards = record.type === undefined ? context.chosen : context.chosen.filter((s) => s.facilityType === record.type);
    if (standards.length === 0) {
      const mismatch = new FacilityTypeError(context.chosen[0]!, record.type!, record.name ?? record.id);
      tally.errors++;
      return { row: input.row, error: mismatch.text.en, code: mismatch.code, message: mismatch.text };
    }
  } else if (record.type) {
    const selection = selectStandards(context.available, record.type, record.region);
    standards = selection.standards;
    if (selection.unplaced.length > 0) {
      notices.push(unplacedNotice([...new Set(selection.unplaced.flatMap((u) => u.fields))], selection.unplaced.map((u) => u.standard.id)));
    }
  } else {
    standards = [];
  }
  if (standards.length === 0) return fail(message('row.no-standard', {}));

  tally.evaluated++;
  const asOf = context.asOf ?? today();
  const waivers = context.ambiguousIds?.has(record.id ?? '') ? undefined : context.waivers;
  if (waivers !== context.waivers && context.waivers?.some((w) => w.facility === record.id)) notices.push(ambiguousWaiverNotice(record.id!));
  const evaluateOne = (standard: Standard): Report => {
    // A gap list keeps only the requirements still open: the others are counted, not built.
    const evaluated = context.detail === 'all' ? evaluateRecordSync(record, standard) : evaluateOpenRequirements(record, standard);
    return waivers?.length ? applyWaivers(evaluated, waivers, asOf) : evaluated;
  };
  const full = standards.map(evaluateOne);
  for (const notice of full[0]?.notices ?? []) notices.push(notice);
  const reports = full.map((report) => {
    const batchReport = batchReportOf(report, context.detail ?? 'gaps');
    const counts = (tally.outcomes[batchReport.standard] ??= emptyCounts());
    counts[facilityStanding(report.outcome, report.requirements)]++;
    return batchReport;
  });
  const reportFor = (id: string): Report => {
    const standard = standardStandingFor(id, record, context.available);
    const i = standards.indexOf(standard);
    return i >= 0 ? full[i]! : evaluateOne(standard);
  };
  const targets = context.programs?.flatMap((program) => contributions(program, record, reportFor)) ?? [];
  const unplaced = targets.filter((t) => t.unplaced !== undefined);
  if (unplaced.length > 0) notices.push(unplacedNotice(unplaced[0]!.unplaced!, [...new Set(unplaced.map((t) => t.program))]));
  countNotices(tally, input.row, notices);
  return {
    row: input.row,
    facility: facilityOf(record),
    reports,
    ...(targets.length > 0 && { targets }),
    ...(notices.length > 0 && { notices }),
  };
}

/**
 * The record with the batch's shared fields where it leaves them empty: the `--type`, or else the
 * type of the standards chosen when they are all of one type; each region level of `--region`.
 */
function withDefaults(record: FacilityRecord, context: RowContext, notices: Notice[]): FacilityRecord {
  let out = record;
  const chosenTypes = new Set(context.chosen.map((s) => s.facilityType));
  const type = context.defaults?.type ?? (chosenTypes.size === 1 ? [...chosenTypes][0] : undefined);
  if (out.type === undefined && type !== undefined) {
    out = { ...out, type };
    const words = label('facilityTypes', type);
    const from = context.defaults?.type !== undefined ? { zh: '按 --type', en: 'from --type' } : { zh: '按所选标准', en: 'from the standard chosen' };
    notices.push({
      code: 'type-assumed',
      path: 'type',
      values: { type },
      message: { zh: `未填机构类型，${from.zh}视为${words.zh}`, en: `no type given: taken as a ${words.en} ${from.en}` },
    });
  }
  const shared = context.defaults?.region;
  if (shared) {
    const filled = regionLevels.filter((level) => shared[level] !== undefined && out.region?.[level] === undefined);
    if (filled.length > 0) {
      out = { ...out, region: { ...out.region, ...Object.fromEntries(filled.map((level) => [level, shared[level]])) } };
      notices.push({
        code: 'region-filled',
        path: `region.${filled[0]}`,
        values: { fields: filled.map((level) => `region.${level}`) },
        message: {
          zh: `未填${filled.map((l) => levelWords[l].zh).join('、')}，按 --region 填为${filled.map((l) => shared[l]).join('')}`,
          en: `no ${filled.join(', ')} given: filled from --region as ${filled.map((l) => shared[l]).join(' ')}`,
        },
      });
    }
  }
  return out;
}

function ambiguousWaiverNotice(id: string): Notice {
  return {
    code: 'waiver-ambiguous',
    path: 'id',
    values: { id },
    message: {
      zh: `机构编码“${id}”在本批次中出现在多行，针对它的豁免不能确定指哪一家，未予适用`,
      en: `facility id "${id}" is on several rows of the batch, so its waivers are ambiguous and were not applied`,
    },
  };
}

/** Who and where a record's facility is, as a batch names it. */
export function facilityOf(record: FacilityRecord): BatchFacility {
  return {
    ...(record.id !== undefined && { id: record.id }),
    ...(record.name !== undefined && { name: record.name }),
    ...(record.type !== undefined && { type: record.type }),
    ...(record.region !== undefined && { region: record.region }),
  };
}

/** A report as a batch writes it: its gaps, unknowns and waived items, and with `all` every requirement. */
export function batchReportOf(report: Report, detail: 'gaps' | 'all'): BatchReport {
  const waived = report.counts.waived > 0 ? report.requirements.filter((r) => r.outcome === 'waived') : undefined;
  return {
    standard: `${report.standard.id}@${report.standard.version}`,
    outcome: report.outcome,
    counts: report.counts,
    gaps: report.requirements.filter((r) => r.outcome === 'gap' || r.outcome === 'unknown'),
    ...(waived && { waived }),
    ...(detail === 'all' && { requirements: report.requirements }),
  };
}

/**
 * The standard that stands for `id` where the facility is: a county overlay that replaces the
 * city standard `id` there (Pingshun's standardized village clinic for Changzhi's), or `id` itself.
 */
function standardStandingFor(id: string, record: FacilityRecord, available: readonly Standard[]): Standard {
  const named = available.find((s) => s.id === id)!;
  const inForce = record.type ? standardsFor(available, record.type, record.region) : [];
  if (inForce.includes(named)) return named;
  // Replaced there: by an overlay of it for a narrower region (not by a level built on it, such as the demonstration clinic).
  const replacing = inForce.find((s) => s.extends === id && regionDepth(s) > regionDepth(named));
  return replacing ?? named;
}

function regionDepth(standard: Standard): number {
  return (['province', 'city', 'county'] as const).filter((level) => standard.region?.[level] !== undefined).length;
}

/** Where a facility stands for the tally: a standard met only thanks to waivers is counted apart. */
export function facilityStanding(outcome: StandardOutcome, requirements: readonly Pick<RequirementResult, 'outcome' | 'severity'>[]): keyof FacilityCounts {
  if (outcome === 'met' && requirements.some((r) => r.outcome === 'waived' && r.severity === 'required')) return 'waived';
  return outcome;
}

/** Today's date, YYYY-MM-DD, in the local time zone of the machine the batch runs on. */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The sheet column a record path came from, or the path itself. */
function columnOf(path: string | undefined, columns: readonly Column[] | undefined): string | undefined {
  if (!path || !columns) return path;
  const column = columns.find((c) => path === c.path.join('.') || path.startsWith(`${c.path.join('.')}[`));
  return column ? `column ${column.header}` : path;
}
