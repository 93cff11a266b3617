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
