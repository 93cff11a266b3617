import * as z from 'zod';
import { codesOf } from '../record/vocabulary.js';

/** The YAML schema of a rule file: one standard. */

export const LocalizedTextSchema = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });

const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const camel = /^[a-z][A-Za-z0-9]*$/;

export const ValueReference = z.union([
  z.strictObject({ param: z.string().regex(camel) }),
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
  value?: z.infer<typeof ConditionValue>;
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

export const ParameterSchema = z.strictObject({
  value: ParameterValue,
  title: LocalizedTextSchema.optional(),
  note: z.string().optional(),
});

export const RequirementSchema = z.strictObject({
  id: z.string().regex(kebab, 'a requirement id is kebab-case, e.g. four-rooms'),
  clause: z.string().min(1),
  /** The source text the requirement encodes, verbatim (a test finds it in the cited source). */
  quote: z.string().min(1),
  severity: z.enum(['required', 'advisory']),
  title: LocalizedTextSchema,
  when: ConditionSchema.optional(),
  check: ConditionSchema,
  note: z.string().optional(),
});

export const SourceDocumentSchema = z.strictObject({
  title: z.string().min(1),
  issuer: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD'),
  /** The source text, relative to the package root. */
  file: z.string().min(1),
});

export const StandardSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'a standard id is <issuer>/<name>, e.g. changzhi/village-clinic'),
  version: z.union([z.string().min(1), z.number().transform(String)]),
  title: LocalizedTextSchema,
  facilityType: z.enum(codesOf('facilityTypes')),
  source: SourceDocumentSchema,
  /** The id of a standard whose requirements and parameters this one takes over before its own. */
  extends: z.string().optional(),
  /** When the standard applies at all; a facility outside it gets `not-applicable`. */
  applicability: z
    .strictObject({ clause: z.string().min(1), quote: z.string().min(1), when: ConditionSchema, note: z.string().optional() })
    .optional(),
  parameters: z.record(z.string().regex(camel, 'a parameter name is camelCase'), ParameterSchema).optional(),
  requirements: z.array(RequirementSchema).min(1, 'a standard needs at least one requirement'),
  note: z.string().optional(),
});

export type StandardFile = z.infer<typeof StandardSchema>;
export type RequirementFile = z.infer<typeof RequirementSchema>;
