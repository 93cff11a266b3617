import { bundledRuleFiles } from '../generated/rules.js';
import type { FacilityRecord } from '../record/schema.js';
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

/**
 * The bundled standards for a facility: those for its type that are in force where it is
 * (national ones everywhere; a city's in that city), in file order. Without a region, every
 * standard for the type.
 */
export function bundledStandardsFor(type: FacilityType, region?: FacilityRecord['region']): Standard[] {
  return standardsFor([...bundledStandards().values()], type, region);
}

/** The standards among `standards` that apply to a facility of this type and region. */
export function standardsFor(standards: Iterable<Standard>, type: FacilityType, region?: FacilityRecord['region']): Standard[] {
  return [...standards].filter((s) => s.facilityType === type && inForce(s, region));
}

function inForce(standard: Standard, region: FacilityRecord['region']): boolean {
  if (!standard.region || !region) return true;
  return (['province', 'city', 'county'] as const).every(
    (level) => standard.region![level] === undefined || region[level] === undefined || standard.region![level] === region[level],
  );
}
