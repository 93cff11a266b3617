/**
 * English left in a Chinese sentence once what may be English is taken out: quoted input, code
 * spans, paths and ids, record fields, file names. Three English words in a row is a sentence.
 */
export function englishIn(zh: string): string | undefined {
  const stripped = zh
    .replace(/“[^”]*”|"[^"]*"|`[^`]*`|'[^']*'/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/[\w.-]*[/.][\w./-]*/g, ' ')
    .replace(/\b[a-z]+[A-Z]\w*\b/g, ' ')
    .replace(/\b[a-z]+(-[a-z]+)+\b/g, ' ');
  return /\b[A-Za-z]+\b[ ,;]+\b[A-Za-z]+\b[ ,;]+\b[A-Za-z]+\b/.exec(stripped)?.[0];
}
