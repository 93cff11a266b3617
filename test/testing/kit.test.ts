// The rule-authoring kit (facility-standards/testing): a county overlay tested with it in a few
// lines, its comparison on its own, and the failure a wrong case gives, from a real vitest run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledStandard, evaluate, loadStandards } from '../../src/index.js';
import { compareInvalid, compareValid, loadStandardsFrom, mergeRecords, testStandard } from '../../src/testing/index.js';
import { compliant, overlay, roomsWithoutLivingArea } from './overlay.js';

// ------------------------------------------------------------------ a county overlay, with the kit

testStandard({
  title: 'kit: county overlay of changzhi/village-clinic',
  rules: [overlay],
  standard: 'county/village-clinic',
  base: compliant,
  valid: [
    { name: 'the Changzhi compliant clinic enlarged to 100 m²', record: { premises: { buildingArea: 100 } } },
    { name: 'no living area: removed in this county', record: { premises: { buildingArea: 120 }, rooms: roomsWithoutLivingArea } },
  ],
  invalid: [
    { name: '96 m²: enough for Changzhi, not here', record: {}, gaps: [{ requirement: 'building-area', shortfall: 4 }], outcome: 'gap' },
    {
      name: '99.5 m² and no pharmacy',
      record: { premises: { buildingArea: 99.5 }, rooms: ['diagnosis-room', 'treatment-room', 'public-health-room'] },
      gaps: [{ requirement: 'four-rooms', missing: ['pharmacy'] }, { requirement: 'building-area', shortfall: 0.5 }],
    },
    { name: 'drug varieties not recorded', record: { premises: { buildingArea: 100 }, drugs: { varieties: undefined } }, gaps: [{ requirement: 'drugs', outcome: 'unknown', unknownFacts: ['drugs.varieties'] }] },
    { name: 'a bare id is enough', record: { drugs: { varieties: 12 } }, gaps: ['building-area', 'drugs'] },
  ],
});

// The same bundled standard tested without rule files of its own.
testStandard({
  rules: [],
  standard: 'changzhi/village-clinic',
  base: compliant,
  valid: [{}],
  invalid: [{ name: 'living area advisory: still met', record: { rooms: roomsWithoutLivingArea }, gaps: [{ requirement: 'living-area', missing: ['living-area'] }], outcome: 'met' }],
});

