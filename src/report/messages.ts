import { facts, type FactDefinition } from '../record/facts.js';
import { label } from '../record/vocabulary.js';
import type { Finding } from '../evaluate/result.js';
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

/** A value of a fact as a person reads it: with its unit, codes as labels, ratios as percentages. */
export function formatValue(fact: FactDefinition, value: unknown, lang: Lang): string {
  if (value === undefined) return lang === 'zh' ? '（无数据）' : '(no data)';
  if (typeof value === 'number') {
    if (fact.type === 'ratio') return `${round(value * 100)}%`;
    const n = round(value);
    if (!fact.unit) return String(n);
    return lang === 'zh' ? `${n}${fact.unit.zh}` : `${n} ${n === 1 ? (fact.unit.enOne ?? fact.unit.en) : fact.unit.en}`;
  }
  if (typeof value === 'boolean') return lang === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no';
  if (Array.isArray(value)) return list(value.map((item) => formatItem(fact, item, lang)), lang);
  return formatItem(fact, value, lang);
}

function formatItem(fact: FactDefinition, item: unknown, lang: Lang): string {
  if (fact.vocabulary && typeof item === 'string') return label(fact.vocabulary, item)[lang];
  return lang === 'zh' ? `“${String(item)}”` : `"${String(item)}"`;
}

/** A difference on a fact's scale: percentage points for ratios. */
function formatAmount(fact: FactDefinition, amount: number, lang: Lang): string {
  if (fact.type === 'ratio') return lang === 'zh' ? `${round(amount * 100)}个百分点` : `${round(amount * 100)} percentage points`;
  return formatValue(fact, amount, lang);
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
    const actual = formatValue(fact, f.actual, lang);
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

export function unknownMessage(fields: readonly string[]): LocalizedText {
  if (fields.length === 0) return { zh: '数据不足，无法判断', en: 'cannot be decided from the data' };
  return {
    zh: `数据缺失：${fields.map((path) => `${factLabel(path, 'zh')}（${path}）`).join('、')}`,
    en: `data missing: ${fields.map((path) => `${factLabel(path, 'en')} (${path})`).join(', ')}`,
  };
}

export const metMessage: LocalizedText = { zh: '达标', en: 'met' };

export const notApplicableMessage: LocalizedText = { zh: '不适用', en: 'not applicable' };
