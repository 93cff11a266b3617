import type { OutcomeCounts, Report, RequirementResult } from '../evaluate/result.js';
import type { LocalizedText } from '../text.js';
import type { Waiver } from './schema.js';

/** Whether a waiver is in force on a day (YYYY-MM-DD): up to and including its expiry date. */
export const inForce = (waiver: Waiver, asOf: string): boolean => asOf <= waiver.expires;

/** Whether a waiver names this requirement of this facility's report. */
export function covers(waiver: Waiver, report: Report, requirement: RequirementResult): boolean {
  if (waiver.facility !== report.facility.id || waiver.requirement !== requirement.requirement) return false;
  if (waiver.standard === undefined) return true;
  return waiver.standard === report.standard.id || waiver.standard === requirement.source.standard;
}

/**
 * The report with the gaps and unknowns that waivers in force cover turned `waived`, each
 * carrying its waiver, and the outcome recomputed: a waived requirement does not stand in the
 * way of meeting the standard. Met requirements stay met. Returns the report itself when no
 * waiver applies.
 */
export function applyWaivers(report: Report, waivers: readonly Waiver[], asOf: string): Report {
  if (report.outcome === 'not-applicable' || report.facility.id === undefined) return report;
  const mine = (byFacility(waivers).get(report.facility.id) ?? []).filter((w) => inForce(w, asOf));
  if (mine.length === 0) return report;
  // Counted from the report's counts, not its list: a batch's report lists only what is open.
  const counts: OutcomeCounts = { ...report.counts };
  const requirements = report.requirements.map((requirement) => {
    if (requirement.outcome !== 'gap' && requirement.outcome !== 'unknown') return requirement;
    const waiver = mine.find((w) => covers(w, report, requirement));
    if (!waiver) return requirement;
    counts[requirement.outcome]--;
    counts.waived++;
    return { ...requirement, outcome: 'waived' as const, waiver, message: waivedMessage(requirement.message, waiver) };
  });
  if (counts.waived === report.counts.waived) return report;
  const required = requirements.filter((r) => r.severity === 'required');
  const outcome = required.some((r) => r.outcome === 'gap')
    ? 'gap'
    : report.applicable === 'unknown' || required.some((r) => r.outcome === 'unknown')
      ? 'unknown'
      : 'met';
  return { ...report, outcome, counts, requirements };
}

const indexes = new WeakMap<readonly Waiver[], ReadonlyMap<string, readonly Waiver[]>>();

/** A list's waivers by facility, indexed once: a batch looks up each report's, not scans them all. */
function byFacility(waivers: readonly Waiver[]): ReadonlyMap<string, readonly Waiver[]> {
  let index = indexes.get(waivers);
  if (!index) {
    const built = new Map<string, Waiver[]>();
    for (const waiver of waivers) {
      const list = built.get(waiver.facility);
      if (list) list.push(waiver);
      else built.set(waiver.facility, [waiver]);
    }
    indexes.set(waivers, (index = built));
  }
  return index;
}

function waivedMessage(finding: LocalizedText, waiver: Waiver): LocalizedText {
  return {
    zh: `已豁免（${waiver.justification}；批准：${waiver.approver}；有效期至${waiver.expires}）：${finding.zh}`,
    en: `waived (${waiver.justification}; approved by ${waiver.approver}; until ${waiver.expires}): ${finding.en}`,
  };
}
