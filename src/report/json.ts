import type { LadderAssessment } from '../evaluate/ladder.js';
import type { Diagnostic } from '../diagnostic.js';
import type { Report } from '../evaluate/result.js';
import { inertJson } from './inert.js';

/**
 * The JSON output of the CLI: `{ "reports": [...] }`, one report per facility and standard,
 * `"errors"` (one sentence per input that could not be evaluated) and `"diagnostics"` (the
 * problems behind them as data: code, place, values, zh/en) when there are any.
 * No control or bidi control is written raw, so the JSON is safe to print on a terminal.
 */
export function renderJson(reports: readonly Report[], errors: readonly string[] = [], diagnostics: readonly Diagnostic[] = []): string {
  return `${inertJson({ reports, ...(errors.length > 0 && { errors }), ...(diagnostics.length > 0 && { diagnostics }) }, 2)}\n`;
}

/** The JSON output of `check --ladder`: `{ "ladders": [...] }`, one assessment per facility and ladder. */
export function renderLadderJson(ladders: readonly LadderAssessment[], errors: readonly string[] = [], diagnostics: readonly Diagnostic[] = []): string {
  return `${inertJson({ ladders, ...(errors.length > 0 && { errors }), ...(diagnostics.length > 0 && { diagnostics }) }, 2)}\n`;
}
