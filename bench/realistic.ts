import type { FacilityRecordInput } from '../src/index.js';
import { vocabulary } from '../src/index.js';

/**
 * Seeded realistic village clinics: most meet most of changzhi/village-clinic, each item falls
 * short with a small probability, and some fields are not filled in — as county data looks.
 */
export function realisticClinics(count: number, seed = 20261123): FacilityRecordInput[] {
  const random = mulberry32(seed);
  const chance = (p: number) => random() < p;
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const townships = ['西沟乡', '青羊镇', '龙溪镇', '石城镇', '苗庄镇', '杏城镇', '北耽车乡', '中五井乡', '东寺头乡', '虹梯关乡'];
  const villages = ['东庄村', '南坡村', '洪岭村', '前庄村', '后沟村', '石窑村', '王家庄村', '河口村', '上庄村', '下庄村'];
  const catalogue = vocabulary.catalog('village-clinic-basic');
  const rooms = ['diagnosis-room', 'treatment-room', 'pharmacy', 'public-health-room'] as const;

  return Array.from({ length: count }, (_, i) => {
    const township = pick(townships);
    const village = pick(villages);
    const kinds = chance(0.1) ? between(14, 21) : between(22, 30);
    const equipment = Object.fromEntries(
      [...catalogue].sort(() => random() - 0.5).slice(0, kinds).map((code) => [code, between(1, 3)]),
    );
    return {
      id: `clinic-${i}`,
      name: chance(0.05) ? `${village}卫生所` : `${township}${village}卫生室`,
      type: 'village-clinic',
      region: { province: '山西省', city: '长治市', county: '平顺县', township, village },
      servicePopulation: between(300, 2500),
      premises: {
        ownership: chance(0.08) ? 'rented' : 'collective',
        ...(chance(0.97) && { buildingArea: chance(0.12) ? between(50, 79) : between(80, 140) }),
        businessArea: between(50, 120),
      },
      rooms: [...rooms.filter(() => !chance(0.04)), ...(chance(0.6) ? ['living-area' as const] : [])],
      roomsPartitioned: !chance(0.06),
      privacyProtection: !chance(0.08),
      utilities: { water: true, electricity: true, heating: !chance(0.05), cooling: !chance(0.15) },
      equipment,
      drugs: { ...(chance(0.98) && { varieties: chance(0.1) ? between(30, 49) : between(50, 120) }), herbalPieces: chance(0.3) },
      staff: { onPost: 2, healthTechnicians: 2, physicians: between(0, 1), villageDoctors: 1, auxiliary: between(0, 1) },
      services: { commonDiseases: between(25, 60), tcmTechniques: chance(0.1) ? between(2, 5) : between(6, 12), tcmHealthManagement: !chance(0.05) },
      systems: chance(0.05) ? ['public-health-information'] : ['public-health-information', 'medical-insurance-payment'],
      disclosures: ['practice-license', 'staff-qualifications', ...(chance(0.1) ? [] : (['drug-list-prices'] as const))],
      signage: { greenSign: !chance(0.2), doctorWhereaboutsBoard: !chance(0.07) },
    };
  });
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Seeded township centers around a compliant one (changzhi/county-subcenter's fixture): each
 * count falls to 40–100 % of its value, each flag fails and each listed code drops out with a
 * small probability — several gaps a record, as a county's candidates for sub-center look.
 */
export function perturbed<T extends object>(compliant: T, count: number, seed = 20261124): T[] {
  const random = mulberry32(seed);
  const vary = (value: unknown): unknown => {
    if (typeof value === 'number') return random() < 0.25 ? Math.floor(value * (0.4 + 0.6 * random())) : value;
    if (typeof value === 'boolean') return value && random() < 0.12 ? false : value;
    if (Array.isArray(value)) return value.filter(() => random() >= 0.08);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'region' ? v : vary(v)]));
    return value;
  };
  return Array.from({ length: count }, (_, i) => ({ ...(vary(compliant) as T), id: `subcenter-${i}` }));
}
