import { measureProgram, type ContributingFacility, type Contribution, type ProgramProgress } from '../program/measure.js';
import type { DuplicateId } from './duplicates.js';
import type { SummaryRow } from './summary-rows.js';
import type { Program } from '../program/types.js';
import type { Standard } from '../standard/types.js';
import type { LocalizedText } from '../text.js';
import { overLimit } from '../input/errors.js';
import { limits } from '../input/limits.js';
import { inForce } from '../waiver/apply.js';
import type { Waiver } from '../waiver/schema.js';
import { emptyCounts, facilityStanding, type BatchFacility, type BatchReport, type FacilityCounts, type OutputRow, type Tally } from './rows.js';

/**
 * A batch seen whole, for the people who act on it: facilities by standard and outcome, the same
 * by county and township, each facility's checklist, the rows that could not be evaluated, the
 * programmes' targets and the waivers. Built from a batch's output rows; rendered as JSON,
 * Markdown or HTML.
 */
export interface Portfolio {
  /** The day waivers and deadlines are judged on (YYYY-MM-DD). */
  readonly asOf: string;
  /** The input file, as given. */
  readonly input?: string;
  readonly rows: number;
  readonly evaluated: number;
  readonly errors: number;
  /** Facilities by outcome, per standard, in the order first met. */
  readonly standards: readonly StandardTally[];
  /** The same per county and township, in the order first met. */
  readonly areas: readonly AreaTally[];
  /** Every evaluated row, in input order. */
  readonly facilities: readonly PortfolioFacility[];
  /** Every row that could not be evaluated, in input order. */
  readonly rowErrors: readonly RowError[];
  readonly programs: readonly ProgramProgress[];
  readonly waivers: WaiverUse;
  /** Sheet rows skipped because they total the rows above (合计, 小计 …). */
  readonly summaryRows: readonly SummaryRow[];
  /** Facility ids on several rows: every row is evaluated, and counted once for a programme target. */
  readonly duplicates: readonly DuplicateId[];
  /** Rows by what was assumed or left open in reading them (a type assumed, a region missing), by notice code. */
  readonly notices: Tally['notices'];
}

export interface StandardTally {
  /** `<id>@<version>`. */
  readonly standard: string;
  readonly title: LocalizedText;
  readonly facilities: FacilityCounts;
}

export interface AreaTally {
  readonly county?: string;
  readonly township?: string;
  readonly facilities: number;
  /** Facilities by outcome, by standard (`<id>@<version>`). */
  readonly standards: Readonly<Record<string, FacilityCounts>>;
}

export interface PortfolioFacility {
  readonly row: number;
  readonly facility: BatchFacility;
  readonly reports: readonly BatchReport[];
  /** What the facility brings to the programmes' targets. */
  readonly targets?: readonly Contribution[];
}

/** A row that was not evaluated: why (in English, and in both languages with its code), and what was wrong where. */
export type RowError = Extract<OutputRow, { readonly error: string }>;

export interface WaiverUse {
  /** Requirements turned `waived`, over all facilities and standards. */
  readonly applied: number;
  /** Waivers past their expiry date, which no longer apply. */
  readonly expired: readonly Waiver[];
  /** Waivers in force that covered nothing: their facility is not in the batch, or meets the requirement. */
  readonly unused: readonly Waiver[];
  /** Waivers for a facility id that several rows share: not applied, since which facility they mean is not known. */
  readonly ambiguous: readonly Waiver[];
}

export interface PortfolioOptions {
  /** The standards the batch could apply, for their titles. */
  readonly standards: Iterable<Standard>;
  readonly programs?: readonly Program[];
  readonly waivers?: readonly Waiver[];
  readonly asOf: string;
  readonly input?: string;
  /**
   * Whether the portfolio keeps each facility's reports, for a report that lists them (the
   * default); without, it keeps only what the programme figures need, and `facilities` is empty.
   */
  readonly keepFacilities?: boolean;
}

/** What the batch found besides its rows' reports, for `finish`. */
export interface BatchFindings {
  readonly summaryRows?: readonly SummaryRow[];
  readonly duplicates?: readonly DuplicateId[];
  readonly notices?: Tally['notices'];
}

/** A waiver's identity, to tell which ones covered something. */
const waiverKey = (w: Waiver) => JSON.stringify([w.facility, w.standard, w.requirement, w.expires]);

/**
 * What a portfolio that keeps no facilities reads of an output row: who and where the facility
 * is, each report's standing and waived requirements, the programme contributions. An error row whole.
 */
export function figuresOf(row: OutputRow): OutputRow {
  if ('error' in row) return row;
  const { id, name, region } = row.facility;
  const area = region && {
    ...(region.county !== undefined && { county: region.county }),
    ...(region.township !== undefined && { township: region.township }),
  };
  return {
    row: row.row,
    facility: { ...(id !== undefined && { id }), ...(name !== undefined && { name }), ...(area && { region: area }) },
    reports: row.reports.map((r) => ({
      standard: r.standard,
      outcome: r.outcome,
      counts: r.counts,
      gaps: [],
      ...(r.waived && { waived: r.waived }),
      ...(r.requirements && { requirements: r.requirements.filter((q) => q.outcome === 'waived') }),
    })),
    ...(row.targets && { targets: row.targets }),
  };
}

