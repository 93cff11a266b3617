// The form's fields for a standard: the record fields its conditions read. A derived fact
// (healthTechRatio, villageEquipmentKinds …) is not a field: the fields it is computed from are.
import { facts, factsUsedBy, vocabulary, type Condition, type FactDefinition, type Standard, type Term } from 'facility-standards';

export type FieldKind = 'number' | 'count' | 'ratio' | 'boolean' | 'code' | 'codes' | 'equipment' | 'text';

export interface Field {
  /** The record path the field sets, e.g. `premises.buildingArea`. */
  readonly path: string;
  readonly kind: FieldKind;
  readonly fact: FactDefinition;
  /** For code, codes and equipment fields: the codes to choose from, with their labels. */
  readonly options?: readonly (readonly [code: string, label: Term])[];
}

/** The record fields that decide a standard, in the order its requirements first need them. */
export function fieldsFor(standard: Standard): Field[] {
  const paths = new Set<string>();
  for (const name of factsUsedBy(standard)) {
    const fact = facts.get(name);
    if (!fact) continue;
    for (const path of fact.derived ? fact.inputs : [fact.name]) paths.add(path);
  }
  // The facility type comes with the standard.
  paths.delete('type');
  return [...paths].map((path) => fieldOf(path, standard));
}

function fieldOf(path: string, standard: Standard): Field {
  const fact = facts.get(path);
  if (!fact) throw new Error(`${path} is not in the fact catalogue`);
  if (path === 'equipment') {
    // The record gives working units per code; the form ticks the codes present (1 unit each).
    return { path, kind: 'equipment', fact, options: equipmentOptions(standard) };
  }
  if (fact.type === 'code' || fact.type === 'codes') {
    return { path, kind: fact.type, fact, ...(fact.vocabulary && { options: termsOf(fact.vocabulary) }) };
  }
  return { path, kind: fact.type, fact };
}

/**
 * The equipment a standard can ask about: the catalogues its counts are taken from (with their
 * variants) and the codes its conditions name; every code when it names none.
 */
function equipmentOptions(standard: Standard): (readonly [string, Term])[] {
  const wanted = new Set<string>();
  const catalogs = new Set(factsUsedBy(standard).flatMap((name) => facts.get(name)?.catalog ?? []));
  const visit = (condition: Condition | undefined): void => {
    if (!condition) return;
    if ('all' in condition) condition.all.forEach(visit);
    else if ('any' in condition) condition.any.forEach(visit);
    else if ('not' in condition) visit(condition.not);
    else if (condition.fact === 'equipment') {
      const { value } = condition;
      for (const code of Array.isArray(value) ? value : [value]) if (typeof code === 'string') wanted.add(code);
    }
  };
  for (const requirement of standard.requirements) {
    visit(requirement.when);
    visit(requirement.check);
  }
  const all = termsOf('equipment');
  const inCatalog = (term: Term) => term.catalogs?.some((c) => catalogs.has(c)) ?? false;
  const chosen = all.filter(([code, term]) => wanted.has(code) || inCatalog(term) || (term.variantOf !== undefined && all.some(([c, t]) => c === term.variantOf && inCatalog(t))));
  return chosen.length > 0 ? chosen : all;
}

function termsOf(name: keyof typeof vocabulary.vocabularies): (readonly [string, Term])[] {
  return Object.entries(vocabulary.vocabularies[name] as Readonly<Record<string, Term>>);
}

/** A field's value as the form holds it; `undefined` when not filled. */
export type FieldValue = number | boolean | string | readonly string[] | undefined;

/** The record the form describes: the facility type of the standard and every field filled. */
export function recordOf(standard: Standard, values: ReadonlyMap<string, FieldValue>): Record<string, unknown> {
  const record: Record<string, unknown> = { id: 'assessment-form', type: standard.facilityType };
  for (const [path, value] of values) {
    if (value === undefined) continue;
    const keys = path.split('.');
    let node = record;
    for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    const last = keys[keys.length - 1]!;
    node[last] = path === 'equipment' ? Object.fromEntries((value as readonly string[]).map((code) => [code, 1])) : value;
  }
  return record;
}
