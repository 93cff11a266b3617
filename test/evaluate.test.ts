import { describe, expect, it } from 'vitest';
import { bundledStandard, bundledStandards, evaluate, evaluateAll, loadStandard, operators, RecordError, type FacilityRecordInput, type Report } from '../src/index.js';

/** A one-requirement standard around a check, for testing evaluation semantics. */
function standardWith(check: string, extra = '') {
  return loadStandard(
    `id: test/semantics
version: "1"
title: { zh: 测试, en: Test }
facilityType: village-clinic
source: { title: 测试文件, issuer: 测试县, date: 2026-01-01, file: sources/test.txt }
${extra}requirements:
  - id: it
    clause: 一
    quote: 测试
    severity: required
    title: { zh: 测试项, en: Test item }
    check: ${check}
`,
    'test.yaml',
  );
}

const only = (report: Report) => report.requirements[0]!;

describe('three-valued outcomes: absent data is unknown, never a pass or a fail', () => {
  // One absent fact of a fitting type per operator, so each operator is tried on missing data.
  const absentCases: [string, string][] = [
    ['equal', '{ fact: premises.ownership, operator: equal, value: collective }'],
    ['notEqual', '{ fact: premises.ownership, operator: notEqual, value: rented }'],
    ['lessThan', '{ fact: premises.buildingArea, operator: lessThan, value: 500 }'],
    ['lessThanInclusive', '{ fact: premises.buildingArea, operator: lessThanInclusive, value: 500 }'],
    ['greaterThan', '{ fact: premises.buildingArea, operator: greaterThan, value: 0 }'],
    ['greaterThanInclusive', '{ fact: premises.buildingArea, operator: greaterThanInclusive, value: 0 }'],
    ['in', '{ fact: premises.ownership, operator: in, value: [collective, government] }'],
    ['notIn', '{ fact: premises.ownership, operator: notIn, value: [rented] }'],
    ['contains', '{ fact: rooms, operator: contains, value: pharmacy }'],
    ['doesNotContain', '{ fact: rooms, operator: doesNotContain, value: operating-room }'],
    ['includesAll', '{ fact: rooms, operator: includesAll, value: [pharmacy] }'],
    ['includesAny', '{ fact: rooms, operator: includesAny, value: [pharmacy] }'],
  ];

  it('covers every operator', () => {
    expect(absentCases.map(([op]) => op).sort()).toEqual([...operators.keys()].sort());
  });

  it.each(absentCases)('%s on an absent fact is unknown, naming the field', async (_, check) => {
    const report = await evaluate({ id: 'empty' }, standardWith(check));
    expect(only(report).outcome).toBe('unknown');
    expect(only(report).unknownFacts!.length).toBe(1);
    expect(report.outcome).toBe('unknown');
  });

  it('an `all` with one failed condition is a gap whatever else is unknown', async () => {
    const standard = standardWith(
      '{ all: [{ fact: premises.buildingArea, operator: greaterThanInclusive, value: 80 }, { fact: drugs.varieties, operator: greaterThanInclusive, value: 50 }] }',
    );
    const report = await evaluate({ premises: { buildingArea: 60 } }, standard);
    expect(only(report)).toMatchObject({ outcome: 'gap', fact: 'premises.buildingArea', shortfall: 20 });
    const unknown = await evaluate({ premises: { buildingArea: 90 } }, standard);
    expect(only(unknown)).toMatchObject({ outcome: 'unknown', unknownFacts: ['drugs.varieties'] });
  });

  it('an `any` with one passed condition is met whatever else is unknown', async () => {
    const standard = standardWith(
      '{ any: [{ fact: departments, operator: contains, value: public-health }, { fact: rooms, operator: contains, value: public-health-room }] }',
    );
    expect(only(await evaluate({ departments: ['public-health'] }, standard)).outcome).toBe('met');
    expect(only(await evaluate({ departments: ['surgery'] }, standard)).outcome).toBe('unknown');
    const gap = only(await evaluate({ departments: ['surgery'], rooms: [] }, standard));
    expect(gap.outcome).toBe('gap');
    expect(gap.findings).toHaveLength(2);
    expect(gap.missing).toEqual(['public-health', 'public-health-room']);
  });

  it('`not` turns met into gap and keeps unknown unknown', async () => {
    const standard = standardWith('{ not: { fact: premises.ownership, operator: equal, value: rented } }');
    expect(only(await evaluate({ premises: { ownership: 'rented' } }, standard)).outcome).toBe('gap');
    expect(only(await evaluate({ premises: { ownership: 'collective' } }, standard)).outcome).toBe('met');
    expect(only(await evaluate({}, standard)).outcome).toBe('unknown');
  });

  it('a requirement whose `when` is false is not applicable; unknown when it cannot be told', async () => {
    const standard = loadStandard(
      `id: test/when
version: "1"
title: { zh: 测试, en: Test }
facilityType: village-clinic
source: { title: 测试文件, issuer: 测试县, date: 2026-01-01, file: sources/test.txt }
requirements:
  - id: observation-room
    clause: 一
    quote: 开展静脉输液的应设观察室
    severity: required
    title: { zh: 观察室, en: Observation room }
    when: { fact: rooms, operator: contains, value: infusion-observation-room }
    check: { fact: equipment, operator: contains, value: observation-bed }
`,
      'when.yaml',
    );
    expect(only(await evaluate({ rooms: [] }, standard)).outcome).toBe('not-applicable');
    expect(only(await evaluate({}, standard))).toMatchObject({ outcome: 'unknown', unknownFacts: ['rooms'] });
    expect(only(await evaluate({ rooms: ['infusion-observation-room'], equipment: {} }, standard)).outcome).toBe('gap');
    const notApplicable = await evaluate({ rooms: [] }, standard);
    expect(notApplicable.outcome).toBe('met');
  });
});

