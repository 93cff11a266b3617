import { describe, expect, it } from 'vitest';
import { bundledStandards, loadStandard, loadStandards, RuleFileError, type Diagnostic } from '../src/index.js';

/**
 * Each malformed rule file must be rejected with the file, line and column of what is wrong and
 * a sentence saying what. Expected positions are found in the test's own YAML text.
 */

const header = `id: test/clinic
version: "1"
title: { zh: 测试村卫生室, en: Test clinic }
facilityType: village-clinic
source: { title: 测试文件, issuer: 测试县, date: 2026-01-01, file: sources/test.txt }
parameters:
  minArea: { value: 80 }
requirements:
`;

const requirement = (check: string, id = 'area') => `  - id: ${id}
    clause: 二(一)
    quote: 建筑面积不低于80㎡
    severity: required
    title: { zh: 建筑面积, en: Building area }
    check: ${check}
`;

/** 1-based line and column of the first occurrence of `needle` at or after line `fromLine`. */
function positionOf(text: string, needle: string, fromLine = 1): { line: number; column: number } {
  const lines = text.split('\n');
  for (let i = fromLine - 1; i < lines.length; i++) {
    const column = lines[i]!.indexOf(needle);
    if (column >= 0) return { line: i + 1, column: column + 1 };
  }
  throw new Error(`"${needle}" is not in the text`);
}

