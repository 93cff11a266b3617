import type { LadderAssessment } from '../evaluate/ladder.js';
import type { Report } from '../evaluate/result.js';

/**
 * The JSON output of the CLI: `{ "reports": [...] }`, one report per facility and standard,
 * and `"errors"` (one sentence per input that could not be evaluated) when there are any.
 */
export function renderJson(reports: readonly Report[], errors: readonly string[] = []): string {
  return `${JSON.stringify(errors.length > 0 ? { reports, errors } : { reports }, null, 2)}\n`;
}

/** The JSON output of `check --ladder`: `{ "ladders": [...] }`, one assessment per facility and ladder. */
export function renderLadderJson(ladders: readonly LadderAssessment[], errors: readonly string[] = []): string {
  return `${JSON.stringify(errors.length > 0 ? { ladders, errors } : { ladders }, null, 2)}\n`;
}
