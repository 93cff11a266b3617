/** A mistake in the command line: its message says what to give instead. */
export class UsageError extends Error {}

/** The value of a flag that takes one of a few words; a UsageError naming them otherwise. */
export function oneOf<const T extends readonly string[]>(flag: string, value: string | undefined, allowed: T): T[number] {
  if (value !== undefined && (allowed as readonly string[]).includes(value)) return value as T[number];
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, not "${value}"`);
}
