import { bundledRuleFiles } from '../generated/rules.js';
import type { FacilityType } from '../record/vocabulary.js';
import { loadStandards } from './load.js';
import type { Standard } from './types.js';

let bundled: ReadonlyMap<string, Standard> | undefined;

/** The standards shipped in `rules/`, by id; loaded (and validated) on first use. */
export function bundledStandards(): ReadonlyMap<string, Standard> {
  bundled ??= loadStandards(Object.entries(bundledRuleFiles).map(([file, text]) => ({ file, text })));
  return bundled;
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
