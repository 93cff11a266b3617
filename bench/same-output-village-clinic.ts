import { facts, type FacilityRecord, type Report, type RequirementResult, type Standard } from '../src/index.js';
import { findingMessage, gapMessage, metMessage, unknownMessage } from '../src/report/messages.js';
import { countedBy } from '../src/evaluate/counted.js';

/**
 * changzhi/village-clinic checked by hand, building the very report the library builds — same
 * objects, same keys in the same order, same messages (the library's message functions), asserted
 * deep-equal to the library's in the bench: the practical limit for the same output.
 */
type Truth = boolean | 'unknown';
type Details = Partial<Pick<RequirementResult, 'fact' | 'expected' | 'actual' | 'missing' | 'shortfall' | 'findings' | 'unknownFacts'>>;
type Finding = NonNullable<RequirementResult['findings']>[number];

const fact = (name: string) => facts.get(name)!;
const significant = (n: number) => (Number.isFinite(n) ? Number(n.toPrecision(12)) : n);
const round = (n: number) => Math.round(n * 1e9) / 1e9;

export function sameOutputChecker(standard: Standard): (record: FacilityRecord) => Report {
  const shapes = standard.requirements.map(({ id, clause, severity, title, note, provenance }) => ({
    standard: `${standard.id}@${standard.version}`,
    requirement: id,
    clause,
    severity,
    title,
    note,
    source: {
      standard: provenance.standard,
      file: provenance.file,
      line: provenance.line,
      document: provenance.document.file ?? provenance.document.url ?? provenance.document.title,
    },
  }));
  const param = (name: string) => standard.parameters[name]!.value as number;
  const [minArea, minKinds, minDrugs, minTcm] = ['minBuildingArea', 'minEquipmentKinds', 'minDrugVarieties', 'minTcmTechniques'].map(param) as [number, number, number, number];

  const result = (i: number, outcome: RequirementResult['outcome'], message: RequirementResult['message'], details?: Details): RequirementResult => {
    const s = shapes[i]!;
    if (!details && s.note === undefined) {
      return { standard: s.standard, requirement: s.requirement, clause: s.clause, severity: s.severity, outcome, title: s.title, message, source: s.source } as RequirementResult;
    }
    return {
      standard: s.standard,
      requirement: s.requirement,
      clause: s.clause,
      severity: s.severity,
      outcome,
      title: s.title,
      ...details,
      message,
      ...(s.note !== undefined && { note: s.note }),
      source: s.source,
    } as RequirementResult;
  };
  const met = (i: number) => result(i, 'met', metMessage);
  const unknown = (i: number, fields: string[]) => result(i, 'unknown', unknownMessage(fields), { unknownFacts: fields });
  const gap = (i: number, f: Finding) => {
    const { operator: _o, message, ...only } = f;
    return result(i, 'gap', gapMessage([message]), only);
  };
  const equalFinding = (name: string, expected: unknown, actual: unknown): Finding => {
    const def = fact(name);
    const missing = def.type === 'boolean' && expected === true ? { missing: [name] } : {};
    return { fact: name, operator: 'equal', expected, actual, ...missing, message: findingMessage({ fact: def, operator: 'equal', expected: expected as never, actual: actual as never, ...missing }) } as Finding;
  };
  const equal = (i: number, name: string, actual: unknown, expected: unknown) =>
    actual === undefined ? unknown(i, [name]) : actual === expected ? met(i) : gap(i, equalFinding(name, expected, actual));
  const atLeast = (i: number, name: string, actual: number | undefined, min: number) => {
    if (actual === undefined) return unknown(i, [name]);
    if (actual >= min) return met(i);
    const shortfall = round(min - actual);
    return gap(i, { fact: name, operator: 'greaterThanInclusive', expected: min, actual, shortfall, message: findingMessage({ fact: fact(name), operator: 'greaterThanInclusive', expected: min, actual, shortfall }) });
  };
  const includesAll = (i: number, name: string, have: readonly string[] | undefined, need: readonly string[]) => {
    if (have === undefined) return unknown(i, [name]);
    const missing = need.filter((code) => !have.includes(code));
    if (missing.length === 0) return met(i);
    return gap(i, { fact: name, operator: 'includesAll', expected: need, actual: have, missing, message: findingMessage({ fact: fact(name), operator: 'includesAll', expected: need, actual: have, missing }) });
  };
  const fourRooms = ['diagnosis-room', 'treatment-room', 'pharmacy', 'public-health-room'];
  const systems = ['public-health-information', 'medical-insurance-payment'];
  const disclosures = ['practice-license', 'staff-qualifications', 'drug-list-prices'];

  return (r) => {
    const u = r.utilities;
    const standardName = r.region?.township !== undefined && r.region.village !== undefined ? `${r.region.township}${r.region.village}卫生室` : undefined;
    const requirements = [
      equal(0, 'premises.ownership', r.premises?.ownership, 'collective'),
      atLeast(1, 'premises.buildingArea', r.premises?.buildingArea === undefined ? undefined : significant(r.premises.buildingArea), minArea),
      includesAll(2, 'rooms', r.rooms, fourRooms),
      equal(3, 'roomsPartitioned', r.roomsPartitioned, true),
      equal(4, 'privacyProtection', r.privacyProtection, true),
      utilities(5, [['utilities.water', u?.water], ['utilities.electricity', u?.electricity], ['utilities.heating', u?.heating]]),
      equal(6, 'utilities.cooling', u?.cooling, true),
      r.rooms === undefined
        ? unknown(7, ['rooms'])
        : r.rooms.includes('living-area')
          ? met(7)
          : gap(7, { fact: 'rooms', operator: 'contains', expected: 'living-area', actual: r.rooms, missing: ['living-area'], message: findingMessage({ fact: fact('rooms'), operator: 'contains', expected: 'living-area', actual: r.rooms, missing: ['living-area'] }) }),
      equipment(8, r),
      atLeast(9, 'drugs.varieties', r.drugs?.varieties, minDrugs),
      includesAll(10, 'systems', r.systems, systems),
      r.name === undefined || standardName === undefined
        ? unknown(11, [...(r.name === undefined ? ['name'] : []), ...(standardName === undefined ? ['region.township', 'region.village'].filter((p) => (p === 'region.township' ? r.region?.township : r.region?.village) === undefined) : [])])
        : r.name === standardName
          ? met(11)
          : gap(11, { fact: 'name', operator: 'equal', expected: standardName, actual: r.name, message: findingMessage({ fact: fact('name'), valueFact: fact('standardVillageClinicName'), operator: 'equal', expected: standardName, actual: r.name }) }),
      equal(12, 'signage.greenSign', r.signage?.greenSign, true),
      equal(13, 'signage.doctorWhereaboutsBoard', r.signage?.doctorWhereaboutsBoard, true),
      atLeast(14, 'services.tcmTechniques', r.services?.tcmTechniques, minTcm),
      equal(15, 'services.tcmHealthManagement', r.services?.tcmHealthManagement, true),
      includesAll(16, 'disclosures', r.disclosures, disclosures),
    ];
    const counts = { met: 0, gap: 0, unknown: 0, 'not-applicable': 0, waived: 0 };
    let requiredGap = false;
    let requiredUnknown = false;
    for (const item of requirements) {
      counts[item.outcome]++;
      if (item.severity === 'required') {
        requiredGap ||= item.outcome === 'gap';
        requiredUnknown ||= item.outcome === 'unknown';
      }
    }
    return {
      standard: { id: standard.id, version: standard.version, title: standard.title },
      facility: { ...(r.id !== undefined && { id: r.id }), ...(r.name !== undefined && { name: r.name }) },
      outcome: requiredGap ? 'gap' : requiredUnknown ? 'unknown' : 'met',
      applicable: true,
      counts,
      requirements,
    };
  };

  /** water, electricity and heating all in place: an `all` of three boolean conditions. */
  function utilities(i: number, flags: [string, boolean | undefined][]): RequirementResult {
    const failed = flags.filter(([, v]) => v === false);
    if (failed.length === 0) {
      const open = flags.filter(([, v]) => v === undefined).map(([name]) => name);
      return open.length ? unknown(i, open) : met(i);
    }
    const findings = failed.map(([name, v]) => equalFinding(name, true, v));
    if (findings.length === 1) return gap(i, findings[0]!);
    const missing = [...new Set(findings.flatMap((f) => f.missing ?? []))];
    return result(i, 'gap', gapMessage(findings.map((f) => f.message)), { missing, findings });
  }

  /**
   * At least 22 kinds: the assessor's count against the county's list, or else the catalogue
   * kinds among the recorded equipment; the result says which it counted (the named list is
   * empty here, which holds whatever the record gives).
   */
  function equipment(i: number, r: FacilityRecord): RequirementResult {
    const kinds = facts.get('villageEquipmentKinds')!;
    const counted = countedBy(kinds, r);
    const actual = kinds.read(r) as number | undefined;
    if (actual === undefined || counted === undefined) return unknown(i, ['equipmentKinds.villageBasic', 'equipment']);
    const saying = (text: Report['requirements'][number]['message']) => ({ zh: `${text.zh}（${counted.message.zh}）`, en: `${text.en} (${counted.message.en})` });
    if (actual >= minKinds) return { ...result(i, 'met', saying(metMessage)), counted } as RequirementResult;
    const shortfall = round(minKinds - actual);
    const name = 'villageEquipmentKinds';
    const finding = { fact: name, operator: 'greaterThanInclusive', expected: minKinds, actual, shortfall, message: findingMessage({ fact: fact(name), operator: 'greaterThanInclusive', expected: minKinds, actual, shortfall }) };
    const { operator: _operator, message: _message, ...only } = finding;
    return { ...result(i, 'gap', saying(gapMessage([finding.message])), only as never), counted } as RequirementResult;
  }

}
