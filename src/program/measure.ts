import { compileCondition, type CompiledCondition } from '../evaluate/compile.js';
import type { Truth } from '../evaluate/gap.js';
import type { Report } from '../evaluate/result.js';
import { readFacts } from '../record/facts.js';
import type { FacilityRecord } from '../record/schema.js';
import type { LocalizedText } from '../text.js';
import type { Condition } from '../standard/types.js';
import { placement } from '../standard/region.js';
import type { Bound, FacilityTarget, Program, StaffShareTarget, Target } from './types.js';

/** What one facility brings to one target of a programme; a batch writes it with the facility's row. */
export interface Contribution {
  readonly program: string;
  readonly target: string;
  /** For a facility target: whether the facility counts. */
  readonly achieved?: Truth;
  /** Whether it counts only because waivers excuse it from requirements of the standard. */
  readonly byWaiver?: boolean;
  /**
   * For a standard target: the standard's required requirements still open (gaps and unknowns);
   * absent where the standard does not apply (a clinic too small to be a demonstration clinic).
   */
  readonly open?: number;
  /** For a target counted `among` some facilities: the record does not settle whether the facility is among them. */
  /** For a staff share: the facility's people, or absent when its record does not give them. */
  readonly people?: { readonly numerator: number; readonly denominator: number };
  /**
   * The record does not say enough of where the facility is to tell whether it is in the
   * programme's region: the fields that would settle it. It counts as undecided, never as out.
   */
  readonly unplaced?: readonly string[];
}

/** The targets of a programme a facility may count for: those for its type, unless it is known to be outside the programme's region. */
export function targetsFor(program: Program, record: FacilityRecord): Target[] {
  if (record.type === undefined || placement(program.region, record.region).status === 'out') return [];
  return program.targets.filter((t) => t.facilityType === record.type);
}

const compiled = new WeakMap<FacilityTarget, CompiledCondition>();

/**
 * What a facility brings to each target it counts for. `reportFor` gives its report against a
 * standard (already evaluated for the batch, or evaluated on demand).
 */
export function contributions(program: Program, record: FacilityRecord, reportFor: (standard: string) => Report): Contribution[] {
  const placed = placement(program.region, record.region);
  if (placed.status === 'unplaced') {
    return targetsFor(program, record).map((target) => ({ program: program.id, target: target.id, achieved: 'unknown', unplaced: placed.fields }));
  }
  return targetsFor(program, record).flatMap((target): Contribution[] => {
    const head = { program: program.id, target: target.id };
    if (target.kind === 'facilities' && target.among) {
      const among = conditionOf(target.among).truth(readFacts(record));
      if (among === false) return [];
      // Whether the facility is in the group counted is not known: it is counted, undecided.
      if (among === 'unknown') return [{ ...head, achieved: 'unknown' }];
    }
    return [contribution(target, head, record, reportFor)];
  });
}

const compiledAmong = new WeakMap<Condition, CompiledCondition>();

function conditionOf(condition: Condition): CompiledCondition {
  let done = compiledAmong.get(condition);
  if (!done) compiledAmong.set(condition, (done = compileCondition(condition)));
  return done;
}

function contribution(target: Target, head: Pick<Contribution, 'program' | 'target'>, record: FacilityRecord, reportFor: (standard: string) => Report): Contribution {
  {
    if (target.kind === 'staff-share') return { ...head, ...peopleOf(target, record) };
    if ('standard' in target.achieve) {
      const report = reportFor(target.achieve.standard);
      const required = report.requirements.filter((r) => r.severity === 'required');
      if (report.outcome === 'not-applicable') return { ...head, achieved: false };
      const achieved: Truth = report.outcome === 'met' ? true : report.outcome === 'gap' ? false : 'unknown';
      return {
        ...head,
        achieved,
        ...(achieved === true && required.some((r) => r.outcome === 'waived') && { byWaiver: true }),
        open: required.filter((r) => r.outcome === 'gap' || r.outcome === 'unknown').length,
      };
    }
    let condition = compiled.get(target);
    if (!condition) compiled.set(target, (condition = compileCondition(target.achieve.condition)));
    return { ...head, achieved: condition.truth(readFacts(record)) };
  }
}

function peopleOf(target: StaffShareTarget, record: FacilityRecord): Pick<Contribution, 'people'> {
  const sum = (fields: readonly string[]) => {
    let total = 0;
    for (const field of fields) {
      const n = (record.staff as Record<string, number | undefined> | undefined)?.[field.slice('staff.'.length)];
      if (n === undefined) return undefined;
      total += n;
    }
    return total;
  };
  const numerator = sum(target.numerator);
  const denominator = sum(target.denominator);
  return numerator === undefined || denominator === undefined ? {} : { people: { numerator, denominator } };
}

/** A facility as a programme's figures name it. */
export interface FacilityRef {
  readonly row: number;
  readonly id?: string;
  readonly name?: string;
  readonly county?: string;
  readonly township?: string;
}

