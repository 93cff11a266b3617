// Yanggu standards (阳卫发〔2024〕3号): the village clinic of the "六有四提升", the central village
// clinic, the township health center and the TCM-featured township health center, against
// fixture records, and the village-clinic ladder.
//
// Every expected value here is derived by hand from the source text
// (sources/002_8e2d0408a7af6684.txt: 二(二), 二(三), 三(一)2, 三(一)3, 三(一)4, 三(四)14,
// 三(五)17, 三(五)20), the thresholds of rules/shandong/yanggu/*.yaml, and the fixture records
// themselves — never copied from the program's output.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assessLadder, evaluate, evaluateAll } from '../../src/index.js';
import type { FacilityRecord } from '../../src/index.js';
import { allMetExcept, counts, loadFixture, outcomesById, patch, requirement, expectGap, type ExpectedGap } from '../support/fixtures.js';

const VC = 'yanggu/village-clinic';
const CVC = 'yanggu/central-village-clinic';
const THC = 'yanggu/township-health-center';
const TCM = 'yanggu/tcm-featured-township';
const LADDER = 'yanggu/village-clinic';

type FixtureSet = 'village-clinic' | 'central-village-clinic' | 'township-health-center' | 'tcm-featured-township';

const fixtureDir = (set: FixtureSet) => fileURLToPath(new URL(`../../fixtures/yanggu/${set}/`, import.meta.url));

const load = (set: FixtureSet, name: string): FacilityRecord => loadFixture(`yanggu/${set}/${name}`);

const vcCompliant = () => load('village-clinic', 'compliant.yaml');
const cvcCompliant = () => load('central-village-clinic', 'compliant.yaml');
const thcCompliant = () => load('township-health-center', 'compliant.yaml');
const tcmCompliant = () => load('tcm-featured-township', 'compliant.yaml');


// The 16 requirements of yanggu/village-clinic, in the order of village-clinic.yaml:
// the six haves of 二(三), then 三(一)3, 三(一)4 and 三(五)17.
const VC_IDS = [
  'observation-exam-bed',
  'smart-follow-up-device',
  'rehab-physio-equipment',
  'examination-equipment',
  'toilet-and-air-conditioning',
  'health-education-facility',
  'premises-area',
  'encouraged-rooms',
  'supported-rooms',
  'optional-rooms',
  'sanitary-toilet',
  'flush-toilet',
  'heating-cooling-equipment',
  'public-ownership',
  'six-s',
  'nurse',
];
// 鼓励 / 支持 / 可结合实际 / 原则上.
// The named examination devices are advisory: 根据功能定位配备, and the central clinic is only 鼓励配置血液分析仪.
const VC_ADVISORY = new Set(['examination-equipment', 'encouraged-rooms', 'supported-rooms', 'optional-rooms', 'flush-toilet', 'nurse']);

// The central clinic takes them over without optional-rooms (removed: its rooms are among the
// supported rooms), with supported-rooms altered in place, and adds four of its own.
const CVC_OWN_IDS = ['area-150', 'six-rooms', 'indoor-flush-toilet', 'encouraged-equipment'];
const CVC_IDS = [...VC_IDS.filter((id) => id !== 'optional-rooms'), ...CVC_OWN_IDS];
const CVC_ADVISORY = new Set([...VC_ADVISORY, 'area-150', 'indoor-flush-toilet', 'encouraged-equipment']);
// The requirements the central standard declares or changes: one break fixture each.
const CVC_BREAK_IDS = [...CVC_OWN_IDS, 'supported-rooms'];

const THC_IDS = ['equipment', 'information-manager', 'age-friendly', 'six-s'];
const THC_ADVISORY = new Set(['equipment']);
const TCM_OWN_IDS = ['tcm-hall', 'famous-tcm-expert-station', 'senior-tcm-visits', 'tcm-promotion-station', 'tcm-featured-specialty'];
const TCM_IDS = [...THC_IDS, ...TCM_OWN_IDS];







// The rooms of the village-clinic fixtures (fixtures/yanggu/village-clinic), in record order.
const VC_ROOMS = [
  'comprehensive-diagnosis-room', 'treatment-room', 'observation-room', 'pharmacy', 'public-health-room',
  'tcm-corner', 'laboratory-room', 'duty-room', 'sanitary-toilet',
];
// The rooms of the central-clinic fixtures, in record order.
const CVC_ROOMS = [
  'diagnosis-room', 'treatment-room', 'observation-room', 'pharmacy', 'rehabilitation-room',
  'health-education-public-health-room', 'tcm-corner', 'laboratory-room', 'ecg-room', 'duty-room', 'sanitary-toilet',
];
const without = (list: readonly string[], item: string) => list.filter((x) => x !== item);

// ------------------------------------------------------------------ expected gaps, by hand

