import { vocabulary, type FacilityRecord } from '../src/index.js';

/**
 * changzhi/village-clinic checked by hand, as fast as plain code goes: the practical limit the
 * compiled evaluator is measured against. Same outcomes and gap figures, no messages.
 */
type Outcome = 'met' | 'gap' | 'unknown';
interface Result {
  requirement: string;
  outcome: Outcome;
  missing?: string[];
  shortfall?: number;
}

const fourRooms = ['diagnosis-room', 'treatment-room', 'pharmacy', 'public-health-room'];
const systems = ['public-health-information', 'medical-insurance-payment'];
const disclosures = ['practice-license', 'staff-qualifications', 'drug-list-prices'];
const catalogue = vocabulary.catalog('village-clinic-basic');

const flag = (requirement: string, value: boolean | undefined): Result =>
  value === undefined ? { requirement, outcome: 'unknown' } : { requirement, outcome: value ? 'met' : 'gap' };
const atLeast = (requirement: string, value: number | undefined, min: number): Result =>
  value === undefined
    ? { requirement, outcome: 'unknown' }
    : value >= min
      ? { requirement, outcome: 'met' }
      : { requirement, outcome: 'gap', shortfall: min - value };
const includes = (requirement: string, have: readonly string[] | undefined, need: readonly string[]): Result => {
  if (have === undefined) return { requirement, outcome: 'unknown' };
  const missing = need.filter((code) => !have.includes(code));
  return missing.length ? { requirement, outcome: 'gap', missing } : { requirement, outcome: 'met' };
};

export function checkVillageClinic(r: FacilityRecord): Result[] {
  const working = r.equipment && Object.keys(r.equipment).filter((code) => (r.equipment![code as keyof typeof r.equipment] ?? 0) >= 1);
  const kinds = working && new Set(working.map(vocabulary.kindOf).filter((k) => catalogue.includes(k as never))).size;
  const u = r.utilities;
  const utilityFlags = [u?.water, u?.electricity, u?.heating];
  const expectedName = r.region?.township !== undefined && r.region.village !== undefined ? `${r.region.township}${r.region.village}卫生室` : undefined;
  return [
    r.premises?.ownership === undefined
      ? { requirement: 'collective-property', outcome: 'unknown' }
      : flag('collective-property', r.premises.ownership === 'collective'),
    atLeast('building-area', r.premises?.buildingArea, 80),
    includes('four-rooms', r.rooms, fourRooms),
    flag('room-partitions', r.roomsPartitioned),
    flag('privacy-protection', r.privacyProtection),
    utilityFlags.includes(false)
      ? { requirement: 'utilities', outcome: 'gap' }
      : utilityFlags.includes(undefined)
        ? { requirement: 'utilities', outcome: 'unknown' }
        : { requirement: 'utilities', outcome: 'met' },
    flag('cooling-equipment', u?.cooling),
    includes('living-area', r.rooms, ['living-area']),
    kinds === undefined
      ? { requirement: 'basic-equipment', outcome: 'unknown' }
      : kinds >= 22
        ? { requirement: 'basic-equipment', outcome: 'met' }
        : { requirement: 'basic-equipment', outcome: 'gap', shortfall: 22 - kinds, missing: catalogue.filter((c) => !working!.map(vocabulary.kindOf).includes(c)) },
    atLeast('drugs', r.drugs?.varieties, 50),
    includes('information-systems', r.systems, systems),
    r.name === undefined || expectedName === undefined
      ? { requirement: 'naming', outcome: 'unknown' }
      : flag('naming', r.name === expectedName),
    flag('green-sign', r.signage?.greenSign),
    flag('whereabouts-board', r.signage?.doctorWhereaboutsBoard),
    atLeast('tcm-techniques', r.services?.tcmTechniques, 6),
    flag('tcm-health-management', r.services?.tcmHealthManagement),
    includes('public-disclosure', r.disclosures, disclosures),
  ];
}
