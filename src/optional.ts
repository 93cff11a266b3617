import type { ErrorCode } from './diagnostic.js';
import type { LocalizedText } from './text.js';

/**
 * A part of the library that needs a package not installed: exceljs for .xlsx files, an optional
 * dependency so that browser and library users do not install the spreadsheet stack. Says, in
 * Chinese and English, what needs it and how to install it.
 */
export class OptionalDependencyError extends Error {
  override name = 'OptionalDependencyError';
  readonly code: ErrorCode = 'optional-dependency-missing';
  readonly text: LocalizedText;

  constructor(
    /** The package that is missing. */
    readonly dependency: string,
    /** What needs it, in both languages. */
    purpose: LocalizedText,
    options?: ErrorOptions,
  ) {
    const text = {
      zh: `${purpose.zh}需要 ${dependency}，但未安装：请运行 npm install ${dependency}`,
      en: `${purpose.en} needs ${dependency}, which is not installed: run npm install ${dependency}`,
    };
    super(`${text.zh}\n${text.en}`, options);
    this.text = text;
  }
}

/**
 * Imports an optional dependency, or throws OptionalDependencyError when that package (not one
 * of its own dependencies: that is a broken install, reported as it is) cannot be found.
 */
export async function importOptional<T>(dependency: string, purpose: LocalizedText, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isNotFound(error, dependency)) throw new OptionalDependencyError(dependency, purpose, { cause: error });
    throw error;
  }
}

function isNotFound(error: unknown, dependency: string): boolean {
  if (!(error instanceof Error) || !('code' in error)) return false;
  if (error.code !== 'ERR_MODULE_NOT_FOUND' && error.code !== 'MODULE_NOT_FOUND') return false;
  // Node: "Cannot find package 'exceljs' imported from …" (ESM), "Cannot find module 'exceljs'" (CJS).
  return error.message.includes(`'${dependency}'`);
}