const VC_BREAKS: Record<string, ExpectedGap> = {
  // 二(三) 有观察诊查床: the couch has 0 working units and there is no observation bed. The
  // working equipment, in record order, is everything else the fixture lists.
  'observation-exam-bed': {
    fact: 'equipment',
    expected: ['examination-couch', 'observation-bed', 'backrest-observation-bed'],
    actual: [
      'infusion-chair', 'smart-follow-up-device', 'rehab-physio-equipment', 'remote-ecg-machine', 'hematology-analyzer',
      'blood-glucose-meter', 'stethoscope', 'sphygmomanometer', 'thermometer', 'height-weight-scale',
      'health-education-board', 'air-conditioner', 'medicine-cabinet', 'refrigerator', 'computer', 'first-aid-kit',
    ],
    zh: ['设备应至少有其一：诊察床、观察床、可起背观察床'],
    en: ['equipment: at least one of examination couch, observation bed, adjustable observation bed required'],
  },
  // 二(三) 有智慧随访设备.
  'smart-follow-up-device': {
    fact: 'equipment',
    expected: 'smart-follow-up-device',
    actual: expect.not.arrayContaining(['smart-follow-up-device']),
    missing: ['smart-follow-up-device'],
    zh: ['缺少：智慧随访设备'],
    en: ['missing: smart follow-up device'],
  },
  // 二(三) 有康复理疗设备.
  'rehab-physio-equipment': {
    fact: 'equipment',
    expected: 'rehab-physio-equipment',
    actual: expect.not.arrayContaining(['rehab-physio-equipment']),
    missing: ['rehab-physio-equipment'],
    zh: ['缺少：康复理疗设备'],
    en: ['missing: rehabilitation physiotherapy equipment'],
  },
  // 二(三) 有必要的检查设备 through 三(一)3: a plain ECG machine is not the remote-diagnosis one.
  'examination-equipment': {
    fact: 'equipment',
    expected: ['remote-ecg-machine', 'hematology-analyzer'],
    actual: expect.arrayContaining(['ecg-machine', 'hematology-analyzer']),
    missing: ['remote-ecg-machine'],
    zh: ['缺少：心电图机（具备远程诊断功能）'],
    en: ['missing: ECG machine with remote diagnosis'],
  },
  // 二(三) 有卫生厕所和冷暖空调: the toilet is there, the air conditioner is not.
  'toilet-and-air-conditioning': {
    fact: 'equipment',
    expected: 'air-conditioner',
    actual: expect.not.arrayContaining(['air-conditioner']),
    missing: ['air-conditioner'],
    zh: ['缺少：冷暖空调'],
    en: ['missing: heating and cooling air conditioner'],
  },
  // 二(三) 有健康宣教设施.
  'health-education-facility': {
    fact: 'equipment',
    expected: 'health-education-board',
    actual: expect.not.arrayContaining(['health-education-board']),
    missing: ['health-education-board'],
    zh: ['缺少：健康宣传栏'],
    en: ['missing: health education board'],
  },
  // 三(一)3 房屋面积（含厕所）达到100平方米以上: 92 m², 8 short.
  'premises-area': {
    fact: 'premises.buildingArea',
    expected: 100,
    actual: 92,
    shortfall: 8,
    zh: ['建筑面积92平方米', '不少于100平方米', '还差8平方米'],
    en: ['building area 92 m²', 'at least 100 m²', '8 m² short'],
  },
  // 三(一)3 鼓励建设综合诊断室、治疗室、观察室、药房 (advisory): no observation room. The diagnosis
  // half (综合诊断室) is met, so only the other half is reported.
  'encouraged-rooms': {
    fact: 'rooms',
    expected: ['treatment-room', 'observation-room', 'pharmacy'],
    actual: without(VC_ROOMS, 'observation-room'),
    missing: ['observation-room'],
    zh: ['缺少：观察室'],
    en: ['missing: observation room'],
  },
  // 三(一)3 支持设置中医阁 (advisory).
  'supported-rooms': {
    fact: 'rooms',
    expected: 'tcm-corner',
    actual: without(VC_ROOMS, 'tcm-corner'),
    missing: ['tcm-corner'],
    zh: ['缺少：中医阁'],
    en: ['missing: TCM corner'],
  },
  // 三(一)3 可结合实际设置检查（检验）室、值班室 (advisory): no duty room.
  'optional-rooms': {
    fact: 'rooms',
    expected: ['laboratory-room', 'duty-room'],
    actual: without(VC_ROOMS, 'duty-room'),
    missing: ['duty-room'],
    zh: ['缺少：值班室'],
    en: ['missing: duty room'],
  },
  // 三(一)3 新建或改建无害化卫生厕所: a flush toilet into a seepage pit is not harmless-treatment.
  'sanitary-toilet': {
    fact: 'toilet.sanitary',
    expected: true,
    actual: false,
    missing: ['toilet.sanitary'],
    zh: ['未落实：无害化卫生厕所'],
    en: ['not in place: sanitary toilet'],
  },
  // 三(一)3 具备条件的原则上建成水冲式卫生厕所 (advisory).
  'flush-toilet': {
    fact: 'toilet.flush',
    expected: true,
    actual: false,
    missing: ['toilet.flush'],
    zh: ['未落实：水冲式厕所'],
    en: ['not in place: flush toilet'],
  },
  // 三(一)3 更新村卫生室制冷和供暖设备: cooled, not heated.
  'heating-cooling-equipment': {
    fact: 'utilities.heating',
    expected: true,
    actual: false,
    missing: ['utilities.heating'],
    zh: ['未落实：采暖'],
    en: ['not in place: heating'],
  },
  // 三(一)4 产权完全公有: a rented house.
  'public-ownership': {
    fact: 'premises.ownership',
    expected: ['collective', 'government'],
    actual: 'rented',
    zh: ['房屋产权为租赁，应为以下之一：集体产权、政府产权'],
    en: ['premises ownership is rented; one of collective property, government property required'],
  },
  // 三(五)17 “6S”管理.
  'six-s': {
    fact: 'management.sixS',
    expected: true,
    actual: false,
    missing: ['management.sixS'],
    zh: ['未落实：6S管理'],
    en: ['not in place: 6S management'],
  },
  // 三(二)7 支持有条件的村卫生室配备护士 (advisory): no nurse.
  nurse: {
    fact: 'staff.nurses',
    expected: 1,
    actual: 0,
    shortfall: 1,
    zhIs: '护士0人，要求不少于1人，还差1人',
    en: ['nurses 0 people', 'at least 1 person', '1 person short'],
  },
};

const CVC_BREAKS: Record<string, ExpectedGap> = {
  // 三(一)3 房屋面积（含厕所）原则上不低于150平方米 (advisory): 138 m², 12 short.
  'area-150': {
    fact: 'premises.buildingArea',
    expected: 150,
    actual: 138,
    shortfall: 12,
    zh: ['建筑面积138平方米', '不少于150平方米', '还差12平方米'],
    en: ['building area 138 m²', 'at least 150 m²', '12 m² short'],
  },
  // 三(一)3 诊断室、治疗室、观察室、药房、康复室、健康教育和公共卫生室等分室设置: no rehabilitation room.
  'six-rooms': {
    fact: 'rooms',
    expected: ['treatment-room', 'observation-room', 'pharmacy', 'rehabilitation-room'],
    actual: without(CVC_ROOMS, 'rehabilitation-room'),
    missing: ['rehabilitation-room'],
    zh: ['缺少：康复室'],
    en: ['missing: rehabilitation room'],
  },
  // 三(一)3 有条件的鼓励建设室内水冲式厕所 (advisory): a flush toilet in the yard.
  'indoor-flush-toilet': {
    fact: 'toilet.indoor',
    expected: true,
    actual: false,
    missing: ['toilet.indoor'],
    zh: ['未落实：室内厕所'],
    en: ['not in place: indoor toilet'],
  },
  // 三(一)3 鼓励配置血液分析仪、自动体外除颤仪（AED）、健康一体机、远程医疗等设备 (advisory): no AED.
  'encouraged-equipment': {
    fact: 'equipment',
    expected: ['hematology-analyzer', 'aed', 'health-kiosk', 'telemedicine-terminal'],
    actual: expect.not.arrayContaining(['aed']),
    missing: ['aed'],
    zh: ['缺少：自动体外除颤仪'],
    en: ['missing: automated external defibrillator'],
  },
  // 三(一)3 支持设置中医阁、检验室、心电图室、值班室 (advisory, as the central standard alters it): no ECG room.
  'supported-rooms': {
    fact: 'rooms',
    expected: ['tcm-corner', 'laboratory-room', 'ecg-room', 'duty-room'],
    actual: without(CVC_ROOMS, 'ecg-room'),
    missing: ['ecg-room'],
    zh: ['缺少：心电图室'],
    en: ['missing: ECG room'],
  },
};

