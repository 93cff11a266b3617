// Writing the CLI's output files safely: whole or not at all, and never replacing what is not a
// regular file (a device such as /dev/null, a FIFO, a symbolic link).
import { rmSync } from 'node:fs';
import { lstat, open, readdir, readlink, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import type { LocalizedText } from '../text.js';
import { asFileError, FileError } from './failure.js';

/** Tells the user something on the way (a stale temporary file removed). */
export type Notice = (text: LocalizedText) => void;

/** An output being written: `finish` it, then `commit` it (or `abandon` it on any failure). */
export interface PendingOutput {
  /** The path as the user gave it. */
  readonly path: string;
  /** Where the bytes go; it never errors (a failure is kept for `finish` and `failed`). */
  readonly stream: Writable;
  /** Rejects with a FileError as soon as a write fails: to stop the work that feeds the stream. */
  readonly failed: Promise<never>;
  /** Ends the stream and closes the file; throws the FileError of any write that failed. */
  finish(): Promise<void>;
  /** Puts the finished file in place (a rename over the target), or nothing for an in-place target. */
  commit(): Promise<void>;
  /** Removes the temporary file; never throws. */
  abandon(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Temporary files, removed on every exit the process can observe

const temporaries = new Set<string>();
const signalExits = { SIGINT: 130, SIGHUP: 129, SIGTERM: 143 } as const;

/** Removes every temporary file still open, synchronously: safe in an exit or signal handler. */
export function removeTemporaries(): void {
  for (const path of temporaries) rmSync(path, { force: true });
  temporaries.clear();
}

function onSignal(signal: keyof typeof signalExits): void {
  removeTemporaries();
  process.exit(signalExits[signal]);
}

function track(path: string): void {
  if (temporaries.size === 0) {
    for (const signal of Object.keys(signalExits)) process.on(signal, onSignal);
    process.on('exit', removeTemporaries);
  }
  temporaries.add(path);
}

function untrack(path: string): void {
  temporaries.delete(path);
  if (temporaries.size > 0) return;
  for (const signal of Object.keys(signalExits)) process.off(signal, onSignal);
  process.off('exit', removeTemporaries);
}

/** The temporary name beside a target: `report.ndjson.12345.partial`. */
const temporaryOf = (target: string, pid = process.pid) => `${target}.${pid}.partial`;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the temporary files that killed runs (kill -9, a power cut) left beside a target, naming each. */
async function removeStale(target: string, notice: Notice): Promise<void> {
  const name = basename(target);
  let entries: string[];
  try {
    entries = await readdir(dirname(target));
  } catch {
    return; // the folder cannot be listed: creating the temporary file will say why
  }
  for (const entry of entries) {
    if (!entry.startsWith(`${name}.`) || !entry.endsWith('.partial')) continue;
    const pid = Number(entry.slice(name.length + 1, -'.partial'.length));
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || isAlive(pid)) continue;
    const path = join(dirname(target), entry);
    await rm(path, { force: true }).catch(() => undefined);
    notice({
      zh: `已删除 ${path}：这是一次中断的运行（进程 ${pid}，已不在运行）留下的未完成文件`,
      en: `removed ${path}: an unfinished file left by an interrupted run (process ${pid}, no longer running)`,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Targets

type Target =
  /** A regular file or a new path: written beside it under a temporary name, then renamed over it. */
  | { readonly kind: 'replace'; readonly path: string; readonly mode?: number }
  /** A character device (/dev/null, a terminal) or a FIFO: written in place, never replaced. */
  | { readonly kind: 'in-place'; readonly path: string };

/** Where writing `path` really goes: symbolic links are followed, so the link itself stays. */
async function targetOf(path: string): Promise<Target> {
  let real = resolve(path);
  for (let links = 0; ; links++) {
    const info = await lstat(real).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (info === undefined || info.isFile()) return { kind: 'replace', path: real, ...(info && { mode: info.mode & 0o7777 }) };
    if (info.isSymbolicLink()) {
      if (links >= 40) throw Object.assign(new Error('too many symbolic links'), { code: 'ELOOP', path });
      real = resolve(dirname(real), await readlink(real));
      continue;
    }
    if (info.isCharacterDevice() || info.isFIFO()) return { kind: 'in-place', path: real };
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR', path });
    throw new FileError({
      zh: `${path} 不是普通文件（是块设备或套接字），不会写入它：请给出一个文件名`,
      en: `${path} is not a regular file (a block device or a socket) and is not written to: give a file name`,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * Opens an output file for writing. A regular file (or a new path) is written under a temporary
 * name beside it and renamed over it by `commit`, so that a failed or interrupted run never
 * leaves half a file where the finished one would be; the temporary file is removed on every
 * exit path the process can observe. A device or FIFO is written in place; a folder, a block
 * device or a socket is refused. Temporary files that killed runs left beside the target are
 * removed first, each named through `notice`.
 */
export async function openOutput(path: string, notice: Notice): Promise<PendingOutput> {
  let target: Target;
  let handle: FileHandle;
  let temporary: string | undefined;
  try {
    target = await targetOf(path);
    if (target.kind === 'in-place') {
      handle = await open(target.path, 'w');
    } else {
      await removeStale(target.path, notice);
      temporary = temporaryOf(target.path);
      // Our own pid on a leftover file: a dead process that had it; the name is ours now.
      await rm(temporary, { force: true });
      handle = await open(temporary, 'wx', target.mode ?? 0o666);
      track(temporary);
    }
  } catch (error) {
    throw asFileError(error, 'write', path);
  }

  let failure: FileError | undefined;
  let reject!: (error: FileError) => void;
  const failed = new Promise<never>((_, r) => (reject = r));
  failed.catch(() => undefined); // only those who race it need to hear of it
  const fail = (error: unknown) => {
    if (failure) return;
    failure = asFileError(error, 'write', path) as FileError;
    reject(failure);
  };
  let closed = false;
  // Once failed or abandoned, chunks are dropped: whatever still feeds the stream runs out quietly.
  const stream = new Writable({
    highWaterMark: 1 << 20,
    write(chunk: Buffer, _encoding, done) {
      if (failure || closed) return done();
      handle.writeFile(chunk).then(() => done(), (error: unknown) => (fail(error), done()));
    },
  });
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };

  return {
    path,
    stream,
    failed,
    async finish() {
      await new Promise<void>((resolve) => stream.end(resolve));
      try {
        await close();
      } catch (error) {
        fail(error);
      }
      if (failure) throw failure;
    },
    async commit() {
      if (temporary === undefined) return;
      try {
        await rename(temporary, target.path);
      } catch (error) {
        throw asFileError(error, 'write', path);
      }
      untrack(temporary);
    },
    async abandon() {
      await close().catch(() => undefined);
      if (temporary === undefined) return;
      await rm(temporary, { force: true }).catch(() => undefined);
      untrack(temporary);
    },
  };
}

/**
 * Finishes outputs and commits them together: if any cannot be finished, none is committed and
 * every temporary file is removed (a batch's rows and its report, both or neither).
 */
export async function commitTogether(outputs: readonly PendingOutput[]): Promise<void> {
  try {
    for (const output of outputs) await output.finish();
    for (const output of outputs) await output.commit();
  } catch (error) {
    await Promise.all(outputs.map((output) => output.abandon()));
    throw error;
  }
}

/** Writes a whole file safely (see `openOutput`): complete, or the target left as it was. */
export async function writeOutputFile(path: string, data: string | Uint8Array, notice: Notice): Promise<void> {
  const output = await openOutput(path, notice);
  output.stream.write(data);
  await commitTogether([output]);
}

/**
 * Standard output as a stream that respects backpressure: a chunk is done at once while the
 * terminal or pipe keeps up, else when it drains, so a slow reader slows the batch instead of
 * filling memory. After a failed write (EPIPE: the reader has gone) nothing is done again: the
 * process's handler of the stream's error ends it.
 */
export function drainingStream(target: NodeJS.WritableStream): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (target.write(chunk)) done();
      else target.once('drain', () => done());
    },
  });
}

/**
 * Resolves once everything written to `target` so far has been handed to the system: before a
 * summary is said, so that a reader that has gone (EPIPE) ends the process first.
 */
export function flushed(target: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => target.write('', () => resolve()));
}
