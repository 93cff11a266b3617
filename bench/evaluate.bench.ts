import fc from 'fast-check';
import { bench, describe } from 'vitest';
import { bundledStandard, evaluateRecord, evaluateRecordSync, parseRecord } from '../src/index.js';
import { arbitraryRecord } from '../test/support/arbitrary-record.js';
import { checkVillageClinic } from './hand-written-village-clinic.js';

/**
 * One record against changzhi/village-clinic (17 requirements, complete gap lists), three ways:
 * json-rules-engine (the reference), the compiled path, and a hand-written check as the
 * practical limit. Records are seeded, so every run sees the same 1,000.
 */
const records = fc.sample(arbitraryRecord, { seed: 7, numRuns: 1000 }).map((r) => parseRecord({ ...r, type: 'village-clinic' }));
const standard = bundledStandard('changzhi/village-clinic');
let i = 0;
const next = () => records[i++ % records.length]!;

describe('evaluate one record against changzhi/village-clinic', () => {
  bench('json-rules-engine', async () => {
    await evaluateRecord(next(), standard, { engine: 'json-rules-engine' });
  });
  bench('compiled', () => {
    evaluateRecordSync(next(), standard);
  });
  bench('hand-written', () => {
    checkVillageClinic(next());
  });
});

describe('validate a record', () => {
  const raw = fc.sample(arbitraryRecord, { seed: 7, numRuns: 1000 });
  let j = 0;
  bench('parseRecord (zod)', () => {
    parseRecord(raw[j++ % raw.length]);
  });
});
