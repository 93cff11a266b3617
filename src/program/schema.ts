import * as z from 'zod';
import { codesOf } from '../record/vocabulary.js';
import { calendarDate } from '../calendar-date.js';
import { ConditionSchema, LocalizedTextSchema, SourceDocumentSchema } from '../standard/schema.js';

/** The YAML schema of a programme file in `rules/programs/`: a city's or county's targets. */

const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const deadline = 'a deadline is written YYYY-MM-DD, e.g. 2028-12-31 (the end of the year the text names)';
const isoDate = calendarDate(deadline);

/** `atLeast` for 不少于/达到/以上 (≥); `moreThan` for 超过 (>). */
const BoundSchema = z
  .strictObject({ atLeast: z.number().nonnegative().optional(), moreThan: z.number().nonnegative().optional() })
  .superRefine((bound, ctx) => {
    const given = (['atLeast', 'moreThan'] as const).filter((k) => bound[k] !== undefined);
    if (given.length !== 1) ctx.addIssue({ code: 'custom', message: 'a bound is { atLeast: n } (达到, 以上, 不少于) or { moreThan: n } (超过)' });
  });

const StaffShareSchema = z.strictObject({
  numerator: z.array(z.string().min(1)).min(1),
  denominator: z.array(z.string().min(1)).min(1),
});

export const TargetSchema = z
  .strictObject({
    id: z.string().regex(kebab, 'a target id is kebab-case, e.g. township-basic'),
    clause: z.string().min(1),
    /** The source text the target encodes, verbatim. */
    quote: z.string().min(1),
    title: LocalizedTextSchema,
    by: isoDate,
    facilityType: z.enum(codesOf('facilityTypes')),
    /** The facility counts when it meets this standard. */
    standard: z.string().min(1).optional(),
    /** The facility counts when this condition holds for it. */
    condition: ConditionSchema.optional(),
    /** A share of people, summed over the facilities: record fields counting staff. */
    staffShare: StaffShareSchema.optional(),
    /** A share of the facilities (0–1), or of the people for `staffShare`. */
    share: BoundSchema.optional(),
    /** A number of facilities. */
    count: BoundSchema.optional(),
    /** A share reported with no figure to reach (普遍, 持续提升): no verdict. */
    tracked: z.literal(true).optional(),
    /** Only the facilities for which this condition holds are counted (服务人口超过1万人的乡镇卫生院). */
    among: ConditionSchema.optional(),
    /** Measured separately in each county or township. */
    per: z.enum(['county', 'township']).optional(),
    note: z.string().optional(),
  })
  .superRefine((target, ctx) => {
    const what = (['standard', 'condition', 'staffShare'] as const).filter((k) => target[k] !== undefined);
    if (what.length !== 1) {
      ctx.addIssue({ code: 'custom', message: 'a target measures one thing: `standard` (facilities meeting it), `condition` (facilities for which it holds) or `staffShare`' });
    }
    const bounds = (['share', 'count', 'tracked'] as const).filter((k) => target[k] !== undefined);
    if (bounds.length !== 1) {
      ctx.addIssue({ code: 'custom', message: 'a target sets one bound: `share` (0–1, 0.3 for 30%) or `count`, or is `tracked: true` (a share reported, no figure set)' });
    }
    if (target.tracked && target.staffShare) ctx.addIssue({ code: 'custom', path: ['tracked'], message: 'a staff share is bounded by `share`' });
    if (target.among && target.staffShare) ctx.addIssue({ code: 'custom', path: ['among'], message: '`among` chooses facilities; a staff share sums people over every facility of the type' });
    if (target.staffShare && target.count) ctx.addIssue({ code: 'custom', path: ['count'], message: 'a staff share is bounded by `share`' });
    const share = target.share?.atLeast ?? target.share?.moreThan;
    if (share !== undefined && share > 1) ctx.addIssue({ code: 'custom', path: ['share'], message: `a share is written between 0 and 1 (0.3 for 30%), not ${share}` });
  });

export const ProgramSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'a programme id is <issuer>/<name>, e.g. changzhi/2028'),
  title: LocalizedTextSchema,
  /** Where the programme is in force: only facilities known to be there are counted. */
  region: z.strictObject({ province: z.string().min(1), city: z.string().min(1).optional(), county: z.string().min(1).optional() }),
  source: SourceDocumentSchema.required({ file: true }),
  note: z.string().optional(),
  targets: z.array(TargetSchema).min(1, 'a programme has at least one target'),
});

export type ProgramFile = z.infer<typeof ProgramSchema>;
