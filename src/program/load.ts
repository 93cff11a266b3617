import { Diagnostic, formatPath } from '../diagnostic.js';
import { message, type Message } from '../diagnostics/messages.js';
import { facts } from '../record/facts.js';
import type { Condition, Standard } from '../standard/types.js';
import type { ConditionInput } from '../standard/schema.js';
import type { YamlSource } from '../yaml-source.js';
import type { ProgramFile } from './schema.js';
import type { Bound, Program, Target } from './types.js';

type Path = readonly PropertyKey[];
type Report = (path: Path, text: Message) => void;

export interface ProgramContext {
  /** A standard loaded with the programme or before it. */
  standard(id: string): Standard | undefined;
  /** Checks a condition against the fact catalogue and operators, reporting at `path`. */
  checkCondition(condition: ConditionInput, path: Path, report: Report): Condition;
}

/** Checks a programme's targets against the standards and the fact catalogue; returns the problems found. */
export function buildProgram(source: YamlSource, data: ProgramFile, context: ProgramContext): { program?: Program; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const report: Report = (path, text) => diagnostics.push(new Diagnostic(text, { file: source.file, ...source.locate(path), path: formatPath(path) }));
  const seen = new Set<string>();
  const targets = data.targets.map((target, index): Target => {
    const at = (...rest: PropertyKey[]): Path => ['targets', index, ...rest];
    if (seen.has(target.id)) report(at('id'), message('program.repeated-target', { id: target.id }));
    seen.add(target.id);
    const base = {
      id: target.id,
      title: target.title,
      clause: target.clause,
      quote: target.quote,
      by: target.by,
      facilityType: target.facilityType,
      ...(target.per !== undefined && { per: target.per }),
      ...(target.note !== undefined && { note: target.note }),
      line: source.locate(at())?.line,
    };
    if (target.staffShare) {
      for (const side of ['numerator', 'denominator'] as const) {
        target.staffShare[side].forEach((name, i) => {
          const fact = facts.get(name);
          if (!fact || fact.derived || fact.type !== 'count' || !name.startsWith('staff.')) {
            report(at('staffShare', side, i), message('program.not-staff-count', { name }));
          }
        });
      }
      const outside = target.staffShare.numerator.filter((name) => !target.staffShare!.denominator.includes(name));
      if (outside.length > 0) report(at('staffShare', 'denominator'), message('program.denominator-missing', { fields: outside }));
      return { ...base, kind: 'staff-share', ...target.staffShare, share: bound(target.share!) };
    }
    if (target.standard !== undefined) {
      const standard = context.standard(target.standard);
      if (!standard) report(at('standard'), message('program.unknown-standard', { id: target.standard }));
      else if (standard.facilityType !== target.facilityType) {
        report(at('standard'), message('ladder.type-differs', { id: target.standard, type: standard.facilityType, expected: target.facilityType }));
      }
    }
    const achieve = target.standard !== undefined
      ? { standard: target.standard }
      : { condition: context.checkCondition(target.condition!, at('condition'), report) };
    return {
      ...base,
      kind: 'facilities',
      achieve,
      ...(target.share && { share: bound(target.share) }),
      ...(target.count && { count: bound(target.count) }),
      ...(target.tracked && { tracked: true }),
      ...(target.among && { among: context.checkCondition(target.among, at('among'), report) }),
    };
  });
  if (diagnostics.length > 0) return { diagnostics };
  return {
    diagnostics,
    program: {
      id: data.id,
      title: data.title,
      region: data.region,
      source: data.source,
      ...(data.note !== undefined && { note: data.note }),
      targets,
      file: source.file,
    },
  };
}

function bound(written: { atLeast?: number | undefined; moreThan?: number | undefined }): Bound {
  return written.moreThan !== undefined ? { operator: 'moreThan', value: written.moreThan } : { operator: 'atLeast', value: written.atLeast! };
}
