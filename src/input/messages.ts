import type { Lang } from '../text.js';

/**
 * Something a sheet reader did that its user should know, in both languages: a title row
 * skipped, a two-row header combined, a column ignored, read by a synonym or not known. `code`
 * is stable; `values` carry what it is about (rows, headers, paths) for a program reading it.
 */
export interface SheetNote {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly values?: Readonly<Record<string, unknown>>;
}

/** A sheet that cannot be read at all: no header, columns that clash, a strict header refused. */
export class SheetError extends Error {
  override name = 'SheetError';
  readonly code: string | undefined;
  /** The message in Chinese; `message` is the English. */
  readonly zh: string | undefined;

  constructor(message: string | { readonly code: string; readonly zh: string; readonly en: string }) {
    super(typeof message === 'string' ? message : message.en);
    this.code = typeof message === 'string' ? undefined : message.code;
    this.zh = typeof message === 'string' ? undefined : message.zh;
  }

  /** The message in a language; English when the error has no Chinese. */
  text(lang: Lang): string {
    return lang === 'zh' && this.zh !== undefined ? this.zh : this.message;
  }
}

/** The notes of a sheet as lines a terminal prints, in one language; empty when there are none. */
export function sheetNotesText(notes: readonly SheetNote[], lang: Lang, prefix = ''): string {
  return notes.map((note) => `${prefix}${note[lang]}\n`).join('');
}

/** A list of names as a sentence writes them: 序号、备注 / "序号", "备注". */
export const listZh = (items: readonly string[]) => items.map((item) => `“${item}”`).join('、');
export const listEn = (items: readonly string[]) => items.map((item) => JSON.stringify(item)).join(', ');
