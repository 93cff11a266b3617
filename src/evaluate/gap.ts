import { facts, missingInputs, type FactDefinition, type FactValue } from '../record/facts.js';
import type { FacilityRecord } from '../record/schema.js';
import { findingMessage } from '../report/messages.js';
import type { Condition, FactCondition } from '../standard/types.js';
import type { ResultNode } from './engine.js';
import { holdsVacuously } from './operators.js';
import type { ConditionValue, Finding } from './result.js';

/** Three-valued truth: a condition on a fact the record does not give is `unknown`. */
export type Truth = boolean | 'unknown';

type Values = ReadonlyMap<string, FactValue>;

const isFactCondition = (c: Condition): c is FactCondition => 'fact' in c;
const comparedFact = (c: FactCondition): string | undefined =>
  typeof c.value === 'object' && c.value !== null && !Array.isArray(c.value) ? (c.value as { fact: string }).fact : undefined;

function isKnown(c: FactCondition, values: Values): boolean {
  if (holdsVacuously(c.operator, c.value)) return true;
  const other = comparedFact(c);
  return values.has(c.fact) && (other === undefined || values.has(other));
}

/**
 * The truth of a condition, from json-rules-engine's result for each fact condition, combined
 * with Kleene's three-valued logic so that absent data is never read as a pass or a fail: an
 * `all` with one failed condition fails whatever else is unknown; an `any` with one passed
 * condition passes.
 */
export function judge(condition: Condition, node: ResultNode, values: Values): Truth {
  if (isFactCondition(condition)) {
    if (holdsVacuously(condition.operator, condition.value)) return true;
    return isKnown(condition, values) ? node.result === true : 'unknown';
  }
  if ('not' in condition) {
    const inner = judge(condition.not, node.not!, values);
    return inner === 'unknown' ? inner : !inner;
  }
  const [children, nodes, decisive] =
    'all' in condition ? [condition.all, node.all!, false] : [condition.any, node.any!, true];
  let unknown = false;
  for (let i = 0; i < children.length; i++) {
    const truth = judge(children[i]!, nodes[i]!, values);
    if (truth === decisive) return decisive;
    if (truth === 'unknown') unknown = true;
  }
  return unknown ? 'unknown' : !decisive;
}

/** The record fields that would decide a condition judged `unknown`. */
export function undecidedFields(condition: Condition, values: Values, record: FacilityRecord): string[] {
  const fields = new Set<string>();
  walkFactConditions(condition, (c) => {
    if (isKnown(c, values)) return;
    for (const name of [c.fact, comparedFact(c)]) {
      const fact = name === undefined ? undefined : facts.get(name);
      if (fact && !values.has(fact.name)) missingInputs(fact, record).forEach((f) => fields.add(f));
    }
  });
  return [...fields];
}

function walkFactConditions(condition: Condition, visit: (c: FactCondition) => void): void {
  if (isFactCondition(condition)) visit(condition);
  else if ('not' in condition) walkFactConditions(condition.not, visit);
  else for (const child of 'all' in condition ? condition.all : condition.any) walkFactConditions(child, visit);
}

/** What makes a failed condition fail: one finding per fact condition that is not met. */
export function findingsOf(condition: Condition, node: ResultNode, values: Values, negated = false): Finding[] {
  if (isFactCondition(condition)) return [finding(condition, node, values, negated)];
  if ('not' in condition) return findingsOf(condition.not, node.not!, values, !negated);
  const [children, nodes] = 'all' in condition ? [condition.all, node.all!] : [condition.any, node.any!];
  // Under `all` the failed children are the reason; a failed `any` failed on every child.
  const failing = negated ? true : false;
  return children.flatMap((child, i) =>
    judge(child, nodes[i]!, values) === failing ? findingsOf(child, nodes[i]!, values, negated) : [],
  );
}

function finding(c: FactCondition, node: ResultNode, values: Values, negated: boolean): Finding {
  const fact = facts.get(c.fact)!;
  const other = comparedFact(c);
  const valueFact = other === undefined ? undefined : facts.get(other);
  const actual = decided(values.get(c.fact), c.fact);
  const expected = decided(valueFact ? values.get(valueFact.name) : node.valueResult ?? c.value, other ?? c.fact);
  const operator = negated ? `not:${c.operator}` : c.operator;
  const measures = negated ? {} : measure(fact, c.operator, expected, actual);
  const message = negated
    ? findingMessage({ fact, operator: 'notEqual', expected: actual, actual })
    : findingMessage({ fact, ...(valueFact && { valueFact }), operator: c.operator, expected, actual, ...measures });
  return { fact: c.fact, operator, expected, actual, ...measures, message };
}

/** A value a failed condition compared: it was judged, so it is there (absent values make `unknown`, never a finding). */
function decided(value: unknown, fact: string): ConditionValue {
  if (value === undefined || value === null || (typeof value === 'object' && !Array.isArray(value))) {
    throw new Error(`internal: a failed condition on ${fact} compared no value`);
  }
  return value as ConditionValue;
}

/** Shortfall, excess and missing items of a failed condition, in the fact's own unit. */
function measure(
  fact: FactDefinition,
  operator: string,
  expected: unknown,
  actual: unknown,
): Pick<Finding, 'missing' | 'shortfall' | 'excess'> {
  const step = fact.type === 'count' ? 1 : 0;
  const difference = (a: number, b: number) => Math.round((a - b) * 1e9) / 1e9;
  if (typeof expected === 'number' && typeof actual === 'number') {
    switch (operator) {
      case 'greaterThanInclusive':
      case 'greaterThan': {
        // A count over a catalogue lists nothing as missing: the catalogue is not the list in force.
        return { shortfall: difference(expected + (operator === 'greaterThan' ? step : 0), actual) };
      }
      case 'lessThanInclusive':
      case 'lessThan':
        return { excess: difference(actual, expected - (operator === 'lessThan' ? step : 0)) };
    }
  }
  if (operator === 'includesAll' && Array.isArray(expected) && Array.isArray(actual)) {
    return { missing: expected.filter((code) => !actual.includes(code)) };
  }
  if (operator === 'contains' && typeof expected === 'string') return { missing: [expected] };
  if (operator === 'equal' && fact.type === 'boolean' && expected === true) return { missing: [fact.name] };
  return {};
}
