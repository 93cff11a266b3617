import type { LocalizedText } from '../text.js';

/** A mistake in the command line: its message says what to give instead, in English and, when given, Chinese. */
export class UsageError extends Error {
  readonly text: LocalizedText;
  constructor(message: string | LocalizedText) {
    const text = typeof message === 'string' ? { en: message, zh: message } : message;
    super(text.en);
    this.text = text;
  }
}

/** The value of a flag that takes one of a few words; a UsageError naming them otherwise. */
export function oneOf<const T extends readonly string[]>(flag: string, value: string | undefined, allowed: T): T[number] {
  if (value !== undefined && (allowed as readonly string[]).includes(value)) return value as T[number];
  throw new UsageError({
    en: `${flag} must be one of ${allowed.join(', ')}, not "${value}"`,
    zh: `${flag} 只能是 ${allowed.join('、')} 之一，而不是“${value}”`,
  });
}
