// The batch readers (CSV, NDJSON, xlsx) fed mutated bytes: whatever comes in, a batch ends within
// seconds, either refusing the file with a typed error (exit 2 in the CLI) or writing one output
// line per row it numbers, every row evaluated or an error, none twice. Fixed seed; FUZZ_RUNS
// runs more (`npm run fuzz`).
import { readFileSync } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../src/index.js';
import { runBatch, SheetError, type BatchFormat, type OutputRow } from '../src/node.js';
// @ts-expect-error: a script without types
import { openpyxlParts, pingshunRows, zip } from '../scripts/xlsx-fixtures.mjs';

const runs = Number(process.env.FUZZ_RUNS ?? 40);
const settings = { seed: 20261201, numRuns: runs, endOnFailure: true };

/** Byte edits a damaged or hostile file shows: flipped and inserted bytes, cut pieces, stray quotes and separators. */
const edit = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.constantFrom('"', ',', '\t', '\r\n', '\n', '\uFEFF', '\u0000', '\xff', '""', '{', '[', '<', '&#0;', '</row>', '<row r="9">').map((s) => Buffer.from(s, 'latin1')) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 32 }), times: fc.integer({ min: 2, max: 2000 }) }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function mutate(base: Buffer, edits: readonly Edit[]): Buffer {
  let bytes = Buffer.from(base);
  for (const e of edits) {
    const at = bytes.length === 0 ? 0 : e.at % bytes.length;
    if (e.kind === 'set' && bytes.length > 0) bytes[at] = e.byte;
    else if (e.kind === 'insert') bytes = Buffer.concat([bytes.subarray(0, at), e.bytes, bytes.subarray(at)]);
    else if (e.kind === 'cut') bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + e.length)]);
    else if (e.kind === 'repeat') {
      const piece = bytes.subarray(at, at + e.length);
      bytes = Buffer.concat([bytes.subarray(0, at), ...Array.from({ length: e.times }, () => piece), bytes.subarray(at)]);
    }
  }
  return bytes;
}

/** Runs a batch on the bytes; checks it ended in time and accounted for each row it numbered. */
async function accountFor(bytes: Buffer, format: BatchFormat, pieces: number): Promise<void> {
  let out = '';
  const output = new Writable({
    write(chunk, _encoding, done) {
      out += chunk.toString();
      done();
    },
  });
  const size = Math.max(1, Math.ceil(bytes.length / pieces));
  const input = Readable.from(Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size)));
  const started = Date.now();
  try {
    const result = await runBatch({ input, format, output, standards: ['changzhi/village-clinic'], chunkSize: 7 });
    const rows = out.split('\n').filter(Boolean).map((line) => JSON.parse(line) as OutputRow);
    // Never silently wrong: a replacement character out means one was in.
    if (out.includes('\uFFFD')) expect(bytes.includes(Buffer.from('\uFFFD'))).toBe(true);
    expect(rows).toHaveLength(result.rows);
    expect(result.evaluated + result.errors).toBe(result.rows);
    expect(rows.filter((r) => 'error' in r)).toHaveLength(result.errors);
    rows.forEach((r, i) => i > 0 && expect(r.row).toBeGreaterThan(rows[i - 1]!.row));
    if (format === 'ndjson') {
      // Every line that is not blank is a row, numbered by its line.
      const lines = new TextDecoder(result.input.encoding ?? 'utf-8').decode(bytes).split('\n');
      const expected = lines.flatMap((line, i) => (line.replace(/^\uFEFF/, '').trim() === '' ? [] : [i + 1]));
      expect(rows.map((r) => r.row)).toEqual(expected);
    }
  } catch (error) {
    if (!(error instanceof SheetError || error instanceof DiagnosticError)) throw error;
  }
  expect(Date.now() - started).toBeLessThan(10_000);
}

describe('the batch readers fed mutated bytes', () => {
  it('CSV', async () => {
    const base = readFileSync('fixtures/batches/pingshun.csv');
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 16 }), async (edits, pieces) => {
        await accountFor(mutate(base, edits), 'csv', pieces);
      }),
      settings,
    );
  }, Math.max(60_000, runs * 40));

  it('NDJSON', async () => {
    const clinic = { id: 'c1', name: '西沟乡东庄村卫生室', type: 'village-clinic', region: { province: '山西省', city: '长治市', county: '平顺县' }, premises: { buildingArea: 86 } };
    const base = Buffer.from(`${[clinic, { ...clinic, id: 'c2' }, { ...clinic, id: 'c3' }].map((c) => JSON.stringify(c)).join('\n')}\n`);
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 16 }), async (edits, pieces) => {
        await accountFor(mutate(base, edits), 'ndjson', pieces);
      }),
      settings,
    );
  }, Math.max(60_000, runs * 40));

  it('xlsx, its bytes and its parts mutated', async () => {
    const parts = openpyxlParts({ rows: pingshunRows }) as { name: string; data: string }[];
    const base = zip(parts);
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 6 }), fc.nat(parts.length - 1), fc.boolean(), async (edits, which, inside) => {
        const bytes = inside
          ? zip(parts.map((p, i) => (i === which ? { name: p.name, data: mutate(Buffer.from(p.data), edits) } : p)))
          : mutate(base, edits);
        await accountFor(bytes, 'xlsx', 3);
      }),
      settings,
    );
  }, Math.max(60_000, runs * 40));
});
