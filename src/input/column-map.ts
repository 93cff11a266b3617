import { Diagnostic, DiagnosticError } from '../diagnostic.js';
import { message } from '../diagnostics/messages.js';
import { parseYamlSource } from '../yaml-source.js';
import { headerKey, suggestColumns, targetNamed, type Target } from './columns.js';

/**
 * A county's column map: its sheet's headers, each with the record field the column fills, so a
 * sheet whose headers the built-in names and synonyms do not know is mapped once and read the
 * same way every time. A YAML mapping, one header a line:
 *
 * ```yaml
 * 房屋建筑面积（㎡）: premises.buildingArea   # a record path …
 * 卫生室名字: 机构名称                         # … or a field's label or synonym
 * 人员情况/在岗: staff.onPost                  # a two-row header's column: parent/child
 * 村医签字: null                               # a column not to read, said so
 * ```
 *
 * Headers are compared as the sheet reader compares them (NFKC, no whitespace, lower case).
 * Limits: `maxColumnMapLength` characters, `maxColumnMapEntries` headers.
 */
export interface ColumnMap {
  /** The map's file, named in the notes. */
  readonly file: string;
  /** By header key: the field the column fills, or null for a column to ignore. */
  readonly entries: ReadonlyMap<string, { readonly header: string; readonly target: Target | null }>;
}

export const maxColumnMapLength = 200_000;
export const maxColumnMapEntries = 2000;

/** A column map that cannot be read; each diagnostic has its line and column. */
export class ColumnMapError extends DiagnosticError {
  override name = 'ColumnMapError';
}

const ignoreWords = new Set(['', 'ignore', '忽略', '不读', '-']);

/** Reads a column map (see `ColumnMap`); throws ColumnMapError naming every bad entry at its line. */
export function loadColumnMap(text: string, file: string): ColumnMap {
  const fail = (diagnostics: Diagnostic[]): never => {
    throw new ColumnMapError({ en: `Cannot read the column map ${file}:`, zh: `无法读取列名对照表 ${file}：` }, diagnostics);
  };
  if (text.length > maxColumnMapLength) {
    fail([new Diagnostic(message('columns.too-long', { length: text.length, max: maxColumnMapLength }), { file })]);
  }
  const parsed = parseYamlSource(text, file);
  if (!parsed.ok) return fail(parsed.diagnostics);
  const { data } = parsed.source;
  const at = (path: PropertyKey[], atKey = false) => ({ file, ...parsed.source.locate(path, atKey) });
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return fail([new Diagnostic(message('columns.not-a-map', {}), at([]))]);
  }
  const pairs = Object.entries(data as Record<string, unknown>);
  if (pairs.length > maxColumnMapEntries) {
    fail([new Diagnostic(message('columns.too-many', { count: pairs.length, max: maxColumnMapEntries }), at([]))]);
  }
  const entries = new Map<string, { header: string; target: Target | null }>();
  const problems: Diagnostic[] = [];
  for (const [header, value] of pairs) {
    const key = headerKey(header);
    const before = entries.get(key);
    if (before) {
      problems.push(new Diagnostic(message('columns.same-header', { header, before: before.header }), at([header], true)));
      continue;
    }
    if (value !== null && typeof value !== 'string') {
      problems.push(new Diagnostic(message('columns.bad-value', { header, value: JSON.stringify(value) ?? String(value) }), at([header])));
      continue;
    }
    if (value === null || ignoreWords.has(value.trim().toLowerCase())) {
      entries.set(key, { header, target: null });
      continue;
    }
    const target = targetNamed(value);
    if (!target) {
      const near = suggestColumns(value);
      problems.push(
        new Diagnostic(message('columns.not-a-field', { value, suggestions: near.map((n) => `${n} (${targetNamed(n)!.path})`) }), at([header])),
      );
      continue;
    }
    entries.set(key, { header, target });
  }
  if (problems.length > 0) fail(problems);
  return { file, entries };
}
