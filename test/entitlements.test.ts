import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateRecordSync } from '../src/evaluate/evaluate.js';
import {
  batchSubsidies,
  bundledEntitlements,
  bundledStandard,
  bundledStandards,
  entitlementsOf,
  entitlementText,
  loadRules,
  parseRecordsText,
  RuleFileError,
  subsidyTotalsText,
  type EntitlementStatus,
  type FacilityEntitlements,
  type FacilityRecord,
} from '../src/index.js';

/**
 * What a level earns under rules/entitlements/changzhi-2028.yaml, over
 * fixtures/entitlements/changzhi-batch.yaml (nine Changzhi facilities, each saying what it should
 * earn). Every figure is worked out by hand from the source (附件1 三(三); 二(五)13, 15; 附件2 二(五))
 * and the records.
 */

const file = fileURLToPath(new URL('../fixtures/entitlements/changzhi-batch.yaml', import.meta.url));
const records: FacilityRecord[] = parseRecordsText(readFileSync(file, 'utf8'), file);
const schedule = bundledEntitlements().get('changzhi/2028-entitlements')!;
const assess = (record: FacilityRecord): FacilityEntitlements =>
  entitlementsOf(schedule, record, (id) => evaluateRecordSync(record, bundledStandards().get(id)!));
const results = records.map(assess);

/** The statuses of the entitlements that are not `not-due`. */
const earned = (f: FacilityEntitlements): Record<string, EntitlementStatus> =>
  Object.fromEntries(f.items.filter((i) => i.status !== 'not-due').map((i) => [i.entitlement, i.status]));

describe('the Changzhi schedule', () => {
  it('declares the grants and subsidies of the plan, each with a payer for money paid', () => {
    expect(records).toHaveLength(9);
    expect(schedule.entitlements.map((e) => [e.id, e.kind, e.payer ?? null, e.amount ?? null])).toEqual([
      ['drug-management-and-fees', 'grant', null, null],
      ['financial-authority-sub-center', 'grant', null, 100000],
      ['financial-authority-central', 'grant', null, 50000],
      ['financial-authority-general', 'grant', null, 30000],
      ['financial-authority-branch', 'grant', null, 10000],
      ['new-standardized-village-clinic', 'subsidy', 'city', 30000],
      ['demonstration-village-clinic', 'subsidy', 'city', 10000],
      ['new-recommended-township', 'subsidy', 'city', 500000],
      ['five-star-tcm-hall', 'subsidy', 'city', 50000],
      ['four-star-tcm-hall', 'subsidy', 'county', 10000],
    ]);
  });
});

describe('per facility', () => {
  it('1. a newly built standardized clinic under 1000 people: 3万元, city', () => {
    expect(earned(results[0]!)).toEqual({ 'new-standardized-village-clinic': 'due' });
    expect(results[0]!.subsidies).toEqual({ byPayer: { city: 30000, county: 0 }, total: 30000, unknown: 0 });
  });

  it('2. newly built and a demonstration clinic: the higher award only (不重复奖补)', () => {
    expect(earned(results[1]!)).toEqual({ 'new-standardized-village-clinic': 'due', 'demonstration-village-clinic': 'superseded' });
    expect(results[1]!.subsidies.total).toBe(30000);
    const superseded = results[1]!.items.find((i) => i.entitlement === 'demonstration-village-clinic')!;
    expect(entitlementText(superseded, 'zh')).toBe(
      '达标综合示范卫生室奖补1万元：不重复奖补，市级1万元（符合两项奖补条件，按较高项执行，不重复奖补）〔附件1 三(三)〕',
    );
  });

  it('3. a demonstration clinic in allocated premises: 1万元', () => {
    expect(earned(results[2]!)).toEqual({ 'demonstration-village-clinic': 'due' });
    expect(results[2]!.subsidies.total).toBe(10000);
  });

  it('4. premises not recorded as newly built or not: the 3万元 is unknown, never paid or refused', () => {
    expect(earned(results[3]!)).toEqual({ 'new-standardized-village-clinic': 'unknown' });
    expect(results[3]!.subsidies).toEqual({ byPayer: { city: 0, county: 0 }, total: 0, unknown: 1 });
  });

  it('5. newly built without the four rooms: nothing', () => {
    expect(earned(results[4]!)).toEqual({});
  });

  it('6. a sub-center new to the recommended standard in 2026 with a five-star hall', () => {
    expect(earned(results[5]!)).toEqual({
      'drug-management-and-fees': 'due',
      'financial-authority-sub-center': 'due',
      'new-recommended-township': 'due',
      'five-star-tcm-hall': 'due',
    });
    expect(results[5]!.subsidies).toEqual({ byPayer: { city: 550000, county: 0 }, total: 550000, unknown: 0 });
  });

  it('7. recommended since 2024 (not new), central, four-star hall: the county pays 1万元', () => {
    expect(earned(results[6]!)).toEqual({
      'drug-management-and-fees': 'due',
      'financial-authority-central': 'due',
      'four-star-tcm-hall': 'due',
    });
    expect(results[6]!.subsidies.byPayer).toEqual({ city: 0, county: 10000 });
  });

  it('8. a general center at the basic standard: authority only; the unrated hall leaves both star awards unknown', () => {
    expect(earned(results[7]!)).toEqual({
      'financial-authority-general': 'due',
      'five-star-tcm-hall': 'unknown',
      'four-star-tcm-hall': 'unknown',
    });
  });

  it('9. a recommended branch without the year it first passed: the 50万元 is unknown', () => {
    expect(earned(results[8]!)).toEqual({
      'drug-management-and-fees': 'due',
      'financial-authority-branch': 'due',
      'new-recommended-township': 'unknown',
    });
  });
});

