import type { Condition, FactCondition, Standard } from '../standard/types.js';
import { holdsVacuously } from './operators.js';

/**
 * JavaScript source for a standard's decisions: every fact read once into a local, each
 * condition's three-valued truth computed inline (no closure per node, no allocation but the
 * result). The same source is written into a module at build time for the bundled standards
 * (no code generation at run time, so a page with a strict Content-Security-Policy runs it) and
 * given to `new Function` for rule files loaded at run time.
 *
 * The source is a factory `(ops) => (values) => truths`, `ops` being each operator's `test`.
 * `truths` is laid out as `decisionIndex` says: the applicability at 0, then for requirement i
 * its `when` at 1 + 2i and its check at 2 + 2i. Nothing after a decisive `false` is decided:
 * a standard that does not apply stops at 0, a requirement whose `when` is not true has no check.
 */
export function evaluatorSource(standard: Standard, facts: readonly string[]): string {
  const out = new Emitter(facts);
  const body: string[] = [];
  const applies = standard.applicability ? out.condition(standard.applicability.when, body) : 'true';
  body.push(`t[0] = ${applies};`, `if (${applies} === false) return t;`);
  standard.requirements.forEach((requirement, i) => {
    const block: string[] = [];
    const checkLines: string[] = [];
    const check = out.condition(requirement.check, checkLines);
    if (requirement.when) {
      const when = out.condition(requirement.when, block);
      block.push(`t[${1 + 2 * i}] = ${when};`, `if (${when} === true) {`, ...indent(checkLines), `  t[${2 + 2 * i}] = ${check};`, '}');
    } else block.push(`t[${1 + 2 * i}] = true;`, ...checkLines, `t[${2 + 2 * i}] = ${check};`);
    body.push('{', ...indent(block), '}');
  });
  return [
    '(ops) => {',
    ...indent(out.constants),
    '  return (values) => {',
    ...indent(out.reads, 2),
    `    const t = new Array(${1 + 2 * standard.requirements.length});`,
    ...indent(body, 2),
    '    return t;',
    '  };',
    '}',
  ].join('\n');
}

/** Where a standard's decisions are in the array the generated evaluator returns. */
export const decisionIndex = {
  applicability: 0,
  when: (requirement: number) => 1 + 2 * requirement,
  check: (requirement: number) => 2 + 2 * requirement,
};

const indent = (lines: readonly string[], levels = 1) => lines.map((line) => `${'  '.repeat(levels)}${line}`);
const literal = (value: unknown) => JSON.stringify(value);

const comparisons: Readonly<Record<string, string>> = {
  lessThan: '<',
  lessThanInclusive: '<=',
  greaterThan: '>',
  greaterThanInclusive: '>=',
};

class Emitter {
  readonly constants: string[] = [];
  readonly reads: string[] = [];
  #facts = new Map<string, string>();
  #operators = new Map<string, string>();
  #next = 0;

  constructor(facts: readonly string[]) {
    for (const name of facts) this.fact(name);
  }

  /** Appends the statements deciding `condition` to `lines`; returns the expression holding its truth. */
  condition(condition: Condition, lines: string[]): string {
    const r = `r${this.#next++}`;
    if ('fact' in condition) {
      // A condition every value meets (includesAll of nothing) holds without the fact, as on the other paths.
      if (comparedFact(condition) === undefined && holdsVacuously(condition.operator, condition.value)) {
        lines.push(`const ${r} = true;`);
        return r;
      }
      const a = this.fact(condition.fact);
      const other = comparedFact(condition);
      const b = other === undefined ? undefined : this.fact(other);
      const known = b === undefined ? `${a} === undefined` : `${a} === undefined || ${b} === undefined`;
      lines.push(`const ${r} = ${known} ? "unknown" : ${this.test(condition, a, b)};`);
      return r;
    }
    if ('not' in condition) {
      const inner = this.condition(condition.not, lines);
      lines.push(`const ${r} = ${inner} === "unknown" ? "unknown" : !${inner};`);
      return r;
    }
    // `all` is decided by a false child, `any` by a true one; unknown children leave it unknown.
    const every = 'all' in condition;
    const decisive = !every;
    const unknown = `u${r}`;
    const block: string[] = [`let ${unknown} = false;`];
    for (const child of every ? condition.all : condition.any) {
      const truth = this.condition(child, block);
      block.push(`if (${truth} === ${decisive}) { ${r} = ${decisive}; break b${r}; }`, `if (${truth} === "unknown") ${unknown} = true;`);
    }
    block.push(`${r} = ${unknown} ? "unknown" : ${!decisive};`);
    lines.push(`let ${r};`, `b${r}: {`, ...indent(block), '}');
    return r;
  }

  /** The operator's test of known values, inlined where it is a plain comparison. */
  private test(condition: FactCondition, a: string, b: string | undefined): string {
    const { operator } = condition;
    const value = b ?? this.value(condition.value);
    if (b === undefined) {
      if (operator === 'equal') return `${a} === ${value}`;
      if (operator === 'notEqual') return `${a} !== ${value}`;
      // json-rules-engine's numeric guard admits every number but NaN, for which the comparison is false anyway.
      if (operator in comparisons && typeof condition.value === 'number') {
        return `(typeof ${a} === "number" ? ${a} ${comparisons[operator]} ${value} : ${this.operator(operator)}(${a}, ${value}))`;
      }
      if (operator === 'contains') return `(Array.isArray(${a}) && ${a}.includes(${value}))`;
      if (operator === 'doesNotContain') return `(Array.isArray(${a}) && !${a}.includes(${value}))`;
    }
    return `${this.operator(operator)}(${a}, ${value})`;
  }

  private value(value: FactCondition['value']): string {
    if (!Array.isArray(value)) return literal(value);
    const name = `k${this.constants.length}`;
    this.constants.push(`const ${name} = ${literal(value)};`);
    return name;
  }

  private operator(name: string): string {
    let local = this.#operators.get(name);
    if (!local) {
      local = `o${this.#operators.size}`;
      this.#operators.set(name, local);
      this.constants.push(`const ${local} = ops[${literal(name)}];`);
    }
    return local;
  }

  private fact(name: string): string {
    let local = this.#facts.get(name);
    if (!local) {
      local = `f${this.#facts.size}`;
      this.#facts.set(name, local);
      this.reads.push(`const ${local} = values.get(${literal(name)});`);
    }
    return local;
  }
}

const comparedFact = (c: FactCondition): string | undefined =>
  typeof c.value === 'object' && c.value !== null && !Array.isArray(c.value) ? (c.value as { fact: string }).fact : undefined;
