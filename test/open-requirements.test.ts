// A batch's gap list is built from a report that lists only the requirements still open
// (evaluateOpenRequirements): for any record, standard and waivers, what the batch writes and
// counts is what the full report gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyWaivers, bundledStandards, parseRecord, type Waiver } from '../src/index.js';
import { batchReportOf, facilityStanding } from '../src/batch/rows.js';
import { evaluateOpenRequirements, evaluateRecordSync } from '../src/evaluate/report.js';
import { arbitraryRecord } from './support/arbitrary-record.js';

const standards = [...bundledStandards().values()];

describe('the open requirements of a report', () => {
  it('give the batch the same gap list, counts, standing and waived items as the full report', () => {
    let waived = 0;
    fc.assert(
      fc.property(arbitraryRecord, fc.nat(), fc.subarray([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), (input, pick, excused) => {
        const record = parseRecord({ ...input, id: 'f1' });
        const fitting = standards.filter((s) => record.type === undefined || s.facilityType === record.type);
        const standard = fitting[pick % fitting.length]!;
        // Waivers for some of the standard's requirements, whatever their outcome.
        const waivers: Waiver[] = excused
          .filter((i) => i < standard.requirements.length)
          .map((i) => ({ facility: 'f1', standard: standard.id, requirement: standard.requirements[i]!.id, justification: '整改中', approver: '县卫健局', expires: '2027-12-31' }));
        const full = applyWaivers(evaluateRecordSync(record, standard), waivers, '2026-12-01');
        const open = applyWaivers(evaluateOpenRequirements(record, standard), waivers, '2026-12-01');
        waived += full.counts.waived;
        expect(JSON.stringify(batchReportOf(open, 'gaps'))).toBe(JSON.stringify(batchReportOf(full, 'gaps')));
        expect(open.outcome).toBe(full.outcome);
        expect(facilityStanding(open.outcome, open.requirements)).toBe(facilityStanding(full.outcome, full.requirements));
        expect(open.requirements.every((r) => r.outcome === 'gap' || r.outcome === 'unknown' || r.outcome === 'waived')).toBe(true);
      }),
      { seed: 20261202, numRuns: Number(process.env.FUZZ_RUNS ?? 500) },
    );
    // Waivers were applied in earnest.
    expect(waived).toBeGreaterThan(50);
  });
});
