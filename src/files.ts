// Reading records and rule files from disk (Node only).
import { readdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTextFile, type TextEncoding } from './input/decode.js';
import { readRecordsText } from './record/read.js';
import type { FacilityRecord } from './record/schema.js';
import { loadRules, type RuleSet } from './standard/load.js';
import { bundledStandards } from './standard/registry.js';
import type { Standard } from './standard/types.js';


/**
 * Reads a YAML or JSON file holding one facility record or a list of them, decoded as batch
 * inputs are (UTF-8, GBK, UTF-16 with a BOM) within limits.wholeFileBytes; throws RecordError
 * with positions, InputError for a file too large or not text.
 */
export async function readRecordFile(path: string): Promise<FacilityRecord[]> {
  return readRecordsText((await readTextFile(path)).text, path);
}

/** The same, with the encoding the file was read in, for a caller that says when it was not UTF-8. */
export async function readRecordFileWithEncoding(path: string): Promise<{ records: FacilityRecord[]; encoding: TextEncoding }> {
  const { text, encoding } = await readTextFile(path);
  return { records: await readRecordsText(text, path), encoding };
}

/** The `.yaml` / `.yml` files among paths, looking into directories. */
export async function ruleFilePaths(paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    if ((await stat(path)).isDirectory()) {
      const entries = await readdir(path, { withFileTypes: true });
      const children = entries.sort((a, b) => a.name.localeCompare(b.name)).map((e) => join(path, e.name));
      const nested = await ruleFilePaths(children.filter((child, i) => entries[i]!.isDirectory() || /\.ya?ml$/.test(child)));
      found.push(...nested);
    } else {
      found.push(path);
    }
  }
  return found;
}

/** The package root: bundled standards' `file` is relative to it. */
const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Loads rule files and directories of them. They may `extends` the bundled standards and each
 * other; a bundled rule file given by path is loaded from the path. Throws RuleFileError
 * listing every problem at file:line:column.
 */
export async function loadStandardFiles(paths: readonly string[]): Promise<Map<string, Standard>> {
  return (await loadRuleFiles(paths)).standards;
}

/** Loads standards and ladders from files and directories; see loadStandardFiles. */
export async function loadRuleFiles(paths: readonly string[]): Promise<RuleSet> {
  const files = await Promise.all(
    (await ruleFilePaths(paths)).map(async (file) => ({ file, text: (await readTextFile(file)).text })),
  );
  const given = new Set(files.map((f) => resolve(f.file)));
  const base = new Map([...bundledStandards()].filter(([, s]) => !given.has(resolve(packageRoot, s.file))));
  return loadRules(files, { base });
}
