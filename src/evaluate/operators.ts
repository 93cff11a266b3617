import type { FactType } from '../record/facts.js';

/**
 * The operators a rule may use, which fact types each applies to, and what its value must be.
 * json-rules-engine's own operators keep their built-in meaning; the set operators are added
 * to the engine from here.
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
  /** Present for operators json-rules-engine does not have. */
  readonly evaluate?: (factValue: unknown, value: unknown) => boolean;
}

const numeric: readonly FactType[] = ['number', 'count', 'ratio'];
const scalar: readonly FactType[] = [...numeric, 'boolean', 'code', 'text'];

const isList = (value: unknown): value is readonly unknown[] => Array.isArray(value);

export const operators: ReadonlyMap<string, OperatorDefinition> = new Map(
  (
    [
      { name: 'equal', factTypes: scalar, value: 'scalar' },
      { name: 'notEqual', factTypes: scalar, value: 'scalar' },
      { name: 'lessThan', factTypes: numeric, value: 'scalar' },
      { name: 'lessThanInclusive', factTypes: numeric, value: 'scalar' },
      { name: 'greaterThan', factTypes: numeric, value: 'scalar' },
      { name: 'greaterThanInclusive', factTypes: numeric, value: 'scalar' },
      { name: 'in', factTypes: ['code', 'text'], value: 'list' },
      { name: 'notIn', factTypes: ['code', 'text'], value: 'list' },
      { name: 'contains', factTypes: ['codes'], value: 'member' },
      { name: 'doesNotContain', factTypes: ['codes'], value: 'member' },
      {
        name: 'includesAll',
        factTypes: ['codes'],
        value: 'members',
        evaluate: (fact, value) => isList(fact) && isList(value) && value.every((code) => fact.includes(code)),
      },
      {
        name: 'includesAny',
        factTypes: ['codes'],
        value: 'members',
        evaluate: (fact, value) => isList(fact) && isList(value) && value.some((code) => fact.includes(code)),
      },
    ] satisfies OperatorDefinition[]
  ).map((op) => [op.name, op]),
);
