import { readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { InputError } from '../input/errors.js';
import { OptionalDependencyError } from '../optional.js';
import { fileErrorText, FileError, isFileSystemError } from './failure.js';
import { commandFlags, commands, helpText, isCommand, nearestFlag, type Command } from './help.js';
import { UsageError } from './usage.js';
import { DiagnosticError } from '../diagnostic.js';
import type { Lang, LocalizedText } from '../text.js';

/** Where the CLI reads and writes; a test passes its own. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether to draw progress bars on stderr: when it is a terminal. */
  readonly progress?: boolean;
  /** Standard output as a stream, for a batch's rows: written with backpressure. Default: through `stdout`. */
  readonly stdoutStream?: NodeJS.WritableStream;
  /** Standard input, read for the file name `-`. */
  readonly stdin?: Readable;
}

/**
 * Exit codes: every standard met (or not applicable); a gap or unknown; invalid input or usage, or
 * a file that cannot be read or written; a fault in the library itself. Standard output closed
 * early is 141 (128 + SIGPIPE), as a shell reports a command that SIGPIPE ended.
 */
export const exitCode = { met: 0, gaps: 1, invalid: 2, internal: 3, closedOutput: 141 } as const;

export async function run(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = leadingLangMoved(argv);
  const lang = langOf(argv);
  try {
    if (command === undefined) {
      io.stderr(helpText(undefined, lang));
      return exitCode.invalid;
    }
    if (command === '--version' || command === '-v' || command === '-V') {
      io.stdout(`${packageVersion()}\n`);
      return exitCode.met;
    }
    if (command === '-h' || command === '--help' || command === 'help') {
      const topic = rest.find((arg) => !arg.startsWith('-'));
      io.stdout(helpText(isCommand(topic) ? topic : undefined, lang));
      return exitCode.met;
    }
    if (!isCommand(command)) {
      const near = nearestFlag(command, commands);
      const hint = near ? { zh: `；您是不是要用 ${near}？`, en: `; did you mean ${near}?` } : { zh: '', en: '' };
      io.stderr(`facility-standards: ${lang === 'zh' ? `没有“${command}”这个命令${hint.zh}` : `unknown command "${command}"${hint.en}`}\n\n${helpText(undefined, lang)}`);
      return exitCode.invalid;
    }
    if (wantsHelp(rest)) {
      io.stdout(helpText(command, lang));
      return exitCode.met;
    }
    // Each command's module is loaded when it runs: `list` starts without what `batch` needs.
    switch (command) {
      case 'check':
        return await (await import('./check.js')).check(rest, io);
      case 'batch':
        return await (await import('./batch.js')).batch(rest, io);
      case 'list':
        return (await import('./list.js')).list(rest, io);
      case 'validate':
        return await (await import('./validate.js')).validate(rest, io);
      case 'schema':
        return await (await import('./schema.js')).schemaCommand(rest, io);
      case 'template':
        return await (await import('./template.js')).templateCommand(rest, io);
    }
  } catch (error) {
    const text = failureText(error, command);
    if (text === undefined) {
      io.stderr(`facility-standards: internal error, please report it:\n${(error as Error)?.stack ?? String(error)}\n`);
      return exitCode.internal;
    }
    io.stderr(`facility-standards: ${text[lang]}\n`);
    return exitCode.invalid;
  }
}

/** `--lang en check …` as `check … --lang=en`: the language may come before the command too. */
function leadingLangMoved(argv: readonly string[]): readonly string[] {
  const [first, ...rest] = argv;
  if (first === '--lang') return rest.length >= 2 ? [...rest.slice(1), `--lang=${rest[0]}`] : [];
  if (first?.startsWith('--lang=')) return rest.length >= 1 ? [...rest, first] : [];
  return argv;
}

/** The language of the messages: `--lang en` (or `--lang=en`) anywhere on the command line, else Chinese. */
function langOf(argv: readonly string[]): Lang {
  for (const [i, arg] of argv.entries()) {
    if (arg === '--') break;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value === 'en') return 'en';
  }
  return 'zh';
}

const wantsHelp = (args: readonly string[]) => {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
};

/** The version in the package's package.json, found from this module (src/cli/ or dist/). */
function packageVersion(): string {
  for (let dir = new URL('.', import.meta.url), i = 0; i < 4; dir = new URL('..', dir), i++) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'facility-standards' && pkg.version) return pkg.version;
    } catch {
      // not here: one folder up
    }
  }
  return 'unknown';
}

/** What to tell the user about an error of theirs (bad input, a file that cannot be read or written); undefined for a fault here. */
function failureText(error: unknown, command: string | undefined): LocalizedText | undefined {
  if (error instanceof UsageError || error instanceof FileError) return error.text;
  if (error instanceof InputError) return { zh: error.zh, en: error.en };
  if (error instanceof OptionalDependencyError) return error.text;
  if (error instanceof DiagnosticError) return { zh: error.render('zh'), en: error.render('en') };
  if (isFileSystemError(error)) return fileErrorText(error, 'read');
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')) return parseArgsText(error as Error, isCommand(command) ? command : 'check');
  return undefined;
}

/** node:util parseArgs's rejections, said in the user's language with the command's help to turn to. */
function parseArgsText(error: Error, command: Command): LocalizedText {
  const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? '';
  const flag = /(--[\w-]+)/.exec(quoted)?.[1] ?? quoted;
  const more = { zh: `（facility-standards ${command} --help 列出全部选项）`, en: ` (facility-standards ${command} --help lists them all)` };
  switch ((error as { code?: string }).code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const near = nearestFlag(flag, commandFlags[command]);
      return near
        ? { zh: `${command} 没有选项 ${flag}；您是不是要用 ${near}？${more.zh}`, en: `${command} has no option ${flag}; did you mean ${near}?${more.en}` }
        : { zh: `${command} 没有选项 ${flag}${more.zh}`, en: `${command} has no option ${flag}${more.en}` };
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take/.test(error.message)
        ? { zh: `选项 ${flag} 不带值${more.zh}`, en: `${flag} takes no value${more.en}` }
        : { zh: `选项 ${flag} 需要一个值${more.zh}`, en: `${flag} needs a value${more.en}` };
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return { zh: `${command} 不接受参数“${quoted}”${more.zh}`, en: `${command} takes no argument "${quoted}"${more.en}` };
    default:
      return { zh: `${error.message}${more.zh}`, en: `${error.message}${more.en}` };
  }
}

