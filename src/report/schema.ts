import * as z from 'zod';

/**
 * The report contract as zod schemas: the JSON form of the interfaces in `evaluate/result.ts`
 * (Report, RequirementResult, Finding) and `evaluate/ladder.ts` (LadderAssessment), and of the
 * documents the CLI writes with `--format json`. A test holds these to the interfaces (types)
 * and to real reports (values); `jsonSchema('report')` publishes them as JSON Schema.
 *
 * JSON form: a property whose value is `undefined` in the object (e.g. `source.line` of a rule
 * file read without positions) is absent in the JSON, so such properties are optional here.
 */

/** Metadata for the JSON Schema: `$defs` names, titles and descriptions. Private, so that loading this module twice never clashes in zod's global registry. */
export const reportSchemaMetadata = z.registry<{ id?: string; title?: string; description?: string }>();

function described<T extends z.ZodType>(schema: T, meta: { id?: string; title?: string; description?: string }): T {
  reportSchemaMetadata.add(schema, meta);
  return schema;
}

export const LocalizedTextSchema = described(z.strictObject({ zh: z.string(), en: z.string() }), {
  id: 'LocalizedText',
  description: 'A text in Chinese and English.',
});

export const StandardOutcomeSchema = described(z.enum(['met', 'gap', 'unknown', 'not-applicable']), {
  id: 'StandardOutcome',
  description:
    'met: no required requirement is a gap or unknown (waived ones do not count against it) · gap: one is a gap · unknown: otherwise, one is unknown · not-applicable: the standard does not apply.',
});

export const WaiverEntrySchema = described(
  z.strictObject({
    facility: z.string(),
    standard: z.string().optional(),
    requirement: z.string(),
    justification: z.string(),
    approver: z.string(),
    expires: described(z.string(), { description: 'The last day the waiver is in force (YYYY-MM-DD).' }),
  }),
  { id: 'Waiver', description: 'An approved, dated exception for one facility from one requirement.' },
);

const SeveritySchema = described(z.enum(['required', 'advisory']), {
  id: 'Severity',
  description: 'required: counts for the standard’s outcome; advisory: reported only.',
});

const codes = z.array(z.string());
const amount = z.number().nonnegative();

export const ConditionValueSchema = described(
  z.union([z.number(), z.string(), z.boolean(), z.array(z.union([z.string(), z.number()]))]),
  { id: 'ConditionValue', description: 'A value a condition compares: a fact’s value, or the threshold or set it is compared with.' },
);

const shortcoming = {
  missing: described(codes.optional(), { description: 'Codes still missing (set conditions), or the boolean facts not in place.' }),
  shortfall: described(amount.optional(), { description: 'How far below a minimum the facility is, in the fact’s unit (percentage points for ratios).' }),
  excess: described(amount.optional(), { description: 'How far above a maximum the facility is, in the fact’s unit.' }),
};

export const FindingSchema = described(
  z.strictObject({
    fact: z.string(),
    operator: z.string(),
    expected: ConditionValueSchema,
    actual: ConditionValueSchema,
    ...shortcoming,
    message: LocalizedTextSchema,
  }),
  { id: 'Finding', description: 'One fact condition of a requirement that the facility does not meet.' },
);

const Position = z.number().int().positive().optional();

const RequirementSourceSchema = described(
  z.strictObject({
    standard: described(z.string(), { description: 'The standard that declared the requirement (differs from `standard` when inherited).' }),
    file: z.string(),
    line: Position,
    document: described(z.string(), { description: 'The source document: its text file in sources/, or the URL of its translation.' }),
    alteredBy: described(
      z
        .array(
          z.strictObject({
            standard: z.string(),
            file: z.string(),
            line: Position,
            reason: z.string(),
            clause: z.string().optional(),
          }),
        )
        .optional(),
      { description: 'Overlays that changed the requirement, oldest first.' },
    ),
  }),
  { id: 'RequirementSource', description: 'Where the requirement comes from: its standard, rule file and line, source document and overlays.' },
);

/** What every requirement result holds, whatever its outcome. */
const resultBase = {
  standard: described(z.string(), { description: '<id>@<version> of the standard evaluated.' }),
  requirement: z.string(),
  clause: z.string(),
  severity: SeveritySchema,
  title: LocalizedTextSchema,
  message: LocalizedTextSchema,
  note: z.string().optional(),
  counted: described(
    z
      .strictObject({
        fact: z.string(),
        from: z.enum(['assessor-count', 'recorded-equipment']),
        items: z.array(z.string()).optional(),
        message: LocalizedTextSchema,
      })
      .optional(),
    { description: 'For a count that can come from more than one place: which count was used, and the kinds counted from recorded equipment.' },
  ),
  source: RequirementSourceSchema,
};

const singleGap = {
  fact: z.string(),
  expected: ConditionValueSchema,
  actual: ConditionValueSchema,
  ...shortcoming,
};
const multipleGap = {
  findings: described(z.array(FindingSchema), { description: 'When several conditions fail: each of them.' }),
  missing: described(codes.optional(), { description: 'The missing codes of all the findings.' }),
};
const unknownDetails = {
  unknownFacts: described(codes, { description: 'The record fields that would decide it.' }),
};
const waiver = described(WaiverEntrySchema, { description: 'The waiver that excuses the facility.' });

const variant = <O extends string, S extends z.core.$ZodLooseShape>(outcome: O, shape: S, id: string, description: string) =>
  described(z.strictObject({ ...resultBase, outcome: z.literal(outcome), ...shape }), { id, description });

