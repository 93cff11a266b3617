import type { FacilityType } from '../record/vocabulary.js';
import type { Condition, SourceDocument, StandardRegion } from '../standard/types.js';
import type { LocalizedText } from '../text.js';

/**
 * A programme: a city's or county's targets over its facilities (Changzhi by 2028: every
 * township center at the basic standard, 30 % at the recommended standard …), declared in
 * `rules/programs/` and measured over a batch of facility records.
 */
export interface Program {
  readonly id: string;
  readonly title: LocalizedText;
  /** Where the programme is in force: only facilities in this region are counted. */
  readonly region: StandardRegion;
  readonly source: SourceDocument;
  readonly note?: string;
  readonly targets: readonly Target[];
  readonly file: string;
}

/** What makes a facility count towards a target. */
export type Achievement =
  /** The facility meets the standard (waived requirements included). */
  | { readonly standard: string }
  /** The condition holds for the facility, in the rule-file condition grammar. */
  | { readonly condition: Condition };

/** A bound on a share (0–1) or a count, with the comparison its wording gives (超过 → more than). */
export interface Bound {
  readonly operator: 'atLeast' | 'moreThan';
  readonly value: number;
}

export interface TargetBase {
  readonly id: string;
  readonly title: LocalizedText;
  readonly clause: string;
  readonly quote: string;
  /** The date by which the target is to be reached (YYYY-MM-DD). */
  readonly by: string;
  readonly facilityType: FacilityType;
  /** Measured separately in each county or township of the programme's region. */
  readonly per?: 'county' | 'township';
  readonly note?: string;
  readonly line: number | undefined;
}

/**
 * Facilities achieving something: a share of the facilities of the type, or a number of them; or,
 * `tracked`, a share reported with no figure to reach and no verdict (a text that says 普遍 or
 * 持续提升 and gives no share).
 */
export interface FacilityTarget extends TargetBase {
  readonly kind: 'facilities';
  readonly achieve: Achievement;
  readonly share?: Bound;
  readonly count?: Bound;
  readonly tracked?: true;
  /** Only facilities for which this holds are counted; one whose record does not settle it counts as unknown. */
  readonly among?: Condition;
}

/**
 * A share of people over the facilities, summed (the share of licensed physicians among the
 * village doctors on post): numerator over numerator plus the rest of the denominator.
 */
export interface StaffShareTarget extends TargetBase {
  readonly kind: 'staff-share';
  /** Record fields (counts of staff) summed for the numerator. */
  readonly numerator: readonly string[];
  /** Record fields summed for the denominator; includes the numerator's. */
  readonly denominator: readonly string[];
  readonly share: Bound;
}

export type Target = FacilityTarget | StaffShareTarget;
