// `facility-standards list`: the bundled standards, ladders and programmes.
import { parseArgs } from 'node:util';
import { bundledLadders, bundledPrograms, bundledStandards } from '../standard/registry.js';
import type { Lang } from '../text.js';
import { exitCode, type Io } from './main.js';
import { oneOf } from './usage.js';

export function list(args: readonly string[], io: Io): number {
  const { values } = parseArgs({ args: [...args], options: { lang: { type: 'string', default: 'zh' }, format: { type: 'string', default: 'text' } } });
  const lang = oneOf('--lang', values.lang, ['zh', 'en'] as const);
  const format = oneOf('--format', values.format, ['text', 'json'] as const);
  const standards = [...bundledStandards().values()];
  const ladders = [...bundledLadders().values()];
  const programs = [...bundledPrograms().values()];
  if (format === 'json') {
    io.stdout(
      `${JSON.stringify(
        {
          standards: standards.map((s) => ({
            id: s.id,
            version: s.version,
            title: s.title,
            facilityType: s.facilityType,
            requirements: s.requirements.length,
            ...(s.extends && { extends: s.extends }),
            status: s.status,
            source: s.source,
          })),
          ladders: ladders.map((l) => ({ id: l.id, title: l.title, levels: l.levels.map((level) => level.standard) })),
          programs: programs.map((p) => ({ id: p.id, title: p.title, targets: p.targets.map((t) => ({ id: t.id, by: t.by, title: t.title })) })),
        },
        null,
        2,
      )}\n`,
    );
    return exitCode.met;
  }
  const zh = lang === 'zh';
  const other: Lang = zh ? 'en' : 'zh';
  const facilityType = (type: string) => (zh ? ({ 'village-clinic': '村卫生室', 'township-health-center': '乡镇卫生院' } as Record<string, string>)[type] ?? type : type);
  io.stdout(zh ? '标准\n' : 'Standards\n');
  for (const standard of standards) {
    const n = standard.requirements.length;
    const notes = [
      facilityType(standard.facilityType),
      zh ? `${n} 项要求` : `${n} requirement${n === 1 ? '' : 's'}`,
      ...(standard.extends ? [zh ? `继承 ${standard.extends}` : `extends ${standard.extends}`] : []),
      ...(standard.status === 'partial' ? [zh ? '部分：来源文件有未明确的内容' : 'partial: its source leaves parts undefined'] : []),
      ...(standard.evidence === 'translation' ? [zh ? '依据译文' : 'from a translation'] : []),
    ];
    io.stdout(
      `${standard.id}@${standard.version}  ${standard.title[lang]} / ${standard.title[other]}\n` +
        `    ${notes.join(zh ? '，' : ', ')}\n` +
        `    ${standard.source.issuer} ${standard.source.date}: ${standard.source.title} (${standard.source.file ?? standard.source.url})\n`,
    );
  }
  io.stdout(zh ? '\n等级阶梯\n' : '\nLadders\n');
  for (const ladder of ladders) io.stdout(`${ladder.id}  ${ladder.title[lang]} / ${ladder.title[other]}\n    ${ladder.levels.map((l) => l.standard).join(' → ')}\n`);
  io.stdout(zh ? '\n工作方案\n' : '\nProgrammes\n');
  for (const program of programs) {
    io.stdout(
      `${program.id}  ${program.title[lang]} / ${program.title[other]}\n` +
        program.targets.map((t) => `    ${t.id} (${zh ? '期限' : 'by'} ${t.by}): ${t.title[lang]}\n`).join(''),
    );
  }
  return exitCode.met;
}

