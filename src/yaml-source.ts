import { limits } from './input/limits.js';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { message } from './diagnostics/messages.js';
import { Diagnostic } from './diagnostic.js';

/**
 * A YAML (or JSON) document parsed with positions, so that anything found wrong in its data
 * later can be reported at the line and column it came from.
 */
export interface YamlSource {
  readonly file: string;
  readonly data: unknown;
  /** Where the value at `path` is; a missing key points at its parent. `atKey` points at a key. */
  locate(path: readonly PropertyKey[], atKey?: boolean): { line: number; column: number } | undefined;
}

export type YamlParseResult =
  | { ok: true; source: YamlSource }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * The largest YAML text read, in characters. YAML is parsed whole and with positions, at some
 * 1,000 records a second and about 100 times the text's size in memory; bulk data goes to
 * `batch` as NDJSON or CSV, streamed.
 */
export const maxYamlLength = limits.yamlChars;

export function parseYamlSource(text: string, file: string): YamlParseResult {
  if (text.length > maxYamlLength) {
    return {
      ok: false,
      diagnostics: [
        new Diagnostic(message('yaml.too-large', { file, size: text.length / 1_000_000, max: maxYamlLength / 1_000_000 }), { file }),
      ],
    };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };

  if (doc.errors.length > 0) {
    // The first error says what is wrong; those after it follow from it.
    const [first] = doc.errors;
    const offset = first!.pos[0];
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const lineEnd = text.indexOf('\n', offset);
    const wide = /[：，]/.exec(text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd));
    if (wide) {
      return {
        ok: false,
        diagnostics: [
          new Diagnostic(message('yaml.full-width', { char: wide[0], ascii: wide[0] === '：' ? ':' : ',' }), at(lineStart + wide.index)),
        ],
      };
    }
    return { ok: false, diagnostics: [new Diagnostic(message('yaml.syntax', { detail: firstLine(first!.message), yamlCode: first!.code }), at(offset))] };
  }

  let merge: number | undefined;
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === '<<') {
        merge = pair.key.range?.[0];
        return visit.BREAK;
      }
    },
  });
  if (merge !== undefined) {
    return { ok: false, diagnostics: [new Diagnostic(message('yaml.merge-key', {}), at(merge))] };
  }
  if (doc.contents === null) {
    return { ok: false, diagnostics: [new Diagnostic(message('yaml.empty', {}), { file, line: 1, column: 1 })] };
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // An alias to an undefined anchor, or too many aliases (a "billion laughs" document).
    return { ok: false, diagnostics: [new Diagnostic(message('yaml.alias', { detail: firstLine(String((error as Error).message)) }), at(firstAliasOffset(doc)))] };
  }

  return {
    ok: true,
    source: {
      file,
      data,
      locate(path, atKey = false) {
        const node = nodeAt(doc, path, atKey);
        return node?.range ? at(node.range[0]) : undefined;
      },
    },
  };
}

function nodeAt(doc: Document, path: readonly PropertyKey[], atKey: boolean): Node | undefined {
  let node: unknown = doc.contents;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === segment);
      if (!pair) return node;
      if (last && atKey && isScalar(pair.key)) return pair.key;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
      node = node.items[segment];
    } else {
      break;
    }
  }
  return node as Node | undefined;
}

function firstAliasOffset(doc: Document): number {
  let offset = 0;
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

function firstLine(message: string): string {
  const line = message.split('\n')[0]!.trim();
  // The parser recurses per level of nesting; past some thousands it runs out of stack.
  if (/Maximum call stack size exceeded/.test(line)) return 'the document is nested too deeply to read';
  if (/parseAllDocuments/.test(line)) return 'a file holds one document: put each standard in a file of its own, without `---`';
  return line;
}