describe('gap items', () => {
  it('a set requirement lists the missing codes, in zh and en', async () => {
    const report = await evaluate(
      { rooms: ['diagnosis-room', 'treatment-room'] },
      standardWith('{ fact: rooms, operator: includesAll, value: [diagnosis-room, treatment-room, pharmacy, public-health-room] }'),
    );
    expect(only(report)).toMatchObject({
      outcome: 'gap',
      fact: 'rooms',
      expected: ['diagnosis-room', 'treatment-room', 'pharmacy', 'public-health-room'],
      actual: ['diagnosis-room', 'treatment-room'],
      missing: ['pharmacy', 'public-health-room'],
      message: { zh: '缺少：药房、公共卫生室', en: 'missing: pharmacy, public health room' },
    });
  });

  it('a ratio shortfall is in percentage points', async () => {
    const report = await evaluate(
      { staff: { onPost: 20, healthTechnicians: 15 } },
      standardWith('{ fact: healthTechRatio, operator: greaterThanInclusive, value: 0.8 }'),
    );
    expect(only(report)).toMatchObject({ outcome: 'gap', actual: 0.75, expected: 0.8, shortfall: 0.05 });
    expect(only(report).message.zh).toBe('卫生技术人员占比75%，要求不少于80%，还差5个百分点');
  });

  it('a strict bound on a count needs one more than the number', async () => {
    const standard = standardWith('{ fact: services.commonDiseases, operator: greaterThan, value: 50 }');
    expect(only(await evaluate({ services: { commonDiseases: 50 } }, standard))).toMatchObject({ outcome: 'gap', shortfall: 1 });
    expect(only(await evaluate({ services: { commonDiseases: 51 } }, standard)).outcome).toBe('met');
  });

  it('an upper bound reports the excess', async () => {
    const report = await evaluate({ premises: { buildingArea: 130 } }, standardWith('{ fact: premises.buildingArea, operator: lessThanInclusive, value: 120 }'));
    expect(only(report)).toMatchObject({ outcome: 'gap', excess: 10 });
  });

  it('a comparison with another fact shows both values', async () => {
    const report = await evaluate(
      { name: '东庄卫生所', region: { township: '西沟乡', village: '东庄村' } },
      standardWith('{ fact: name, operator: equal, value: { fact: standardVillageClinicName } }'),
    );
    expect(only(report)).toMatchObject({ outcome: 'gap', actual: '东庄卫生所', expected: '西沟乡东庄村卫生室' });
    expect(only(report).message.zh).toBe('机构名称为“东庄卫生所”，应为“西沟乡东庄村卫生室”');
  });

  it('carries provenance: the rule file and line it was declared on, and the source document', async () => {
    const report = await evaluate({}, 'changzhi/village-clinic-demonstration');
    const fourRooms = report.requirements.find((r) => r.requirement === 'four-rooms')!;
    expect(fourRooms.standard).toBe('changzhi/village-clinic-demonstration@2026');
    expect(fourRooms.source).toMatchObject({
      standard: 'changzhi/village-clinic',
      file: 'rules/shanxi/changzhi/village-clinic.yaml',
      document: 'sources/001_f3c695a624cdce2f.txt',
    });
    expect(fourRooms.source.line).toBeGreaterThan(1);
  });
});

