import { measureProgram, type Contribution, type ProgramProgress } from '../program/measure.js';
import type { Program } from '../program/types.js';
import type { Standard } from '../standard/types.js';
import type { LocalizedText } from '../text.js';
import { inForce } from '../waiver/apply.js';
import type { Waiver } from '../waiver/schema.js';
import { emptyCounts, facilityStanding, type BatchFacility, type BatchReport, type FacilityCounts, type OutputRow } from './rows.js';

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

export interface RowError {
  readonly row: number;
  readonly error: string;
  readonly problems?: readonly { readonly where?: string | undefined; readonly message: string }[];
}

export interface WaiverUse {
  /** Requirements turned `waived`, over all facilities and standards. */
  readonly applied: number;
  /** Waivers past their expiry date, which no longer apply. */
  readonly expired: readonly Waiver[];
  /** Waivers in force that covered nothing: their facility is not in the batch, or meets the requirement. */
  readonly unused: readonly Waiver[];
}

export interface PortfolioOptions {
  /** The standards the batch could apply, for their titles. */
  readonly standards: Iterable<Standard>;
  readonly programs?: readonly Program[];
  readonly waivers?: readonly Waiver[];
  readonly asOf: string;
  readonly input?: string;
}

/** A waiver's identity, to tell which ones covered something. */
const waiverKey = (w: Waiver) => JSON.stringify([w.facility, w.standard, w.requirement, w.expires]);

/** Collects a batch's output rows, in order, into a portfolio. */
export function portfolioBuilder(options: PortfolioOptions) {
  const titles = new Map<string, LocalizedText>();
  for (const s of options.standards) titles.set(`${s.id}@${s.version}`, s.title);
  const standards = new Map<string, FacilityCounts>();
  const areas = new Map<string, { county?: string; township?: string; facilities: number; standards: Record<string, FacilityCounts> }>();
  const facilities: PortfolioFacility[] = [];
  const rowErrors: RowError[] = [];
  const usedWaivers = new Set<string>();
  let applied = 0;

  return {
    add(row: OutputRow): void {
      if ('error' in row) {
        rowErrors.push(row);
        return;
      }
      facilities.push({ row: row.row, facility: row.facility, reports: row.reports, ...(row.targets && { targets: row.targets }) });
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
    finish(): Portfolio {
      const contributing = facilities.map((f) => ({
        row: f.row,
        ...(f.facility.id !== undefined && { id: f.facility.id }),
        ...(f.facility.name !== undefined && { name: f.facility.name }),
        ...(f.facility.region?.county !== undefined && { county: f.facility.region.county }),
        ...(f.facility.region?.township !== undefined && { township: f.facility.region.township }),
        contributions: f.targets ?? [],
      }));
      const waivers = options.waivers ?? [];
      return {
        asOf: options.asOf,
        ...(options.input !== undefined && { input: options.input }),
        rows: facilities.length + rowErrors.length,
        evaluated: facilities.length,
        errors: rowErrors.length,
        standards: [...standards].map(([standard, counts]) => ({ standard, title: titles.get(standard) ?? { zh: standard, en: standard }, facilities: counts })),
        areas: [...areas.values()],
        facilities,
        rowErrors,
        programs: (options.programs ?? []).map((program) => measureProgram(program, contributing)),
        waivers: {
          applied,
          expired: waivers.filter((w) => !inForce(w, options.asOf)),
          unused: waivers.filter((w) => inForce(w, options.asOf) && !usedWaivers.has(waiverKey(w))),
        },
      };
    },
  };
}
