// The browser-safe core: no file system, no Node built-ins. `facility-standards/node` adds files.
// This list is the public API; api/*.api.md is its reviewed report (npm run api updates it).
import { RuleFileSchema } from './standard/schema.js';

export { version } from './generated/version.js';

// Errors: each has a stable `code`; input errors carry positioned diagnostics.
export { Diagnostic, DiagnosticError, FacilityTypeError, RecordError, RuleFileError, UnknownIdError } from './diagnostic.js';
export type { ErrorCode } from './diagnostic.js';
export { catalogue as diagnosticMessages, type DiagnosticCode, type DiagnosticEntry, type DiagnosticValues, type Message } from './diagnostics/messages.js';
export type { Notice, NoticeCode } from './notice.js';
export type { Lang, LocalizedText } from './text.js';

// Facility records.
export { FacilityRecord as FacilityRecordSchema } from './record/schema.js';
export type { FacilityRecord, FacilityRecordInput } from './record/schema.js';
export { parseRecord, parseRecordsText, type ParseRecordOptions } from './record/parse.js';
export { checkRecord } from './record/check.js';
export type { YamlSource } from './yaml-source.js';
export { facts, type FactDefinition, type FactType, type FactValue, type Unit } from './record/facts.js';
export * as vocabulary from './record/vocabulary.js';
export type { CatalogName, FacilityType, Term, VocabularyName } from './record/vocabulary.js';
// The two the names above are derived from, also in `vocabulary`.
export { facilityTypes, vocabularies } from './record/vocabulary.js';

// Standards, ladders, programmes: loading and the bundled ones.
export { RuleFileSchema };
/** @deprecated Renamed `RuleFileSchema`: "Standard Schema" is the name of a validation-library interface spec. */
export const StandardSchema = RuleFileSchema;
export { loadRules, loadStandard, loadStandards, type LoadOptions, type RuleFileText, type RuleSet } from './standard/load.js';
export {
  bundledEntitlements,
  bundledLadder,
  bundledLadders,
  bundledProgram,
  bundledPrograms,
  bundledStandard,
  bundledStandards,
  bundledStandardsFor,
  selectStandards,
  type StandardSelection,
} from './standard/registry.js';
export {
  bundledLadderIds,
  bundledProgramIds,
  bundledStandardIds,
  isBundledLadderId,
  isBundledProgramId,
  isBundledStandardId,
  type BundledLadderId,
  type BundledProgramId,
  type BundledStandardId,
} from './standard/ids.js';
export { LadderSchema, type Ladder, type LadderLevel } from './standard/ladder.js';
export type {
  Alteration,
  Applicability,
  Condition,
  Evidence,
  FactCondition,
  Parameter,
  Provenance,
  Removal,
  Requirement,
  Severity,
  SourceDocument,
  Standard,
  StandardRegion,
} from './standard/types.js';
export { operators, type OperatorDefinition } from './evaluate/operators.js';
export { factsUsedBy } from './evaluate/compile.js';
export type { ConditionInput } from './standard/schema.js';
export type { Truth } from './evaluate/gap.js';
export { evaluationPath } from './evaluate/evaluate.js';
export type { EvaluationPath } from './evaluate/compile.js';

// Evaluation and its results.
export {
  evaluate,
  evaluateAll,
  evaluateRecord,
  evaluateRecordSync,
  evaluateSync,
  type EvaluateAllOptions,
  type EvaluateOptions,
} from './evaluate/evaluate.js';
export type {
  Absent,
  ConditionValue,
  DetailKey,
  Finding,
  GapDetails,
  GapResult,
  MetResult,
  MultipleGapDetails,
  NotApplicableResult,
  Outcome,
  OutcomeCounts,
  Report,
  RequirementResult,
  RequirementResultBase,
  RequirementSource,
  Shortcoming,
  SingleGapDetails,
  StandardOutcome,
  UnknownDetails,
  UnknownResult,
  WaivedResult,
} from './evaluate/result.js';
export { assessLadder, assessLadderRecord, type LadderAssessment, type LadderOptions, type LevelResult } from './evaluate/ladder.js';

// Waivers and programmes over many facilities.
export { WaiverSchema, WaiverFileSchema, type Waiver } from './waiver/schema.js';
export { applyWaivers } from './waiver/apply.js';
export { ProgramSchema } from './program/schema.js';
export type { Achievement, Bound, FacilityTarget, Program, StaffShareTarget, Target, TargetBase } from './program/types.js';
export {
  measureProgram,
  type AreaProgress,
  type ContributingFacility,
  type Contribution,
  type FacilityRef,
  type ProgramProgress,
  type TargetProgress,
} from './program/measure.js';
export {
  batchSubsidies,
  entitlementsOf,
  entitlementText,
  EntitlementScheduleSchema,
  formatYuan,
  payers,
  subsidyTotalsText,
  type Entitlement,
  type EntitlementItem,
  type EntitlementSchedule,
  type EntitlementStatus,
  type FacilityEntitlements,
  type Payer,
  type SubsidyTotals,
} from './portfolio/entitlements.js';
// What a batch comes to (runBatch in ./node builds it; the renderers below take it).
export type {
  AreaTally,
  BatchFindings,
  Portfolio,
  PortfolioFacility,
  PortfolioOptions,
  RowError,
  StandardTally,
  WaiverUse,
} from './batch/portfolio.js';
export type { BatchFacility, BatchReport, FacilityCounts, NoticeTally, OutputRow, RowProblem, Tally } from './batch/rows.js';
export type { SummaryRow } from './batch/summary-rows.js';
export type { DuplicateId } from './batch/duplicates.js';

// Renderers.
export { outcomeWords, renderLadderText, renderText, type TextOptions } from './report/text.js';
export { renderJson, renderLadderJson } from './report/json.js';
export { renderPortfolioMarkdown } from './report/markdown.js';
export { renderPortfolioHtml } from './report/html.js';
export type { PortfolioRenderOptions } from './report/portfolio-words.js';

// Published schemas: JSON Schema of each document, and the report contract in zod.
export { jsonSchema, schemaKinds, type JsonSchema, type SchemaKind } from './json-schema.js';
export {
  CheckOutputSchema,
  FindingSchema,
  LadderAssessmentSchema,
  LadderOutputSchema,
  ReportOutputSchema,
  ReportSchema,
  RequirementResultSchema,
} from './report/schema.js';
export type { CountBasis } from './record/facts.js';
export { listSources, type ListSource } from './record/vocabulary.js';
export type { CountedBy } from './evaluate/result.js';