const THC_BREAKS: Record<string, ExpectedGap> = {
  // 二(二) CT、DR、彩超、全自动生化分析仪、血凝仪、眼底检查…应配尽配 (advisory): no CT.
  equipment: {
    fact: 'equipment',
    expected: [
      'ct-scanner', 'digital-radiography', 'color-doppler-ultrasound', 'biochemistry-analyzer-auto',
      'coagulation-analyzer', 'fundus-exam-device',
    ],
    actual: [
      'digital-radiography', 'color-doppler-ultrasound', 'b-mode-ultrasound', 'biochemistry-analyzer-auto',
      'coagulation-analyzer', 'fundus-exam-device', 'hematology-analyzer', 'ecg-machine', 'aed',
    ],
    missing: ['ct-scanner'],
    zh: ['缺少：CT'],
    en: ['missing: CT scanner'],
  },
  // 三(五)20 至少明确1名…信息管理人员: none, 1 short.
  'information-manager': {
    fact: 'staff.informationManagers',
    expected: 1,
    actual: 0,
    shortfall: 1,
    zh: ['信息管理人员0人', '不少于1人', '还差1人'],
    en: ['information managers 0 people', 'at least 1 person', '1 person short'],
  },
  // 三(四)14 乡镇卫生院全部建成老年友善医疗机构.
  'age-friendly': {
    fact: 'management.ageFriendly',
    expected: true,
    actual: false,
    missing: ['management.ageFriendly'],
    zh: ['未落实：老年友善医疗机构'],
    en: ['not in place: age-friendly medical institution'],
  },
  // 三(五)17 “6S”管理.
  'six-s': {
    fact: 'management.sixS',
    expected: true,
    actual: false,
    missing: ['management.sixS'],
    zh: ['未落实：6S管理'],
    en: ['not in place: 6S management'],
  },
};

const TCM_BREAKS: Record<string, ExpectedGap> = {
  // 三(一)2 规范化建设中医馆（国医堂）: the hall is not built yet.
  'tcm-hall': {
    fact: 'rooms',
    expected: 'tcm-hall',
    actual: ['treatment-room', 'disposal-room', 'operating-room', 'vaccination-clinic', 'observation-room'],
    missing: ['tcm-hall'],
    zh: ['缺少：中医馆'],
    en: ['missing: TCM hall'],
  },
  // 三(一)2 建设1个名中医药专家基层工作站.
  'famous-tcm-expert-station': {
    fact: 'services.famousTcmExpertStation',
    expected: true,
    actual: false,
    missing: ['services.famousTcmExpertStation'],
    zh: ['未落实：名中医药专家基层工作站'],
    en: ['not in place: renowned TCM expert station'],
  },
  // 三(一)2 每周不少于1次: every other week is 0.5 a week, 0.5 short (a measure, not a count).
  'senior-tcm-visits': {
    fact: 'services.seniorTcmVisitsPerWeek',
    expected: 1,
    actual: 0.5,
    shortfall: 0.5,
    zh: ['上级医院高级职称中医师坐诊0.5次/周', '不少于1次/周', '还差0.5次/周'],
    en: ['0.5 times a week', 'at least 1 time a week', '0.5 times a week short'],
  },
  // 三(一)2 推广4类以上中医适宜技术: 3 categories, 1 short; the station itself is there.
  'tcm-promotion-station': {
    fact: 'services.tcmTechniqueCategoriesPromoted',
    expected: 4,
    actual: 3,
    shortfall: 1,
    zh: ['向村卫生室推广的中医适宜技术3类', '不少于4类', '还差1类'],
    en: ['3 categories', 'at least 4 categories', '1 category short'],
  },
  // 三(一)2 培育1个中医特色专科: none, 1 short.
  'tcm-featured-specialty': {
    fact: 'services.tcmFeaturedSpecialties',
    expected: 1,
    actual: 0,
    shortfall: 1,
    zh: ['中医特色专科0项', '不少于1项', '还差1项'],
    en: ['TCM featured specialties 0 items', 'at least 1 item', '1 item short'],
  },
};

// ------------------------------------------------------------------ compliant fixtures

