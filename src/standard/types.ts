import type { FacilityType } from '../record/vocabulary.js';
import type { LocalizedText } from '../text.js';

/** A condition with its parameters resolved: json-rules-engine's condition language. */
export type Condition = FactCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition };

export interface FactCondition {
  fact: string;
  operator: string;
  /** A literal, or another fact to compare with. */
  value: number | string | boolean | readonly (string | number)[] | { fact: string };
}

export type Severity = 'required' | 'advisory';

export interface SourceDocument {
  readonly title: string;
  readonly issuer: string;
  readonly date: string;
  /** The source text in `sources/`; absent when only a translation was found. */
  readonly file?: string;
  readonly url?: string;
}

export type Evidence = 'source-text' | 'translation';

/** Where a standard is in force. */
export interface StandardRegion {
  readonly province: string;
  readonly city?: string;
  readonly county?: string;
}

/**
 * Where a requirement (or a change to it) was declared: the standard and rule file, and the
 * document, clause and quote it encodes.
 */
export interface Provenance {
  readonly standard: string;
  readonly file: string;
  readonly line: number | undefined;
  readonly document: SourceDocument;
  readonly clause?: string;
  readonly quote?: string;
}

/** A change an overlay made to a requirement it took over. */
export interface Alteration {
  readonly provenance: Provenance;
  readonly reason: string;
  /** The fields it changed. */
  readonly changed: readonly string[];
}

export interface Requirement {
  readonly id: string;
  /** The clause in force: the latest alteration's, or the one it was declared with. */
  readonly clause: string;
  /** Verbatim from the source; absent only for standards encoded from a translation. */
  readonly quote?: string;
  readonly severity: Severity;
  readonly title: LocalizedText;
  readonly when?: Condition;
  readonly check: Condition;
  readonly note?: string;
  /** Where it was declared. */
  readonly provenance: Provenance;
  /** Overlays that changed it since, oldest first. */
  readonly alterations: readonly Alteration[];
  /** `check` and `when` as written, parameters unresolved: an overlay that sets a parameter re-resolves them. */
  readonly written: { readonly check: unknown; readonly when?: unknown };
}

/** A requirement an overlay took over and removed. */
export interface Removal {
  readonly requirement: string;
  readonly reason: string;
  readonly provenance: Provenance;
}

export interface Parameter {
  readonly value: number | string | boolean | readonly string[];
  readonly title?: LocalizedText;
  readonly note?: string;
}

export interface Applicability {
  readonly clause: string;
  readonly quote: string;
  readonly when: Condition;
  readonly note?: string;
}

/** A standard as loaded: validated, with `extends` and parameters resolved into flat requirements. */
export interface Standard {
  readonly id: string;
  readonly version: string;
  readonly title: LocalizedText;
  readonly facilityType: FacilityType;
  /** Absent for a national standard. */
  readonly region?: StandardRegion;
  readonly source: SourceDocument;
  readonly evidence: Evidence;
  readonly status: 'complete' | 'partial';
  readonly extends?: string;
  readonly applicability?: Applicability;
  readonly parameters: Readonly<Record<string, Parameter>>;
  readonly requirements: readonly Requirement[];
  /** Requirements removed by this standard or the overlays it extends. */
  readonly removed: readonly Removal[];
  readonly note?: string;
  /** The rule file the standard was loaded from. */
  readonly file: string;
}
