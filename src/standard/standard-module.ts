import type { EvaluatorFactory } from '../evaluate/compile.js';
import { usePrebuiltEvaluator } from '../evaluate/compile.js';
import { evaluateRecordSync } from '../evaluate/report.js';
import type { Report } from '../evaluate/result.js';
import { deepFreeze } from '../freeze.js';
import { checkRecord } from '../record/check.js';
import type { FacilityRecordInput } from '../record/schema.js';
import type { Standard } from './types.js';

/** What the module of one bundled standard exports (facility-standards/standards/<id>). */
export interface StandardModule {
  readonly standard: Standard;
  evaluateSync(record: FacilityRecordInput): Report;
}

/** A bundled standard, frozen, with the evaluator generated for it at build time. */
export function standardModule(data: Standard, evaluator: EvaluatorFactory): StandardModule {
  const standard = deepFreeze(data);
  usePrebuiltEvaluator(standard, evaluator);
  return { standard, evaluateSync: (record) => evaluateRecordSync(checkRecord(record), standard) };
}
