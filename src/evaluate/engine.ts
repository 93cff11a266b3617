import { Engine, type EngineResult, type RuleResult, type TopLevelCondition } from 'json-rules-engine';
import type { FactValue } from '../record/facts.js';
import type { Condition, Standard } from '../standard/types.js';
import { operators } from './operators.js';

/** Rule names in a standard's engine. */
export const ruleName = {
  applicability: 'applicability',
  when: (requirement: string) => `when:${requirement}`,
  check: (requirement: string) => `check:${requirement}`,
};

/**
 * A condition tree as json-rules-engine returns it: the same shape as the condition, each node
 * with its `result`, each fact condition with the fact's value.
 */
export type ResultNode = {
  result?: boolean;
  factResult?: unknown;
  valueResult?: unknown;
  all?: ResultNode[];
  any?: ResultNode[];
  not?: ResultNode;
};

interface StandardEngine {
  readonly engine: Engine;
  /** Runs one after another: concurrent runs on one Engine silently skip rules. */
  queue: Promise<unknown>;
}

const engines = new WeakMap<Standard, StandardEngine>();

function engineFor(standard: Standard): StandardEngine {
  let entry = engines.get(standard);
  if (entry) return entry;
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const op of operators.values()) {
    if (!op.builtIn) engine.addOperator(op.name, op.test);
  }
  const add = (name: string, condition: Condition) =>
    // Wrapped in `all`: the engine takes only all/any/not at the top. Every condition keeps
    // the default priority, so all of them are evaluated and carry a result.
    engine.addRule({ name, conditions: { all: [condition] } as TopLevelCondition, event: { type: name } });
  if (standard.applicability) add(ruleName.applicability, standard.applicability.when);
  for (const requirement of standard.requirements) {
    if (requirement.when) add(ruleName.when(requirement.id), requirement.when);
    add(ruleName.check(requirement.id), requirement.check);
  }
  entry = { engine, queue: Promise.resolve() };
  engines.set(standard, entry);
  return entry;
}

/** Runs a standard's rules on a record's facts; returns each rule's condition tree by rule name. */
export async function runRules(standard: Standard, values: ReadonlyMap<string, FactValue>): Promise<Map<string, ResultNode>> {
  const entry = engineFor(standard);
  const run = entry.queue.then(() => entry.engine.run(Object.fromEntries(values)));
  entry.queue = run.catch(() => undefined);
  const result: EngineResult = await run;
  const trees = new Map<string, ResultNode>();
  for (const rule of [...result.results, ...result.failureResults] as RuleResult[]) {
    // Unwrap the `all` added above.
    trees.set(rule.name, (rule.conditions as ResultNode).all![0]!);
  }
  return trees;
}
