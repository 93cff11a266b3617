import * as z from 'zod';
import { codesOf } from '../record/vocabulary.js';

/** The YAML schema of a rule file: one standard. */

export const LocalizedTextSchema = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });

const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const camel = /^[a-z][A-Za-z0-9]*$/;

export const ValueReference = z.union([
  z.strictObject({ param: z.string().regex(camel, 'a parameter name is camelCase, e.g. minTcmTechniques') }),
  z.strictObject({ fact: z.string().min(1) }),
]);

const Literal = z.union([z.number(), z.string(), z.boolean(), z.array(z.union([z.string(), z.number()]))]);

const ConditionValue = z.union([Literal, ValueReference], {
  error: 'a value is a number, a text, true/false, a list, {param: name} or {fact: name}',
});

export interface ConditionInput {
  all?: ConditionInput[];
  any?: ConditionInput[];
  not?: ConditionInput;
  fact?: string;
  operator?: string;
  /** A literal, or a reference to a parameter (`{ param }`) or another fact (`{ fact }`). */
  value?: number | string | boolean | (string | number)[] | { param: string } | { fact: string };
}

export const ConditionSchema: z.ZodType<ConditionInput> = z.lazy(() =>
  z
    .strictObject({
      all: z.array(ConditionSchema).min(1, '`all` needs at least one condition').optional(),
      any: z.array(ConditionSchema).min(1, '`any` needs at least one condition').optional(),
      not: ConditionSchema.optional(),
      fact: z.string().min(1).optional(),
      operator: z.string().min(1).optional(),
      value: ConditionValue.optional(),
    })
    .superRefine((condition, ctx) => {
      const kinds = (['all', 'any', 'not', 'fact'] as const).filter((key) => condition[key] !== undefined);
      if (kinds.length !== 1) {
        ctx.addIssue({
          code: 'custom',
          message:
            kinds.length === 0
              ? 'a condition needs `all`, `any`, `not`, or `fact` with `operator` and `value`'
              : `a condition has exactly one of ${kinds.map((k) => `\`${k}\``).join(', ')}`,
        });
        return;
      }
      if (kinds[0] === 'fact') {
        for (const key of ['operator', 'value'] as const) {
          if (condition[key] === undefined) ctx.addIssue({ code: 'custom', message: `a fact condition needs \`${key}\`` });
        }
      } else {
        for (const key of ['operator', 'value'] as const) {
          if (condition[key] !== undefined) {
            ctx.addIssue({ code: 'custom', path: [key], message: `\`${key}\` belongs to a fact condition, not to \`${kinds[0]}\`` });
          }
        }
      }
    }),
);

export const ParameterValue = z.union([z.number(), z.string(), z.boolean(), z.array(z.string())]);

export const ParameterSchema = z.strictObject(
  {
    value: ParameterValue,
    title: LocalizedTextSchema.optional(),
    note: z.string().optional(),
  },
  {
    error: (iss) =>
      iss.code === 'invalid_type' && iss.input !== undefined && typeof iss.input !== 'object'
        ? `a parameter is written with its value: { value: ${JSON.stringify(iss.input)} }`
        : undefined,
  },
);

export const RequirementSchema = z.strictObject({
  id: z.string().regex(kebab, 'a requirement id is kebab-case, e.g. four-rooms'),
  clause: z.string().min(1),
  /**
   * The source text the requirement encodes, verbatim (a test finds it in the cited source).
   * Only a standard whose evidence is a translation may leave it out.
   */
  quote: z.string().min(1).optional(),
  severity: z.enum(['required', 'advisory']),
  title: LocalizedTextSchema,
  when: ConditionSchema.optional(),
  check: ConditionSchema,
  note: z.string().optional(),
});

/** A change an overlay makes to a requirement it takes over; the reason is always given. */
export const AlterationSchema = z
  .strictObject({
    requirement: z.string().min(1),
    reason: z.string().min(1),
    /** The clause and quote of the overlay's own document, when it sets the new text. */
    clause: z.string().min(1).optional(),
    quote: z.string().min(1).optional(),
    severity: z.enum(['required', 'advisory']).optional(),
    title: LocalizedTextSchema.optional(),
    when: ConditionSchema.optional(),
    check: ConditionSchema.optional(),
    note: z.string().optional(),
  })
  .superRefine((alteration, ctx) => {
    if ((alteration.check || alteration.when) && !(alteration.clause && alteration.quote)) {
      ctx.addIssue({ code: 'custom', message: 'an alteration of `check` or `when` cites its source: give `clause` and `quote`' });
    } else if (!alteration.clause !== !alteration.quote) {
      ctx.addIssue({ code: 'custom', message: '`clause` and `quote` go together' });
    }
    const changes = (['severity', 'title', 'when', 'check', 'note', 'clause'] as const).filter((k) => alteration[k] !== undefined);
    if (changes.length === 0) ctx.addIssue({ code: 'custom', message: 'an alteration changes at least one of severity, title, when, check, note, clause' });
  });

