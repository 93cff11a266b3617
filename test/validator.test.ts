import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FacilityRecordSchema as FacilityRecord, parseRecord, RecordError, vocabulary } from '../src/index.js';
import { checkRecord, leanRecord } from '../src/record/check.js';
import { arbitraryRecord } from './support/arbitrary-record.js';

/**
 * The lean validator generated from the record contract (src/generated/record-validator.js)
 * and zod hold records to the same verdict, and the lean copy is the record zod would return,
 * byte for byte. Records are JSON data, as files and forms give them.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The contract's verdict: zod's, and a "__proto__" key in a map, which zod drops silently, refused. */
function contract(record: unknown): { valid: boolean; data?: unknown } {
  const parsed = FacilityRecord.safeParse(record);
  const proto = JSON.stringify(record).includes('"__proto__"');
  return parsed.success && !proto ? { valid: true, data: parsed.data } : { valid: false };
}

const codes = (name: keyof typeof vocabulary.vocabularies) => Object.keys(vocabulary.vocabularies[name]);

/** Values that break some field or other: wrong types, bounds, non-integers, unknown and repeated codes, extra keys. */
const mutant: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, 0, -1, -0.5, 1.5, 2 ** 53, 2 ** 60, '', '1', 'collective', [], {}, ['pharmacy', 'pharmacy'], ['nope']),
  fc.constantFrom<Json>({ stethoscope: 1 }, { stethoscope: -1 }, { stethoscop: 1 }, { stethoscope: 1.5 }, { onPost: 1, physicians: 2 }),
  fc.constantFrom<Json>({ __proto__: null, x: 1 } as never, JSON.parse('{"__proto__": 1}'), JSON.parse('{"stethoscope": 1, "__proto__": 2}')),
  fc.constantFrom(...codes('rooms')).map((c) => [c, c]),
  fc.integer({ min: -3, max: 100 }),
  fc.string({ maxLength: 4 }),
);

/** Paths into a record, to the field or into a nested group. */
function paths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return [prefix, ...Object.keys(value).flatMap((key) => paths((value as Record<string, unknown>)[key], [...prefix, key]))];
}

function setAt(record: Record<string, Json>, path: readonly string[], value: Json): Record<string, Json> {
  const copy = structuredClone(record);
  if (path.length === 0) return copy;
  let node: Record<string, Json> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, Json>;
  node[path.at(-1)!] = value;
  return copy;
}

const validRecord = arbitraryRecord.map((r) => JSON.parse(JSON.stringify(r)) as Record<string, Json>);

/** A valid record with one field replaced, one key added at some depth, or the staff made to outnumber those on post. */
const mutated = fc.oneof(
  fc.tuple(validRecord, fc.nat(), mutant).map(([record, at, value]) => {
    const all = paths(record).filter((p) => p.length > 0);
    return all.length === 0 ? { ...record, id: value } : setAt(record, all[at % all.length]!, value);
  }),
  fc.tuple(validRecord, fc.nat(), fc.constantFrom('extra', 'Name', '__proto__', 'constructor', 'toString'), mutant).map(([record, at, key, value]) => {
    const groups = paths(record).filter((p) => {
      let node: unknown = record;
      for (const k of p) node = (node as Record<string, unknown>)[k];
      return node !== null && typeof node === 'object' && !Array.isArray(node);
    });
    const path = groups[at % groups.length]!;
    const copy = structuredClone(record);
    let node = copy as Record<string, Json>;
    for (const k of path) node = node[k] as Record<string, Json>;
    Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
    return copy;
  }),
  fc.tuple(validRecord, fc.integer({ min: 1, max: 5 })).map(([record, more]) => {
    const staff = (record.staff ?? { onPost: 1 }) as Record<string, number>;
    return { ...record, staff: { ...staff, onPost: staff.onPost ?? 1, villageDoctors: (staff.onPost ?? 1) + more } };
  }),
);

