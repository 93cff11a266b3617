import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledStandards, type Condition, type FactCondition, type Provenance, type Requirement } from '../src/index.js';
import { bundledEntitlements, bundledPrograms } from '../src/standard/registry.js';

/**
 * Every requirement of every bundled standard cites its source: the quote must be found in the
 * cited document, under the section its clause names (e.g. 附件1 二(三): Annex 1, part 二,
 * sub-section (三); 二(一)2: the plan body, part 二, sub-section (一), item 2), and every number
 * it compares with must be the number the quote gives, with the bound its wording gives.
 */

const sourceText = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');

const numeral = '[一二三四五六七八九十]+';
/** Heading marks differ between documents: full-width parentheses, markdown, bold, mojibake. */
const normalize = (line: string) => line.replace(/（/g, '(').replace(/）/g, ')').replace(/^[\s#*?]+/, '');

interface Section {
  annex: string;
  part?: string;
  sub?: string;
  item?: string;
}

/** The headings in force at a position of a source text. */
function sectionAt(text: string, offset: number): Section {
  let section: Section = { annex: '正文' };
  for (const raw of text.slice(0, offset).split('\n')) {
    const line = normalize(raw);
    let m: RegExpExecArray | null;
    if ((m = /^附件(\d+)$/.exec(line.trim()))) section = { annex: `附件${m[1]}` };
    else if ((m = new RegExp(`^(${numeral})、`).exec(line))) section = { annex: section.annex, part: m[1] };
    else if ((m = new RegExp(`^\\((${numeral})\\)`).exec(line))) section = { annex: section.annex, part: section.part, sub: m[1] };
    else if ((m = /^(\d+)[.、．]/.exec(line))) section = { ...section, item: m[1] };
  }
  return section;
}

/** "附件1 二(一)、二(二)" → annex 附件1 and two sections; "二(一)2" → the plan body. */
function parseClause(clause: string): { annex: string; sections: Omit<Section, 'annex'>[] } {
  const normalized = normalize(clause);
  const annex = /^(附件\d+)\s+/.exec(normalized);
  const rest = annex ? normalized.slice(annex[0].length) : normalized;
  const sections = rest.split('、').map((part) => {
    const m = new RegExp(`^(${numeral})?(?:\\((${numeral})\\))?(\\d+)?$`).exec(part.trim());
    if (!m) throw new Error(`clause "${clause}" is not of the form 附件N 二(一)3`);
    return { part: m[1], sub: m[2], item: m[3] };
  });
  return { annex: annex?.[1] ?? '正文', sections };
}

function within(found: Section, clause: Omit<Section, 'annex'>): boolean {
  return (['part', 'sub', 'item'] as const).every((k) => clause[k] === undefined || clause[k] === found[k]);
}

const standards = [...bundledStandards().values()];
const own = (predicate: (evidence: string) => boolean): [string, Requirement][] =>
  standards
    .filter((s) => predicate(s.evidence))
    .flatMap((s) =>
      s.requirements.filter((r) => r.provenance.standard === s.id).map((r): [string, Requirement] => [`${s.id} ${r.id}`, r]),
    );
const quoted = own((e) => e === 'source-text');

describe('every requirement quotes its source under the clause it cites', () => {
  it('has requirements to check', () => {
    expect(quoted.length).toBeGreaterThanOrEqual(27);
  });

  it.each(quoted)('%s', (_, requirement) => {
    expectCited(requirement.provenance);
  });

  it.each(own((e) => e === 'translation'))('%s, encoded from a translation, cites its URL', (_, requirement) => {
    expect(requirement.provenance.document.url).toMatch(/^https?:\/\//);
  });
});

/** The quote is in the cited document, under the cited clause. */
function expectCited({ document, clause, quote }: Provenance): void {
  const text = sourceText(document.file!);
  const offset = text.indexOf(quote!);
  expect(offset, `quote not found in ${document.file}: ${quote}`).toBeGreaterThan(-1);
  const cited = parseClause(clause!);
  const found = sectionAt(text, offset);
  expect(found.annex).toBe(cited.annex);
  expect(cited.sections.some((section) => within(found, section)), `found under ${JSON.stringify(found)}`).toBe(true);
}

describe('alterations quote their own source under their clause', () => {
  const altered = standards.flatMap((s) =>
    s.requirements.flatMap((r) =>
      r.alterations
        .filter((a) => a.provenance.standard === s.id && a.provenance.quote !== undefined)
        .map((a) => [`${s.id} alters ${r.id}`, a] as const),
    ),
  );
  it.each(altered)('%s', (_, alteration) => {
    expectCited(alteration.provenance);
  });
});

describe('the source documents', () => {
  it.each(standards.filter((s) => s.source.file).map((s) => [s.id, s] as const))('%s names a source file that exists', (_, standard) => {
    expect(sourceText(standard.source.file!)).toContain(standard.source.issuer);
  });
});

function numericConditions(condition: Condition): FactCondition[] {
  if ('fact' in condition) return typeof condition.value === 'number' ? [condition] : [];
  if ('not' in condition) return numericConditions(condition.not);
  return ('all' in condition ? condition.all : condition.any).flatMap(numericConditions);
}

/**
 * Thresholds match the source text: each number a check compares with is written in the quote
 * in force, and the wording decides the operator — 超过 is strictly more, 不少于/不低于/以上
 * include the number.
 */
describe('every threshold is the number and the bound the source text gives', () => {
  const numeric = standards.flatMap((s) =>
    s.requirements
      .filter((r) => r.quote !== undefined && numericConditions(r.check).length > 0)
      .map((r) => [`${s.id} ${r.id}`, r] as const),
  );

  it.each(numeric)('%s', (_, requirement) => {
    for (const condition of numericConditions(requirement.check)) {
      const value = condition.value as number;
      const quote = requirement.quote!.replace(/\s/g, '');
      // "At least one" is often written as having: 都有中医师, 配备中医师.
      if (value === 1 && condition.operator === 'greaterThanInclusive' && !quote.includes('1') && /有|配备/.test(quote)) continue;
      const written = value > 0 && value < 1 ? `${Math.round(value * 100)}%` : String(value);
      expect(quote).toContain(written);
      const at = quote.indexOf(written);
      const around = quote.slice(Math.max(0, at - 4), at + written.length + 3);
      if (/超过/.test(around)) expect(condition.operator).toBe('greaterThan');
      if (/不少于|不低于|以上/.test(around)) expect(condition.operator).toBe('greaterThanInclusive');
    }
  });
});

/**
 * Programme targets quote their source under their clause, and the share or count they set is
 * the one the quote writes: 30% as 0.3, 100 as 100, "所有/每个/100%" as all; 超过 is more than,
 * 以上/不少于/达到 (達到) at least.
 */
describe('every programme target quotes its source and takes its figure from it', () => {
  const targets = [...bundledPrograms().values()].flatMap((program) =>
    program.targets.map((target) => [`${program.id} ${target.id}`, program, target] as const),
  );

  it('has targets to check', () => {
    expect(targets.length).toBeGreaterThanOrEqual(14);
  });

  it.each(targets)('%s', (_, program, target) => {
    expectCited({ standard: program.id, file: program.file, line: target.line, document: program.source, clause: target.clause, quote: target.quote });
    const quote = target.quote.replace(/\s/g, '');
    if (target.kind === 'facilities' && target.among) {
      // The group counted is the quote's: each number it compares with is written in the quote (1万 = 10000).
      for (const n of numbersIn(target.among)) expect(quote).toContain(n % 10000 === 0 ? `${n / 10000}万` : String(n));
    }
    if (target.kind === 'facilities' && target.tracked) {
      // A tracked target is one whose text sets no figure: it says 普遍 or 持续提升, and has no bound.
      expect(quote).toMatch(/普遍|持续提升/);
      expect(target.share ?? target.count).toBeUndefined();
      return;
    }
    const bound = target.kind === 'facilities' ? (target.count ?? target.share)! : target.share;
    const written = target.kind === 'facilities' && target.count ? String(bound.value) : `${Math.round(bound.value * 100)}%`;
    if (bound.value === 1 && target.kind === 'facilities' && !target.count && !quote.includes('100%')) {
      expect(quote).toMatch(/所有|每个|全部|全面|应纳尽纳/);
      return;
    }
    expect(quote).toContain(written);
    const at = quote.indexOf(written);
    const around = quote.slice(Math.max(0, at - 4), at + written.length + 3);
    if (/超过/.test(around)) expect(bound.operator).toBe('moreThan');
    else expect(around).toMatch(/以上|不少于|达到?|達到?|建成|的/);
    if (/以上|不少于/.test(around)) expect(bound.operator).toBe('atLeast');
  });
});

function numbersIn(condition: Condition): number[] {
  if ('fact' in condition) return typeof condition.value === 'number' ? [condition.value] : [];
  if ('not' in condition) return numbersIn(condition.not);
  return ('all' in condition ? condition.all : condition.any).flatMap(numbersIn);
}

/**
 * Entitlements and subsidies quote their source under their clause, and the amount they pay or
 * grant is the one the quote writes (3万元 as 30000).
 */
describe('every entitlement quotes its source and takes its amount from it', () => {
  const schedules = [...bundledEntitlements().values()];
  const entries = schedules.flatMap((s) => s.entitlements.map((e) => [`${s.id} ${e.id}`, s, e] as const));

  it('has entitlements to check', () => {
    expect(entries.length).toBeGreaterThanOrEqual(10);
  });

  it.each(entries)('%s', (_, schedule, e) => {
    expectCited({ standard: schedule.id, file: schedule.file, line: e.line, document: schedule.source, clause: e.clause, quote: e.quote });
    if (e.amount !== undefined) expect(e.quote).toContain(`${e.amount / 10000}万元`);
  });

  it.each(schedules.flatMap((s) => s.groups.map((g) => [`${s.id} ${g.id}`, s, g] as const)))('group %s', (_, schedule, g) => {
    expectCited({ standard: schedule.id, file: schedule.file, line: undefined, document: schedule.source, clause: g.clause, quote: g.quote });
  });
});
