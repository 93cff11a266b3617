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
  readonly file: string;
}

/** Where a requirement was declared: the standard and rule file, and the document it encodes. */
export interface Provenance {
  readonly standard: string;
  readonly file: string;
  readonly line: number | undefined;
  readonly document: SourceDocument;
}

export interface Requirement {
  readonly id: string;
  readonly clause: string;
  readonly quote: string;
  readonly severity: Severity;
  readonly title: LocalizedText;
  readonly when?: Condition;
  readonly check: Condition;
  readonly note?: string;
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
  readonly source: SourceDocument;
  readonly extends?: string;
  readonly applicability?: Applicability;
  readonly parameters: Readonly<Record<string, Parameter>>;
  readonly requirements: readonly Requirement[];
  readonly note?: string;
  /** The rule file the standard was loaded from. */
  readonly file: string;
}