describe('compliant fixtures', () => {
  it('the village clinic meets every requirement of yanggu/village-clinic, advisory ones included', async () => {
    const record = vcCompliant();
    expect(record.servicePopulation).toBeLessThan(2000);
    const report = await evaluate(record, VC);
    expect(report.standard.id).toBe(VC);
    expect(report.requirements.map((r) => r.requirement)).toEqual(VC_IDS);
    expect(report.outcome).toBe('met');
    expect(report.applicable).toBe(true);
    expect(outcomesById(report)).toEqual(allMetExcept(VC_IDS));
    expect(report.counts).toEqual(counts({ met: 16 }));
    expect(report.facility).toEqual({ id: 'yanggu-qiji-hanzhuang', name: '七级镇韩庄村卫生室' });
    for (const r of report.requirements) expect(r.severity).toBe(VC_ADVISORY.has(r.requirement) ? 'advisory' : 'required');
  });

  it('the central-clinic standard does not apply to it (1380 people, not 2000人以上)', async () => {
    const report = await evaluate(vcCompliant(), CVC);
    expect(report.applicable).toBe(false);
    expect(report.outcome).toBe('not-applicable');
    expect(report.requirements.map((r) => r.requirement)).toEqual(CVC_IDS);
    expect(report.counts).toEqual(counts({ 'not-applicable': 19 }));
  });

  it('the central clinic meets every requirement of yanggu/central-village-clinic (15 inherited + 4 own)', async () => {
    const record = cvcCompliant();
    const report = await evaluate(record, CVC);
    expect(report.applicable).toBe(true);
    expect(report.requirements.map((r) => r.requirement)).toEqual(CVC_IDS);
    expect(report.outcome).toBe('met');
    expect(outcomesById(report)).toEqual(allMetExcept(CVC_IDS));
    expect(report.counts).toEqual(counts({ met: 19 }));
    for (const r of report.requirements) expect(r.severity).toBe(CVC_ADVISORY.has(r.requirement) ? 'advisory' : 'required');
    // Inherited requirements name the standard that declared them; the altered one names its alteration.
    expect(requirement(report, 'premises-area').source.standard).toBe(VC);
    expect(requirement(report, 'six-rooms').source.standard).toBe(CVC);
    const supported = requirement(report, 'supported-rooms');
    expect(supported.source.standard).toBe(VC);
    expect(supported.clause).toBe('三(一)3');
    expect(supported.source.alteredBy).toHaveLength(1);
    expect(supported.source.alteredBy![0]).toMatchObject({ standard: CVC, clause: '三(一)3' });
  });

  it('the central clinic is also a clinic of the six haves', async () => {
    const report = await evaluate(cvcCompliant(), VC);
    expect(report.outcome).toBe('met');
    expect(outcomesById(report)).toEqual(allMetExcept(VC_IDS));
  });

  it('the township health center meets every requirement of yanggu/township-health-center', async () => {
    const report = await evaluate(thcCompliant(), THC);
    expect(report.requirements.map((r) => r.requirement)).toEqual(THC_IDS);
    expect(report.outcome).toBe('met');
    expect(report.counts).toEqual(counts({ met: 4 }));
    expect(requirement(report, 'equipment').severity).toBe('advisory');
  });

  it('the TCM-featured center meets every requirement of yanggu/tcm-featured-township (4 inherited + 5 own)', async () => {
    const report = await evaluate(tcmCompliant(), TCM);
    expect(report.requirements.map((r) => r.requirement)).toEqual(TCM_IDS);
    expect(report.outcome).toBe('met');
    expect(report.counts).toEqual(counts({ met: 9 }));
    expect(requirement(report, 'six-s').source.standard).toBe(THC);
    expect(requirement(report, 'tcm-hall').source.standard).toBe(TCM);
    expect((await evaluate(tcmCompliant(), THC)).outcome).toBe('met');
  });

  it('an ordinary township health center is not yet TCM-featured: the five TCM items are undecided or gaps', async () => {
    // The compliant township fixture records no TCM-hall services at all and no TCM hall.
    const report = await evaluate(thcCompliant(), TCM);
    expect(outcomesById(report)).toEqual(
      allMetExcept(TCM_IDS, {
        'tcm-hall': 'gap',
        'famous-tcm-expert-station': 'unknown',
        'senior-tcm-visits': 'unknown',
        'tcm-promotion-station': 'unknown',
        'tcm-featured-specialty': 'unknown',
      }),
    );
    expect(report.outcome).toBe('gap');
  });
});

// ------------------------------------------------------------------ break fixtures

describe('village clinic break fixtures (yanggu/village-clinic)', () => {
  it('there is one break fixture per requirement, 16 in all', () => {
    const files = readdirSync(`${fixtureDir('village-clinic')}breaks`).sort();
    expect(files).toEqual(VC_IDS.map((id) => `${id}.yaml`).sort());
    expect(Object.keys(VC_BREAKS).sort()).toEqual([...VC_IDS].sort());
  });

  for (const id of VC_IDS) {
    const e = VC_BREAKS[id]!;
    const advisory = VC_ADVISORY.has(id);
    it(`breaks/${id}.yaml: only ${id} is a gap (${advisory ? 'advisory, the standard stays met' : 'required, the standard is a gap'})`, async () => {
      const record = load('village-clinic', `breaks/${id}.yaml`);
      expect(record.servicePopulation).toBeLessThan(2000);
      const report = await evaluate(record, VC);
      expect(outcomesById(report)).toEqual(allMetExcept(VC_IDS, { [id]: 'gap' }));
      expect(report.counts).toEqual(counts({ met: 15, gap: 1 }));
      expect(report.outcome).toBe(advisory ? 'met' : 'gap');
      const gap = requirement(report, id);
      expect(gap.severity).toBe(advisory ? 'advisory' : 'required');
      expectGap(gap, e);

      // Under 2000 people: the central-clinic standard does not apply.
      expect((await evaluate(record, CVC)).outcome).toBe('not-applicable');
    });
  }
});

describe('central clinic break fixtures (yanggu/central-village-clinic)', () => {
  it('there is one break fixture per requirement the central standard adds or alters, 5 in all', () => {
    const files = readdirSync(`${fixtureDir('central-village-clinic')}breaks`).sort();
    expect(files).toEqual(CVC_BREAK_IDS.map((id) => `${id}.yaml`).sort());
    expect(Object.keys(CVC_BREAKS).sort()).toEqual([...CVC_BREAK_IDS].sort());
  });

  for (const id of CVC_BREAK_IDS) {
    const e = CVC_BREAKS[id]!;
    const advisory = CVC_ADVISORY.has(id);
    it(`breaks/${id}.yaml: only ${id} is a gap (${advisory ? 'advisory' : 'required'}); the six haves are met`, async () => {
      const record = load('central-village-clinic', `breaks/${id}.yaml`);
      expect(record.servicePopulation).toBeGreaterThanOrEqual(2000);
      const report = await evaluate(record, CVC);
      expect(report.applicable).toBe(true);
      expect(outcomesById(report)).toEqual(allMetExcept(CVC_IDS, { [id]: 'gap' }));
      expect(report.counts).toEqual(counts({ met: 18, gap: 1 }));
      expect(report.outcome).toBe(advisory ? 'met' : 'gap');
      const gap = requirement(report, id);
      expect(gap.severity).toBe(advisory ? 'advisory' : 'required');
      expectGap(gap, e);

      const base = await evaluate(record, VC);
      expect(base.outcome).toBe('met');
      expect(outcomesById(base)).toEqual(allMetExcept(VC_IDS));
    });
  }
});

describe('township health center break fixtures (yanggu/township-health-center)', () => {
  it('there is one break fixture per requirement, 4 in all', () => {
    const files = readdirSync(`${fixtureDir('township-health-center')}breaks`).sort();
    expect(files).toEqual(THC_IDS.map((id) => `${id}.yaml`).sort());
  });

  for (const id of THC_IDS) {
    const advisory = THC_ADVISORY.has(id);
    it(`breaks/${id}.yaml: only ${id} is a gap (${advisory ? 'advisory, the standard stays met' : 'required'})`, async () => {
      const report = await evaluate(load('township-health-center', `breaks/${id}.yaml`), THC);
      expect(outcomesById(report)).toEqual(allMetExcept(THC_IDS, { [id]: 'gap' }));
      expect(report.counts).toEqual(counts({ met: 3, gap: 1 }));
      expect(report.outcome).toBe(advisory ? 'met' : 'gap');
      const gap = requirement(report, id);
      expect(gap.severity).toBe(advisory ? 'advisory' : 'required');
      expectGap(gap, THC_BREAKS[id]!);
    });
  }
});

