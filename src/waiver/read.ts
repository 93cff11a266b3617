import { Diagnostic, DiagnosticError } from '../diagnostic.js';
import { message, type Message } from '../diagnostics/messages.js';
import type { Standard } from '../standard/types.js';
import { closest } from '../suggest.js';
import { csvTextRecords } from '../input/csv.js';
import { readTextFile } from '../input/decode.js';
import { clip } from '../input/limits.js';
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
    throw new WaiverFileError({ en: `Waiver file ${file} has ${diagnostics.length === 1 ? 'a problem' : `${diagnostics.length} problems`}:`, zh: `豁免文件 ${file} 有 ${diagnostics.length} 处问题：` }, diagnostics);
  }
  return waivers.map((w) => w.waiver);
}

/** Reads a waiver file (see parseWaivers) through the one input decoder, within limits.wholeFileBytes. */
export async function readWaiverFile(path: string, standards: ReadonlyMap<string, Standard>): Promise<Waiver[]> {
  return parseWaivers((await readTextFile(path)).text, path, standards);
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
  // The same CSV reader as a batch's: comma- or tab-separated, a cell may hold line breaks.
  const records = csvTextRecords(text.replace(/^\uFEFF/, '')).filter((r) => r.problem || r.cells.some((cell) => cell.trim() !== ''));
  const broken = records.filter((r) => r.problem);
  if (broken.length > 0) return { waivers: [], diagnostics: broken.map((r) => new Diagnostic(message('waiver.not-csv', { detail: r.problem!.text.en }), { file, line: r.row })) };
  const [first, ...rest] = records;
  const header = first?.cells ?? [];
  const body = rest.map((r) => ({ line: r.row, cells: r.cells }));
  const fields = header.map((cell) => csvHeaders[cell.trim()] ?? csvHeaders[cell.trim().toLowerCase()]);
  header.forEach((cell, i) => {
    if (!fields[i]) diagnostics.push(new Diagnostic(message('waiver.unknown-column', { column: clip(cell) }), { file, line: 1, column: i + 1 }));
  });
  if (diagnostics.length > 0) return { waivers: [], diagnostics };
  const waivers: Located[] = [];
  body.forEach(({ line, cells }) => {
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
        diagnostics.push(new Diagnostic(issue, { file, ...(key ? locate(key) : { line }), path: issue.path }));
      }
    }
  });
  return { waivers, diagnostics };
}

function checkAgainst(waiver: Waiver, standards: ReadonlyMap<string, Standard>, file: string, locate: Located['locate']): Diagnostic[] {
  const at = (key: keyof Waiver, text: Message) => new Diagnostic(text, { file, ...locate(key), path: key });
  if (waiver.standard !== undefined) {
    const standard = standards.get(waiver.standard);
    if (!standard) {
      return [at('standard', message('waiver.unknown-standard', { id: clip(waiver.standard), suggestion: closest(waiver.standard, standards.keys()) }))];
    }
    if (!standard.requirements.some((r) => r.id === waiver.requirement)) {
      const suggestion = closest(waiver.requirement, standard.requirements.map((r) => r.id));
      return [at('requirement', message('waiver.no-such-requirement', { standard: clip(waiver.standard), id: clip(waiver.requirement), suggestion }))];
    }
    return [];
  }
  const ids = new Set([...standards.values()].flatMap((s) => s.requirements.map((r) => r.id)));
  if (ids.has(waiver.requirement)) return [];
  return [at('requirement', message('waiver.no-requirement-anywhere', { id: clip(waiver.requirement), suggestion: closest(waiver.requirement, ids) }))];
}
