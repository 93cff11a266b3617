import { bundledRuleFiles } from '../generated/rules.js';
import type { FacilityRecord } from '../record/schema.js';
import type { FacilityType } from '../record/vocabulary.js';
import type { Program } from '../program/types.js';
import type { EntitlementSchedule } from '../portfolio/entitlements.js';
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

/** The programmes shipped in `rules/programs/`, by id. */
export function bundledPrograms(): ReadonlyMap<string, Program> {
  return bundledRules().programs;
}

/** The entitlement schedules shipped in `rules/entitlements/`, by id: what a level earns. */
export function bundledEntitlements(): ReadonlyMap<string, EntitlementSchedule> {
  return bundledRules().entitlements;
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

/**
 * The standards among `standards` that apply to a facility of this type and region. Where the
 * facility is known to be in a county whose overlay extends a city standard, the overlay replaces
 * it; an overlay in the same region (a higher level, such as the demonstration clinic) does not.
 */
export function standardsFor(standards: Iterable<Standard>, type: FacilityType, region?: FacilityRecord['region']): Standard[] {
  const applicable = [...standards].filter((s) => s.facilityType === type && inForce(s, region));
  const replaced = new Set(
    applicable
      .filter((s) => s.extends !== undefined && surelyIn(s, region) && narrower(s, applicable.find((p) => p.id === s.extends)))
      .map((s) => s.extends!),
  );
  const byId = new Map(applicable.map((s) => [s.id, s]));
  const level = (s: Standard): number => (s.extends && byId.has(s.extends) ? 1 + level(byId.get(s.extends)!) : 0);
  // National first, then the narrower regions; a level before the levels built on it.
  return applicable
    .filter((s) => !replaced.has(s.id))
    .map((s, i) => ({ s, i, key: [depth(s), level(s)] }))
    .sort((a, b) => a.key[0]! - b.key[0]! || a.key[1]! - b.key[1]! || a.i - b.i)
    .map(({ s }) => s);
}

const depth = (s: Standard) => (s.region ? (['province', 'city', 'county'] as const).filter((k) => s.region![k] !== undefined).length : 0);

/** Whether the facility is known to be in the standard's region (not merely not known to be outside). */
function surelyIn(standard: Standard, region: FacilityRecord['region']): boolean {
  return (['province', 'city', 'county'] as const).every(
    (level) => standard.region?.[level] === undefined || standard.region[level] === region?.[level],
  );
}

/** Whether a standard is in force in a smaller region than its parent. */
function narrower(child: Standard, parent: Standard | undefined): boolean {
  return parent !== undefined && depth(child) > depth(parent);
}

function inForce(standard: Standard, region: FacilityRecord['region']): boolean {
  if (!standard.region || !region) return true;
  return (['province', 'city', 'county'] as const).every(
    (level) => standard.region![level] === undefined || region[level] === undefined || standard.region![level] === region[level],
  );
}