describe('TCM-featured center break fixtures (yanggu/tcm-featured-township)', () => {
  it('there is one break fixture per requirement the TCM-featured standard adds, 5 in all', () => {
    const files = readdirSync(`${fixtureDir('tcm-featured-township')}breaks`).sort();
    expect(files).toEqual(TCM_OWN_IDS.map((id) => `${id}.yaml`).sort());
  });

  for (const id of TCM_OWN_IDS) {
    it(`breaks/${id}.yaml: only ${id} is a gap, the standard is a gap, the township standard is met`, async () => {
      const record = load('tcm-featured-township', `breaks/${id}.yaml`);
      const report = await evaluate(record, TCM);
      expect(outcomesById(report)).toEqual(allMetExcept(TCM_IDS, { [id]: 'gap' }));
      expect(report.counts).toEqual(counts({ met: 8, gap: 1 }));
      expect(report.outcome).toBe('gap');
      const gap = requirement(report, id);
      expect(gap.severity).toBe('required');
      expectGap(gap, TCM_BREAKS[id]!);
      expect((await evaluate(record, THC)).outcome).toBe('met');
    });
  }

  it('the community health service center of 狮子楼街道 is assessed as a township health center (二(二) 含社区卫生服务中心)', () => {
    const record = load('tcm-featured-township', 'breaks/tcm-promotion-station.yaml');
    expect(record.type).toBe('township-health-center');
    expect(record.name).toBe('阳谷县狮子楼街道社区卫生服务中心');
  });
});

// ------------------------------------------------------------------ applicability of the central clinic

describe('central village clinic applicability (三(一)3 服务人口2000人以上、非乡镇卫生院所在地的集聚提升类和城郊融合类村庄)', () => {
  it('1999 people: not applicable; 2000 people: applies and is met', async () => {
    const under = await evaluate(patch(cvcCompliant(), (r) => void (r.servicePopulation = 1999)), CVC);
    expect(under.applicable).toBe(false);
    expect(under.outcome).toBe('not-applicable');
    expect(outcomesById(under)).toEqual(Object.fromEntries(CVC_IDS.map((id) => [id, 'not-applicable'])));
    expect(under.counts).toEqual(counts({ 'not-applicable': 19 }));

    const at = await evaluate(patch(cvcCompliant(), (r) => void (r.servicePopulation = 2000)), CVC);
    expect(at.applicable).toBe(true);
    expect(at.outcome).toBe('met');
    expect(at.counts).toEqual(counts({ met: 19 }));
  });

  it('a village that is the township health center\'s seat: not applicable', async () => {
    const seat = await evaluate(patch(cvcCompliant(), (r) => void (r.region!.isTownshipSeat = true)), CVC);
    expect(seat.applicable).toBe(false);
    expect(seat.outcome).toBe('not-applicable');
    // The six haves still apply to it.
    expect((await evaluate(patch(cvcCompliant(), (r) => void (r.region!.isTownshipSeat = true)), VC)).outcome).toBe('met');
  });

  it('a 特色保护类 (characteristic-protection) village: not applicable; 城郊融合类 (suburban-integration): applies', async () => {
    const protectedVillage = await evaluate(
      patch(cvcCompliant(), (r) => void (r.region!.villageCategory = 'characteristic-protection')),
      CVC,
    );
    expect(protectedVillage.applicable).toBe(false);
    expect(protectedVillage.outcome).toBe('not-applicable');

    for (const category of ['relocation-merger', 'other'] as const) {
      const report = await evaluate(patch(cvcCompliant(), (r) => void (r.region!.villageCategory = category)), CVC);
      expect(report.applicable).toBe(false);
    }

    const suburban = await evaluate(
      patch(cvcCompliant(), (r) => void (r.region!.villageCategory = 'suburban-integration')),
      CVC,
    );
    expect(suburban.applicable).toBe(true);
    expect(suburban.outcome).toBe('met');
  });

  it('a break of the central standard is no central gap once the village does not qualify', async () => {
    const record = load('central-village-clinic', 'breaks/six-rooms.yaml');
    expect((await evaluate(record, CVC)).outcome).toBe('gap');
    const seat = patch(record, (r) => void (r.region!.isTownshipSeat = true));
    expect((await evaluate(seat, CVC)).outcome).toBe('not-applicable');
  });

  it('no village category: applicability is unknown, and so is the outcome; with 1999 people it is not applicable whatever the category', async () => {
    const noCategory = patch(cvcCompliant(), (r) => void delete r.region!.villageCategory);
    const report = await evaluate(noCategory, CVC);
    expect(report.applicable).toBe('unknown');
    expect(outcomesById(report)).toEqual(allMetExcept(CVC_IDS));
    expect(report.outcome).toBe('unknown');

    const small = await evaluate(patch(noCategory, (r) => void (r.servicePopulation = 1999)), CVC);
    expect(small.applicable).toBe(false);
    expect(small.outcome).toBe('not-applicable');
  });

  it('no isTownshipSeat: applicability is unknown', async () => {
    const report = await evaluate(patch(cvcCompliant(), (r) => void delete r.region!.isTownshipSeat), CVC);
    expect(report.applicable).toBe('unknown');
    expect(report.outcome).toBe('unknown');
  });
});

// ------------------------------------------------------------------ boundaries

