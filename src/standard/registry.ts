import { entitlements, ladders, programs } from '../generated/rule-sets.js';
import { standards } from '../generated/standards.js';
import type { FacilityRecord } from '../record/schema.js';
import type { FacilityType } from '../record/vocabulary.js';
import type { Program } from '../program/types.js';
import { UnknownIdError } from '../diagnostic.js';
import { deepFreeze, ReadonlyMapView } from '../freeze.js';
import type { EntitlementSchedule } from '../portfolio/entitlements.js';
import type { BundledLadderId, BundledProgramId, BundledStandardId } from './ids.js';
import type { Ladder } from './ladder.js';
import type { RuleSet } from './load.js';
import { placement, regionLevels } from './region.js';
import type { Standard } from './types.js';

let bundled: RuleSet | undefined;

/**
 * The bundled rule set, frozen (each standard by its own module, the rest on first use): no caller
 * can change what a later one gets. It was validated and resolved at build time
 * (scripts/gen-rules.mjs), each standard with its evaluator generated then, so no YAML is parsed
 * and no rule file validated here.
 */
function bundledRules(): RuleSet {
  if (!bundled) {
    bundled = {
      standards: new ReadonlyMapView(standards.map((s) => [s.id, s])),
      ladders: new ReadonlyMapView(deepFreeze(new Map(ladders.map((l) => [l.id, l])))),
      programs: new ReadonlyMapView(deepFreeze(new Map(programs.map((p) => [p.id, p])))),
      entitlements: new ReadonlyMapView(deepFreeze(new Map(entitlements.map((e) => [e.id, e])))),
    };
  }
  return bundled;
}

/** The standards shipped in `rules/`, by id; validated when the package was built. Read-only. */
export function bundledStandards(): ReadonlyMap<string, Standard> {
  return bundledRules().standards;
}

/** The ladders shipped in `rules/ladders/`, by id. Read-only. */
export function bundledLadders(): ReadonlyMap<string, Ladder> {
  return bundledRules().ladders;
}

/** The programmes shipped in `rules/programs/`, by id. Read-only. */
export function bundledPrograms(): ReadonlyMap<string, Program> {
  return bundledRules().programs;
}

/** The entitlement schedules shipped in `rules/entitlements/`, by id: what a level earns. Read-only. */
export function bundledEntitlements(): ReadonlyMap<string, EntitlementSchedule> {
  return bundledRules().entitlements;
}

/** A bundled ladder by id; throws UnknownIdError, with the nearest ids, when there is none. */
export function bundledLadder(id: BundledLadderId): Ladder {
  const ladder = bundledLadders().get(id);
  if (!ladder) throw new UnknownIdError('ladder', id, [...bundledLadders().keys()]);
  return ladder;
}

/** A bundled programme by id; throws UnknownIdError, with the nearest ids, when there is none. */
export function bundledProgram(id: BundledProgramId): Program {
  const program = bundledPrograms().get(id);
  if (!program) throw new UnknownIdError('programme', id, [...bundledPrograms().keys()]);
  return program;
}

/** A bundled standard by id; throws UnknownIdError, with the nearest ids, when there is none. */
export function bundledStandard(id: BundledStandardId): Standard {
  const standard = bundledStandards().get(id);
  if (!standard) throw new UnknownIdError('standard', id, [...bundledStandards().keys()]);
  return standard;
}

/**
 * The bundled standards for a facility: those for its type that it is known to be under (national
 * ones everywhere; a city's for a facility known to be in that city), in file order.
 */
export function bundledStandardsFor(type: FacilityType, region?: FacilityRecord['region']): Standard[] {
  return standardsFor(bundledStandards().values(), type, region);
}

/** The standards among `standards` that apply to a facility of this type and region; see `selectStandards`. */
export function standardsFor(standards: Iterable<Standard>, type: FacilityType, region?: FacilityRecord['region']): Standard[] {
  return selectStandards(standards, type, region).standards;
}

/** Standards chosen for a facility, and those whose region the record does not say enough to tell. */
export interface StandardSelection {
  /** National first, then narrower regions; a level before the levels built on it. */
  readonly standards: Standard[];
  /** Region-bound standards of the type the record cannot be placed for, with the fields that would settle it. */
  readonly unplaced: readonly { readonly standard: Standard; readonly fields: readonly string[] }[];
}

/**
 * The standards for a facility of this type and region. A region-bound standard applies only
 * when the record is known to be in its region: a city's when the record names that city, a
 * county's when it names that county. One the record might be under, because it leaves a level
 * out, is not applied and is listed in `unplaced`. Where a county overlay of a city standard
 * applies, it replaces the city standard; an overlay for the same region (a higher level, such
 * as the demonstration clinic) does not.
 */
export function selectStandards(standards: Iterable<Standard>, type: FacilityType, region?: FacilityRecord['region']): StandardSelection {
  const applicable: Standard[] = [];
  const unplaced: { standard: Standard; fields: readonly string[] }[] = [];
  for (const standard of standards) {
    if (standard.facilityType !== type) continue;
    const placed = placement(standard.region, region);
    if (placed.status === 'in') applicable.push(standard);
    else if (placed.status === 'unplaced') unplaced.push({ standard, fields: placed.fields });
  }
  const byId = new Map(applicable.map((s) => [s.id, s]));
  const replaced = new Set(
    applicable.filter((s) => s.extends !== undefined && depth(s) > depth(byId.get(s.extends))).map((s) => s.extends!),
  );
  const level = (s: Standard): number => (s.extends && byId.has(s.extends) ? 1 + level(byId.get(s.extends)!) : 0);
  const ordered = applicable
    .filter((s) => !replaced.has(s.id))
    .map((s, i) => ({ s, i, depth: depth(s), level: level(s) }))
    .sort((a, b) => a.depth - b.depth || a.level - b.level || a.i - b.i)
    .map(({ s }) => s);
  return { standards: ordered, unplaced };
}

/** How narrow a standard's region is: 0 national, 1 province, 2 city, 3 county; a missing parent is not narrower. */
function depth(standard: Standard | undefined): number {
  if (!standard) return Number.POSITIVE_INFINITY;
  return regionLevels.filter((level) => standard.region?.[level] !== undefined).length;
}
