import { build } from 'esbuild';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

/**
 * The core must run in a browser: it bundles for the browser platform with no Node built-ins,
 * and the bundle evaluates a record with the bundled standards in a context that has no
 * `process`, `require` or file system.
 */
describe('the browser-safe core', () => {
  it('bundles for the browser and evaluates a record without Node', async () => {
    const result = await build({
      entryPoints: ['src/index.ts'],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'facilityStandards',
      write: false,
      logLevel: 'silent',
      metafile: true,
    });
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((path) => path.startsWith('node:') || path.includes('src/node') || path.includes('src/cli'))).toEqual([]);

    // What every browser has; no process, require, Buffer or file system.
    const context: Record<string, unknown> = { console, queueMicrotask, setTimeout, clearTimeout, URL, TextEncoder, TextDecoder };
    runInNewContext(`${result.outputFiles[0]!.text}\nglobalThis.facilityStandards = facilityStandards;`, context);
    const lib = context.facilityStandards as typeof import('../src/index.js');
    const report = await lib.evaluate(
      { id: 'x', type: 'village-clinic', rooms: ['diagnosis-room', 'treatment-room'] },
      'changzhi/village-clinic',
    );
    const fourRooms = report.requirements.find((r) => r.requirement === 'four-rooms');
    expect(fourRooms?.message.zh).toBe('缺少：药房、公共卫生室');
    expect(typeof (context as { process?: unknown }).process).toBe('undefined');
  });
});

describe('a bundled standard on its own (facility-standards/standards/<id>)', () => {
  it('bundles for the browser with no other standard, no zod, no YAML parser and no json-rules-engine', async () => {
    const result = await build({
      stdin: { contents: "export { evaluateSync, standard } from './src/generated/entries/changzhi/village-clinic.ts';", resolveDir: process.cwd(), loader: 'ts' },
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'clinic',
      write: false,
      logLevel: 'silent',
      metafile: true,
    });
    // What the bundle holds code of (a module only some types come from holds none).
    const held = Object.entries(Object.values(result.metafile.outputs)[0]!.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => path);
    expect(held.filter((path) => /node_modules\/(zod|yaml|json-rules-engine)\//.test(path))).toEqual([]);
    expect(held.filter((path) => path.startsWith('src/generated/') && path !== 'src/generated/record-validator.js')).toEqual([
      'src/generated/standards/changzhi/village-clinic.js',
      'src/generated/entries/changzhi/village-clinic.ts',
    ]);
    expect(held.filter((path) => /registry|rule-sets|record\/schema|yaml-source|standard\/load/.test(path))).toEqual([]);

    const context: Record<string, unknown> = { console, queueMicrotask, setTimeout, clearTimeout, URL, TextEncoder, TextDecoder };
    runInNewContext(`${result.outputFiles[0]!.text}\nglobalThis.clinic = clinic;`, context);
    const clinic = context.clinic as typeof import('../src/generated/entries/changzhi/village-clinic.js');
    const lib = await import('../src/index.js');
    const record = { id: 'x', type: 'village-clinic', rooms: ['diagnosis-room', 'treatment-room'], premises: { buildingArea: 72 } } satisfies import('../src/index.js').FacilityRecordInput;
    // The same report as the main entry's, key for key.
    expect(JSON.stringify(clinic.evaluateSync(record))).toBe(JSON.stringify(lib.evaluateSync(record, 'changzhi/village-clinic')));
    expect(clinic.standard.id).toBe('changzhi/village-clinic');
    // A record that breaks the contract is refused with the field named, in Chinese too.
    expect(() => clinic.evaluateSync({ premises: { buildingArea: -1 } })).toThrow(expect.objectContaining({ name: 'RecordError', code: 'record-invalid' }));
    try {
      clinic.evaluateSync({ premises: { buildingArea: -1 } });
    } catch (error) {
      expect((error as InstanceType<typeof lib.RecordError>).render('zh')).toContain('premises.buildingArea');
    }
  });
});