describe('boundaries', () => {
  it('premises area (100平方米以上): 99.9 is a gap 0.1 m² short; 100 is met', async () => {
    const low = await evaluate(patch(vcCompliant(), (r) => void (r.premises!.buildingArea = 99.9)), VC);
    expect(outcomesById(low)).toEqual(allMetExcept(VC_IDS, { 'premises-area': 'gap' }));
    const gap = requirement(low, 'premises-area');
    expect([gap.expected, gap.actual, gap.shortfall]).toEqual([100, 99.9, 0.1]);
    expect(gap.message.zh).toContain('还差0.1平方米');
    expect(low.outcome).toBe('gap');

    const at = await evaluate(patch(vcCompliant(), (r) => void (r.premises!.buildingArea = 100)), VC);
    expect(at.outcome).toBe('met');
  });

  it('central area (原则上不低于150平方米, advisory): 149.9 is an advisory gap and the standard stays met; 150 is met', async () => {
    const low = await evaluate(patch(cvcCompliant(), (r) => void (r.premises!.buildingArea = 149.9)), CVC);
    expect(outcomesById(low)).toEqual(allMetExcept(CVC_IDS, { 'area-150': 'gap' }));
    const gap = requirement(low, 'area-150');
    expect(gap.severity).toBe('advisory');
    expect([gap.expected, gap.actual, gap.shortfall]).toEqual([150, 149.9, 0.1]);
    expect(low.outcome).toBe('met');

    const at = await evaluate(patch(cvcCompliant(), (r) => void (r.premises!.buildingArea = 150)), CVC);
    expect(requirement(at, 'area-150').outcome).toBe('met');
  });

  it('a central clinic of 96 m² falls short of both: the inherited 100 m² (required, 4 short) and the 150 m² (advisory, 54 short)', async () => {
    const report = await evaluate(patch(cvcCompliant(), (r) => void (r.premises!.buildingArea = 96)), CVC);
    expect(outcomesById(report)).toEqual(allMetExcept(CVC_IDS, { 'premises-area': 'gap', 'area-150': 'gap' }));
    expect(requirement(report, 'premises-area').shortfall).toBe(4);
    expect(requirement(report, 'area-150').shortfall).toBe(54);
    expect(report.outcome).toBe('gap');
  });

  it('senior TCM physician visits (每周不少于1次): 0.5 a week is a gap; 1 and 2 a week are met', async () => {
    for (const [visits, outcome] of [[0.5, 'gap'], [1, 'met'], [2, 'met']] as const) {
      const report = await evaluate(patch(tcmCompliant(), (r) => void (r.services!.seniorTcmVisitsPerWeek = visits)), TCM);
      expect(requirement(report, 'senior-tcm-visits').outcome).toBe(outcome);
    }
  });

  it('TCM techniques promoted (4类以上): 3 is a gap 1 short; 4 is met', async () => {
    const low = await evaluate(patch(tcmCompliant(), (r) => void (r.services!.tcmTechniqueCategoriesPromoted = 3)), TCM);
    const gap = requirement(low, 'tcm-promotion-station');
    expect([gap.outcome, gap.expected, gap.actual, gap.shortfall]).toEqual(['gap', 4, 3, 1]);

    const at = await evaluate(patch(tcmCompliant(), (r) => void (r.services!.tcmTechniqueCategoriesPromoted = 4)), TCM);
    expect(requirement(at, 'tcm-promotion-station').outcome).toBe('met');
    expect(at.outcome).toBe('met');
  });

  it('a promotion station that is not set up is a gap even with 5 categories promoted', async () => {
    const report = await evaluate(patch(tcmCompliant(), (r) => void (r.services!.tcmPromotionStation = false)), TCM);
    const gap = requirement(report, 'tcm-promotion-station');
    expect(gap.outcome).toBe('gap');
    expect(gap.fact).toBe('services.tcmPromotionStation');
    expect(gap.missing).toEqual(['services.tcmPromotionStation']);
  });

  it('information managers (至少1名): 0 is a gap; 1 is met', async () => {
    const none = await evaluate(patch(thcCompliant(), (r) => void (r.staff!.informationManagers = 0)), THC);
    expect(requirement(none, 'information-manager')).toMatchObject({ outcome: 'gap', expected: 1, actual: 0, shortfall: 1 });
    const one = await evaluate(patch(thcCompliant(), (r) => void (r.staff!.informationManagers = 1)), THC);
    expect(one.outcome).toBe('met');
  });
});

// ------------------------------------------------------------------ readings of the source

