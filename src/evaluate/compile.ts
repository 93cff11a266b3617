import { facts, type FactValue } from '../record/facts.js';
import type { Condition, Standard } from '../standard/types.js';
import type { ResultNode } from './engine.js';
import type { Truth } from './gap.js';
import { holdsVacuously, operators } from './operators.js';

type Values = ReadonlyMap<string, FactValue>;

/**
 * A condition compiled once into two functions: `truth` decides it in three-valued logic (a
 * condition on a fact the record does not give is `unknown`) without allocating; `tree`
 * rebuilds the result tree json-rules-engine would give — every node with its `result`, every
 * fact condition with the fact's value and the value compared with — for the gap items of a
 * requirement found not met. Everything after the tree is shared with the json-rules-engine path.
 */
export interface CompiledCondition {
  readonly truth: (values: Values) => Truth;
  readonly tree: (values: Values) => ResultNode;
}

export function compileCondition(condition: Condition): CompiledCondition {
  if ('fact' in condition) {
    const { fact, value } = condition;
    const { test } = operators.get(condition.operator)!;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const other = (value as { fact: string }).fact;
      return {
        truth: (values) => {
          const a = values.get(fact);
          const b = values.get(other);
          return a === undefined || b === undefined ? 'unknown' : test(a, b);
        },
        tree: (values) => {
          const factResult = values.get(fact);
          const valueResult = values.get(other);
          return { result: test(factResult, valueResult), factResult, valueResult };
        },
      };
    }
    if (holdsVacuously(condition.operator, value)) {
      return { truth: () => true, tree: (values) => ({ result: true, factResult: values.get(fact), valueResult: value }) };
    }
    return {
      truth: (values) => {
        const a = values.get(fact);
        return a === undefined ? 'unknown' : test(a, value);
      },
      tree: (values) => {
        const factResult = values.get(fact);
        return { result: test(factResult, value), factResult, valueResult: value };
      },
    };
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not);
    return {
      truth: (values) => {
        const t = inner.truth(values);
        return t === 'unknown' ? t : !t;
      },
      tree: (values) => {
        const not = inner.tree(values);
        return { result: !not.result, not };
      },
    };
  }
  const every = 'all' in condition;
  const children = (every ? condition.all : condition.any).map(compileCondition);
  // `all` is decided by a false child, `any` by a true one; unknown children leave it unknown.
  const decisive = !every;
  return {
    truth: (values) => {
      let unknown = false;
      for (const child of children) {
        const t = child.truth(values);
        if (t === decisive) return decisive;
        if (t === 'unknown') unknown = true;
      }
      return unknown ? 'unknown' : !decisive;
    },
    tree: (values) => {
      const nodes = children.map((child) => child.tree(values));
      const result = every ? nodes.every((n) => n.result) : nodes.some((n) => n.result);
      return every ? { result, all: nodes } : { result, any: nodes };
    },
  };
}

/** A standard with its conditions compiled, in the order of its requirements. */
export interface CompiledStandard {
  /** The facts its conditions name: the only ones read from a record. */
  readonly facts: readonly string[];
  readonly applicability?: CompiledCondition;
  readonly requirements: readonly { readonly when?: CompiledCondition; readonly check: CompiledCondition }[];
}

const compiled = new WeakMap<Standard, CompiledStandard>();

export function compileStandard(standard: Standard): CompiledStandard {
  let done = compiled.get(standard);
  if (done) return done;
  done = {
    facts: factsNamed(standard),
    ...(standard.applicability && { applicability: compileCondition(standard.applicability.when) }),
    requirements: standard.requirements.map((r) => ({
      ...(r.when && { when: compileCondition(r.when) }),
      check: compileCondition(r.check),
    })),
  };
  compiled.set(standard, done);
  return done;
}

function factsNamed(standard: Standard): string[] {
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
  return [...found];
}

/** The facts a standard's conditions name (what a form for it asks for). */
export function factsUsedBy(standard: Standard): readonly string[] {
  return compileStandard(standard).facts;
}
