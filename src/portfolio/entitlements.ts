import * as z from 'zod';
import { message, type Message } from '../diagnostics/messages.js';
import { Diagnostic, formatPath } from '../diagnostic.js';
import { compileCondition } from '../evaluate/compile.js';
import type { Truth } from '../evaluate/gap.js';
import type { Report } from '../evaluate/result.js';
import { readFacts } from '../record/facts.js';
import type { FacilityRecord } from '../record/schema.js';
import { codesOf, type FacilityType } from '../record/vocabulary.js';
import { ConditionSchema, LocalizedTextSchema, SourceDocumentSchema, type ConditionInput } from '../standard/schema.js';
import type { Condition, SourceDocument, Standard, StandardRegion } from '../standard/types.js';
import type { Lang, LocalizedText } from '../text.js';
import type { YamlSource } from '../yaml-source.js';

/**
 * What a facility's level earns: the policies it is granted (drug management, fee schedule,
 * financial approval authority) and the one-off subsidies due, each with who pays, declared in
 * `rules/entitlements/` beside the standards and ladders, clause and quote for each.
 */

const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Who pays a subsidy: 市级 (the city) or 县级 (the county). */
export type Payer = 'city' | 'county';

export const payers: Readonly<Record<Payer, LocalizedText>> = Object.freeze({
  city: { zh: '市级', en: 'city' },
  county: { zh: '县级', en: 'county' },
});

/** Up to how many entitlements a schedule declares. */
export const maxEntitlements = 200;

const EntitlementSchema = z
  .strictObject({
    id: z.string().regex(kebab, 'an entitlement id is kebab-case, e.g. five-star-tcm-hall'),
    /** `grant`: a policy the facility may apply; `subsidy`: money paid once. */
    kind: z.enum(['grant', 'subsidy']),
    payer: z.enum(['city', 'county']).optional(),
    clause: z.string().min(1),
    quote: z.string().min(1),
    title: LocalizedTextSchema,
    facilityType: z.enum(codesOf('facilityTypes')),
    /** The facility must meet this standard. */
    standard: z.string().min(1).optional(),
    /** And this must hold for it. */
    condition: ConditionSchema.optional(),
    /** 元: the subsidy paid, or the approval authority granted. */
    amount: z.number().int().positive().optional(),
    /** Subsidies of one group are not paid together: the highest due is paid (不重复奖补). */
    group: z.string().regex(kebab).optional(),
    note: z.string().optional(),
  })
  .superRefine((e, ctx) => {
    if (e.standard === undefined && e.condition === undefined) {
      ctx.addIssue({ code: 'custom', message: 'an entitlement names what earns it: `standard` (the facility meets it), `condition`, or both' });
    }
    if (e.kind === 'subsidy' && (e.payer === undefined || e.amount === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'a subsidy says who pays (`payer`: city or county) and how much (`amount`, in yuan)' });
    }
    if (e.kind === 'grant' && e.payer !== undefined) ctx.addIssue({ code: 'custom', path: ['payer'], message: 'a grant is not paid: no `payer`' });
  });

export const EntitlementScheduleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'an id is <issuer>/<name>, e.g. changzhi/2028-entitlements'),
  title: LocalizedTextSchema,
  region: z.strictObject({ province: z.string().min(1), city: z.string().min(1).optional(), county: z.string().min(1).optional() }),
  source: SourceDocumentSchema.required({ file: true }),
  note: z.string().optional(),
  groups: z
    .array(z.strictObject({ id: z.string().regex(kebab), clause: z.string().min(1), quote: z.string().min(1), note: z.string().optional() }))
    .optional(),
  entitlements: z.array(EntitlementSchema).min(1).max(maxEntitlements),
});

export type EntitlementScheduleFile = z.infer<typeof EntitlementScheduleSchema>;

export interface Entitlement {
  readonly id: string;
  readonly kind: 'grant' | 'subsidy';
  readonly payer?: Payer;
  readonly clause: string;
  readonly quote: string;
  readonly title: LocalizedText;
  readonly facilityType: FacilityType;
  readonly standard?: string;
  readonly condition?: Condition;
  readonly amount?: number;
  readonly group?: string;
  readonly note?: string;
  readonly line: number | undefined;
}

export interface EntitlementSchedule {
  readonly id: string;
  readonly title: LocalizedText;
  readonly region: StandardRegion;
  readonly source: SourceDocument;
  readonly note?: string;
  readonly groups: readonly { readonly id: string; readonly clause: string; readonly quote: string; readonly note?: string }[];
  readonly entitlements: readonly Entitlement[];
  readonly file: string;
}

export interface EntitlementContext {
  standard(id: string): Standard | undefined;
  checkCondition(condition: ConditionInput, path: readonly PropertyKey[], report: (path: readonly PropertyKey[], text: Message) => void): Condition;
}