describe('readings of the source', () => {
  it('有观察诊查床: an examination couch alone, or an observation bed alone, meets it', async () => {
    const couchOnly = patch(vcCompliant(), (r) => void delete r.equipment!['backrest-observation-bed']);
    expect(requirement(await evaluate(couchOnly, VC), 'observation-exam-bed').outcome).toBe('met');
    const bedOnly = patch(vcCompliant(), (r) => {
      delete r.equipment!['examination-couch'];
      delete r.equipment!['backrest-observation-bed'];
      r.equipment!['observation-bed'] = 1;
    });
    expect(requirement(await evaluate(bedOnly, VC), 'observation-exam-bed').outcome).toBe('met');
  });

  it('检查设备 (根据功能定位配备): without the blood analyser it is an advisory gap listing it and the clinic still meets the standard; a plain ECG machine beside the remote one changes nothing', async () => {
    const noAnalyser = patch(vcCompliant(), (r) => void delete r.equipment!['hematology-analyzer']);
    const report = await evaluate(noAnalyser, VC);
    const gap = requirement(report, 'examination-equipment');
    expect(gap).toMatchObject({ outcome: 'gap', severity: 'advisory', missing: ['hematology-analyzer'] });
    expect(gap.message.zh).toBe('缺少：血液分析仪');
    expect(report.outcome).toBe('met');
    // Neither named device: still only advisory — no ordinary clinic is held to more than the central one.
    const neither = patch(noAnalyser, (r) => void delete r.equipment!['remote-ecg-machine']);
    expect((await evaluate(neither, VC)).outcome).toBe('met');
    expect((await evaluate(neither, CVC)).requirements.find((r) => r.requirement === 'examination-equipment')!.severity).toBe('advisory');

    const both = patch(vcCompliant(), (r) => void (r.equipment!['ecg-machine'] = 1));
    expect(requirement(await evaluate(both, VC), 'examination-equipment').outcome).toBe('met');
  });

  it('有卫生厕所和冷暖空调: without a toilet and without an air conditioner both are listed', async () => {
    const record = patch(vcCompliant(), (r) => {
      r.rooms = r.rooms!.filter((room) => room !== 'sanitary-toilet');
      delete r.equipment!['air-conditioner'];
    });
    const gap = requirement(await evaluate(record, VC), 'toilet-and-air-conditioning');
    expect(gap.outcome).toBe('gap');
    expect(gap.fact).toBeUndefined();
    expect(gap.findings).toHaveLength(2);
    expect(gap.missing).toEqual(['sanitary-toilet', 'air-conditioner']);
    expect(gap.message.zh).toBe('缺少：卫生厕所；缺少：冷暖空调');
  });

  it('鼓励建设综合诊断室…: a diagnosis room counts as the comprehensive diagnosis room; with neither, the diagnosis half is reported', async () => {
    const diagnosis = patch(vcCompliant(), (r) => {
      r.rooms = r.rooms!.map((room) => (room === 'comprehensive-diagnosis-room' ? 'diagnosis-room' : room));
    });
    expect(requirement(await evaluate(diagnosis, VC), 'encouraged-rooms').outcome).toBe('met');

    const neither = patch(vcCompliant(), (r) => {
      r.rooms = r.rooms!.filter((room) => room !== 'comprehensive-diagnosis-room');
    });
    const report = await evaluate(neither, VC);
    const gap = requirement(report, 'encouraged-rooms');
    expect(gap).toMatchObject({ outcome: 'gap', fact: 'rooms', expected: ['comprehensive-diagnosis-room', 'diagnosis-room'] });
    expect(gap.message.zh).toBe('功能用房应至少有其一：综合诊断室、诊断室');
    expect(report.outcome).toBe('met');
  });

  it('产权公有: government property meets it as collective property does; private property does not', async () => {
    const government = patch(vcCompliant(), (r) => void (r.premises!.ownership = 'government'));
    expect(requirement(await evaluate(government, VC), 'public-ownership').outcome).toBe('met');
    const privateHouse = patch(vcCompliant(), (r) => void (r.premises!.ownership = 'private'));
    const report = await evaluate(privateHouse, VC);
    expect(requirement(report, 'public-ownership')).toMatchObject({ outcome: 'gap', actual: 'private' });
    expect(report.outcome).toBe('gap');
  });

  it('integrated management is a county target (80%以上), not checked per clinic', async () => {
    const record = patch(vcCompliant(), (r) => void (r.management!.integrated = false));
    const report = await evaluate(record, VC);
    expect(report.outcome).toBe('met');
    expect(report.requirements.some((r) => r.fact === 'management.integrated')).toBe(false);
  });

  it('the central clinic: a public health room without health education is not the 健康教育和公共卫生室; both rooms apart are', async () => {
    const publicHealthOnly = patch(cvcCompliant(), (r) => {
      r.rooms = r.rooms!.map((room) => (room === 'health-education-public-health-room' ? 'public-health-room' : room));
    });
    const gap = requirement(await evaluate(publicHealthOnly, CVC), 'six-rooms');
    expect(gap.outcome).toBe('gap');
    // The failed any: neither the combined room nor the health education room beside the public health room.
    expect(gap.missing).toEqual(['health-education-public-health-room', 'health-education-room']);
    expect(gap.message.zh).toContain('健康教育和公共卫生室');
    expect(gap.message.zh).toContain('健康教育室');

    const apart = patch(cvcCompliant(), (r) => {
      r.rooms = [...r.rooms!.filter((room) => room !== 'health-education-public-health-room'), 'health-education-room', 'public-health-room'];
    });
    expect(requirement(await evaluate(apart, CVC), 'six-rooms').outcome).toBe('met');

    const educationOnly = patch(cvcCompliant(), (r) => {
      r.rooms = r.rooms!.map((room) => (room === 'health-education-public-health-room' ? 'health-education-room' : room));
    });
    expect(requirement(await evaluate(educationOnly, CVC), 'six-rooms')).toMatchObject({ outcome: 'gap', missing: ['health-education-public-health-room', 'public-health-room'] });
  });

  it('the central clinic no longer reports the village clinic\'s optional rooms apart: a missing duty room is one advisory gap', async () => {
    const record = patch(cvcCompliant(), (r) => void (r.rooms = r.rooms!.filter((room) => room !== 'duty-room')));
    const central = await evaluate(record, CVC);
    expect(outcomesById(central)).toEqual(allMetExcept(CVC_IDS, { 'supported-rooms': 'gap' }));
    expect(requirement(central, 'supported-rooms').missing).toEqual(['duty-room']);
    expect(central.outcome).toBe('met');
    // At the village-clinic level the duty room is the optional room.
    const village = await evaluate(record, VC);
    expect(outcomesById(village)).toEqual(allMetExcept(VC_IDS, { 'optional-rooms': 'gap' }));
  });

  it('颈动脉斑块检查 is done on the color Doppler: without it the equipment gap lists the color Doppler only', async () => {
    const record = patch(thcCompliant(), (r) => void delete r.equipment!['color-doppler-ultrasound']);
    const report = await evaluate(record, THC);
    expect(requirement(report, 'equipment').missing).toEqual(['color-doppler-ultrasound']);
    expect(report.outcome).toBe('met');
  });

  it('the Yanggu standards are applied to Yanggu records and the Changzhi ones are not', async () => {
    const reports = await evaluateAll(vcCompliant());
    const ids = reports.map((r) => r.standard.id);
    expect(ids).toEqual(expect.arrayContaining([VC, CVC]));
    expect(ids).not.toContain('changzhi/village-clinic');
    expect(ids).not.toContain(THC);
    const centers = (await evaluateAll(tcmCompliant())).map((r) => r.standard.id);
    expect(centers).toEqual(expect.arrayContaining([THC, TCM]));
    expect(centers).not.toContain(VC);
  });
});

// ------------------------------------------------------------------ unknowns

