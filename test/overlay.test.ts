import { describe, expect, it } from 'vitest';
import {
  bundledStandards,
  evaluate,
  loadRules,
  loadStandards,
  RuleFileError,
  type Diagnostic,
  type Standard,
} from '../src/index.js';

/**
 * County overlays of a bundled standard: set parameters, alter or remove requirements with a
 * reason, add their own — resolved at load into a flat standard that keeps every requirement's
 * provenance.
 */

const head = (id: string, extra = '') => `id: ${id}
version: "2027"
title: { zh: 某县标准化村卫生室, en: County standardized village clinic }
facilityType: village-clinic
source: { title: 某县实施方案, issuer: 某县卫生健康局, date: 2027-01-01, file: sources/county.txt }
extends: changzhi/village-clinic
${extra}`;

function load(text: string, file = 'county/overlay.yaml'): Standard {
  const loaded = loadStandards([{ file, text }], { base: bundledStandards() });
  return [...loaded.values()][0]!;
}

function problems(text: string, file = 'county/overlay.yaml'): readonly Diagnostic[] {
  try {
    load(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(RuleFileError);
    return (error as RuleFileError).diagnostics;
  }
  throw new Error('the overlay was accepted');
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

const clinic = {
  id: 'x',
  name: '西沟乡东庄村卫生室',
  type: 'village-clinic' as const,
  premises: { ownership: 'collective' as const, buildingArea: 90 },
  drugs: { varieties: 55 },
};

describe('an overlay', () => {
  const parent = bundledStandards().get('changzhi/village-clinic')!;

  it('with no changes evaluates exactly like its parent', async () => {
    const overlay = load(head('county/same'));
    expect(overlay.requirements.map((r) => r.id)).toEqual(parent.requirements.map((r) => r.id));
    const mine = await evaluate(clinic, overlay);
    const theirs = await evaluate(clinic, parent);
    expect(mine.requirements.map((r) => r.outcome)).toEqual(theirs.requirements.map((r) => r.outcome));
    expect(mine.standard.id).toBe('county/same');
  });

  it('setting a parameter re-resolves the inherited requirements that use it', async () => {
    const overlay = load(head('county/stricter', 'parameters:\n  minDrugVarieties: { value: 60 }\n  minBuildingArea: { value: 100 }\n'));
    const drugs = overlay.requirements.find((r) => r.id === 'drugs')!;
    expect(drugs.check).toEqual({ fact: 'drugs.varieties', operator: 'greaterThanInclusive', value: 60 });
    const report = await evaluate(clinic, overlay);
    expect(report.requirements.find((r) => r.requirement === 'drugs')).toMatchObject({ outcome: 'gap', shortfall: 5 });
    expect(report.requirements.find((r) => r.requirement === 'building-area')).toMatchObject({ outcome: 'gap', shortfall: 10 });
    // The parent is untouched.
    expect(parent.requirements.find((r) => r.id === 'drugs')!.check).toMatchObject({ value: 50 });
  });

  it('reports a bad value of an inherited list parameter at the value it sets', () => {
    const text = head('county/list', 'parameters:\n  requiredEquipment: { value: [stethoscope, sphygmomanometr] }\n');
    const [d] = problems(text);
    expect(d!.message).toBe('unknown equipment code "sphygmomanometr" (did you mean "sphygmomanometer"?)');
    expect(d!.line).toBe(lineOf(text, 'sphygmomanometr'));
  });

  it('alters a requirement, keeping where it was declared and recording who changed it and why', async () => {
    const text = head(
      'county/strict-area',
      `alter:
  - requirement: building-area
    severity: required
    reason: 本县新建村卫生室一律不低于80平方米
`,
    );
    const overlay = load(text);
    const area = overlay.requirements.find((r) => r.id === 'building-area')!;
    expect(area.severity).toBe('required');
    expect(area.provenance.standard).toBe('changzhi/village-clinic');
    expect(area.alterations).toEqual([
      {
        provenance: expect.objectContaining({ standard: 'county/strict-area', file: 'county/overlay.yaml', line: lineOf(text, '- requirement: building-area') }),
        reason: '本县新建村卫生室一律不低于80平方米',
        changed: ['severity'],
      },
    ]);
    const report = await evaluate({ ...clinic, premises: { ...clinic.premises, buildingArea: 70 } }, overlay);
    const item = report.requirements.find((r) => r.requirement === 'building-area')!;
    expect(item).toMatchObject({ outcome: 'gap', severity: 'required', clause: '附件1 二(一)' });
    expect(item.source.alteredBy).toEqual([
      { standard: 'county/strict-area', file: 'county/overlay.yaml', line: lineOf(text, '- requirement: building-area'), reason: '本县新建村卫生室一律不低于80平方米' },
    ]);
  });

  it('alters a check with its own clause and quote, which the report then cites', async () => {
    const text = head(
      'county/more-drugs',
      `alter:
  - requirement: drugs
    reason: 县方案提高药品品种要求
    clause: 二(一)
    quote: 配备不少于70种药品
    check: { fact: drugs.varieties, operator: greaterThanInclusive, value: 70 }
`,
    );
    const report = await evaluate(clinic, load(text));
    expect(report.requirements.find((r) => r.requirement === 'drugs')).toMatchObject({
      outcome: 'gap',
      clause: '二(一)',
      shortfall: 15,
      source: { standard: 'changzhi/village-clinic', alteredBy: [expect.objectContaining({ clause: '二(一)' })] },
    });
  });

  it('removes a requirement with its reason and adds its own after the inherited ones', async () => {
    const overlay = load(
      head(
        'county/no-living-area',
        `remove:
  - requirement: living-area
    reason: 本县村医均在本村居住，不建生活功能区
requirements:
  - id: tcm-corner
    clause: 二(二)
    quote: 每个村卫生室设置中医阁
    severity: required
    title: { zh: 中医阁, en: TCM corner }
    check: { fact: rooms, operator: contains, value: tcm-corner }
`,
      ),
    );
    const ids = overlay.requirements.map((r) => r.id);
    expect(ids).not.toContain('living-area');
    expect(ids.at(-1)).toBe('tcm-corner');
    expect(ids).toHaveLength(parent.requirements.length);
    expect(overlay.removed).toEqual([
      expect.objectContaining({ requirement: 'living-area', reason: '本县村医均在本村居住，不建生活功能区' }),
    ]);
  });

  it('an overlay of an overlay keeps both alterations, oldest first', () => {
    const first = head('county/a', 'alter:\n  - requirement: green-sign\n    severity: required\n    reason: 县统一标识\n');
    const second = `id: county/b
version: "2027"
title: { zh: 某乡, en: Township }
facilityType: village-clinic
source: { title: 某乡细则, issuer: 某乡卫生院, date: 2027-02-01, file: sources/township.txt }
extends: county/a
alter:
  - requirement: green-sign
    note: 乡细则另行规定颜色
    reason: 补充说明
`;
    const loaded = loadStandards(
      [
        { file: 'a.yaml', text: first },
        { file: 'b.yaml', text: second },
      ],
      { base: bundledStandards() },
    );
    const sign = loaded.get('county/b')!.requirements.find((r) => r.id === 'green-sign')!;
    expect(sign.alterations.map((a) => a.provenance.standard)).toEqual(['county/a', 'county/b']);
    expect(sign.severity).toBe('required');
    expect(sign.note).toBe('乡细则另行规定颜色');
  });
});

describe('overlay errors at file:line:column', () => {
  it('altering a requirement the parent does not have', () => {
    const text = head('county/x', 'alter:\n  - requirement: four-room\n    severity: advisory\n    reason: 试点\n');
    const [d] = problems(text);
    expect(d!.message).toBe('changzhi/village-clinic has no requirement "four-room" (did you mean "four-rooms"?)');
    expect({ line: d!.line, column: d!.column }).toEqual({ line: lineOf(text, 'four-room'), column: 18 });
  });

  it('two alterations of one requirement', () => {
    const text = head(
      'county/x',
      'alter:\n  - requirement: drugs\n    severity: advisory\n    reason: 一\n  - requirement: drugs\n    note: 二\n    reason: 二\n',
    );
    const [d, ...rest] = problems(text);
    expect(rest).toEqual([]);
    expect(d!.message).toBe(`requirement "drugs" is already changed on line ${lineOf(text, '- requirement: drugs')}; change it once`);
    expect(d!.line).toBe(lineOf(text, 'reason: 一') + 1);
  });

  it('altering and removing one requirement', () => {
    const text = head('county/x', 'alter:\n  - requirement: drugs\n    severity: advisory\n    reason: 一\nremove:\n  - requirement: drugs\n    reason: 二\n');
    expect(problems(text).map((d) => d.message)).toEqual([expect.stringMatching(/requirement "drugs" is already changed/)]);
  });

  it('a removal without a reason', () => {
    const text = head('county/x', 'remove:\n  - requirement: living-area\n');
    const [d] = problems(text);
    expect(d!.message).toBe('"reason" is required (a text)');
    expect(d!.line).toBe(lineOf(text, 'living-area'));
  });

  it('altering a check without citing the source', () => {
    const text = head('county/x', 'alter:\n  - requirement: drugs\n    reason: 提高\n    check: { fact: drugs.varieties, operator: greaterThanInclusive, value: 70 }\n');
    expect(problems(text)[0]!.message).toBe('an alteration of `check` or `when` cites its source: give `clause` and `quote`');
  });

  it('alter or remove in a standard that extends nothing', () => {
    const text = head('county/x', 'alter:\n  - requirement: drugs\n    severity: advisory\n    reason: 一\nrequirements:\n  - { id: a, clause: 一, quote: 一, severity: required, title: { zh: 一, en: one }, check: { fact: rooms, operator: contains, value: pharmacy } }\n').replace(
      'extends: changzhi/village-clinic\n',
      '',
    );
    const [d] = problems(text);
    expect(d!.message).toBe('`alter` changes requirements taken over with `extends`; this standard extends none');
    expect(d!.line).toBe(lineOf(text, 'alter:'));
  });

  it('an inherited parameter set to another kind of value', () => {
    const text = head('county/x', 'parameters:\n  minDrugVarieties: { value: "六十" }\n');
    const [d] = problems(text);
    expect(d!.message).toBe('parameter "minDrugVarieties" is a number in changzhi/village-clinic, not a string');
    expect(d!.line).toBe(lineOf(text, '六十'));
  });

  it('extending a standard for another facility type', () => {
    const text = head('county/x').replace('facilityType: village-clinic', 'facilityType: township-health-center');
    expect(problems(text)[0]!.message).toBe('facility type township-health-center differs from changzhi/village-clinic\'s village-clinic');
  });
});

describe('ladders', () => {
  const ladder = (levels: string, id = 'county/ladder') => `id: ${id}
title: { zh: 某县村卫生室阶梯, en: County village clinic ladder }
facilityType: village-clinic
levels:
${levels}`;

  it('load with the standards they name', () => {
    const { ladders } = loadRules(
      [{ file: 'l.yaml', text: ladder('  - { standard: changzhi/village-clinic, title: { zh: 标准化, en: standardized } }\n  - { standard: changzhi/village-clinic-demonstration, title: { zh: 示范, en: demonstration } }\n') }],
      { base: bundledStandards() },
    );
    expect(ladders.get('county/ladder')!.levels.map((l) => l.standard)).toEqual([
      'changzhi/village-clinic',
      'changzhi/village-clinic-demonstration',
    ]);
  });

  it('reject an unknown standard, a standard for another type, a repeated level, and a single level', () => {
    const text = ladder(
      '  - { standard: changzhi/village-clinc, title: { zh: 一, en: one } }\n  - { standard: changzhi/village-clinic, title: { zh: 二, en: two } }\n  - { standard: changzhi/village-clinic, title: { zh: 三, en: three } }\n',
    );
    let error: RuleFileError | undefined;
    try {
      loadRules([{ file: 'l.yaml', text }], { base: bundledStandards() });
    } catch (e) {
      error = e as RuleFileError;
    }
    expect(error!.diagnostics.map(String)).toEqual([
      `l.yaml:${lineOf(text, 'village-clinc')}:17: ladder level names an unknown standard "changzhi/village-clinc" (at levels[0].standard)`,
      `l.yaml:${lineOf(text, 'three')}:17: changzhi/village-clinic is already a level of this ladder (at levels[2].standard)`,
    ]);
    expect(() => loadRules([{ file: 'one.yaml', text: ladder('  - { standard: changzhi/village-clinic, title: { zh: 一, en: one } }\n') }])).toThrow(
      /a ladder has at least two levels/,
    );
  });
});