/** Checks a schedule's standards, conditions and groups; returns the problems found. */
export function buildEntitlementSchedule(
  source: YamlSource,
  data: EntitlementScheduleFile,
  context: EntitlementContext,
): { schedule?: EntitlementSchedule; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const report = (path: readonly PropertyKey[], text: Message) =>
    diagnostics.push(new Diagnostic(text, { file: source.file, ...source.locate(path), path: formatPath(path) }));
  const groups = new Set((data.groups ?? []).map((g) => g.id));
  const seen = new Set<string>();
  const entitlements = data.entitlements.map((e, i): Entitlement => {
    const at = (...rest: PropertyKey[]) => ['entitlements', i, ...rest];
    if (seen.has(e.id)) report(at('id'), message('entitlement.repeated', { id: e.id }));
    seen.add(e.id);
    if (e.standard !== undefined) {
      const standard = context.standard(e.standard);
      if (!standard) report(at('standard'), message('program.unknown-standard', { id: e.standard }));
      else if (standard.facilityType !== e.facilityType) report(at('standard'), message('ladder.type-differs', { id: e.standard, type: standard.facilityType, expected: e.facilityType }));
    }
    if (e.group !== undefined && !groups.has(e.group)) report(at('group'), message('entitlement.unknown-group', { group: e.group }));
    const { condition, ...rest } = e;
    return {
      ...rest,
      ...(condition !== undefined && { condition: context.checkCondition(condition, at('condition'), report) }),
      line: source.locate(at())?.line,
    } as Entitlement;
  });
  if (diagnostics.length > 0) return { diagnostics };
  return {
    diagnostics,
    schedule: {
      id: data.id,
      title: data.title,
      region: data.region,
      source: data.source,
      ...(data.note !== undefined && { note: data.note }),
      groups: data.groups ?? [],
      entitlements,
      file: source.file,
    },
  };
}

// ------------------------------------------------------------------ one facility

/**
 * `due`: earned; `not-due`: not earned; `unknown`: the record does not settle it (a standard
 * unknown, a field absent); `superseded`: earned, but a higher subsidy of its group is paid instead.
 */
export type EntitlementStatus = 'due' | 'not-due' | 'unknown' | 'superseded';

export interface EntitlementItem {
  readonly entitlement: string;
  readonly kind: 'grant' | 'subsidy';
  readonly status: EntitlementStatus;
  readonly title: LocalizedText;
  readonly clause: string;
  readonly quote: string;
  readonly payer?: Payer;
  readonly amount?: number;
  readonly group?: string;
  /** Why it is unknown or superseded. */
  readonly reason?: LocalizedText;
}

export interface FacilityEntitlements {
  readonly schedule: string;
  readonly facility: { readonly id?: string; readonly name?: string };
  /** Every entitlement for the facility's type, in the schedule's order. */
  readonly items: readonly EntitlementItem[];
  /** Subsidies due, by payer, in yuan; `unknown` counts the subsidies not settled. */
  readonly subsidies: SubsidyTotals;
}

export interface SubsidyTotals {
  readonly byPayer: Readonly<Record<Payer, number>>;
  readonly total: number;
  readonly unknown: number;
}

/** Whether the facility is known to be where the schedule is in force. */
function inRegion(schedule: EntitlementSchedule, record: FacilityRecord): boolean {
  return (['province', 'city', 'county'] as const).every((k) => schedule.region[k] === undefined || schedule.region[k] === record.region?.[k]);
}

const compiled = new WeakMap<Condition, ReturnType<typeof compileCondition>>();

function holds(condition: Condition, record: FacilityRecord): Truth {
  let c = compiled.get(condition);
  if (!c) compiled.set(condition, (c = compileCondition(condition)));
  return c.truth(readFacts(record));
}

const and = (a: Truth, b: Truth): Truth => (a === false || b === false ? false : a === 'unknown' || b === 'unknown' ? 'unknown' : true);

/**
 * What a facility's level grants and the subsidies due to it under a schedule. `reportFor` gives
 * its report against a standard (evaluated for the batch already, or on demand). A facility of
 * another type, or not known to be in the schedule's region, gets no items.
 */
export function entitlementsOf(schedule: EntitlementSchedule, record: FacilityRecord, reportFor: (standard: string) => Report): FacilityEntitlements {
  const facility = { ...(record.id !== undefined && { id: record.id }), ...(record.name !== undefined && { name: record.name }) };
  const applies = record.type !== undefined && inRegion(schedule, record);
  const decided = applies
    ? schedule.entitlements
        .filter((e) => e.facilityType === record.type)
        .map((e) => {
          let truth: Truth = true;
          if (e.standard !== undefined) {
            const outcome = reportFor(e.standard).outcome;
            truth = outcome === 'met' ? true : outcome === 'unknown' ? 'unknown' : false;
          }
          if (e.condition !== undefined && truth !== false) truth = and(truth, holds(e.condition, record));
          return { e, truth };
        })
    : [];
  const items = decided.map(({ e, truth }) => item(e, truth === true ? 'due' : truth === false ? 'not-due' : 'unknown'));
  const resolved = resolveGroups(items);
  return { schedule: schedule.id, facility, items: resolved, subsidies: totals([resolved]) };
}

