import { facts, type FactDefinition } from '../record/facts.js';
import { label } from '../record/vocabulary.js';
import type { Finding, RequirementResult } from '../evaluate/result.js';
import type { Lang, LocalizedText } from '../text.js';

/** Builds the same sentence in both languages. */
const both = (make: (lang: Lang) => string): LocalizedText => ({ zh: make('zh'), en: make('en') });

const list = (items: readonly string[], lang: Lang) => items.join(lang === 'zh' ? '、' : ', ');

/** A fact's label, or a record path for fields outside the catalogue. */
export function factLabel(name: string, lang: Lang): string {
  return facts.get(name)?.label[lang] ?? name;
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** A number with a fact's unit (a ratio as a percentage), written as given. */
function withUnit(fact: FactDefinition, n: number, lang: Lang): string {
  if (fact.type === 'ratio') return `${n}%`;
  if (!fact.unit) return String(n);
  return lang === 'zh' ? `${n}${fact.unit.zh}` : `${n} ${n === 1 ? (fact.unit.enOne ?? fact.unit.en) : fact.unit.en}`;
}

/** A number on a fact's scale: percentages for ratios. */
const scaled = (fact: FactDefinition, n: number): number => (fact.type === 'ratio' ? n * 100 : n);

/** A value of a fact as a person reads it: with its unit, codes as labels, ratios as percentages. */
export function formatValue(fact: FactDefinition, value: unknown, lang: Lang): string {
  if (value === undefined) return lang === 'zh' ? '（无数据）' : '(no data)';
  if (typeof value === 'number') return withUnit(fact, round(scaled(fact, value)), lang);
  if (typeof value === 'boolean') return lang === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no';
  if (Array.isArray(value)) return list(value.map((item) => formatItem(fact, item, lang)), lang);
  return formatItem(fact, value, lang);
}

function formatItem(fact: FactDefinition, item: unknown, lang: Lang): string {
  if (fact.vocabulary && typeof item === 'string') return label(fact.vocabulary, item)[lang];
  return lang === 'zh' ? `“${String(item)}”` : `"${String(item)}"`;
}

/** The smallest difference a message writes as a number; one below it is "less than" it, never 0. */
const smallestAmount = 0.01;

/**
 * A shortfall or an excess on a fact's scale (percentage points for ratios). It is never written
 * as 0: a condition failed by less than a hundredth says "不足0.01" ("less than 0.01").
 */
export function formatAmount(fact: FactDefinition, amount: number, lang: Lang): string {
  const rounded = round(scaled(fact, amount));
  const small = rounded < smallestAmount;
  const n = small ? smallestAmount : rounded;
  const figure = small ? (lang === 'zh' ? `不足${n}` : `less than ${n}`) : String(n);
  if (fact.type === 'ratio') return lang === 'zh' ? `${figure}个百分点` : `${figure} percentage points`;
  if (!fact.unit) return figure;
  return lang === 'zh' ? `${figure}${fact.unit.zh}` : `${figure} ${!small && n === 1 ? (fact.unit.enOne ?? fact.unit.en) : fact.unit.en}`;
}

/**
 * The actual value of a failed comparison, with as many digits as it takes not to read as the
 * value required (79.99999999999999 is not "80平方米" when 80 is the minimum).
 */
function formatActual(fact: FactDefinition, actual: unknown, expected: unknown, lang: Lang): string {
  if (typeof actual !== 'number' || typeof expected !== 'number' || actual === expected) return formatValue(fact, actual, lang);
  const value = scaled(fact, actual);
  const required = round(scaled(fact, expected));
  if (round(value) !== required) return formatValue(fact, actual, lang);
  for (let digits = 7; digits < 17; digits++) {
    const shown = Number(value.toPrecision(digits));
    if (shown !== required) return withUnit(fact, shown, lang);
  }
  return withUnit(fact, value, lang);
}

/** Labels of codes, or of boolean facts, that are missing. */
export function formatMissing(fact: FactDefinition, missing: readonly string[], lang: Lang): string {
  const catalogFact = fact.catalog ? facts.get('equipment') : undefined;
  const source = catalogFact ?? fact;
  if (source.vocabulary) return list(missing.map((code) => label(source.vocabulary!, code)[lang]), lang);
  return list(missing.map((name) => factLabel(name, lang)), lang);
}

/** A failed condition as the messages need it: with the fact's definition rather than its name. */
export type FindingFacts = Omit<Finding, 'fact' | 'message'> & {
  readonly fact: FactDefinition;
  /** When the value compared with is another fact. */
  readonly valueFact?: FactDefinition;
};

/** What a failed condition means for the facility, in words it can act on. */
export function findingMessage(f: FindingFacts): LocalizedText {
  const { fact, operator } = f;
  return both((lang) => {
    const zh = lang === 'zh';
    const name = fact.label[lang];
    const actual = f.valueFact ? formatValue(fact, f.actual, lang) : formatActual(fact, f.actual, f.expected, lang);
    const expected = formatValue(f.valueFact ?? fact, f.expected, lang);
    const short = f.shortfall === undefined ? '' : formatAmount(fact, f.shortfall, lang);
    const over = f.excess === undefined ? '' : formatAmount(fact, f.excess, lang);
    const missing = f.missing?.length ? formatMissing(fact, f.missing, lang) : '';
    switch (operator) {
      case 'greaterThanInclusive':
      case 'greaterThan': {
        const bound = operator === 'greaterThan' ? (zh ? '超过' : 'more than') : zh ? '不少于' : 'at least';
        const base = zh
          ? `${name}${actual}，要求${bound}${expected}，还差${short}`
          : `${name} ${actual}; ${bound} ${expected} required, ${short} short`;
        if (!fact.catalog || !missing) return base;
        return zh ? `${base}；目录中尚未配备：${missing}` : `${base}; not yet equipped from the catalogue: ${missing}`;
      }
      case 'lessThanInclusive':
      case 'lessThan': {
        const bound = operator === 'lessThan' ? (zh ? '低于' : 'less than') : zh ? '不超过' : 'at most';
        return zh
          ? `${name}${actual}，要求${bound}${expected}，超出${over}`
          : `${name} ${actual}; ${bound} ${expected} allowed, ${over} over`;
      }
      case 'includesAll':
      case 'contains':
        return zh ? `缺少：${missing}` : `missing: ${missing}`;
      case 'includesAny':
        return zh ? `${name}应至少有其一：${expected}` : `${name}: at least one of ${expected} required`;
      case 'doesNotContain':
        return zh ? `${name}不应包含：${expected}` : `${name} must not include ${expected}`;
      case 'in':
        return zh ? `${name}为${actual}，应为以下之一：${expected}` : `${name} is ${actual}; one of ${expected} required`;
      case 'notIn':
        return zh ? `${name}为${actual}，不应为：${expected}` : `${name} is ${actual}; none of ${expected} allowed`;
      case 'notEqual':
        return zh ? `${name}不应为${expected}` : `${name} must not be ${expected}`;
      default:
        if (fact.type === 'boolean' && f.valueFact === undefined) {
          if (f.expected === true) return zh ? `未落实：${name}` : `not in place: ${name}`;
          return zh ? `不应具备：${name}` : `should not be in place: ${name}`;
        }
        return zh ? `${name}为${actual}，应为${expected}` : `${name} is ${actual}; ${expected} required`;
    }
  });
}

/** A gap's message: what each failed condition lacks. The requirement's title is given apart. */
export function gapMessage(findings: readonly LocalizedText[]): LocalizedText {
  return { zh: findings.map((f) => f.zh).join('；'), en: findings.map((f) => f.en).join('; ') };
}

export interface MessageOptions {
  /** Whether the Chinese message names record fields by their path too; English always does. */
  readonly showPaths?: boolean;
}

/**
 * What data an unknown requirement needs. Chinese names each field by its label only (an assessor
 * reads the form, not the record), unless `showPaths`; English, read by integrators too, adds the
 * path. A field outside the catalogue has no label and is named by its path.
 */
export function unknownMessage(fields: readonly string[], options: MessageOptions = {}): LocalizedText {
  if (fields.length === 0) return { zh: '数据不足，无法判断', en: 'cannot be decided from the data' };
  const named = (path: string, lang: Lang, withPath: boolean) => {
    const name = factLabel(path, lang);
    if (name === path || !withPath) return name;
    return lang === 'zh' ? `${name}（${path}）` : `${name} (${path})`;
  };
  return {
    zh: `数据缺失：${fields.map((path) => named(path, 'zh', options.showPaths ?? false)).join('、')}`,
    en: `data missing: ${fields.map((path) => named(path, 'en', true)).join(', ')}`,
  };
}

/** A requirement's message as a report gives it: an unknown one names record paths in Chinese when asked. */
export function requirementMessage(r: Pick<RequirementResult, 'outcome' | 'message' | 'unknownFacts'>, lang: Lang, showPaths = false): string {
  if (showPaths && r.outcome === 'unknown' && r.unknownFacts) return unknownMessage(r.unknownFacts, { showPaths })[lang];
  return r.message[lang];
}

export const metMessage: LocalizedText = { zh: '达标', en: 'met' };

export const notApplicableMessage: LocalizedText = { zh: '不适用', en: 'not applicable' };