describe('missing data is unknown, never a gap', () => {
  it('no toilet: the two toilet requirements are unknown, naming their fields; the outcome is unknown', async () => {
    const report = await evaluate(patch(vcCompliant(), (r) => void delete r.toilet), VC);
    expect(outcomesById(report)).toEqual(allMetExcept(VC_IDS, { 'sanitary-toilet': 'unknown', 'flush-toilet': 'unknown' }));
    expect(requirement(report, 'sanitary-toilet').unknownFacts).toEqual(['toilet.sanitary']);
    expect(requirement(report, 'flush-toilet').unknownFacts).toEqual(['toilet.flush']);
    expect(requirement(report, 'sanitary-toilet').message.en).toContain('toilet.sanitary');
    expect(report.counts).toEqual(counts({ met: 14, unknown: 2 }));
    expect(report.outcome).toBe('unknown');

    const central = await evaluate(patch(cvcCompliant(), (r) => void delete r.toilet), CVC);
    expect(requirement(central, 'indoor-flush-toilet').outcome).toBe('unknown');
    expect(requirement(central, 'indoor-flush-toilet').unknownFacts).toEqual(['toilet.indoor', 'toilet.flush']);
  });

  it('no equipment: the six haves on equipment are unknown (the toilet is known, the air conditioner is not)', async () => {
    const report = await evaluate(patch(vcCompliant(), (r) => void delete r.equipment), VC);
    const onEquipment = [
      'observation-exam-bed', 'smart-follow-up-device', 'rehab-physio-equipment', 'examination-equipment',
      'toilet-and-air-conditioning', 'health-education-facility',
    ];
    expect(outcomesById(report)).toEqual(
      allMetExcept(VC_IDS, Object.fromEntries(onEquipment.map((id) => [id, 'unknown' as const]))),
    );
    for (const id of onEquipment) expect(requirement(report, id).unknownFacts).toEqual(['equipment']);
    expect(report.outcome).toBe('unknown');
  });

  it('no equipment and no toilet room: toilet-and-air-conditioning is a gap on the toilet, not unknown', async () => {
    const record = patch(vcCompliant(), (r) => {
      delete r.equipment;
      r.rooms = r.rooms!.filter((room) => room !== 'sanitary-toilet');
    });
    const report = await evaluate(record, VC);
    const gap = requirement(report, 'toilet-and-air-conditioning');
    expect(gap.outcome).toBe('gap');
    expect(gap.fact).toBe('rooms');
    expect(gap.missing).toEqual(['sanitary-toilet']);
    expect(report.outcome).toBe('gap');
  });

  it('no ownership: public-ownership is unknown', async () => {
    const report = await evaluate(patch(vcCompliant(), (r) => void delete r.premises!.ownership), VC);
    expect(outcomesById(report)).toEqual(allMetExcept(VC_IDS, { 'public-ownership': 'unknown' }));
    expect(requirement(report, 'public-ownership').unknownFacts).toEqual(['premises.ownership']);
    expect(report.outcome).toBe('unknown');
  });

  it('no rooms: an advisory unknown does not decide the standard, but the unknown required one does', async () => {
    const report = await evaluate(patch(vcCompliant(), (r) => void delete r.rooms), VC);
    expect(outcomesById(report)).toEqual(
      allMetExcept(VC_IDS, {
        'toilet-and-air-conditioning': 'unknown',
        'encouraged-rooms': 'unknown',
        'supported-rooms': 'unknown',
        'optional-rooms': 'unknown',
      }),
    );
    expect(requirement(report, 'toilet-and-air-conditioning').unknownFacts).toEqual(['rooms']);
    expect(report.outcome).toBe('unknown');
  });

  it('no management: 6S and age-friendly are unknown for a township center', async () => {
    const report = await evaluate(patch(thcCompliant(), (r) => void delete r.management), THC);
    expect(outcomesById(report)).toEqual(allMetExcept(THC_IDS, { 'age-friendly': 'unknown', 'six-s': 'unknown' }));
    expect(requirement(report, 'six-s').unknownFacts).toEqual(['management.sixS']);
    expect(report.outcome).toBe('unknown');
  });

  it('no services: the TCM-featured service requirements are unknown; the TCM hall is still checked', async () => {
    const report = await evaluate(patch(tcmCompliant(), (r) => void delete r.services), TCM);
    expect(outcomesById(report)).toEqual(
      allMetExcept(TCM_IDS, {
        'famous-tcm-expert-station': 'unknown',
        'senior-tcm-visits': 'unknown',
        'tcm-promotion-station': 'unknown',
        'tcm-featured-specialty': 'unknown',
      }),
    );
    expect(requirement(report, 'tcm-promotion-station').unknownFacts).toEqual([
      'services.tcmPromotionStation',
      'services.tcmTechniqueCategoriesPromoted',
    ]);
    expect(report.outcome).toBe('unknown');
  });

  it('a promotion station not set up with the categories unknown: a gap on the station', async () => {
    const record = patch(tcmCompliant(), (r) => {
      r.services!.tcmPromotionStation = false;
      delete r.services!.tcmTechniqueCategoriesPromoted;
    });
    const gap = requirement(await evaluate(record, TCM), 'tcm-promotion-station');
    expect(gap.outcome).toBe('gap');
    expect(gap.fact).toBe('services.tcmPromotionStation');
  });
});

// ------------------------------------------------------------------ ladder

describe('ladder yanggu/village-clinic (六有四提升 → 中心村卫生室)', () => {
  it('a small village\'s compliant clinic reaches the six haves; the central level does not apply to it', async () => {
    const a = await assessLadder(vcCompliant(), LADDER);
    expect(a.levels.map((l) => [l.standard, l.outcome, l.reached])).toEqual([
      [VC, 'met', true],
      [CVC, 'not-applicable', false],
    ]);
    expect(a.achieved?.standard).toBe(VC);
    expect(a.next).toMatchObject({ standard: CVC, outcome: 'not-applicable' });
    expect(a.gapsToNext).toEqual([]);
  });

  it('the compliant central clinic reaches the top', async () => {
    const a = await assessLadder(cvcCompliant(), LADDER);
    expect(a.achieved?.standard).toBe(CVC);
    expect(a.next).toBeNull();
    expect(a.gapsToNext).toEqual([]);
    expect(a.levels.every((l) => l.reached)).toBe(true);
  });

  it('an advisory gap at the central level does not hold the clinic back', async () => {
    const a = await assessLadder(load('central-village-clinic', 'breaks/encouraged-equipment.yaml'), LADDER);
    expect(a.achieved?.standard).toBe(CVC);
    expect(a.next).toBeNull();
  });

  it('a qualifying village\'s clinic without the six rooms (and 138 m²) reaches the six haves; the gaps to the central level are listed', async () => {
    const record = patch(load('central-village-clinic', 'breaks/six-rooms.yaml'), (r) => void (r.premises!.buildingArea = 138));
    const a = await assessLadder(record, LADDER);
    expect(a.achieved?.standard).toBe(VC);
    expect(a.next).toMatchObject({ standard: CVC, outcome: 'gap' });
    // Gaps and unknowns of the next level, advisory ones included, in the standard's order.
    expect(a.gapsToNext.map((r) => [r.requirement, r.severity, r.outcome])).toEqual([
      ['area-150', 'advisory', 'gap'],
      ['six-rooms', 'required', 'gap'],
    ]);
    expect(a.gapsToNext[1]!.missing).toEqual(['rehabilitation-room']);
  });

  it('a clinic without the six haves reaches no level, even in a qualifying village', async () => {
    const record = patch(cvcCompliant(), (r) => void delete r.equipment!['smart-follow-up-device']);
    const a = await assessLadder(record, LADDER);
    expect(a.achieved).toBeNull();
    expect(a.next).toMatchObject({ standard: VC, outcome: 'gap' });
    expect(a.gapsToNext.map((r) => r.requirement)).toEqual(['smart-follow-up-device']);
    expect(a.levels.map((l) => [l.outcome, l.reached])).toEqual([
      ['gap', false],
      ['gap', false],
    ]);
  });

  it('a break fixture of the six haves: the gap to the first level is that requirement', async () => {
    const a = await assessLadder(load('village-clinic', 'breaks/public-ownership.yaml'), LADDER);
    expect(a.achieved).toBeNull();
    expect(a.gapsToNext.map((r) => [r.requirement, r.actual])).toEqual([['public-ownership', 'rented']]);
  });
});
