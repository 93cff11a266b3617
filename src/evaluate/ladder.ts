import type { BundledLadderId } from '../standard/ids.js';
import { parseRecord } from '../record/parse.js';
import type { FacilityRecord, FacilityRecordInput } from '../record/schema.js';
import type { Ladder, LadderLevel } from '../standard/ladder.js';
import { bundledLadder, bundledStandards } from '../standard/registry.js';
import type { Standard } from '../standard/types.js';
import type { LocalizedText } from '../text.js';
import { evaluateRecord } from './evaluate.js';
import type { Report, RequirementResult, StandardOutcome } from './result.js';

export interface LevelResult extends LadderLevel {
  /** The standard's own outcome for the facility. */
  readonly outcome: StandardOutcome;
  /** Met, and every level below met too. */
  readonly reached: boolean;
}

/** Where a facility stands on a ladder, and what it lacks for the next level. */
export interface LadderAssessment {
  readonly ladder: { readonly id: string; readonly title: LocalizedText };
  readonly facility: { readonly id?: string; readonly name?: string };
  /** The highest level reached, or null when not even the first is. */
  readonly achieved: LadderLevel | null;
  /** The level above it, or null at the top. */
  readonly next: (LadderLevel & { readonly outcome: StandardOutcome }) | null;
  /**
   * Every requirement of the next level that is not yet met: gaps and unknowns, required and
   * advisory, in the standard's order. Empty at the top, or when the next level does not apply.
   */
  readonly gapsToNext: readonly RequirementResult[];
  readonly levels: readonly LevelResult[];
  /** Each level's full report, lowest first. */
  readonly reports: readonly Report[];
}

export interface LadderOptions {
  /** Where the levels' standards are found; the bundled standards by default. */
  readonly standards?: ReadonlyMap<string, Standard>;
}

/** Assesses a record against every level of a ladder (a loaded one, or a bundled one by id). */
export async function assessLadder(
  record: FacilityRecordInput,
  ladder: Ladder | BundledLadderId,
  options: LadderOptions = {},
): Promise<LadderAssessment> {
  return assessLadderRecord(parseRecord(record), typeof ladder === 'string' ? bundledLadder(ladder) : ladder, options);
}

/** Assesses a record that has already been validated. */
export async function assessLadderRecord(
  record: FacilityRecord,
  ladder: Ladder,
  options: LadderOptions = {},
): Promise<LadderAssessment> {
  const standards = options.standards ?? bundledStandards();
  const reports: Report[] = [];
  for (const level of ladder.levels) {
    const standard = standards.get(level.standard);
    if (!standard) throw new Error(`Ladder ${ladder.id} names ${level.standard}, which is not loaded`);
    reports.push(await evaluateRecord(record, standard));
  }

  let reachedSoFar = true;
  const levels = ladder.levels.map((level, i): LevelResult => {
    const outcome = reports[i]!.outcome;
    reachedSoFar &&= outcome === 'met';
    return { ...level, outcome, reached: reachedSoFar };
  });
  const top = levels.filter((level) => level.reached).length - 1;
  const nextIndex = top + 1 < levels.length ? top + 1 : -1;
  const next = nextIndex < 0 ? null : levels[nextIndex]!;

  return {
    ladder: { id: ladder.id, title: ladder.title },
    facility: reports[0]!.facility,
    achieved: top < 0 ? null : { standard: levels[top]!.standard, title: levels[top]!.title },
    next: next && { standard: next.standard, title: next.title, outcome: next.outcome },
    gapsToNext:
      nextIndex < 0
        ? []
        : reports[nextIndex]!.requirements.filter((r) => r.outcome === 'gap' || r.outcome === 'unknown'),
    levels,
    reports,
  };
}
