import type { Notice } from '../notice.js';
import type { LocalizedText } from '../text.js';
import type { Severity } from '../standard/types.js';
import type { Waiver } from '../waiver/schema.js';

/**
 * What a requirement comes to for one facility. `waived`: a waiver in force excuses the facility
 * from a requirement it does not meet (or whose data is missing).
 */
export type Outcome = 'met' | 'gap' | 'unknown' | 'not-applicable' | 'waived';

export const outcomes: readonly Outcome[] = ['met', 'gap', 'unknown', 'not-applicable', 'waived'];

/** What a standard comes to for one facility; waived requirements do not stand in its way. */
export type StandardOutcome = Exclude<Outcome, 'waived'>;

/** One fact condition of a requirement that the facility does not meet. */
export interface Finding {
  readonly fact: string;
  readonly operator: string;
  readonly expected: unknown;
  readonly actual: unknown;
  /** Codes still missing (set conditions), or the boolean facts not in place. */
  readonly missing?: readonly string[];
  /** How far below a minimum the facility is, in the fact's unit. */
  readonly shortfall?: number;
  /** How far above a maximum the facility is, in the fact's unit. */
  readonly excess?: number;
  readonly message: LocalizedText;
}

/**
 * The outcome of one requirement for one facility: the gap item of the public contract. When
 * exactly one condition fails, its fact, expected, actual, missing and shortfall are given at
 * the top; when several fail, each is in `findings`.
 */
export interface RequirementResult {
  /** `<id>@<version>` of the standard evaluated. */
  readonly standard: string;
  readonly requirement: string;
  readonly clause: string;
  readonly severity: Severity;
  readonly outcome: Outcome;
  readonly title: LocalizedText;
  readonly fact?: string;
  readonly expected?: unknown;
  readonly actual?: unknown;
  readonly missing?: readonly string[];
  readonly shortfall?: number;
  readonly excess?: number;
  readonly findings?: readonly Finding[];
  /**
   * For a met or failed requirement on a count that can come from more than one place (the
   * village-clinic equipment kinds): which count was used and, for a count of the record's own
   * equipment, the kinds counted.
   */
  readonly counted?: CountedBy;
  /** For `unknown`: the record fields that would decide it. */
  readonly unknownFacts?: readonly string[];
  readonly message: LocalizedText;
  readonly note?: string;
  /** For `waived`: the waiver that excuses the facility. */
  readonly waiver?: Waiver;
  readonly source: {
    /** The standard that declared the requirement (differs from `standard` when inherited). */
    readonly standard: string;
    readonly file: string;
    readonly line: number | undefined;
    /** The source document: its text file in sources/, or the URL of its translation. */
    readonly document: string;
    /** Overlays that changed the requirement, oldest first. */
    readonly alteredBy?: readonly {
      readonly standard: string;
      readonly file: string;
      readonly line: number | undefined;
      readonly reason: string;
      readonly clause?: string;
    }[];
  };
}

export interface CountedBy {
  readonly fact: string;
  readonly from: 'assessor-count' | 'recorded-equipment';
  /** For `recorded-equipment`: the codes counted, in catalogue order. */
  readonly items?: readonly string[];
  readonly message: LocalizedText;
}

export type OutcomeCounts = Record<Outcome, number>;

/** One facility against one standard. */
export interface Report {
  readonly standard: { readonly id: string; readonly version: string; readonly title: LocalizedText };
  readonly facility: { readonly id?: string; readonly name?: string };
  /**
   * `met` when no required requirement is `gap` or `unknown`; `gap` when any is `gap`;
   * `not-applicable` when the standard does not apply to the facility; otherwise `unknown`.
   */
  readonly outcome: StandardOutcome;
  /** Whether the standard applies to the facility (standards without an applicability rule always do). */
  readonly applicable: boolean | 'unknown';
  /** Requirements by outcome, all severities. */
  readonly counts: OutcomeCounts;
  /** Every requirement, in the standard's order. */
  readonly requirements: readonly RequirementResult[];
  /** What was assumed or left open in choosing and reading the record: a facility type taken from the standard, a region read in its full form. */
  readonly notices?: readonly Notice[];
}