describe('running', () => {
  const record = (i: number): FacilityRecordInput => ({
    id: `clinic-${i}`,
    type: 'village-clinic',
    servicePopulation: 900 + i * 10,
    premises: { ownership: i % 2 ? 'collective' : 'rented', buildingArea: 60 + i },
    rooms: i % 3 ? ['diagnosis-room', 'treatment-room', 'pharmacy', 'public-health-room'] : ['pharmacy'],
    drugs: { varieties: 40 + i },
  });

  it('gives the same reports when many evaluations run at once as one after another', async () => {
    const sequential: Report[] = [];
    for (let i = 0; i < 60; i++) sequential.push(await evaluate(record(i), 'changzhi/village-clinic-demonstration'));
    const concurrent = await Promise.all(
      Array.from({ length: 60 }, (_, i) => evaluate(record(i), 'changzhi/village-clinic-demonstration')),
    );
    expect(concurrent).toEqual(sequential);
  });

  it('is deterministic: the same input gives byte-identical JSON', async () => {
    const a = JSON.stringify(await evaluateAll(record(7)));
    const b = JSON.stringify(await evaluateAll(record(7)));
    expect(a).toBe(b);
  });

  it('applies the national standards to a record that gives no region, and says which local ones it cannot place', async () => {
    const { region: _region, ...nowhere } = record(3);
    const reports = await evaluateAll(nowhere);
    expect(reports.map((r) => r.standard.id)).toEqual(['national/village-clinic-2014']);
    const unplaced = reports[0]!.notices!.find((n) => n.code === 'region-unplaced')!;
    expect(unplaced.values!.fields).toEqual(['region.province', 'region.city', 'region.county']);
    expect(unplaced.values!.for).toContain('changzhi/village-clinic');
    expect(unplaced.message.zh).toMatch(/未填所在省/);
    await expect(evaluateAll({ id: 'x' })).rejects.toBeInstanceOf(RecordError);
  });

  it('orders the standards national first, a standard before the ones that build on it', async () => {
    const ids = (await evaluateAll({ type: 'village-clinic', region: { province: '山西省', city: '长治市', county: '长子县' } })).map((r) => r.standard.id);
    expect(ids[0]).toBe('national/village-clinic-2014');
    for (const id of ids) {
      const parent = bundledStandards().get(id)!.extends;
      if (parent) expect(ids.indexOf(parent)).toBeLessThan(ids.indexOf(id));
    }
  });

  it('applies only the standards the record is known to be under, a county overlay in place of its parent', async () => {
    const ids = async (region: FacilityRecordInput['region']) =>
      (await evaluateAll({ type: 'village-clinic', region })).map((r) => r.standard.id).sort();
    const changzhi = ['changzhi/village-clinic', 'changzhi/village-clinic-demonstration', 'national/village-clinic-2014'];
    expect(await ids({ province: '山西省', city: '长治市', county: '长子县' })).toEqual(changzhi);
    expect(await ids({ province: '山西省', city: '长治市', county: '平顺县' })).toEqual([
      'national/village-clinic-2014',
      'pingshun/village-clinic',
      'pingshun/village-clinic-demonstration',
    ]);
    expect(await ids({ province: '山西省', city: '吕梁市', county: '文水县' })).toEqual(['national/village-clinic-2014', 'wenshui/village-clinic']);
    expect(await ids({ province: '山东省', city: '聊城市', county: '阳谷县' })).toEqual(['national/village-clinic-2014', 'yanggu/central-village-clinic', 'yanggu/village-clinic']);
    // A county of Shandong the standards do not name: none of Yanggu's, none of Shanxi's.
    expect(await ids({ province: '山东省', city: '聊城市', county: '东阿县' })).toEqual(['national/village-clinic-2014']);
  });

  it('gives a 长治市 clinic with no county Changzhi\'s standards, not Pingshun\'s, and says the county would settle it', async () => {
    const reports = await evaluateAll({ type: 'village-clinic', region: { province: '山西省', city: '长治市' } });
    expect(reports.map((r) => r.standard.id).sort()).toEqual(['changzhi/village-clinic', 'changzhi/village-clinic-demonstration', 'national/village-clinic-2014']);
    const unplaced = reports[0]!.notices!.find((n) => n.code === 'region-unplaced')!;
    expect(unplaced.values).toEqual({ fields: ['region.county'], for: ['pingshun/village-clinic-demonstration', 'pingshun/village-clinic'].sort((a, b) => (a < b ? 1 : -1)) });
  });

  it('reads a region name written without its suffix as the known one, and says so', async () => {
    const reports = await evaluateAll({ type: 'village-clinic', region: { province: '山西', city: '长治', county: '平顺' } });
    expect(reports.map((r) => r.standard.id)).toContain('pingshun/village-clinic');
    const read = reports[0]!.notices!.filter((n) => n.code === 'region-normalized').map((n) => n.values);
    expect(read).toEqual([
      { written: '山西', read: '山西省' },
      { written: '长治', read: '长治市' },
      { written: '平顺', read: '平顺县' },
    ]);
  });

  it('suggests the known region a misspelt one is nearest to', async () => {
    const reports = await evaluateAll({ type: 'village-clinic', region: { province: '山西省', city: '长冶市' } });
    expect(reports.map((r) => r.standard.id)).toEqual(['national/village-clinic-2014']);
    const unknown = reports[0]!.notices!.find((n) => n.code === 'region-unknown')!;
    expect(unknown.values).toEqual({ written: '长冶市', suggestions: ['长治市'] });
    expect(unknown.message.zh).toBe('所在市“长冶市”不是已知地区，是否为“长治市”？');
  });

  it('rejects an invalid record before evaluating, naming the field', async () => {
    await expect(evaluate({ premises: { buildingArea: -1 } }, 'changzhi/village-clinic')).rejects.toThrow(/premises\.buildingArea/);
  });

  it('names the bundled standards when asked for one that does not exist', async () => {
    // @ts-expect-error a misspelt bundled id does not compile; from JavaScript it throws UnknownIdError
    await expect(evaluate({}, 'changzhi/vilage-clinic')).rejects.toThrow(/did you mean changzhi\/village-clinic\?/);
    // @ts-expect-error as above
    await expect(evaluate({}, 'changzhi/vilage-clinic')).rejects.toMatchObject({ code: 'unknown-id', suggestions: ['changzhi/village-clinic'] });
  });
});
