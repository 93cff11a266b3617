import { message, type Message } from '../diagnostics/messages.js';
import * as z from 'zod';
import { Diagnostic, formatPath } from '../diagnostic.js';
import { codesOf, type FacilityType } from '../record/vocabulary.js';
import type { LocalizedText } from '../text.js';
import type { YamlSource } from '../yaml-source.js';
import { LocalizedTextSchema } from './schema.js';
import type { Standard } from './types.js';

/**
 * A ladder: standards for one facility type in ascending order (township: basic → recommended
 * → county sub-center). A facility reaches a level when it meets that standard and every one
 * below it.
 */
export const LadderSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'a ladder id is <issuer>/<name>, e.g. changzhi/township'),
  title: LocalizedTextSchema,
  facilityType: z.enum(codesOf('facilityTypes')),
  levels: z
    .array(z.strictObject({ standard: z.string().min(1), title: LocalizedTextSchema }))
    .min(2, 'a ladder has at least two levels'),
  note: z.string().optional(),
});

export type LadderFile = z.infer<typeof LadderSchema>;

export interface LadderLevel {
  readonly standard: string;
  readonly title: LocalizedText;
}

export interface Ladder {
  readonly id: string;
  readonly title: LocalizedText;
  readonly facilityType: FacilityType;
  /** Lowest first. */
  readonly levels: readonly LadderLevel[];
  readonly note?: string;
  readonly file: string;
}

/** Checks a ladder's levels against the loaded standards; returns the problems found. */
export function buildLadder(
  source: YamlSource,
  data: LadderFile,
  standard: (id: string) => Standard | undefined,
): { ladder?: Ladder; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const report = (path: (string | number)[], text: Message) =>
    diagnostics.push(new Diagnostic(text, { file: source.file, ...source.locate(path), path: formatPath(path) }));
  const seen = new Set<string>();
  data.levels.forEach((level, index) => {
    const path = ['levels', index, 'standard'];
    const found = standard(level.standard);
    if (!found) report(path, message('ladder.unknown-standard', { id: level.standard }));
    else if (found.facilityType !== data.facilityType) {
      report(path, message('ladder.type-differs', { id: level.standard, type: found.facilityType, expected: data.facilityType }));
    }
    if (seen.has(level.standard)) report(path, message('ladder.repeated-level', { id: level.standard }));
    seen.add(level.standard);
  });
  if (diagnostics.length > 0) return { diagnostics };
  return {
    diagnostics,
    ladder: {
      id: data.id,
      title: data.title,
      facilityType: data.facilityType,
      levels: data.levels,
      ...(data.note !== undefined && { note: data.note }),
      file: source.file,
    },
  };
}
