/**
 * Text from the data (names, ids, regions, waiver text, cell text) made inert before it reaches a
 * terminal or a document: control characters and bidi controls are written out as `\u001B`, so an
 * escape sequence cannot drive a terminal and a right-to-left override cannot reorder what follows.
 */

/** C0 and C1 controls, DEL, and the line and paragraph separators. */
const controls = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Characters that change the direction of the text around them. */
const bidiControls = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const visible = (c: string): string => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** For plain text (terminal output, Markdown): every control and bidi control written out. */
export function inertText(text: string): string {
  return text.replace(controls, visible).replace(bidiControls, visible);
}

/**
 * For HTML, where bidi controls stay (an element with `<bdi>` keeps them from reaching the text
 * around it) but controls, which HTML does not allow, are written out.
 */
export function inertControls(text: string): string {
  return text.replace(controls, visible);
}

/** What `JSON.stringify` leaves raw in strings: DEL, C1, the line separators, the bidi controls. */
const rawInJson = new RegExp(`[\u007f-\u009f\u2028\u2029]|${bidiControls.source}`, 'g');

/**
 * JSON that reads back exactly as `JSON.stringify` would write it, without a raw control or bidi
 * control anywhere: `JSON.stringify` escapes C0 controls only, so the others are escaped here
 * (outside strings, its output holds only ASCII).
 */
export function inertJson(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(rawInJson, jsonEscape);
}

const jsonEscape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * How an output kind writes a text made of its own words and of text from the data: `datum` for
 * the data (escaped and, in HTML, isolated), `words` for the rest. `plain` leaves both as they
 * are, for a renderer that makes its whole output inert at once.
 */
export interface Escaper {
  readonly datum: (text: string) => string;
  readonly words: (text: string) => string;
}

export const plain: Escaper = { datum: (text) => text, words: (text) => text };
