#!/usr/bin/env node
import { exitCode, run } from './cli/main.js';
import { removeTemporaries } from './cli/output.js';

// A reader that stops early (`… | head -1`) closes the pipe: stop quietly, as a SIGPIPE would
// (Node ignores the signal itself, so writes fail with EPIPE instead).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    removeTemporaries();
    process.exit(error.code === 'EPIPE' ? exitCode.closedOutput : exitCode.invalid);
  });
}

// A fault that escapes `run` (a stream's stray error): internal, never exit 1, no file left behind.
const internal = (error: unknown) => {
  removeTemporaries();
  process.stderr.write(`facility-standards: internal error, please report it:\n${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(exitCode.internal);
};
process.on('uncaughtException', internal);
process.on('unhandledRejection', internal);

const code = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdoutStream: process.stdout,
  stdin: process.stdin,
  progress: process.stderr.isTTY === true,
});
process.exitCode = code;
// A failed batch may still have work in flight (worker threads, a stream being read): once what
// was written has reached standard output, stop.
if (code >= exitCode.invalid) process.stdout.write('', () => process.exit(code));
