import type { FactType } from '../record/facts.js';

/**
 * The operators a rule may use, which fact types each applies to, what its value must be, and
 * what it means. The meaning of json-rules-engine's own operators is theirs: `test` restates it
 * for the compiled evaluator, and the differential test holds the two to the same results.
 */
export interface OperatorDefinition {
  readonly name: string;
  readonly factTypes: readonly FactType[];
  /**
   * What the value must be: `scalar` — one value of the fact's kind (a number for numeric facts,
   * a code for code facts …); `list` — a list of such values; `member` — one code of a set fact;
   * `members` — a list of codes of a set fact.
   */
  readonly value: 'scalar' | 'list' | 'member' | 'members';
  /** Whether json-rules-engine has the operator; the others are added to each engine from here. */
  readonly builtIn: boolean;
  readonly test: (factValue: unknown, value: unknown) => boolean;
}

const numeric: readonly FactType[] = ['number', 'count', 'ratio'];
const scalar: readonly FactType[] = [...numeric, 'boolean', 'code', 'text'];

const isList = (value: unknown): value is readonly unknown[] => Array.isArray(value);
/** json-rules-engine's guard for its numeric operators: the fact must parse as a number. */
const isNumeric = (value: unknown) => Number.parseFloat(value as string).toString() !== 'NaN';
const compare = (test: (a: number, b: number) => boolean) => (a: unknown, b: unknown) =>
  isNumeric(a) && test(a as number, b as number);

export const operators: ReadonlyMap<string, OperatorDefinition> = new Map(
  (
    [
      { name: 'equal', factTypes: scalar, value: 'scalar', builtIn: true, test: (a, b) => a === b },
      { name: 'notEqual', factTypes: scalar, value: 'scalar', builtIn: true, test: (a, b) => a !== b },
      { name: 'lessThan', factTypes: numeric, value: 'scalar', builtIn: true, test: compare((a, b) => a < b) },
      { name: 'lessThanInclusive', factTypes: numeric, value: 'scalar', builtIn: true, test: compare((a, b) => a <= b) },
      { name: 'greaterThan', factTypes: numeric, value: 'scalar', builtIn: true, test: compare((a, b) => a > b) },
      { name: 'greaterThanInclusive', factTypes: numeric, value: 'scalar', builtIn: true, test: compare((a, b) => a >= b) },
      { name: 'in', factTypes: ['code', 'text'], value: 'list', builtIn: true, test: (a, b) => isList(b) && b.includes(a) },
      { name: 'notIn', factTypes: ['code', 'text'], value: 'list', builtIn: true, test: (a, b) => isList(b) && !b.includes(a) },
      { name: 'contains', factTypes: ['codes'], value: 'member', builtIn: true, test: (a, b) => isList(a) && a.includes(b) },
      { name: 'doesNotContain', factTypes: ['codes'], value: 'member', builtIn: true, test: (a, b) => isList(a) && !a.includes(b) },
      {
        name: 'includesAll',
        factTypes: ['codes'],
        value: 'members',
        builtIn: false,
        test: (a, b) => isList(a) && isList(b) && b.every((code) => a.includes(code)),
      },
      {
        name: 'includesAny',
        factTypes: ['codes'],
        value: 'members',
        builtIn: false,
        test: (a, b) => isList(a) && isList(b) && b.some((code) => a.includes(code)),
      },
    ] satisfies OperatorDefinition[]
  ).map((op) => [op.name, op]),
);

/**
 * Whether a fact condition holds whatever the fact's value, so that it needs no data: every item
 * of an empty list is present (includesAll []), e.g. a county list of required equipment left empty.
 */
export function holdsVacuously(operator: string, value: unknown): boolean {
  return operator === 'includesAll' && Array.isArray(value) && value.length === 0;
}
