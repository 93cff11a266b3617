// `facility-standards validate`: rule files checked by the loader, with positioned errors.
import { parseArgs } from 'node:util';
import { loadRuleFiles, ruleFilePaths } from '../files.js';
import { exitCode, type Io } from './main.js';
import { oneOf, UsageError } from './usage.js';

export async function validate(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals: paths } = parseArgs({ args: [...args], allowPositionals: true, options: { lang: { type: 'string', default: 'zh' } } });
  const lang = oneOf('--lang', values.lang, ['zh', 'en'] as const);
  if (paths.length === 0) throw new UsageError({ en: 'validate needs rule files or directories', zh: 'validate 需要规则文件或文件夹' });
  const files = await ruleFilePaths(paths);
  const loaded = await loadRuleFiles(files);
  const ids = [...loaded.standards.keys(), ...loaded.ladders.keys(), ...loaded.programs.keys()];
  io.stdout(
    lang === 'zh'
      ? `${files.length} 个规则文件有效：${ids.join('、')}\n`
      : `${files.length} rule file${files.length === 1 ? '' : 's'} valid: ${ids.join(', ')}\n`,
  );
  return exitCode.met;
}

