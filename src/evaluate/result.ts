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

/** A value a condition compares: a fact's value, or the threshold or set it is compared with. */
export type ConditionValue = number | string | boolean | readonly (string | number)[];

/** How a failed condition falls short, in the fact's own unit; each part only where it says something. */
export interface Shortcoming {
  /** Codes still missing (set conditions), or the boolean facts not in place. */
  readonly missing?: readonly string[];
  /** How far below a minimum the facility is, in the fact's unit. */
  readonly shortfall?: number;
  /** How far above a maximum the facility is, in the fact's unit. */
  readonly excess?: number;
}

/** One fact condition of a requirement that the facility does not meet. */
export interface Finding extends Shortcoming {
  readonly fact: string;
  readonly operator: string;
  readonly expected: ConditionValue;
  readonly actual: ConditionValue;
  readonly message: LocalizedText;
}

/** Where a requirement comes from: its standard, rule file and line, source document and overlays. */
export interface RequirementSource {
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
}

/** What every requirement result holds, whatever its outcome. */
export interface RequirementResultBase {
  /** `<id>@<version>` of the standard evaluated. */
  readonly standard: string;
  readonly requirement: string;
  readonly clause: string;
  readonly severity: Severity;
  readonly title: LocalizedText;
  readonly message: LocalizedText;
  readonly note?: string;
  /**
   * For a met or failed requirement on a count that can come from more than one place (the
   * village-clinic equipment kinds): which count was used and, for a count of the record's own
   * equipment, the kinds counted.
   */
  readonly counted?: CountedBy;
  readonly source: RequirementSource;
}

export interface CountedBy {
  readonly fact: string;
  readonly from: 'assessor-count' | 'recorded-equipment';
  /** For `recorded-equipment`: the codes counted, in catalogue order. */
  readonly items?: readonly string[];
  readonly message: LocalizedText;
}

export type DetailKey = 'fact' | 'expected' | 'actual' | 'missing' | 'shortfall' | 'excess' | 'findings' | 'unknownFacts' | 'waiver';

/**
 * The details an outcome does not have, declared absent: every variant names every detail, so
 * `result.shortfall` reads on the whole union (as `undefined` where it does not apply) and
 * checking `outcome` narrows to the details that do.
 */
export type Absent<K extends DetailKey> = { readonly [P in K]?: undefined };

/** A requirement the facility meets. */
export interface MetResult extends RequirementResultBase, Absent<DetailKey> {
  readonly outcome: 'met';
}

/** A requirement whose condition of applicability is false for the facility. */
export interface NotApplicableResult extends RequirementResultBase, Absent<DetailKey> {
  readonly outcome: 'not-applicable';
}

/** A gap of one failed condition: its fact, expected and actual value are given at the top. */
export interface SingleGapDetails extends Shortcoming, Absent<'findings' | 'unknownFacts'> {
  readonly fact: string;
  readonly expected: ConditionValue;
  readonly actual: ConditionValue;
}

/** A gap of several failed conditions: each is in `findings`; `missing` gathers their missing codes. */
export interface MultipleGapDetails extends Absent<'fact' | 'expected' | 'actual' | 'shortfall' | 'excess' | 'unknownFacts'> {
  readonly findings: readonly Finding[];
  readonly missing?: readonly string[];
}

/** What a gap says is wrong: one condition at the top (`findings` absent), or several in `findings`. */
export type GapDetails = SingleGapDetails | MultipleGapDetails;

/** What an unknown says is open: the record fields that would decide it. */
export interface UnknownDetails extends Absent<'fact' | 'expected' | 'actual' | 'missing' | 'shortfall' | 'excess' | 'findings'> {
  readonly unknownFacts: readonly string[];
}

/** A requirement the facility does not meet, with what is wrong. */
export type GapResult = RequirementResultBase & GapDetails & Absent<'waiver'> & { readonly outcome: 'gap' };

/** A requirement that cannot be decided because the record does not give a field it needs. */
export type UnknownResult = RequirementResultBase & UnknownDetails & Absent<'waiver'> & { readonly outcome: 'unknown' };

/**
 * A gap or unknown that a waiver in force excuses: the waiver, and what the requirement would
 * otherwise be (the gap's details, or the unknown's `unknownFacts`).
 */
export type WaivedResult = RequirementResultBase & (GapDetails | UnknownDetails) & { readonly outcome: 'waived'; readonly waiver: Waiver };

/**
 * The outcome of one requirement for one facility: the gap item of the public contract, a union
 * discriminated by `outcome`. A gap of exactly one failed condition gives its fact, expected,
 * actual, missing and shortfall at the top; one of several gives each in `findings`.
 */
export type RequirementResult = MetResult | NotApplicableResult | GapResult | UnknownResult | WaivedResult;

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
