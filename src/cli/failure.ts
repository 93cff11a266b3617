import { DiagnosticError } from '../diagnostic.js';
import type { Lang, LocalizedText } from '../text.js';
import { UsageError } from './usage.js';

/** What the CLI was doing with a file when the file system refused. */
export type FileAction = 'read' | 'write';

/**
 * A file the CLI could not read or write because of the user's environment (missing, a folder,
 * no permission, a full disk): exit 2, with a sentence naming the path and what to do.
 */
export class FileError extends Error {
  readonly text: LocalizedText;
  constructor(text: LocalizedText, options?: { cause?: unknown }) {
    super(text.en, options);
    this.text = text;
  }
}

type Wording = (path: string, action: FileAction) => LocalizedText;

const zhVerb = (action: FileAction) => (action === 'read' ? '读取' : '写入');

/** One sentence per file-system error code, in both languages. */
const wordings: Readonly<Record<string, Wording>> = {
  ENOENT: (path, action) =>
    action === 'read'
      ? { zh: `找不到 ${path}：请检查路径和文件名`, en: `${path} does not exist: check the path and the file name` }
      : { zh: `无法写入 ${path}：它所在的文件夹不存在，请先创建该文件夹或换一个路径`, en: `cannot write ${path}: its folder does not exist; create the folder or choose another path` },
  EACCES: (path, action) => ({
    zh: `没有权限${zhVerb(action)} ${path}：请检查该文件及其所在文件夹的权限，或换一个位置`,
    en: `permission denied to ${action} ${path}: check the permissions of the file and its folder, or use another location`,
  }),
  EISDIR: (path, action) =>
    action === 'read'
      ? { zh: `${path} 是文件夹，不是文件：请给出其中的一个文件`, en: `${path} is a folder, not a file: give a file in it` }
      : { zh: `${path} 是文件夹：请给出要写入的文件名`, en: `${path} is a folder: give the name of a file to write` },
  ENOTDIR: (path) => ({ zh: `${path} 的路径中有一段是文件而不是文件夹：请检查路径`, en: `part of the path ${path} is a file, not a folder: check the path` }),
  ENOSPC: (path) => ({ zh: `磁盘空间不足，无法写入 ${path}：请腾出空间或写到另一个磁盘`, en: `no space left on the disk to write ${path}: free some space or write it to another disk` }),
  EDQUOT: (path) => ({ zh: `磁盘配额已用完，无法写入 ${path}：请腾出空间或写到另一个位置`, en: `the disk quota is used up, so ${path} cannot be written: free some space or write it elsewhere` }),
  EROFS: (path) => ({ zh: `${path} 位于只读文件系统上，无法写入：请写到另一个位置`, en: `${path} is on a read-only file system: write it somewhere else` }),
  EMFILE: (path, action) => ({ zh: `打开的文件过多，无法${zhVerb(action)} ${path}：请关闭其他程序后重试`, en: `too many open files to ${action} ${path}: close other programs and try again` }),
  EEXIST: (path) => ({ zh: `${path} 已存在：请删除它或换一个名字`, en: `${path} already exists: remove it or choose another name` }),
  ELOOP: (path) => ({ zh: `${path} 是一个循环的符号链接：请检查链接指向`, en: `${path} is a loop of symbolic links: check where the link points` }),
  ENAMETOOLONG: (path) => ({ zh: `路径过长：${path}，请换一个短一些的路径`, en: `the path is too long: ${path}; choose a shorter one` }),
  EIO: (path, action) => ({ zh: `${zhVerb(action)} ${path} 时磁盘出错：请检查磁盘后重试`, en: `the disk failed while trying to ${action} ${path}: check the disk and try again` }),
  EFBIG: (path) => ({ zh: `${path} 超出了文件系统允许的文件大小：请写到另一个磁盘`, en: `${path} is larger than its file system allows: write it to another disk` }),
  EBUSY: (path) => ({ zh: `${path} 正被占用：请关闭正在使用它的程序后重试`, en: `${path} is in use: close the program using it and try again` }),
  ENXIO: (path) => ({ zh: `${path} 是没有对端的设备或管道：请换一个文件`, en: `${path} is a device or pipe with nothing on the other end: give another file` }),
};
const aliases: Readonly<Record<string, string>> = { EPERM: 'EACCES', ENFILE: 'EMFILE', ETXTBSY: 'EBUSY' };

/** A file-system error (an errno code such as ENOENT), as distinct from a Node API error (ERR_…). */
export function isFileSystemError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && /^E[A-Z0-9]+$/.test((error as NodeJS.ErrnoException).code!);
}

/** The sentence for a file-system error: its own path if it carries one, else `path`. */
export function fileErrorText(error: NodeJS.ErrnoException, action: FileAction, path?: string): LocalizedText {
  const where = path ?? error.path ?? '?';
  const code = error.code ?? 'EIO';
  const wording = wordings[aliases[code] ?? code];
  if (wording) return wording(where, action);
  return {
    zh: `无法${zhVerb(action)} ${where}（${code}）：请检查该文件及其所在的磁盘`,
    en: `cannot ${action} ${where} (${code}): check the file and its disk`,
  };
}

/** Wraps a file-system error as a FileError naming `path`; passes anything else on unchanged. */
export function asFileError(error: unknown, action: FileAction, path?: string): unknown {
  if (error instanceof FileError || !isFileSystemError(error)) return error;
  return new FileError(fileErrorText(error, action, path), { cause: error });
}

/** A message in the user's language. */
export const say = (text: LocalizedText, lang: Lang) => text[lang];

/** Errors about the user's input, whose message says what to fix; anything else is a fault here. */
export function isInputError(error: unknown): error is Error {
  return error instanceof DiagnosticError || error instanceof UsageError || error instanceof FileError;
}
