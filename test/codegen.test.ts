import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it, vi } from 'vitest';

/**
 * Bundled standards come built: validated, resolved and compiled to JavaScript when the package
 * is built, so their first use parses no YAML and validates no rule file; rule files loaded at
 * run time compile through `new Function`, or to closures where code generation is refused.
 */

const watched = vi.hoisted(() => ({ yaml: 0, ruleSchemas: 0 }));

vi.mock('yaml', async (importOriginal) => {
  const real = await importOriginal<typeof import('yaml')>();
  return {
    ...real,
    parseDocument: (...args: Parameters<typeof real.parseDocument>) => {
      watched.yaml++;
      return real.parseDocument(...args);
    },
  };
});

for (const [path, name] of [
  ['../src/standard/schema.js', 'RuleFileSchema'],
  ['../src/portfolio/entitlements.js', 'EntitlementScheduleSchema'],
  ['../src/standard/ladder.js', 'LadderSchema'],
  ['../src/program/schema.js', 'ProgramSchema'],
] as const) {
  vi.doMock(path, async (importOriginal) => {
    const real = await importOriginal<Record<string, { safeParse: (...a: unknown[]) => unknown }>>();
    const schema = real[name]!;
    const safeParse = schema.safeParse.bind(schema);
    schema.safeParse = (...args: unknown[]) => {
      watched.ruleSchemas++;
      return safeParse(...args);
    };
    return real;
  });
}

const lib = await import('../src/index.js');
const { evaluatorSource } = await import('../src/evaluate/codegen.js');
const { bundledRuleFiles } = await import('../src/generated/rules.js');

/** A village clinic with gaps (rented, small, a room and a system short) and fields left out. */
const record: import('../src/index.js').FacilityRecordInput = {
  id: 'pingshun-xigou-dongzhuang',
  name: '西沟乡东庄村卫生室',
  type: 'village-clinic',
  region: { province: '山西省', city: '长治市', county: '平顺县', township: '西沟乡', village: '东庄村' },
  premises: { ownership: 'rented', buildingArea: 64 },
  rooms: ['diagnosis-room', 'treatment-room', 'pharmacy'],
  roomsPartitioned: true,
  utilities: { water: true, electricity: true },
  equipment: { stethoscope: 1, sphygmomanometer: 1, thermometer: 2, 'examination-couch': 1 },
  drugs: { varieties: 42 },
  systems: ['public-health-information'],
  signage: { greenSign: true },
};

describe('bundled standards, built ahead of time', () => {
  // First in the file: the first use of the bundled standards in this module graph.
  it('the first evaluation parses no YAML and validates no rule file', async () => {
    const report = await lib.evaluate(record, 'changzhi/village-clinic');
    lib.bundledLadders();
    lib.bundledPrograms();
    expect(report.requirements.length).toBeGreaterThan(10);
    expect(watched).toEqual({ yaml: 0, ruleSchemas: 0 });
    // The watch itself works: loading a rule file at run time is seen.
    lib.loadStandard(bundledRuleFiles['rules/national/village-clinic-2014.yaml']!, 'x.yaml');
    expect(watched.yaml).toBe(1);
    expect(watched.ruleSchemas).toBe(1);
  });

  it('are what the loader makes of the rule files, key for key', () => {
    const loaded = lib.loadRules(Object.entries(bundledRuleFiles).map(([file, text]) => ({ file, text })));
    for (const kind of ['standards', 'ladders', 'programs'] as const) {
      const bundled = { standards: lib.bundledStandards(), ladders: lib.bundledLadders(), programs: lib.bundledPrograms() }[kind];
      expect([...bundled.keys()]).toEqual([...loaded[kind].keys()]);
      expect(JSON.stringify([...bundled.values()])).toBe(JSON.stringify([...loaded[kind].values()]));
      expect([...bundled.values()]).toStrictEqual([...loaded[kind].values()]);
    }
  });

  it('each carries the evaluator generated from it, in a module of its own, and runs it', async () => {
    const standards = [...lib.bundledStandards().values()];
    const lines = (source: string) => source.split('\n').map((line) => line.trim()).join('\n');
    for (const standard of standards) {
      const file = `src/generated/standards/${standard.id}.js`;
      const data = (await import(/* @vite-ignore */ join(process.cwd(), file))) as { evaluator: unknown };
      expect(typeof data.evaluator).toBe('function');
      expect(lines(readFileSync(file, 'utf8'))).toContain(`export const evaluator = ${lines(evaluatorSource(standard, lib.factsUsedBy(standard)))};`);
      expect(lib.evaluationPath(standard)).toBe('generated');
      // The public module of the standard hands out the very object of the registry.
      const entry = (await import(/* @vite-ignore */ join(process.cwd(), `src/generated/entries/${standard.id}.ts`))) as { standard: unknown; default: unknown };
      expect(entry.standard).toBe(standard);
      expect(entry.default).toBe(standard);
    }
  });
});

