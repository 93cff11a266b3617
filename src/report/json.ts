import type { LadderAssessment } from '../evaluate/ladder.js';
import type { Report } from '../evaluate/result.js';
import { inertJson } from './inert.js';

/**
 * The JSON output of the CLI: `{ "reports": [...] }`, one report per facility and standard,
 * and `"errors"` (one sentence per input that could not be evaluated) when there are any.
 * No control or bidi control is written raw, so the JSON is safe to print on a terminal.
 */
export function renderJson(reports: readonly Report[], errors: readonly string[] = []): string {
  return `${inertJson(errors.length > 0 ? { reports, errors } : { reports }, 2)}\n`;
}

/** The JSON output of `check --ladder`: `{ "ladders": [...] }`, one assessment per facility and ladder. */
export function renderLadderJson(ladders: readonly LadderAssessment[], errors: readonly string[] = []): string {
  return `${inertJson(errors.length > 0 ? { ladders, errors } : { ladders }, 2)}\n`;
}