/** A target's figures over one area: the programme's region, or one county or township of it. */
export interface AreaProgress {
  readonly county?: string;
  readonly township?: string;
  /** Facilities of the type counted (or, for a staff share, people in the denominator). */
  readonly population: number;
  readonly required: number;
  readonly achieved: number;
  /** Of `achieved`, those that count only because waivers excuse them. */
  readonly byWaiver: number;
  /** Facilities whose records do not settle whether they count. */
  readonly unknown: number;
  /**
   * Facilities of the type whose records do not say enough of where they are to tell whether
   * they are in the programme's region (not in `population`); the status is `unknown` when they
   * could change it.
   */
  readonly unplaced: number;
  /** How many more facilities (or people) are needed: required − achieved, at least 0. */
  readonly gap: number;
  /**
   * `unknown` when the facilities not settled could still decide it, or when there is nothing to
   * take a share of; `tracked` for a target with no figure to reach (no verdict).
   */
  readonly status: 'met' | 'gap' | 'unknown' | 'tracked';
  /** For a tracked target: achieved / population (facilities not settled count in the population), absent when there are none. */
  readonly share?: number;
  /** For a standard target short of it: the facilities not yet counted with the fewest open requirements, as many as the gap. */
  readonly closest: readonly (FacilityRef & { readonly open: number })[];
}

export interface TargetProgress {
  readonly target: string;
  readonly title: LocalizedText;
  readonly clause: string;
  readonly quote: string;
  readonly by: string;
  readonly facilityType: Target['facilityType'];
  /** What is counted: facilities, or people for a staff share. */
  readonly unit: 'facilities' | 'people';
  readonly measure: 'share' | 'count' | 'tracked';
  /** Absent for a tracked target. */
  readonly bound?: Bound;
  /** What counts: facilities meeting a standard, or a condition; or, for a staff share, the record fields summed. */
  readonly counts:
    | { readonly standard: string }
    | { readonly condition: Condition }
    | { readonly numerator: readonly string[]; readonly denominator: readonly string[] };
  readonly areas: readonly AreaProgress[];
}

export interface ProgramProgress {
  readonly program: string;
  readonly title: LocalizedText;
  readonly region: Program['region'];
  readonly source: Program['source'];
  readonly targets: readonly TargetProgress[];
}

/** Where a facility's contributions came from, with where it is, for grouping. */
export interface ContributingFacility extends FacilityRef {
  readonly contributions: readonly Contribution[];
}

/** Up to how many facilities `closest` names. */
const closestLimit = 20;

/** A programme's figures over the facilities of a batch. */
export function measureProgram(program: Program, facilities: readonly ContributingFacility[]): ProgramProgress {
  const repeated = repeatedIds(facilities);
  return {
    program: program.id,
    title: program.title,
    region: program.region,
    source: program.source,
    targets: program.targets.map((target) => {
      // Each area's figures are summed as its facilities come (a batch may hold hundreds of
      // thousands): no list of them, no list per area, no sort of them all. An area's figures do
      // not depend on the order its facilities come in.
      const areas = new Map<string, AreaSums>();
      // Areas come in the order of their first facility in the batch.
      const areaOf = (facility: ContributingFacility) => {
        const key = areaKey(target, facility);
        let area = areas.get(key);
        if (!area) areas.set(key, (area = new AreaSums(facility)));
        return area;
      };
      const shared = new Map<string, Entry>();
      for (const facility of facilities) {
        const contribution = facility.contributions.find((c) => c.program === program.id && c.target === target.id);
        if (!contribution) continue;
        const area = areaOf(facility);
        if (facility.id === undefined || !repeated.has(facility.id)) area.add({ facility, contribution });
        else shared.set(facility.id, onceFor(shared.get(facility.id), { facility, contribution }));
      }
      for (const entry of shared.values()) areaOf(entry.facility).add(entry);
      if (areas.size === 0) areas.set('', new AreaSums(undefined));
      return {
        target: target.id,
        title: target.title,
        clause: target.clause,
        quote: target.quote,
        by: target.by,
        facilityType: target.facilityType,
        unit: target.kind === 'staff-share' ? 'people' : 'facilities',
        measure: target.kind === 'facilities' && target.tracked ? 'tracked' : target.kind === 'facilities' && target.count ? 'count' : 'share',
        ...(target.kind === 'staff-share' ? { bound: target.share } : !target.tracked && { bound: (target.count ?? target.share)! }),
        counts: target.kind === 'staff-share' ? { numerator: target.numerator, denominator: target.denominator } : target.achieve,
        areas: [...areas.values()].map((area) => measureArea(target, area)),
      };
    }),
  };
}

type Entry = { readonly facility: ContributingFacility; readonly contribution: Contribution };

/**
 * Rows that share an id are one facility, never counted twice: the first row's entry, with the
 * next row's. Where their contributions disagree, the facility's is undecided.
 */
function onceFor(first: Entry | undefined, next: Entry): Entry {
  if (!first || JSON.stringify(first.contribution) === JSON.stringify(next.contribution)) return first ?? next;
  const { people: _people, byWaiver: _byWaiver, ...rest } = first.contribution;
  return { facility: first.facility, contribution: { ...rest, achieved: 'unknown' } };
}

