import { facts, type FactDefinition } from '../record/facts.js';
import type { FacilityRecord } from '../record/schema.js';
import { label } from '../record/vocabulary.js';
import type { Condition } from '../standard/types.js';
import type { LocalizedText } from '../text.js';
import type { CountedBy } from './result.js';

/** The facts of a condition whose value can come from more than one place. */
export function countFacts(condition: Condition): FactDefinition[] {
  const found: FactDefinition[] = [];
  const visit = (c: Condition): void => {
    if ('fact' in c) {
      const fact = facts.get(c.fact);
      if (fact?.basis && !found.includes(fact)) found.push(fact);
    } else if ('not' in c) visit(c.not);
    else ('all' in c ? c.all : c.any).forEach(visit);
  };
  visit(condition);
  return found;
}

/** What a count was taken from for a record, in words; undefined when the record gives neither. */
export function countedBy(fact: FactDefinition, record: FacilityRecord): CountedBy | undefined {
  const basis = fact.basis?.(record);
  if (!basis) return undefined;
  if (basis.from === 'assessor-count') {
    return { fact: fact.name, from: basis.from, message: assessorCount };
  }
  const names = (lang: 'zh' | 'en') => basis.items.map((code) => label('equipment', code)[lang]).join(lang === 'zh' ? '、' : ', ');
  const message: LocalizedText = {
    zh: `未给出按县级清单核定的种数，按记录所列设备计数（${basis.items.length}种：${names('zh') || '无'}）；所计设备取自其他文件汇编的目录，并非县级清单`,
    en: `no count against the county's list given; counted from the recorded equipment (${basis.items.length}: ${names('en') || 'none'}); the items come from a catalogue assembled from other documents, not the county's list`,
  };
  return { fact: fact.name, from: basis.from, items: basis.items, message };
}

const assessorCount: LocalizedText = {
  zh: '按县级清单核定的种数（equipmentKinds.villageBasic）',
  en: "kinds counted by the assessor against the county's list (equipmentKinds.villageBasic)",
};