describe('rule files loaded at run time', () => {
  const overlay = () =>
    lib.loadStandard(
      `id: test/overlay
extends: changzhi/village-clinic
version: "1"
title: { zh: 测试, en: Test }
facilityType: village-clinic
source: { title: 测试, issuer: 测试, date: 2026-01-01, file: sources/test.txt }
`,
      'test/overlay.yaml',
      { base: lib.bundledStandards() },
    );

  it('compile through new Function, with the same report as the bundled standard', async () => {
    const standard = overlay();
    expect(lib.evaluationPath(standard)).toBe('function');
    const strip = (r: import('../src/index.js').Report) => r.requirements.map(({ standard: _s, ...rest }) => rest);
    expect(strip(lib.evaluateSync(record, standard))).toEqual(strip(lib.evaluateSync(record, 'changzhi/village-clinic')));
  });

  it('compile to closures where code generation is refused, and say so', async () => {
    const refuse = vi.fn(function refuseCodeGeneration() {
      throw new EvalError('Code generation from strings disallowed for this context');
    });
    vi.stubGlobal('Function', refuse);
    let standard;
    try {
      standard = overlay();
      expect(lib.evaluationPath(standard)).toBe('closures');
    } finally {
      vi.unstubAllGlobals();
    }
    expect(refuse).toHaveBeenCalledTimes(1);
    expect(lib.evaluateSync(record, standard)).toEqual(await lib.evaluate(record, standard, { engine: 'json-rules-engine' }));
  });
});

describe('under a Content-Security-Policy that forbids code generation', () => {
  it('the browser bundle evaluates bundled standards on the generated path and loaded ones on closures', async () => {
    const bundle = await build({ entryPoints: ['src/index.ts'], bundle: true, platform: 'browser', format: 'iife', globalName: 'facilityStandards', write: false, logLevel: 'silent' });
    // As a page with `script-src 'self'` and no 'unsafe-eval': eval and new Function throw EvalError.
    const context = createContext({ console, queueMicrotask, setTimeout, clearTimeout, URL, TextEncoder, TextDecoder }, { codeGeneration: { strings: false } });
    expect(() => runInContext('new Function("return 1")', context)).toThrow();
    runInContext(`${bundle.outputFiles[0]!.text}\nglobalThis.facilityStandards = facilityStandards;`, context);
    const page = (context as { facilityStandards: typeof lib }).facilityStandards;
    const standard = page.bundledStandard('changzhi/village-clinic');
    expect(page.evaluationPath(standard)).toBe('generated');
    const loaded = page.loadStandard(bundledRuleFiles['rules/national/village-clinic-2014.yaml']!, 'rules/national/village-clinic-2014.yaml');
    expect(page.evaluationPath(loaded)).toBe('closures');
    // Reports from another realm: compare their JSON.
    expect(JSON.stringify(page.evaluateSync(record, standard))).toBe(JSON.stringify(lib.evaluateSync(record, 'changzhi/village-clinic')));
    expect(JSON.stringify(page.evaluateSync(record, loaded))).toBe(JSON.stringify(lib.evaluateSync(record, lib.bundledStandard(loaded.id as never))));
  });
});