function diagnosticsOf(text: string, file = 'county/test.yaml'): readonly Diagnostic[] {
  try {
    loadStandard(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(RuleFileError);
    return (error as RuleFileError).diagnostics;
  }
  throw new Error('the rule file was accepted');
}

function expectOne(text: string, needle: string, message: RegExp, fromLine = 1) {
  const diagnostics = diagnosticsOf(text);
  expect(diagnostics).toHaveLength(1);
  const [d] = diagnostics;
  expect(d!.message).toMatch(message);
  expect({ file: d!.file, line: d!.line, column: d!.column }).toEqual({
    file: 'county/test.yaml',
    ...positionOf(text, needle, fromLine),
  });
  expect(d!.toString()).toMatch(/^county\/test\.yaml:\d+:\d+: /);
}

describe('a valid rule file', () => {
  it('loads, with its parameter resolved into the condition', () => {
    const standard = loadStandard(
      header + requirement('{ fact: premises.buildingArea, operator: greaterThanInclusive, value: { param: minArea } }'),
      'county/test.yaml',
    );
    expect(standard.requirements[0]!.check).toEqual({ fact: 'premises.buildingArea', operator: 'greaterThanInclusive', value: 80 });
    expect(standard.requirements[0]!.provenance).toMatchObject({ standard: 'test/clinic', file: 'county/test.yaml', line: 9 });
  });
});

describe('malformed rule files are rejected at file:line:column', () => {
  it('YAML syntax', () => {
    const text = header + requirement('{ fact: premises.buildingArea, operator: equal, value: 80');
    const [d] = diagnosticsOf(text);
    expect(d!.message).toMatch(/^YAML syntax: /);
    expect(d!.line).toBe(positionOf(text, 'check:').line + 1);
  });

  it('a duplicate key', () => {
    const text = header.replace('version: "1"\n', 'version: "1"\nversion: "2"\n') + requirement('{ fact: rooms, operator: contains, value: pharmacy }');
    const [d] = diagnosticsOf(text);
    expect(d!.message).toMatch(/Map keys must be unique/);
    expect(d!.line).toBe(3);
  });

  it('schema: a severity outside required/advisory', () => {
    const text = (header + requirement('{ fact: rooms, operator: contains, value: pharmacy }')).replace('severity: required', 'severity: must');
    expectOne(text, 'must', /expected one of "required"\|"advisory"/);
  });

  it('schema: a missing quote', () => {
    const text = (header + requirement('{ fact: rooms, operator: contains, value: pharmacy }')).replace('    quote: 建筑面积不低于80㎡\n', '');
    expectOne(text, 'id: area', /"quote" is required/);
  });

  it('schema: an unknown key', () => {
    const text = (header + requirement('{ fact: rooms, operator: contains, value: pharmacy }')).replace('severity: required', 'severity: required\n    weight: 3');
    expectOne(text, 'weight', /unknown field "weight"/);
  });

  it('schema: an empty check', () => {
    const text = header + requirement('{ all: [] }');
    expectOne(text, '[]', /`all` needs at least one condition/);
  });

  it('an unknown fact, with a suggestion', () => {
    const text = header + requirement('{ fact: premises.buildingAera, operator: greaterThanInclusive, value: 80 }');
    expectOne(text, 'premises.buildingAera', /unknown fact "premises\.buildingAera" \(did you mean "premises\.buildingArea"\?\)/);
  });

  it('an unknown operator', () => {
    const text = header + requirement('{ fact: premises.buildingArea, operator: atLeast, value: 80 }');
    expectOne(text, 'atLeast', /unknown operator "atLeast".*operators: equal, notEqual/);
  });

  it('an operator that does not apply to the fact type', () => {
    const text = header + requirement('{ fact: premises.buildingArea, operator: includesAll, value: [80] }');
    expectOne(text, 'includesAll', /operator "includesAll" does not apply to fact "premises\.buildingArea" \(a number in m²\); use one of: equal, notEqual, lessThan/);
  });

  it('a value of the wrong type for the fact', () => {
    const text = header + requirement('{ fact: premises.buildingArea, operator: greaterThanInclusive, value: "80㎡" }');
    expectOne(text, '"80㎡"', /is compared with "80㎡"; expected a number/);
  });

  it('an unknown vocabulary code, with a suggestion', () => {
    const text = header + requirement('{ fact: rooms, operator: includesAll, value: [diagnosis-room, pharmcy] }');
    expectOne(text, 'pharmcy', /unknown rooms code "pharmcy" \(did you mean "pharmacy"\?\)/);
  });

  it('an unknown parameter', () => {
    const text = header + requirement('{ fact: premises.buildingArea, operator: greaterThanInclusive, value: { param: minAreaM2 } }');
    expectOne(text, 'minAreaM2', /unknown parameter "minAreaM2".*parameters of this standard: minArea/);
  });

  it('a duplicate requirement id, pointing at the second and naming the first', () => {
    const check = '{ fact: rooms, operator: contains, value: pharmacy }';
    const text = header + requirement(check) + requirement(check);
    const second = positionOf(text, 'check:').line + 1;
    expectOne(text, 'area', /requirement id "area" is already used on line 9/, second);
  });

  it('a ratio written as a percentage', () => {
    const text = header + requirement('{ fact: healthTechRatio, operator: greaterThanInclusive, value: 80 }');
    expectOne(text, '80 }', /a ratio is written between 0 and 1/, positionOf(text, 'check:').line);
  });

  it('bounds no value meets', () => {
    const text = header + requirement('{ all: [{ fact: staff.onPost, operator: greaterThanInclusive, value: 5 }, { fact: staff.onPost, operator: lessThan, value: 3 }] }');
    expectOne(text, '{ all:', /^this condition can never be met: staff\.onPost must be at least 5 and less than 3$/);
    const touching = header + requirement('{ all: [{ fact: staff.onPost, operator: greaterThan, value: 3 }, { fact: staff.onPost, operator: lessThanInclusive, value: 3 }] }');
    expectOne(touching, '{ all:', /staff\.onPost must be more than 3 and at most 3/);
    // Bounds that meet at one value can be met.
    const exact = header + requirement('{ all: [{ fact: staff.onPost, operator: greaterThanInclusive, value: 3 }, { fact: staff.onPost, operator: lessThanInclusive, value: 3 }] }');
    expect(() => loadStandard(exact, 'county/test.yaml')).not.toThrow();
  });

  it('an alias to an anchor that does not exist', () => {
    const text = header + requirement('*nowhere');
    const [d] = diagnosticsOf(text);
    expect(d!.message).toMatch(/^YAML: .*nowhere/);
    expect({ line: d!.line, column: d!.column }).toEqual(positionOf(text, '*nowhere'));
  });

  it('every problem of a file at once', () => {
    const text =
      header +
      requirement('{ fact: premises.buildingAera, operator: greaterThanInclusive, value: 80 }') +
      requirement('{ fact: rooms, operator: contains, value: pharmcy }', 'rooms');
    expect(diagnosticsOf(text).map((d) => d.message)).toEqual([
      expect.stringMatching(/unknown fact/),
      expect.stringMatching(/unknown rooms code/),
    ]);
  });
});

describe('extends', () => {
  const child = (parent: string, id = 'test/child') =>
    header.replace('id: test/clinic', `id: ${id}\nextends: ${parent}`) +
    requirement('{ fact: rooms, operator: contains, value: tcm-corner }', 'tcm-corner');

  it('takes over the parent requirements first, keeping their provenance', () => {
    const loaded = loadStandards([{ file: 'county/child.yaml', text: child('changzhi/village-clinic') }], {
      base: bundledStandards(),
    });
    const standard = loaded.get('test/child')!;
    const parent = bundledStandards().get('changzhi/village-clinic')!;
    expect(standard.requirements.map((r) => r.id)).toEqual([...parent.requirements.map((r) => r.id), 'tcm-corner']);
    expect(standard.requirements[0]!.provenance.standard).toBe('changzhi/village-clinic');
    expect(standard.requirements.at(-1)!.provenance.standard).toBe('test/child');
  });

  it('rejects an unknown parent', () => {
    const text = child('changzhi/village-clinc');
    expectOne(text, 'changzhi/village-clinc', /extends an unknown standard "changzhi\/village-clinc"/);
  });

  it('rejects circular extends', () => {
    const a = child('test/b', 'test/a');
    const b = child('test/a', 'test/b');
    let error: RuleFileError | undefined;
    try {
      loadStandards([
        { file: 'a.yaml', text: a },
        { file: 'b.yaml', text: b },
      ]);
    } catch (e) {
      error = e as RuleFileError;
    }
    expect(error).toBeInstanceOf(RuleFileError);
    expect(error!.diagnostics).toHaveLength(1);
    expect(error!.diagnostics[0]!.message).toBe('circular extends: test/a → test/b → test/a');
    expect(error!.diagnostics[0]!.file).toBe('b.yaml');
  });

  it('rejects a requirement id the parent already uses', () => {
    const text =
      header.replace('id: test/clinic', 'id: test/child\nextends: changzhi/village-clinic') +
      requirement('{ fact: rooms, operator: contains, value: pharmacy }', 'four-rooms');
    let error: RuleFileError | undefined;
    try {
      loadStandards([{ file: 'county/test.yaml', text }], { base: bundledStandards() });
    } catch (e) {
      error = e as RuleFileError;
    }
    expect(error!.diagnostics.map(String)).toEqual([
      `county/test.yaml:${positionOf(text, 'four-rooms').line}:${positionOf(text, 'four-rooms').column}: requirement id "four-rooms" is already used in changzhi/village-clinic (at requirements[0].id)`,
    ]);
  });
});
