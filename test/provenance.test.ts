import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledStandards, type Condition, type FactCondition, type Requirement } from '../src/index.js';

/**
 * Every requirement of every bundled standard cites its source: the quote must be found in the
 * cited document, under the section its clause names (e.g. 附件1 二(三): Annex 1, part 二,
 * sub-section (三)).
 */

const sourceText = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');

/** The section headings in force at a position: annex, part (二、) and sub-section ((三)). */
function sectionAt(text: string, offset: number): { annex: string; part?: string; sub?: string } {
  const before = text.slice(0, offset).split('\n');
  let annex = '正文';
  let part: string | undefined;
  let sub: string | undefined;
  for (const line of before) {
    const trimmed = line.trim();
    const annexMatch = /^附件(\d+)$/.exec(trimmed);
    if (annexMatch) {
      annex = `附件${annexMatch[1]}`;
      part = sub = undefined;
      continue;
    }
    const partMatch = /^([一二三四五六七八九十]+)、/.exec(trimmed);
    if (partMatch) {
      part = partMatch[1];
      sub = undefined;
      continue;
    }
    const subMatch = /^(\([一二三四五六七八九十]+\))/.exec(trimmed);
    if (subMatch) sub = subMatch[1];
  }
  return { annex, part, sub };
}

/** "附件1 二(一)、二(二)" → annex 附件1 with sections [二(一), 二(二)]. */
function parseClause(clause: string): { annex: string; sections: string[] } {
  const [annex, rest = ''] = clause.split(' ');
  return { annex: annex!, sections: rest.split('、') };
}

const cases: [string, Requirement][] = [...bundledStandards().values()].flatMap((standard) =>
  standard.requirements
    .filter((r) => r.provenance.standard === standard.id)
    .map((r): [string, Requirement] => [`${standard.id} ${r.id}`, r]),
);

describe('every requirement quotes its source under the clause it cites', () => {
  it('has requirements to check', () => {
    expect(cases.length).toBeGreaterThanOrEqual(27);
  });

  it.each(cases)('%s', (_, requirement) => {
    const text = sourceText(requirement.provenance.document.file);
    const offset = text.indexOf(requirement.quote);
    expect(offset, `quote not found in ${requirement.provenance.document.file}: ${requirement.quote}`).toBeGreaterThan(-1);

    const { annex, sections } = parseClause(requirement.clause);
    const found = sectionAt(text, offset);
    expect(found.annex).toBe(annex);
    expect(sections).toContain(`${found.part}${found.sub ?? ''}`);
  });
});

describe('the source documents', () => {
  it.each([...bundledStandards().values()].map((s) => [s.id, s] as const))('%s names a source file that exists', (_, standard) => {
    expect(sourceText(standard.source.file)).toContain(standard.source.issuer);
  });
});

function numericConditions(condition: Condition): FactCondition[] {
  if ('fact' in condition) return typeof condition.value === 'number' ? [condition] : [];
  if ('not' in condition) return numericConditions(condition.not);
  return ('all' in condition ? condition.all : condition.any).flatMap(numericConditions);
}

/**
 * Thresholds match the source text: each number a check compares with is written in the quote,
 * and the wording decides the operator — 超过 is strictly more, 不少于/不低于/以上 include the
 * number.
 */
describe('every threshold is the number and the bound the source text gives', () => {
  const numeric = cases.filter(([, r]) => numericConditions(r.check).length > 0);

  it.each(numeric)('%s', (_, requirement) => {
    for (const condition of numericConditions(requirement.check)) {
      const value = condition.value as number;
      const written = value > 0 && value < 1 ? `${value * 100}%` : String(value);
      expect(requirement.quote).toContain(written);
      const around = requirement.quote.slice(Math.max(0, requirement.quote.indexOf(written) - 4), requirement.quote.indexOf(written) + written.length + 3);
      if (/超过/.test(around)) expect(condition.operator).toBe('greaterThan');
      if (/不少于|不低于|以上/.test(around)) expect(condition.operator).toBe('greaterThanInclusive');
    }
  });
});
