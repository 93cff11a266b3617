import { facts, type FactValue } from '../record/facts.js';
import type { Condition, Standard } from '../standard/types.js';
import type { ResultNode } from './engine.js';
import type { Truth } from './gap.js';
import { decisionIndex, evaluatorSource } from './codegen.js';
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

/**
 * How a standard's conditions are decided: `generated` — by JavaScript written at build time
 * (the bundled standards); `function` — by JavaScript generated when the standard was loaded;
 * `closures` — by the functions of `compileCondition`, where the page's Content-Security-Policy
 * forbids generating code. All three give the same decisions.
 */
export type EvaluationPath = 'generated' | 'function' | 'closures';

/** Every decision of a standard for one record, laid out as `decisionIndex` says. */
export type Decide = (values: Values) => readonly (Truth | undefined)[];

/** What the generated source evaluates to: given each operator's test, the standard's `Decide`. */
export type EvaluatorFactory = (ops: Readonly<Record<string, (a: unknown, b: unknown) => boolean>>) => Decide;

/** A standard with its conditions compiled, in the order of its requirements. */
export interface CompiledStandard {
  /** The facts its conditions name: the only ones read from a record. */
  readonly facts: readonly string[];
  /** Every decision for a record at once. */
  readonly decide: Decide;
  readonly compiledWith: EvaluationPath;
  /** Each check's result tree, for the gap items of a requirement found not met. */
  readonly trees: readonly CompiledCondition['tree'][];
}

const compiled = new WeakMap<Standard, CompiledStandard>();
const prebuilt = new WeakMap<Standard, EvaluatorFactory>();
const operatorTests = Object.fromEntries([...operators].map(([name, op]) => [name, op.test]));

/** Gives a standard the evaluator generated for it at build time (from `evaluatorSource` of the same standard). */
export function usePrebuiltEvaluator(standard: Standard, factory: EvaluatorFactory): void {
  prebuilt.set(standard, factory);
}

export function compileStandard(standard: Standard): CompiledStandard {
  let done = compiled.get(standard);
  if (done) return done;
  const facts = factsNamed(standard);
  const trees = standard.requirements.map((r) => compileCondition(r.check).tree);
  const factory = prebuilt.get(standard);
  if (factory) done = { facts, decide: factory(operatorTests), compiledWith: 'generated', trees };
  else {
    const generated = generateAtRunTime(standard, facts);
    done = generated
      ? { facts, decide: generated, compiledWith: 'function', trees }
      : { facts, decide: closureDecide(standard), compiledWith: 'closures', trees };
  }
  compiled.set(standard, done);
  return done;
}

/** The standard's evaluator through `new Function`; undefined where code generation is refused (CSP). */
function generateAtRunTime(standard: Standard, facts: readonly string[]): Decide | undefined {
  let factory: EvaluatorFactory;
  try {
    factory = new Function(`return ${evaluatorSource(standard, facts)};`)() as EvaluatorFactory;
  } catch (error) {
    if (error instanceof EvalError) return undefined;
    throw error;
  }
  return factory(operatorTests);
}

/** The same decisions as the generated source, made by the closures of `compileCondition`. */
function closureDecide(standard: Standard): Decide {
  const applicability = standard.applicability && compileCondition(standard.applicability.when).truth;
  const requirements = standard.requirements.map((r) => ({
    when: r.when && compileCondition(r.when).truth,
    check: compileCondition(r.check).truth,
  }));
  return (values) => {
    const truths = new Array<Truth | undefined>(1 + 2 * requirements.length);
    const applies = applicability ? applicability(values) : true;
    truths[decisionIndex.applicability] = applies;
    if (applies === false) return truths;
    requirements.forEach(({ when, check }, i) => {
      const applies = when ? when(values) : true;
      truths[decisionIndex.when(i)] = applies;
      if (applies === true) truths[decisionIndex.check(i)] = check(values);
    });
    return truths;
  };
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