describe('the lean record validator', () => {
  it('gives the contract’s verdict on valid and mutated records, and copies valid ones as zod does', () => {
    let valid = 0;
    let invalid = 0;
    fc.assert(
      fc.property(fc.oneof(validRecord, mutated), (record) => {
        const expected = contract(record);
        const lean = leanRecord(record);
        expect(lean !== undefined).toBe(expected.valid);
        if (expected.valid) {
          valid++;
          // The same keys in the same order: what is written out of a record does not change.
          expect(JSON.stringify(lean)).toBe(JSON.stringify(expected.data));
          expect(lean).not.toBe(record);
        } else invalid++;
      }),
      { seed: 20261123, numRuns: Number(process.env.FUZZ_RUNS ?? 1000) },
    );
    // The property saw both verdicts in earnest.
    expect(valid).toBeGreaterThan(200);
    expect(invalid).toBeGreaterThan(200);
  });

  it('parseRecord refuses what it refuses with zod’s messages, naming the field', () => {
    const bad = { rooms: ['pharmacy', 'pharmacy'], staff: { onPost: 1, physicians: 2 }, equipment: { stethoscop: 1 } };
    expect(leanRecord(bad)).toBeUndefined();
    const error = (() => {
      try {
        parseRecord(bad);
      } catch (e) {
        return e as RecordError;
      }
    })();
    expect(error).toBeInstanceOf(RecordError);
    const messages = error!.diagnostics.map((d) => `${d.path}: ${d.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'rooms: each room is listed once',
        'equipment.stethoscop: unknown equipment code "stethoscop"',
        'staff.physicians: staff.physicians (2) is more than staff.onPost (1)',
      ]),
    );
  });

  it('copies a key given as undefined as zod does, and leaves an object of a class to zod', () => {
    const withUndefined = { id: 'a', name: undefined, premises: { buildingArea: 90, ownership: undefined } };
    expect(leanRecord(withUndefined)).toStrictEqual(FacilityRecord.parse(withUndefined));
    class Premises {
      buildingArea = 90;
    }
    const classy = { premises: new Premises() };
    expect(leanRecord(classy)).toBeUndefined();
    expect(parseRecord(classy)).toEqual({ premises: { buildingArea: 90 } });
  });

  it('returns a copy: changing it leaves the caller’s record as it was', () => {
    const input = { rooms: ['pharmacy'], premises: { buildingArea: 90 }, equipment: { stethoscope: 1 } };
    const record = parseRecord(input);
    (record.rooms as string[]).push('treatment-room');
    (record.premises as { buildingArea: number }).buildingArea = 1;
    expect(input).toEqual({ rooms: ['pharmacy'], premises: { buildingArea: 90 }, equipment: { stethoscope: 1 } });
  });
});

/** The first message of the RecordError a call throws, with its path: `path: en / zh`. */
function refusal(call: () => unknown): string[] {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(RecordError);
    return (error as RecordError).diagnostics.map((d) => `${d.path ?? ''}: ${d.text.en} / ${d.text.zh}`);
  }
  throw new Error('the record was accepted');
}

describe('checkRecord, the validator without zod', () => {
  it('gives parseRecord’s verdict on valid and mutated records, and the same copy', () => {
    fc.assert(
      fc.property(fc.oneof(validRecord, mutated), (record) => {
        const expected = contract(record);
        let checked: unknown;
        let refused: unknown;
        try {
          checked = checkRecord(record);
        } catch (error) {
          refused = error;
        }
        expect(refused === undefined).toBe(expected.valid);
        if (expected.valid) expect(JSON.stringify(checked)).toBe(JSON.stringify(expected.data));
        else {
          // A refusal names a field zod also finds wrong, in the words of the same catalogue.
          expect(refused).toBeInstanceOf(RecordError);
          expect((refused as RecordError).diagnostics.length).toBeGreaterThan(0);
        }
      }),
      { seed: 20261202, numRuns: Number(process.env.FUZZ_RUNS ?? 1000) },
    );
  });

  it('names the first field found wrong, in Chinese and English', () => {
    expect(refusal(() => checkRecord({ premises: { buildingArea: -5 } }))).toEqual(['premises.buildingArea: must not be negative, got -5 / 不能为负数，实为 -5']);
    expect(refusal(() => checkRecord({ rooms: ['pharmacy', 'pharmacy'] }))).toEqual([expect.stringMatching(/^rooms: each room is listed once \/ 每个用房只列一次$/)]);
    expect(refusal(() => checkRecord({ rooms: ['pharmcy'] }))).toEqual([expect.stringMatching(/^rooms: unknown room code "pharmcy" \/ 未知的用房代码 "pharmcy"$/)]);
    expect(refusal(() => checkRecord({ equipment: { stethoscop: 1 } }))).toEqual(['equipment.stethoscop: unknown equipment code "stethoscop" / 未知的设备代码“stethoscop”']);
    expect(refusal(() => checkRecord({ premises: { buildingArea: '90' } }))).toEqual(['premises.buildingArea: expected a number, got "90" / 应为数字，实为 "90"']);
    expect(refusal(() => checkRecord({ staff: { onPost: 1, physicians: 2 } }))).toEqual([
      'staff.physicians: staff.physicians (2) is more than staff.onPost (1) / staff.physicians（2）多于在岗人员 staff.onPost（1）',
    ]);
    expect(refusal(() => checkRecord({ nmae: 'x' }))).toEqual(['nmae: unknown field "nmae" / 未知字段“nmae”']);
    expect(refusal(() => checkRecord('a clinic'))).toEqual([': expected a mapping of fields, got "a clinic" / 应为字段映射，实为 "a clinic"']);
  });
});
