import { parse } from 'csv-parse/sync';
import { Diagnostic, DiagnosticError } from '../diagnostic.js';
import type { Standard } from '../standard/types.js';
import { closest } from '../standard/closest.js';
import { parseYamlSource, type YamlSource } from '../yaml-source.js';
import { diagnosticsFromZod, parseOptions } from '../zod-diagnostics.js';
import { WaiverFileSchema, WaiverSchema, type Waiver } from './schema.js';

export class WaiverFileError extends DiagnosticError {
  override name = 'WaiverFileError';
  override readonly code = 'waiver-file-invalid';
}

/** CSV headers, in English (the field names) or Chinese. */
const csvHeaders: Readonly<Record<string, keyof Waiver>> = {
  facility: 'facility',
  机构编码: 'facility',
  机构: 'facility',
  standard: 'standard',
  标准: 'standard',
  requirement: 'requirement',
  要求: 'requirement',
  条款: 'requirement',
  justification: 'justification',
  理由: 'justification',
  豁免理由: 'justification',
  approver: 'approver',
  批准人: 'approver',
  expires: 'expires',
  有效期至: 'expires',
};

/**
 * Reads a waiver file: YAML (or JSON), a list of waivers; or CSV (`.csv`), a header naming the
 * fields (facility, standard, requirement, justification, approver, expires, or 机构编码, 标准,
 * 要求, 理由, 批准人, 有效期至) and a waiver per row. Checks every waiver against `standards`:
 * the standard and the requirement must exist. Throws one WaiverFileError naming every problem
 * at file:line:column.
 */
export function parseWaivers(text: string, file: string, standards: ReadonlyMap<string, Standard>): Waiver[] {
  const { waivers, diagnostics } = /\.csv$/i.test(file) ? fromCsv(text, file) : fromYaml(text, file);
  waivers.forEach(({ waiver, locate }) => diagnostics.push(...checkAgainst(waiver, standards, file, locate)));
  if (diagnostics.length > 0) {
    throw new WaiverFileError(`Waiver file ${file} has ${diagnostics.length === 1 ? 'a problem' : `${diagnostics.length} problems`}:`, diagnostics);
  }
  return waivers.map((w) => w.waiver);
}

type Located = { waiver: Waiver; locate: (key: keyof Waiver) => { line: number; column: number } | undefined };

function fromYaml(text: string, file: string): { waivers: Located[]; diagnostics: Diagnostic[] } {
  const parsed = parseYamlSource(text, file);
  if (!parsed.ok) return { waivers: [], diagnostics: parsed.diagnostics };
  const { source } = parsed;
  const checked = WaiverFileSchema.safeParse(source.data ?? [], parseOptions);
  if (!checked.success) return { waivers: [], diagnostics: diagnosticsFromZod(checked.error.issues, { source }) };
  return {
    waivers: checked.data.map((waiver, i) => ({ waiver, locate: (key) => (source as YamlSource).locate([i, key]) })),
    diagnostics: [],
  };
}

function fromCsv(text: string, file: string): { waivers: Located[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true });
  } catch (error) {
    const { lines } = error as { lines?: number };
    return { waivers: [], diagnostics: [new Diagnostic(`not CSV: ${(error as Error).message}`, { file, line: lines })] };
  }
  const [header = [], ...body] = rows;
  const fields = header.map((cell) => csvHeaders[cell.trim()] ?? csvHeaders[cell.trim().toLowerCase()]);
  header.forEach((cell, i) => {
    if (!fields[i]) diagnostics.push(new Diagnostic(`unknown column "${cell}"; columns: facility, standard, requirement, justification, approver, expires (or 机构编码, 标准, 要求, 理由, 批准人, 有效期至)`, { file, line: 1, column: i + 1 }));
  });
  if (diagnostics.length > 0) return { waivers: [], diagnostics };
  const waivers: Located[] = [];
  body.forEach((cells, index) => {
    const line = index + 2;
    const data: Record<string, string> = {};
    fields.forEach((field, i) => {
      const cell = (cells[i] ?? '').trim();
      if (cell !== '') data[field!] = cell;
    });
    const checked = WaiverSchema.safeParse(data, parseOptions);
    const locate = (key: keyof Waiver) => ({ line, column: Math.max(1, fields.indexOf(key) + 1) });
    if (checked.success) waivers.push({ waiver: checked.data, locate });
    else {
      for (const issue of diagnosticsFromZod(checked.error.issues, {})) {
        const key = issue.path?.split('.')[0] as keyof Waiver | undefined;
        diagnostics.push(new Diagnostic(issue.message, { file, ...(key ? locate(key) : { line }), path: issue.path }));
      }
    }
  });
  return { waivers, diagnostics };
}

function checkAgainst(waiver: Waiver, standards: ReadonlyMap<string, Standard>, file: string, locate: Located['locate']): Diagnostic[] {
  const at = (key: keyof Waiver, message: string) => new Diagnostic(message, { file, ...locate(key), path: key });
  if (waiver.standard !== undefined) {
    const standard = standards.get(waiver.standard);
    if (!standard) {
      const near = closest(waiver.standard, standards.keys());
      return [at('standard', `unknown standard "${waiver.standard}"${near ? ` (did you mean "${near}"?)` : ''}`)];
    }
    if (!standard.requirements.some((r) => r.id === waiver.requirement)) {
      const near = closest(waiver.requirement, standard.requirements.map((r) => r.id));
      return [at('requirement', `${waiver.standard} has no requirement "${waiver.requirement}"${near ? ` (did you mean "${near}"?)` : ''}`)];
    }
    return [];
  }
  const ids = new Set([...standards.values()].flatMap((s) => s.requirements.map((r) => r.id)));
  if (ids.has(waiver.requirement)) return [];
  const near = closest(waiver.requirement, ids);
  return [at('requirement', `no standard has a requirement "${waiver.requirement}"${near ? ` (did you mean "${near}"?)` : ''}`)];
}
