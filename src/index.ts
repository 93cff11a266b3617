// The browser-safe core: no file system, no Node built-ins. `facility-standards/node` adds files.
export { Diagnostic, DiagnosticError, FacilityTypeError, RecordError, RuleFileError, UnknownIdError } from './diagnostic.js';
export type { Notice, NoticeCode } from './notice.js';
export type { Lang, LocalizedText } from './text.js';

export { FacilityRecord } from './record/schema.js';
export type { FacilityRecordInput } from './record/schema.js';
export { parseRecord, parseRecordsText, type ParseRecordOptions } from './record/parse.js';
export { facts, readFacts, type FactDefinition, type FactType, type FactValue } from './record/facts.js';
export * as vocabulary from './record/vocabulary.js';
export type { FacilityType, Term } from './record/vocabulary.js';

export { StandardSchema } from './standard/schema.js';
export { loadStandard, loadStandards, type LoadOptions, type RuleFileText } from './standard/load.js';
export { loadRules, type RuleSet } from './standard/load.js';
export {
  bundledLadder,
  bundledLadders,
  bundledPrograms,
  bundledStandard,
  bundledStandards,
  bundledStandardsFor,
  selectStandards,
  standardsFor,
  type StandardSelection,
} from './standard/registry.js';
export { LadderSchema, type Ladder, type LadderLevel } from './standard/ladder.js';
export type {
  Alteration,
  Applicability,
  Condition,
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
export { evaluate, evaluateAll, evaluateRecord, evaluateRecordSync, evaluateSync, evaluationPath, type EvaluateOptions } from './evaluate/evaluate.js';
export { compileCondition, compileStandard, type CompiledCondition, type CompiledStandard, type EvaluationPath } from './evaluate/compile.js';
export type { Finding, Outcome, OutcomeCounts, Report, RequirementResult, StandardOutcome } from './evaluate/result.js';

export { WaiverSchema, WaiverFileSchema, type Waiver } from './waiver/schema.js';
export { applyWaivers, covers, inForce } from './waiver/apply.js';
export { ProgramSchema } from './program/schema.js';
export type { Achievement, Bound, FacilityTarget, Program, StaffShareTarget, Target } from './program/types.js';
export {
  contributions,
  measureProgram,
  requiredOf,
  type AreaProgress,
  type Contribution,
  type ContributingFacility,
  type FacilityRef,
  type ProgramProgress,
  type TargetProgress,
} from './program/measure.js';
export { evaluateRows, type BatchFacility, type FacilityCounts, type RowContext } from './batch/rows.js';
export {
  portfolioBuilder,
  type AreaTally,
  type Portfolio,
  type PortfolioFacility,
  type PortfolioOptions,
  type RowError,
  type StandardTally,
  type WaiverUse,
} from './batch/portfolio.js';
export { assessLadder, assessLadderRecord, type LadderAssessment, type LadderOptions, type LevelResult } from './evaluate/ladder.js';

export { outcomeWords, renderLadderText, renderText, type TextOptions } from './report/text.js';
export { renderJson, renderLadderJson } from './report/json.js';
export { renderPortfolioMarkdown } from './report/markdown.js';
export { renderPortfolioHtml } from './report/html.js';
export type { PortfolioRenderOptions } from './report/portfolio-words.js';

export { factsUsedBy } from './evaluate/compile.js';
export {
  jsonSchema,
  ladderJsonSchema,
  programJsonSchema,
  recordJsonSchema,
  reportJsonSchema,
  ruleFileJsonSchema,
  schemaKinds,
  type JsonSchema,
  type SchemaKind,
} from './json-schema.js';
export {
  CheckOutputSchema,
  FindingSchema,
  LadderAssessmentSchema,
  LadderOutputSchema,
  ReportOutputSchema,
  ReportSchema,
  RequirementResultSchema,
} from './report/schema.js';
