import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue, message, type DiagnosticCode } from '../src/diagnostics/messages.js';
import { englishIn } from './support/english.js';
import { bundledStandards, loadRules, parseRecordsText, RecordError, RuleFileError, type Diagnostic } from '../src/index.js';

/**
 * Diagnostics are data — a code, a place, values — with a sentence in each language. Every code
 * renders in Chinese and English without a placeholder left over, and what a Chinese user reads
 * about a broken rule file or record has no English sentence in it but what they wrote.
 */

describe('the diagnostic catalogue', () => {
  const codes = Object.keys(catalogue) as DiagnosticCode[];

  it.each(codes)('%s renders in Chinese and English with every value in place', (code) => {
    const { example } = catalogue[code];
    const { text } = message(code, example as never);
    for (const sentence of [text.zh, text.en]) {
      expect(sentence.trim()).not.toBe('');
      expect(sentence).not.toMatch(/undefined|\$\{|\[object Object\]|NaN/);
    }
    expect(text.zh, 'the Chinese sentence has Chinese in it').toMatch(/[\u4e00-\u9fff]/);
    expect(text.zh).not.toBe(text.en);
    if (code !== 'schema.invalid' && code !== 'yaml.syntax') expect(englishIn(text.zh), text.zh).toBeUndefined();
  });

  it('recognizes English in a Chinese sentence, and leaves quoted input, codes and paths alone', () => {
    expect(englishIn('缺少必填项“clause”（文字）')).toBeUndefined();
    expect(englishIn('未知的事实“premises.area”（是否为“premises.buildingArea”？）')).toBeUndefined();
    expect(englishIn('expected a number, got "80㎡"')).toBe('expected a number');
  });
});

const corpus = 'test/rule-files/broken';

function corpusCases(): { name: string; files: { file: string; text: string }[] }[] {
  return readdirSync(corpus).map((name) => {
    const path = join(corpus, name);
    const files = statSync(path).isDirectory()
      ? readdirSync(path).filter((f) => f.endsWith('.yaml')).map((f) => ({ file: `${name}/${f}`, text: readFileSync(join(path, f), 'utf8') }))
      : [{ file: name, text: readFileSync(path, 'utf8') }];
    return { name, files };
  });
}

function ruleFileDiagnostics(files: { file: string; text: string }[]): readonly Diagnostic[] {
  try {
    loadRules(files, { base: bundledStandards() });
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(RuleFileError);
    return (error as RuleFileError).diagnostics;
  }
}

describe('what a Chinese user reads about a broken rule file', () => {
  it.each(corpusCases().map((c) => [c.name, c.files] as const))('%s: a code of its own, and no English sentence', (_name, files) => {
    for (const d of ruleFileDiagnostics(files)) {
      expect(d.code, d.message).not.toBe('schema.invalid');
      expect(d.text.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(englishIn(d.render('zh')), d.render('zh')).toBeUndefined();
    }
  });
});

describe('what a Chinese user reads about a broken record', () => {
  const records: Record<string, string> = {
    'unit in a number': 'premises:\n  buildingArea: 80㎡\n',
    'misspelt room': 'rooms: [pharmcy]\n',
    'room twice': 'rooms: [pharmacy, pharmacy]\n',
    'negative count': 'drugs:\n  varieties: -3\n',
    'unknown field': 'premises:\n  buildingarea: 80\n',
    'unknown equipment': 'equipment:\n  stetoscope: 1\n',
    'unknown type': 'type: clinic\n',
    'list for a number': 'servicePopulation: [1, 2]\n',
    'more technicians than staff': 'staff:\n  onPost: 2\n  healthTechnicians: 5\n',
    'yaml syntax': 'premises:\n  buildingArea: 80\n   rooms: [a\n',
    'full-width colon': 'premises：\n  buildingArea: 80\n',
    'empty file': '',
  };
  it.each(Object.entries(records))('%s', (_name, text) => {
    let error: unknown;
    try {
      parseRecordsText(text, 'clinic.yaml');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RecordError);
    const zh = (error as RecordError).render('zh');
    for (const d of (error as RecordError).diagnostics) expect(d.code).not.toBe('schema.invalid');
    expect(englishIn(zh), zh).toBeUndefined();
    expect((error as RecordError).render('en')).toMatch(/[a-z]{3,} [a-z]{3,}/);
  });
});
