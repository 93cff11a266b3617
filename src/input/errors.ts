// The refusal of an input the readers cannot or will not read.
import { SheetError } from '../batch/sheet.js';
import { limits, type LimitName } from './limits.js';

/**
 * An input refused because it is over a limit, cannot be decoded, or is not the format it says.
 * The message says it in English, then in Chinese; `en` and `zh` hold each alone for a caller
 * that picks one. `code` marks it as the user's input at fault (exit 2, never 3).
 */
export class InputError extends SheetError {
  override name = 'InputError';
  readonly code: string;
  constructor(
    readonly en: string,
    readonly zh: string,
    code = 'INPUT_REFUSED',
  ) {
    super(`${en} / ${zh}`);
    this.code = code;
  }
}

/** A refusal for a limit exceeded, naming the limit. */
export function overLimit(limit: LimitName, what: { en: string; zh: string }): InputError {
  const value = limits[limit].toLocaleString('en');
  return new InputError(
    `${what.en}: over the limit ${limit} = ${value}`,
    `${what.zh}：超过上限 ${limit} = ${value}`,
    'INPUT_LIMIT',
  );
}