function item(e: Entitlement, status: EntitlementStatus, reason?: LocalizedText): EntitlementItem {
  return {
    entitlement: e.id,
    kind: e.kind,
    status,
    title: e.title,
    clause: e.clause,
    quote: e.quote,
    ...(e.payer !== undefined && { payer: e.payer }),
    ...(e.amount !== undefined && { amount: e.amount }),
    ...(e.group !== undefined && { group: e.group }),
    ...(reason && { reason }),
  };
}

/**
 * 不重复奖补: of a group's subsidies, only the highest due is paid; the others due are
 * superseded. While a higher one is unknown, the lower one due is unknown too: what is paid
 * depends on it.
 */
function resolveGroups(items: readonly EntitlementItem[]): EntitlementItem[] {
  const best = new Map<string, number>();
  const highestUnknown = new Map<string, number>();
  for (const i of items) {
    if (i.group === undefined) continue;
    const table = i.status === 'due' ? best : i.status === 'unknown' ? highestUnknown : undefined;
    if (table) table.set(i.group, Math.max(table.get(i.group) ?? 0, i.amount ?? 0));
  }
  const paid = new Set<string>();
  return items.map((i) => {
    if (i.group === undefined || i.status !== 'due') return i;
    const top = best.get(i.group)!;
    if ((highestUnknown.get(i.group) ?? 0) > (i.amount ?? 0)) {
      return { ...i, status: 'unknown', reason: words.higherUnknown };
    }
    if ((i.amount ?? 0) < top || paid.has(i.group)) return { ...i, status: 'superseded', reason: words.superseded };
    paid.add(i.group);
    return i;
  });
}

/** Subsidies due over many facilities, by payer. */
export function totals(facilities: Iterable<readonly EntitlementItem[]>): SubsidyTotals {
  const byPayer: Record<Payer, number> = { city: 0, county: 0 };
  let unknown = 0;
  for (const items of facilities) {
    for (const i of items) {
      if (i.kind !== 'subsidy') continue;
      if (i.status === 'due') byPayer[i.payer!] += i.amount!;
      else if (i.status === 'unknown') unknown++;
    }
  }
  return { byPayer, total: byPayer.city + byPayer.county, unknown };
}

/** A batch's subsidies due, by payer: the sum over its facilities. */
export function batchSubsidies(facilities: readonly FacilityEntitlements[]): SubsidyTotals {
  return totals(facilities.map((f) => f.items));
}

// ------------------------------------------------------------------ words

const words = {
  superseded: { zh: '符合两项奖补条件，按较高项执行，不重复奖补', en: 'a higher award of the same group is paid instead (not both)' },
  higherUnknown: {
    zh: '同组较高一项的条件尚无法判断，应付金额待定',
    en: 'whether a higher award of the same group is due cannot be decided yet, so the amount is not settled',
  },
} as const satisfies Record<string, LocalizedText>;

const statusWords: Readonly<Record<EntitlementStatus, LocalizedText>> = {
  due: { zh: '应享', en: 'due' },
  'not-due': { zh: '不符合', en: 'not due' },
  unknown: { zh: '无法判断', en: 'cannot be decided' },
  superseded: { zh: '不重复奖补', en: 'not paid twice' },
};

/** Yuan as people read them: 3万元, 30,000 yuan. */
export function formatYuan(amount: number, lang: Lang): string {
  if (lang === 'zh') return amount !== 0 && amount % 10000 === 0 ? `${amount / 10000}万元` : `${amount}元`;
  return `${amount.toLocaleString('en-US')} yuan`;
}

/** One entitlement for a facility in a sentence: what, its status, who pays, the clause. */
export function entitlementText(i: EntitlementItem, lang: Lang): string {
  const zh = lang === 'zh';
  const money = i.kind === 'subsidy' && i.amount !== undefined ? (zh ? `，${payers[i.payer!].zh}${formatYuan(i.amount, lang)}` : `, ${formatYuan(i.amount, lang)} paid by the ${payers[i.payer!].en}`) : '';
  const reason = i.reason ? (zh ? `（${i.reason.zh}）` : ` (${i.reason.en})`) : '';
  return zh
    ? `${i.title.zh}：${statusWords[i.status].zh}${money}${reason}〔${i.clause}〕`
    : `${i.title.en}: ${statusWords[i.status].en}${money}${reason} [${i.clause}]`;
}

/** Subsidies due, by payer, in a sentence. */
export function subsidyTotalsText(t: SubsidyTotals, lang: Lang): string {
  const zh = lang === 'zh';
  const unknown = t.unknown > 0 ? (zh ? `；另有${t.unknown}项无法判断` : `; ${t.unknown} more cannot be decided`) : '';
  return zh
    ? `应付奖补合计${formatYuan(t.total, lang)}（市级${formatYuan(t.byPayer.city, lang)}，县级${formatYuan(t.byPayer.county, lang)}）${unknown}`
    : `subsidies due ${formatYuan(t.total, lang)} (city ${formatYuan(t.byPayer.city, lang)}, county ${formatYuan(t.byPayer.county, lang)})${unknown}`;
}
