import { facts, type FactValue } from '../record/facts.js';
import type { Condition, Standard } from '../standard/types.js';
import { ruleName, type ResultNode } from './engine.js';
import { operators } from './operators.js';

type Values = ReadonlyMap<string, FactValue>;
type Compiled = (values: Values) => ResultNode;

/**
 * Compiles a condition once into a function that evaluates it synchronously and returns the same
 * result tree json-rules-engine would: every node with its `result`, every fact condition with
 * the fact's value and the value compared with. Everything after the tree — three-valued
 * outcomes, gap items, messages — is shared by both paths.
 */
export function compileCondition(condition: Condition): Compiled {
  if ('fact' in condition) {
    const { fact, value } = condition;
    const { test } = operators.get(condition.operator)!;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const other = (value as { fact: string }).fact;
      return (values) => {
        const factResult = values.get(fact);
        const valueResult = values.get(other);
        return { result: test(factResult, valueResult), factResult, valueResult };
      };
    }
    return (values) => {
      const factResult = values.get(fact);
      return { result: test(factResult, value), factResult, valueResult: value };
    };
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not);
    return (values) => {
      const not = inner(values);
      return { result: !not.result, not };
    };
  }
  const every = 'all' in condition;
  const children = (every ? condition.all : condition.any).map(compileCondition);
  return (values) => {
    const nodes = children.map((child) => child(values));
    const result = every ? nodes.every((n) => n.result) : nodes.some((n) => n.result);
    return every ? { result, all: nodes } : { result, any: nodes };
  };
}

const compiled = new WeakMap<Standard, ReadonlyMap<string, Compiled>>();

function compileStandard(standard: Standard): ReadonlyMap<string, Compiled> {
  let rules = compiled.get(standard);
  if (rules) return rules;
  const entries: [string, Compiled][] = [];
  if (standard.applicability) entries.push([ruleName.applicability, compileCondition(standard.applicability.when)]);
  for (const requirement of standard.requirements) {
    if (requirement.when) entries.push([ruleName.when(requirement.id), compileCondition(requirement.when)]);
    entries.push([ruleName.check(requirement.id), compileCondition(requirement.check)]);
  }
  rules = new Map(entries);
  compiled.set(standard, rules);
  return rules;
}

/** Runs a standard's compiled rules on a record's facts; the counterpart of the engine's runRules. */
export function runCompiled(standard: Standard, values: Values): Map<string, ResultNode> {
  const trees = new Map<string, ResultNode>();
  for (const [name, rule] of compileStandard(standard)) trees.set(name, rule(values));
  return trees;
}

const used = new WeakMap<Standard, readonly string[]>();

/** The facts a standard's conditions name, so that only those are read from a record. */
export function factsUsedBy(standard: Standard): readonly string[] {
  let names = used.get(standard);
  if (names) return names;
  const found = new Set<string>();
  const visit = (condition: Condition): void => {
    if ('fact' in condition) {
      found.add(condition.fact);
      const { value } = condition;
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) found.add((value as { fact: string }).fact);
    } else if ('not' in condition) visit(condition.not);
    else ('all' in condition ? condition.all : condition.any).forEach(visit);
  };
  if (standard.applicability) visit(standard.applicability.when);
  for (const requirement of standard.requirements) {
    if (requirement.when) visit(requirement.when);
    visit(requirement.check);
  }
  // Gap items on a catalogue count list what is missing from the equipment.
  if ([...found].some((name) => facts.get(name)?.catalog)) found.add('equipment');
  names = [...found];
  used.set(standard, names);
  return names;
}