/** Collects a batch's output rows, in order, into a portfolio. */
export function portfolioBuilder(options: PortfolioOptions) {
  const titles = new Map<string, LocalizedText>();
  for (const s of options.standards) titles.set(`${s.id}@${s.version}`, s.title);
  const standards = new Map<string, FacilityCounts>();
  const areas = new Map<string, { county?: string; township?: string; facilities: number; standards: Record<string, FacilityCounts> }>();
  const facilities: PortfolioFacility[] = [];
  const contributing: ContributingFacility[] = [];
  let evaluated = 0;
  const keep = options.keepFacilities ?? true;
  const rowErrors: RowError[] = [];
  const usedWaivers = new Set<string>();
  let applied = 0;
  // Kept for every facility of a batch of hundreds of thousands: what many rows repeat (their
  // county, their contributions, alike for most facilities) is kept once.
  const names = new Map<string, string>();
  const shared = (name: string): string => {
    const known = names.get(name);
    if (known !== undefined) return known;
    names.set(name, name);
    return name;
  };
  const lists = new Map<string, readonly Contribution[]>();
  const sharedList = (contributions: readonly Contribution[]): readonly Contribution[] => {
    const key = JSON.stringify(contributions);
    const known = lists.get(key);
    if (known !== undefined) return known;
    // Facilities whose contributions are each their own would only add their keys.
    if (lists.size < 10_000) lists.set(key, contributions);
    return contributions;
  };

  const builder = {
    /** Whether `add` reads only each row's `figuresOf` (a portfolio that keeps no facilities): a batch's `rowFigures`. */
    readsFiguresOnly: !keep,
    add(row: OutputRow): void {
      if ('error' in row) {
        rowErrors.push(row);
        return;
      }
      evaluated++;
      if (keep && facilities.length >= limits.reportFacilities) {
        throw overLimit('reportFacilities', {
          en: 'a report lists every facility with its requirements, and this input holds more facilities: split it (by county, say), or leave out the report — the NDJSON output still has every row, and the summary the programme figures',
          zh: '报告逐一列出每个机构及其各项要求，本次输入的机构更多：请拆分输入（如按县），或不生成报告——NDJSON 输出仍含每一行，汇总仍给出行动目标数字',
        });
      }
      if (keep) facilities.push({ row: row.row, facility: row.facility, reports: row.reports, ...(row.targets && { targets: row.targets }) });
      if (row.targets) {
        contributing.push({
          row: row.row,
          ...(row.facility.id !== undefined && { id: row.facility.id }),
          ...(row.facility.name !== undefined && { name: row.facility.name }),
          ...(row.facility.region?.county !== undefined && { county: shared(row.facility.region.county) }),
          ...(row.facility.region?.township !== undefined && { township: shared(row.facility.region.township) }),
          contributions: sharedList(row.targets),
        });
      }
      const { county, township } = row.facility.region ?? {};
      const key = JSON.stringify([county, township]);
      let area = areas.get(key);
      if (!area) areas.set(key, (area = { ...(county !== undefined && { county }), ...(township !== undefined && { township }), facilities: 0, standards: {} }));
      area.facilities++;
      for (const report of row.reports) {
        const standing = facilityStanding(report.outcome, report.requirements ?? report.waived ?? []);
        let counts = standards.get(report.standard);
        if (!counts) standards.set(report.standard, (counts = emptyCounts()));
        counts[standing]++;
        (area.standards[report.standard] ??= emptyCounts())[standing]++;
        for (const waived of report.waived ?? []) {
          applied++;
          if (waived.waiver) usedWaivers.add(waiverKey(waived.waiver));
        }
      }
    },
    finish(found: BatchFindings = {}): Portfolio {
      const waivers = options.waivers ?? [];
      const duplicated = new Set((found.duplicates ?? []).map((d) => d.id));
      const ambiguous = waivers.filter((w) => duplicated.has(w.facility));
      return {
        asOf: options.asOf,
        ...(options.input !== undefined && { input: options.input }),
        rows: evaluated + rowErrors.length,
        evaluated,
        errors: rowErrors.length,
        standards: [...standards].map(([standard, counts]) => ({ standard, title: titles.get(standard) ?? { zh: standard, en: standard }, facilities: counts })),
        areas: [...areas.values()],
        facilities,
        rowErrors,
        programs: (options.programs ?? []).map((program) => measureProgram(program, contributing)),
        waivers: {
          applied,
          expired: waivers.filter((w) => !inForce(w, options.asOf)),
          unused: waivers.filter((w) => inForce(w, options.asOf) && !usedWaivers.has(waiverKey(w)) && !duplicated.has(w.facility)),
          ambiguous,
        },
        summaryRows: found.summaryRows ?? [],
        duplicates: found.duplicates ?? [],
        notices: found.notices ?? {},
      };
    },
  };
  return builder;
}