/** The ids several facilities share: only their entries need to be told apart. */
function repeatedIds(facilities: readonly ContributingFacility[]): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const { id } of facilities) {
    if (id === undefined) continue;
    if (seen.has(id)) repeated.add(id);
    else seen.add(id);
  }
  return repeated;
}

function areaKey(target: Target, facility: FacilityRef): string {
  if (target.per === 'county') return JSON.stringify([facility.county]);
  if (target.per === 'township') return JSON.stringify([facility.county, facility.township]);
  return '';
}

/** One area's facilities for a target, summed as they come; the closest kept as a short list. */
class AreaSums {
  /** Facilities placed in the area (those whose contribution is not `unplaced`). */
  population = 0;
  unplaced = 0;
  achieved = 0;
  byWaiver = 0;
  unknown = 0;
  /** For a staff share: facilities that give both counts, and the people summed. */
  known = 0;
  people = { numerator: 0, denominator: 0 };
  /** The facilities not yet counted with the fewest open requirements (then the first rows), at most `closestLimit`, in that order. */
  readonly closest: Entry[] = [];

  constructor(readonly first: ContributingFacility | undefined) {}

  add(entry: Entry): void {
    const { contribution } = entry;
    if (contribution.unplaced !== undefined) {
      this.unplaced++;
      return;
    }
    this.population++;
    if (contribution.people) {
      this.known++;
      this.people.numerator += contribution.people.numerator;
      this.people.denominator += contribution.people.denominator;
    }
    if (contribution.achieved === true) this.achieved++;
    if (contribution.achieved === 'unknown') this.unknown++;
    if (contribution.byWaiver) this.byWaiver++;
    if (contribution.achieved !== true && contribution.open !== undefined) this.consider(entry);
  }

  private consider(entry: Entry): void {
    const before = (a: Entry, b: Entry) => a.contribution.open! - b.contribution.open! || a.facility.row - b.facility.row;
    const list = this.closest;
    if (list.length === closestLimit && before(entry, list.at(-1)!) >= 0) return;
    let i = list.length;
    while (i > 0 && before(entry, list[i - 1]!) < 0) i--;
    list.splice(i, 0, entry);
    if (list.length > closestLimit) list.pop();
  }
}

function measureArea(target: Target, area: AreaSums): AreaProgress {
  const { first, population, unplaced, achieved, byWaiver, unknown } = area;
  const where = {
    ...(target.per !== undefined && first?.county !== undefined && { county: first.county }),
    ...(target.per === 'township' && first?.township !== undefined && { township: first.township }),
  };
  if (target.kind === 'staff-share') {
    const { numerator, denominator } = area.people;
    const undecided = population - area.known;
    const required = requiredOf(target.share, denominator, 'share');
    const gap = Math.max(0, required - numerator);
    const status = undecided > 0 || unplaced > 0 || denominator === 0 ? 'unknown' : gap === 0 ? 'met' : 'gap';
    return { ...where, population: denominator, required, achieved: numerator, byWaiver: 0, unknown: undecided, unplaced, gap, status, closest: [] };
  }
  if (target.tracked) {
    const share = population > 0 ? { share: achieved / population } : {};
    return { ...where, population, required: 0, achieved, byWaiver, unknown, unplaced, gap: 0, status: 'tracked', ...share, closest: [] };
  }
  const requiredFor = (n: number) => (target.count ? requiredOf(target.count, n, 'count') : requiredOf(target.share!, n, 'share'));
  const required = requiredFor(population);
  const gap = Math.max(0, required - achieved);
  const verdict = (n: number, undecided: number): AreaProgress['status'] => {
    const needed = requiredFor(n);
    // A share of no facilities says nothing: the batch holds none of the type there.
    if (n === 0 && !target.count) return 'unknown';
    return achieved >= needed ? 'met' : achieved + undecided >= needed ? 'unknown' : 'gap';
  };
  // The unplaced facilities may all be outside the region, or all inside it, each undecided.
  const outside = verdict(population, unknown);
  const status = unplaced === 0 || outside === verdict(population + unplaced, unknown + unplaced) ? outside : 'unknown';
  const closest = area.closest
    .slice(0, Math.min(gap, closestLimit))
    .map(({ facility: { contributions: _, ...ref }, contribution }) => ({ ...ref, open: contribution.open! }));
  return { ...where, population, required, achieved, byWaiver, unknown, unplaced, gap, status, closest };
}

/**
 * How many facilities (or people) a bound asks for: a share of `population` rounds up (30 % of
 * 11 centers is 4); "more than" a share is the next whole one above it (more than 50 % of 10 is 6).
 * A share of nothing asks for nothing.
 */
export function requiredOf(bound: Bound, population: number, measure: 'share' | 'count'): number {
  if (measure === 'count') return bound.operator === 'moreThan' ? Math.floor(bound.value) + 1 : Math.ceil(bound.value);
  if (population === 0) return 0;
  const exact = bound.value * population;
  // Shares like 0.3 × 10 are not exact in binary: round away the last bits before comparing.
  const product = Math.round(exact * 1e9) / 1e9;
  return bound.operator === 'moreThan' ? Math.floor(product) + 1 : Math.ceil(product);
}
