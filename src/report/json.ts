import type { Report } from '../evaluate/result.js';

/** The JSON output of the CLI: `{ "reports": [...] }`, one report per facility and standard. */
export function renderJson(reports: readonly Report[]): string {
  return `${JSON.stringify({ reports }, null, 2)}\n`;
}