export const RequirementResultSchema = described(
  z.union([
    variant('met', {}, 'MetResult', 'A requirement the facility meets.'),
    variant('not-applicable', {}, 'NotApplicableResult', 'A requirement whose condition of applicability is false for the facility.'),
    variant('gap', singleGap, 'SingleGapResult', 'A gap of one failed condition: its fact, expected and actual value, and what is missing or by how much.'),
    variant('gap', multipleGap, 'MultipleGapResult', 'A gap of several failed conditions, each in `findings`.'),
    variant('unknown', unknownDetails, 'UnknownResult', 'A requirement the record does not give the fields to decide.'),
    variant('waived', { ...singleGap, waiver }, 'WaivedGapResult', 'A gap of one condition that a waiver in force excuses.'),
    variant('waived', { ...multipleGap, waiver }, 'WaivedMultipleGapResult', 'A gap of several conditions that a waiver in force excuses.'),
    variant('waived', { ...unknownDetails, waiver }, 'WaivedUnknownResult', 'An unknown that a waiver in force excuses.'),
  ]),
  {
    id: 'RequirementResult',
    description: 'The outcome of one requirement for one facility: the gap item of the public contract, one shape per `outcome`.',
  },
);

const FacilitySchema = z.strictObject({ id: z.string().optional(), name: z.string().optional() });

const countOf = z.number().int().nonnegative();

export const NoticeSchema = described(
  z.strictObject({
    code: z.enum(['type-assumed', 'region-filled', 'region-normalized', 'region-unknown', 'region-unplaced', 'duplicate-id', 'waiver-ambiguous']),
    path: z.string().optional(),
    values: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])).optional(),
    message: LocalizedTextSchema,
  }),
  {
    id: 'Notice',
    description:
      'Something assumed or left open in reading or placing the record (a type taken from the standard, a region name read in full, a region not given): a stable code, the record path, its values and the sentence in both languages.',
  },
);

export const ReportSchema = described(
  z.strictObject({
    standard: z.strictObject({ id: z.string(), version: z.string(), title: LocalizedTextSchema }),
    facility: FacilitySchema,
    outcome: StandardOutcomeSchema,
    applicable: z.union([z.boolean(), z.literal('unknown')]),
    counts: described(
      z.strictObject({ met: countOf, gap: countOf, unknown: countOf, 'not-applicable': countOf, waived: countOf }),
      { description: 'Requirements by outcome, all severities.' },
    ),
    requirements: described(z.array(RequirementResultSchema), { description: 'Every requirement, in the standard’s order.' }),
    notices: z.array(NoticeSchema).optional(),
  }),
  { id: 'Report', description: 'One facility against one standard.' },
);

const LadderLevelSchema = z.strictObject({ standard: z.string(), title: LocalizedTextSchema });

export const LadderAssessmentSchema = described(
  z.strictObject({
    ladder: z.strictObject({ id: z.string(), title: LocalizedTextSchema }),
    facility: FacilitySchema,
    achieved: described(LadderLevelSchema.nullable(), { description: 'The highest level reached, or null when not even the first is.' }),
    next: described(
      z.strictObject({ standard: z.string(), title: LocalizedTextSchema, outcome: StandardOutcomeSchema }).nullable(),
      { description: 'The level above it, or null at the top.' },
    ),
    gapsToNext: z.array(RequirementResultSchema),
    levels: z.array(z.strictObject({ standard: z.string(), title: LocalizedTextSchema, outcome: StandardOutcomeSchema, reached: z.boolean() })),
    reports: z.array(ReportSchema),
  }),
  { id: 'LadderAssessment', description: 'Where a facility stands on a ladder, and what it lacks for the next level.' },
);

const errors = described(z.array(z.string()).optional(), {
  description: 'One sentence per input that could not be evaluated; absent when there are none.',
});

/** A problem found in an input, as data: its stable code, its place, the values it is about, its sentence in both languages. */
export const DiagnosticSchema = described(
  z.strictObject({
    code: z.string(),
    file: z.string().optional(),
    line: z.number().int().optional(),
    column: z.number().int().optional(),
    path: z.string().optional(),
    values: z.record(z.string(), z.unknown()),
    message: z.string(),
    text: LocalizedTextSchema,
  }),
  { id: 'Diagnostic', description: 'A problem found in an input: a stable code, its place (file, line, column, record path), its values, and its sentence in Chinese and English (`message` is the English).' },
);

const diagnostics = described(z.array(DiagnosticSchema).optional(), {
  description: 'The problems behind `errors` that the library found in the inputs, as data; absent when there are none.',
});

/** What `facility-standards check --format json` writes. */
export const ReportOutputSchema = described(z.strictObject({ reports: z.array(ReportSchema), errors, diagnostics }), {
  id: 'ReportOutput',
  description: 'The output of `facility-standards check --format json`: one report per facility and standard.',
});

/** What `facility-standards check --ladder ID --format json` writes. */
export const LadderOutputSchema = described(z.strictObject({ ladders: z.array(LadderAssessmentSchema), errors, diagnostics }), {
  id: 'LadderOutput',
  description: 'The output of `facility-standards check --ladder ID --format json`: one assessment per facility and ladder.',
});

/** Either JSON document the CLI writes. */
export const CheckOutputSchema = z.union([ReportOutputSchema, LadderOutputSchema]);