describe('paths in rules and base', () => {
  it('are read relative to the test file, wherever vitest is started (vitest --root)', () => {
    const root = join(import.meta.dirname, '../..');
    const elsewhere = mkdtempSync(join(tmpdir(), 'kit-cwd-'));
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')));
    try {
      const run = spawnSync(
        process.execPath,
        [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--root', root, '--config', join(root, 'test/testing/fixtures/paths/vitest.config.ts'), '--reporter=json', `--outputFile.json=${join(elsewhere, 'out.json')}`],
        { cwd: elsewhere, encoding: 'utf8', env: { ...env, NO_COLOR: '1', FORCE_COLOR: '0' }, timeout: 60_000 },
      );
      const results = JSON.parse(readFileSync(join(elsewhere, 'out.json'), 'utf8')) as { numPassedTests: number; numFailedTests: number };
      expect({ passed: results.numPassedTests, failed: results.numFailedTests }, run.stdout + run.stderr).toEqual({ passed: 3, failed: 0 });
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  }, 60_000);

  it('loadStandardsFrom reads them from the root it is given (the fixture run by the broken-case test gives a file: URL)', async () => {
    const standards = await loadStandardsFrom(['shanxi/changzhi/village-clinic.yaml'], join(import.meta.dirname, '../../rules'));
    expect(standards.get('changzhi/village-clinic')?.file).toBe('rules/shanxi/changzhi/village-clinic.yaml');
  });
});

describe('the overlay the kit tested', () => {
  it('raised the threshold, made it binding, and removed the living area with its reason', () => {
    const county = loadStandards([{ file: 'county/village-clinic.yaml', text: overlay }], { base: new Map([['changzhi/village-clinic', bundledStandard('changzhi/village-clinic')]]) }).get('county/village-clinic')!;
    expect(county.parameters.minBuildingArea?.value).toBe(100);
    expect(county.requirements.find((r) => r.id === 'building-area')?.severity).toBe('required');
    expect(county.requirements.map((r) => r.id)).not.toContain('living-area');
    expect(county.removed).toEqual([expect.objectContaining({ requirement: 'living-area', reason: '本县村医均在本村居住，不另建生活功能区' })]);
  });
});

// ------------------------------------------------------------------ the comparison on its own

describe('compareInvalid', () => {
  const report = () => evaluate({ type: 'village-clinic', premises: { buildingArea: 64 }, rooms: ['diagnosis-room', 'treatment-room'] }, 'changzhi/village-clinic');

  it('shows of each expected gap only what the expectation gives, in the standard’s order', async () => {
    const r = await report();
    const unknownIds = r.requirements.filter((x) => x.outcome === 'unknown').map((x) => x.requirement);
    const { actual, expected } = compareInvalid(r, {
      gaps: [...unknownIds.map((requirement) => ({ requirement, outcome: 'unknown' as const })), 'living-area', { requirement: 'four-rooms', missing: ['pharmacy', 'public-health-room'] }, { requirement: 'building-area', shortfall: 16 }],
    });
    expect(actual).toEqual(expected);
    expect(actual.gaps.slice(0, 4)).toEqual([
      { requirement: 'collective-property', outcome: 'unknown' },
      { requirement: 'building-area', shortfall: 16 },
      { requirement: 'four-rooms', missing: ['pharmacy', 'public-health-room'] },
      { requirement: 'room-partitions', outcome: 'unknown' },
    ]);
  });

  it('shows an unexpected gap in full, and an expected one that is not there', async () => {
    const { actual, expected } = compareInvalid(await report(), { gaps: ['no-such-requirement'] });
    expect(actual.gaps).toContainEqual({ requirement: 'building-area', shortfall: 16 });
    expect(actual.gaps).toContainEqual({ requirement: 'four-rooms', missing: ['pharmacy', 'public-health-room'] });
    expect(actual.gaps).toContainEqual({ requirement: 'drugs', outcome: 'unknown', unknownFacts: ['drugs.varieties'] });
    expect(expected.gaps).toEqual([{ requirement: 'no-such-requirement' }]);
  });

  it('shows the outcome when a gap was expected as unknown, or the reverse', async () => {
    const { actual, expected } = compareInvalid(await report(), { gaps: [{ requirement: 'building-area', outcome: 'unknown' }, 'drugs'] });
    expect(actual.gaps).toContainEqual({ requirement: 'building-area', outcome: 'gap' });
    expect(actual.gaps).toContainEqual({ requirement: 'drugs', outcome: 'unknown' });
    expect(expected.gaps).toEqual([{ requirement: 'building-area', outcome: 'unknown' }, { requirement: 'drugs' }]);
  });

  it('compares the standard’s outcome only when the case gives it', async () => {
    expect(compareInvalid(await report(), { gaps: [] }).actual).not.toHaveProperty('outcome');
    expect(compareInvalid(await report(), { gaps: [], outcome: 'met' })).toMatchObject({ actual: { outcome: 'gap' }, expected: { outcome: 'met' } });
  });
});

describe('compareValid', () => {
  it('expects the standard met and nothing unmet, advisory included', async () => {
    const r = await evaluate({ type: 'village-clinic', premises: { buildingArea: 64 } }, 'changzhi/village-clinic');
    const { actual, expected } = compareValid(r);
    expect(expected).toEqual({ outcome: 'met', gaps: [] });
    expect(actual.outcome).toBe('unknown');
    expect(actual.gaps).toContainEqual({ requirement: 'building-area', shortfall: 16 });
  });
});

describe('mergeRecords', () => {
  it('merges objects key by key, replaces lists and values, and removes keys set to undefined', () => {
    const base = { id: 'a', premises: { ownership: 'collective', buildingArea: 96 }, rooms: ['pharmacy', 'living-area'], drugs: { varieties: 60 } };
    expect(mergeRecords(base, { premises: { buildingArea: 100 }, rooms: ['pharmacy'], drugs: { varieties: undefined } })).toEqual({
      id: 'a',
      premises: { ownership: 'collective', buildingArea: 100 },
      rooms: ['pharmacy'],
      drugs: {},
    });
    expect(base.premises.buildingArea).toBe(96);
  });
});

describe('loadStandardsFrom', () => {
  it('reports a broken overlay at file:line:column', async () => {
    const broken = overlay.replace('requirement: living-area', 'requirement: living-aera');
    await expect(loadStandardsFrom([{ file: 'county/village-clinic.yaml', text: broken }])).rejects.toThrow(
      /county\/village-clinic\.yaml:\d+:\d+: .*living-aera/,
    );
  });
});

// ------------------------------------------------------------------ a wrong case fails readably

describe('a wrong case', () => {
  it('fails with vitest’s diff of the gaps expected and found', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kit-'));
    try {
      const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')));
      const run = spawnSync(
        process.execPath,
        ['node_modules/vitest/vitest.mjs', 'run', '--config', 'test/testing/fixtures/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${join(dir, 'out.json')}`],
        { encoding: 'utf8', env: { ...env, NO_COLOR: '1', FORCE_COLOR: '0' }, timeout: 60_000 },
      );
      const output = run.stdout + run.stderr;
      expect(run.status, output).toBe(1);
      const results = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as {
        numPassedTests: number;
        numFailedTests: number;
        testResults: { assertionResults: { title: string; status: string }[] }[];
      };
      expect({ passed: results.numPassedTests, failed: results.numFailedTests }).toEqual({ passed: 2, failed: 1 });
      const failed = results.testResults.flatMap((f) => f.assertionResults).filter((a) => a.status === 'failed');
      expect(failed.map((a) => a.title)).toEqual(['invalid: wrong: 96 m² and 40 drugs']);

      expect(output).toContain('FAIL  test/testing/fixtures/broken.kit.ts > county/village-clinic > invalid: wrong: 96 m² and 40 drugs');
      expect(output).toContain('requirements not met (gap or unknown): expected { gaps: [ { …(2) }, { …(2) } ] } to deeply equal { gaps: [ { …(2) } ] }');
      // The diff: the shortfall expected and found, and the gap that was not expected.
      expect(output).toContain(
        [
          '- Expected',
          '+ Received',
          '',
          '  {',
          '    "gaps": [',
          '      {',
          '        "requirement": "building-area",',
          '-       "shortfall": 20,',
          '+       "shortfall": 4,',
          '+     },',
          '+     {',
          '+       "requirement": "drugs",',
          '+       "shortfall": 10,',
          '      },',
          '    ],',
          '  }',
        ].join('\n'),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // It runs vitest in a process of its own: seconds, more on a loaded machine.
  }, 60_000);
});