export const RemovalSchema = z.strictObject({
  requirement: z.string().min(1),
  reason: z.string().min(1, 'a removal gives its reason'),
});

const dateFormat = 'a date is written YYYY-MM-DD (or YYYY-MM, or YYYY when the document gives no more)';

export const SourceDocumentSchema = z.strictObject({
  title: z.string().min(1),
  issuer: z.string().min(1),
  /** As precise as the document gives it: YYYY-MM-DD, YYYY-MM or YYYY (a bare year may be unquoted). */
  date: z.union(
    [
      z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, dateFormat),
      z.number().int().min(1000).max(9999).transform(String),
    ],
    { error: (iss) => (iss.input === undefined ? undefined : typeof iss.input === 'number' ? `${dateFormat}; write it in quotes` : dateFormat) },
  ),
  /** The source text, relative to the package root; absent when only a translation was found. */
  file: z.string().min(1).optional(),
  /** Where the text (or its translation) was published. */
  url: z.string().url().optional(),
});

export const RuleFileSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'a standard id is <issuer>/<name>, e.g. changzhi/village-clinic'),
  version: z.union([z.string().min(1), z.number().int().transform(String)], {
    error: (iss) =>
      typeof iss.input === 'number'
        ? `a version is text: write it in quotes, e.g. version: "2027.10" (YAML read this one as the number ${String(iss.input)})`
        : undefined,
  }),
  title: LocalizedTextSchema,
  facilityType: z.enum(codesOf('facilityTypes')),
  /**
   * Where the standard is in force; absent for a national standard. A facility is checked
   * against the standards whose region contains its own.
   */
  region: z
    .strictObject({ province: z.string().min(1), city: z.string().min(1).optional(), county: z.string().min(1).optional() })
    .optional(),
  source: SourceDocumentSchema,
  /**
   * `source-text`: encoded from the document's own text in `sources/`. `translation`: the
   * official Chinese text could not be obtained; encoded from a published translation, cited by
   * URL, with no verbatim quote.
   */
  evidence: z.enum(['source-text', 'translation']).default('source-text'),
  /**
   * `partial`: the source names parts of the standard without defining them (e.g. a list it
   * does not publish); only what it defines is checked, and `note` says what is missing.
   * An overlay of a partial standard is partial unless it says otherwise.
   */
  status: z.enum(['complete', 'partial']).optional(),
  /** The id of a standard whose requirements and parameters this one takes over before its own. */
  extends: z.string().optional(),
  /** When the standard applies at all; a facility outside it gets `not-applicable`. */
  applicability: z
    .strictObject({ clause: z.string().min(1), quote: z.string().min(1), when: ConditionSchema, note: z.string().optional() })
    .optional(),
  parameters: z.record(z.string().regex(camel, 'a parameter name is camelCase'), ParameterSchema).optional(),
  /** Changes to requirements taken over with `extends`. */
  alter: z.array(AlterationSchema).optional(),
  /** Requirements taken over with `extends` that do not apply here, each with its reason. */
  remove: z.array(RemovalSchema).optional(),
  requirements: z.array(RequirementSchema).optional(),
  note: z.string().optional(),
}).superRefine((standard, ctx) => {
  if (standard.status === 'partial' && !standard.note) {
    ctx.addIssue({ code: 'custom', path: ['status'], message: 'a partial standard says in `note` what its source leaves undefined' });
  }
  if (standard.evidence === 'source-text') {
    if (!standard.source.file) ctx.addIssue({ code: 'custom', path: ['source'], message: '"file" is required: the source text in sources/ (or set evidence: translation)' });
    standard.requirements?.forEach((requirement, index) => {
      if (requirement.quote === undefined) {
        ctx.addIssue({ code: 'custom', path: ['requirements', index], message: '"quote" is required: the source text the requirement encodes' });
      }
    });
  } else if (!standard.source.url) {
    ctx.addIssue({ code: 'custom', path: ['source'], message: 'a standard encoded from a translation cites it: give "url"' });
  }
  if (standard.extends === undefined) {
    if (!standard.requirements?.length) ctx.addIssue({ code: 'custom', path: ['requirements'], message: 'a standard needs at least one requirement' });
    for (const key of ['alter', 'remove'] as const) {
      if (standard[key]) ctx.addIssue({ code: 'custom', path: [key], message: `\`${key}\` changes requirements taken over with \`extends\`; this standard extends none` });
    }
  }
});

export type StandardFile = z.infer<typeof RuleFileSchema>;
export type RequirementFile = z.infer<typeof RequirementSchema>;