describe('the batch', () => {
  it('totals by payer: city 3万 + 3万 + 1万 + 50万 + 5万 = 62万; county 1万; 4 subsidies not settled', () => {
    const t = batchSubsidies(results);
    expect(t).toEqual({ byPayer: { city: 620000, county: 10000 }, total: 630000, unknown: 4 });
    expect(subsidyTotalsText(t, 'zh')).toBe('应付奖补合计63万元（市级62万元，县级1万元）；另有4项无法判断');
    expect(subsidyTotalsText(t, 'en')).toBe('subsidies due 630,000 yuan (city 620,000 yuan, county 10,000 yuan); 4 more cannot be decided');
  });

  it('a facility outside Changzhi earns nothing under the Changzhi schedule', () => {
    const elsewhere = { ...records[0]!, region: { ...records[0]!.region, city: '吕梁市' } };
    expect(assess(elsewhere).items).toEqual([]);
  });

  it('while the higher award is unknown, the lower one due is not settled either', () => {
    const demoUnknownBuilt = structuredClone(records[2]!);
    delete demoUnknownBuilt.premises!.newlyBuilt;
    const f = assess(demoUnknownBuilt);
    expect(earned(f)).toEqual({ 'new-standardized-village-clinic': 'unknown', 'demonstration-village-clinic': 'unknown' });
    expect(f.subsidies).toEqual({ byPayer: { city: 0, county: 0 }, total: 0, unknown: 2 });
  });
});

describe('schedule files are checked when they load', () => {
  const schedule = (entry: string) => [
    'id: test/entitlements',
    'title: { zh: 测试, en: test }',
    'region: { province: 山西省, city: 长治市 }',
    'source: { title: test, issuer: 长治市人民政府办公室, date: 2025-12-18, file: sources/001_f3c695a624cdce2f.txt }',
    'entitlements:',
    entry,
  ].join('\n');
  const problems = (text: string) => {
    try {
      loadRules([{ file: 'entitlements/test.yaml', text }], { base: new Map([['changzhi/village-clinic', bundledStandard('changzhi/village-clinic')]]) });
      return [];
    } catch (e) {
      if (!(e instanceof RuleFileError)) throw e;
      return e.diagnostics.map((d) => d.message);
    }
  };

  it('a subsidy without payer or amount, an unknown standard, an undeclared group', () => {
    const base = '  - { id: x, kind: subsidy, clause: 附件1 三(三), quote: q, title: { zh: 甲, en: a }, facilityType: village-clinic';
    expect(problems(schedule(`${base}, standard: changzhi/village-clinic }`))[0]).toContain('a subsidy says who pays');
    expect(problems(schedule(`${base}, payer: city, amount: 1, standard: changzhi/nope }`))[0]).toContain('unknown standard "changzhi/nope"');
    expect(problems(schedule(`${base}, payer: city, amount: 1, standard: changzhi/village-clinic, group: g }`))[0]).toContain('unknown group "g"');
    expect(problems(schedule(`${base}, payer: city, amount: 1, condition: { fact: nope, operator: equal, value: true } }`))[0]).toContain('unknown fact "nope"');
  });
});
