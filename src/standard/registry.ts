import { bundledRuleFiles } from '../generated/rules.js';
import type { FacilityType } from '../record/vocabulary.js';
import type { Ladder } from './ladder.js';
import { loadRules, type RuleSet } from './load.js';
import type { Standard } from './types.js';

let bundled: RuleSet | undefined;

function bundledRules(): RuleSet {
  bundled ??= loadRules(Object.entries(bundledRuleFiles).map(([file, text]) => ({ file, text })));
  return bundled;
}

/** The standards shipped in `rules/`, by id; loaded (and validated) on first use. */
export function bundledStandards(): ReadonlyMap<string, Standard> {
  return bundledRules().standards;
}

/** The ladders shipped in `rules/ladders/`, by id. */
export function bundledLadders(): ReadonlyMap<string, Ladder> {
  return bundledRules().ladders;
}

/** A bundled ladder by id; throws naming the known ids when there is none. */
export function bundledLadder(id: string): Ladder {
  const ladder = bundledLadders().get(id);
  if (!ladder) throw new Error(`No bundled ladder "${id}"; bundled ladders: ${[...bundledLadders().keys()].join(', ')}`);
  return ladder;
}

/** A bundled standard by id; throws naming the known ids when there is none. */
export function bundledStandard(id: string): Standard {
  const standard = bundledStandards().get(id);
  if (!standard) {
    throw new Error(`No bundled standard "${id}"; bundled standards: ${[...bundledStandards().keys()].join(', ')}`);
  }
  return standard;
}

/** The bundled standards for one facility type, in file order. */
export function bundledStandardsFor(type: FacilityType): Standard[] {
  return [...bundledStandards().values()].filter((s) => s.facilityType === type);
}
