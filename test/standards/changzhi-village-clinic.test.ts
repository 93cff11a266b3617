// Changzhi village clinic standards (长治市标准化村卫生室 and 综合示范卫生室) against fixture records.
//
// Every expected value here is derived by hand from the source text
// (sources/001_f3c695a624cdce2f.txt, 附件1 二(一), 二(二), 二(三), 三(二)), the thresholds of
// rules/shanxi/changzhi/village-clinic.yaml and village-clinic-demonstration.yaml, and the
// fixture records themselves — never copied from the program's output.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundledStandards, evaluate, loadRules } from '../../src/index.js';
import type { FacilityRecord } from '../../src/index.js';
import { allMetExcept, counts, loadFixture, outcomesById, patch, requirement, expectGap, type ExpectedGap } from '../support/fixtures.js';

const BASE = 'changzhi/village-clinic';
const DEMO = 'changzhi/village-clinic-demonstration';

const fixtureDir = (standard: 'village-clinic' | 'village-clinic-demonstration') =>
  fileURLToPath(new URL(`../../fixtures/changzhi/${standard}/`, import.meta.url));

const load = (standard: 'village-clinic' | 'village-clinic-demonstration', name: string): FacilityRecord =>
  loadFixture(`changzhi/${standard}/${name}`);

const baseCompliant = () => load('village-clinic', 'compliant.yaml');
const demoCompliant = () => load('village-clinic-demonstration', 'compliant.yaml');


// The 17 requirements of 附件1 二(一)、二(二)、三(二), in the order of village-clinic.yaml.
const BASE_IDS = [
  'collective-property',
  'building-area',
  'four-rooms',
  'room-partitions',
  'privacy-protection',
  'utilities',
  'cooling-equipment',
  'living-area',
  'basic-equipment',
  'drugs',
  'information-systems',
  'naming',
  'green-sign',
  'whereabouts-board',
  'tcm-techniques',
  'tcm-health-management',
  'public-disclosure',
];

// The 10 requirements of 附件1 二(三) that village-clinic-demonstration.yaml adds.
const DEMO_OWN_IDS = [
  'business-area',
  'tcm-corner-and-infusion-room',
  'tcm-equipment',
  'emergency-equipment-and-drugs',
  'drugs-100',
  'herbal-pieces',
  'staff',
  'diseases',
  'infusion-reaction-rescue',
  'specialty-techniques',
];
const DEMO_IDS = [...BASE_IDS, ...DEMO_OWN_IDS];

// 原则上 / 结合实际: reported, but they do not decide the standard's outcome.
const ADVISORY = new Set(['building-area', 'living-area', 'green-sign']);





/** The village-clinic-basic catalogue, in vocabulary order (src/record/vocabulary.ts): 38 kinds. */
const CATALOGUE = [
  'examination-couch', 'stethoscope', 'sphygmomanometer', 'thermometer', 'height-weight-scale',
  'vaccination-carrier', 'house-call-kit', 'syringe', 'medicine-cabinet', 'covered-tray',
  'disinfection-jar', 'autoclave', 'waste-bin', 'records-cabinet', 'health-education-board',
  'blood-glucose-meter', 'observation-bed', 'backrest-observation-bed', 'infusion-chair', 'ecg-machine',
  'hematology-analyzer', 'aed', 'health-kiosk', 'telemedicine-terminal', 'smart-follow-up-device',
  'rehab-physio-equipment', 'oxygen-supply', 'first-aid-kit', 'acupuncture-set', 'cupping-set',
  'pulse-pillow', 'uv-lamp', 'film-viewer', 'treatment-cart', 'refrigerator',
  'computer', 'printer', 'telephone',
];


// ------------------------------------------------------------------ expected gaps, by hand

const BASE_BREAKS: Record<string, ExpectedGap> = {
  // 二(一) 集体产权房屋: the clinic rents a villager's house.
  'collective-property': {
    fact: 'premises.ownership',
    expected: 'collective',
    actual: 'rented',
    zh: ['房屋产权', '租赁', '集体产权'],
    en: ['rented', 'collective property'],
  },
  // 二(一) 原则上建筑面积不低于80㎡: 68 m², 12 m² short.
  'building-area': {
    fact: 'premises.buildingArea',
    expected: 80,
    actual: 68,
    shortfall: 12,
    zh: ['建筑面积68平方米', '80平方米', '还差12平方米'],
    en: ['building area', '68 m²', '80 m²', '12 m² short'],
  },
  // 二(一) 四室分开(诊断室、治疗室、药房和公共卫生室): no public-health room.
  'four-rooms': {
    fact: 'rooms',
    expected: ['diagnosis-room', 'treatment-room', 'pharmacy', 'public-health-room'],
    actual: ['diagnosis-room', 'treatment-room', 'pharmacy', 'sanitary-toilet', 'living-area'],
    missing: ['public-health-room'],
    zh: ['缺少', '公共卫生室'],
    en: ['missing', 'public health room'],
  },
  // 二(二) 规范化隔断: curtains only.
  'room-partitions': {
    fact: 'roomsPartitioned',
    expected: true,
    actual: false,
    missing: ['roomsPartitioned'],
    zh: ['规范化隔断'],
    en: ['rooms partitioned'],
  },
  // 二(二) 诊断室、治疗室私密性保护措施.
  'privacy-protection': {
    fact: 'privacyProtection',
    expected: true,
    actual: false,
    missing: ['privacyProtection'],
    zh: ['私密性保护'],
    en: ['privacy protection'],
  },
  // 二(一) 水、电、暖: water and electricity, no heating. Only the heating condition fails.
  utilities: {
    fact: 'utilities.heating',
    expected: true,
    actual: false,
    missing: ['utilities.heating'],
    zh: ['采暖'],
    en: ['heating'],
  },
  // 二(二) 采暖、制冷设施设备: heated, but nothing for cooling.
  'cooling-equipment': {
    fact: 'utilities.cooling',
    expected: true,
    actual: false,
    missing: ['utilities.cooling'],
    zh: ['制冷'],
    en: ['cooling'],
  },
  // 二(一) 结合实际建设生活功能区 (advisory).
  'living-area': {
    fact: 'rooms',
    expected: 'living-area',
    actual: ['diagnosis-room', 'treatment-room', 'pharmacy', 'public-health-room', 'observation-room', 'sanitary-toilet'],
    missing: ['living-area'],
    zh: ['缺少', '生活功能区'],
    en: ['missing', 'living area'],
  },
  // 二(二) 不少于22种: 18 catalogue kinds in working order (the ECG machine has 0 working units and
  // the air conditioner is not in the catalogue), 4 short; the 20 catalogue kinds not present are
  // listed in catalogue order.
  'basic-equipment': {
    fact: 'villageEquipmentKinds',
    expected: 22,
    actual: 18,
    shortfall: 4,
    // Nothing is listed as missing: the catalogue is not the county's list. The count says what it counted.
    zh: ['18种', '不少于22种', '还差4种', '按记录所列设备计数（18种：诊察床、听诊器', '并非县级清单'],
    en: ['18 kinds', 'at least 22 kinds', '4 kinds short', 'counted from the recorded equipment (18: examination couch', "not the county's list"],
  },
  // 二(一) 不少于50种药品: 45, 5 short.
  drugs: {
    fact: 'drugs.varieties',
    expected: 50,
    actual: 45,
    shortfall: 5,
    zh: ['药品品种45种', '不少于50种', '还差5种'],
    en: ['drug varieties 45 kinds', 'at least 50 kinds', '5 kinds short'],
  },
  // 二(一) 公卫信息系统和医保支付系统: the public-health system is not open.
  'information-systems': {
    fact: 'systems',
    expected: ['public-health-information', 'medical-insurance-payment'],
    actual: ['medical-insurance-payment'],
    missing: ['public-health-information'],
    zh: ['缺少', '国家基本公共卫生服务信息系统'],
    en: ['missing', 'national basic public health service information system'],
  },
  // 二(二) 乡镇名+行政村名+卫生室: 西沟乡 + 东庄村 + 卫生室.
  naming: {
    fact: 'name',
    expected: '西沟乡东庄村卫生室',
    actual: '东庄卫生所',
    zh: ['东庄卫生所', '西沟乡东庄村卫生室'],
    en: ['东庄卫生所', '西沟乡东庄村卫生室'],
  },
  // 二(二) 原则上标识牌以绿色为主 (advisory).
  'green-sign': {
    fact: 'signage.greenSign',
    expected: true,
    actual: false,
    missing: ['signage.greenSign'],
    zh: ['标识牌以绿色为主'],
    en: ['green sign board'],
  },
  // 二(二) 村医去向指示牌.
  'whereabouts-board': {
    fact: 'signage.doctorWhereaboutsBoard',
    expected: true,
    actual: false,
    missing: ['signage.doctorWhereaboutsBoard'],
    zh: ['村医去向指示牌'],
    en: ['whereabouts board'],
  },
  // 二(二) 6种以上中医适宜技术: 4, 2 short.
  'tcm-techniques': {
    fact: 'services.tcmTechniques',
    expected: 6,
    actual: 4,
    shortfall: 2,
    zh: ['中医适宜技术4种', '不少于6种', '还差2种'],
    en: ['TCM appropriate techniques 4 kinds', 'at least 6 kinds', '2 kinds short'],
  },
  // 二(二) 中医药健康管理服务.
  'tcm-health-management': {
    fact: 'services.tcmHealthManagement',
    expected: true,
    actual: false,
    missing: ['services.tcmHealthManagement'],
    zh: ['中医药健康管理服务'],
    en: ['TCM health management service'],
  },
  // 三(二) 公示执业许可证、执业资格证、药品目录及价格: drug list and prices not posted.
  'public-disclosure': {
    fact: 'disclosures',
    expected: ['practice-license', 'staff-qualifications', 'drug-list-prices'],
    actual: ['practice-license', 'staff-qualifications'],
    missing: ['drug-list-prices'],
    zh: ['缺少', '药品目录及价格'],
    en: ['missing', 'drug list and prices'],
  },
};

const DEMO_BREAKS: Record<string, ExpectedGap> = {
  // 二(三) 业务用房面积不低于100平方米: 92 m², 8 m² short.
  'business-area': {
    fact: 'premises.businessArea',
    expected: 100,
    actual: 92,
    shortfall: 8,
    zh: ['业务用房面积92平方米', '不少于100平方米', '还差8平方米'],
    en: ['business premises area 92 m²', '100 m²', '8 m² short'],
  },
  // 二(三) 配建“中医阁”、“输液室(观察室)”: the TCM corner is missing (the infusion room is there).
  'tcm-corner-and-infusion-room': {
    fact: 'rooms',
    expected: 'tcm-corner',
    actual: [
      'diagnosis-room', 'treatment-room', 'pharmacy', 'public-health-room', 'infusion-observation-room',
      'duty-room', 'sanitary-toilet', 'living-area',
    ],
    missing: ['tcm-corner'],
    zh: ['缺少', '中医阁'],
    en: ['missing', 'TCM corner'],
  },
  // 二(三) 针灸器具、火罐: no cupping set.
  'tcm-equipment': {
    fact: 'equipment',
    expected: ['acupuncture-set', 'cupping-set'],
    actual: expect.not.arrayContaining(['cupping-set']),
    missing: ['cupping-set'],
    zh: ['缺少', '火罐'],
    en: ['missing', 'cupping set'],
  },
  // 二(三) 氧气瓶(袋)等急救设备、药品: the oxygen cylinder has 0 working units; emergency drugs are
  // stocked, so only the equipment condition fails.
  'emergency-equipment-and-drugs': {
    fact: 'equipment',
    expected: 'oxygen-supply',
    actual: expect.not.arrayContaining(['oxygen-supply']),
    missing: ['oxygen-supply'],
    zh: ['缺少', '氧气瓶（袋）'],
    en: ['missing', 'oxygen cylinder (bag)'],
  },
  // 二(三) 药品配备达到100种以上: 86, 14 short (and ≥ 50, so 二(一) is met).
  'drugs-100': {
    fact: 'drugs.varieties',
    expected: 100,
    actual: 86,
    shortfall: 14,
    zh: ['药品品种86种', '不少于100种', '还差14种'],
    en: ['drug varieties 86 kinds', 'at least 100 kinds', '14 kinds short'],
  },
  // 二(三) 中药饮片服务.
  'herbal-pieces': {
    fact: 'drugs.herbalPieces',
    expected: true,
    actual: false,
    missing: ['drugs.herbalPieces'],
    zh: ['中药饮片服务'],
    en: ['Chinese herbal pieces service'],
  },
  // 二(三) 医师及辅助工作人员不少于2名: 0 physicians + 0 auxiliary = 0 (the village doctor is not a 医师), 2 short.
  staff: {
    fact: 'physiciansAndAuxiliaryStaff',
    expected: 2,
    actual: 0,
    shortfall: 2,
    zh: ['医师（执业+执业助理）及辅助工作人员0人', '不少于2人', '还差2人'],
    en: ['physicians (licensed and assistant) and auxiliary staff 0 people', 'at least 2', '2 people short'],
  },
  // 二(三) 诊疗病种超过40种: exactly 40 is not more than 40; 41 is needed, 1 short.
  diseases: {
    fact: 'services.commonDiseases',
    expected: 40,
    actual: 40,
    shortfall: 1,
    zh: ['诊疗病种40种', '超过40种', '还差1种'],
    en: ['diseases diagnosed and treated 40 kinds', 'more than 40 kinds', 'short'],
  },
  // 二(三) 预防和处理输液反应的救护措施和急救能力.
  'infusion-reaction-rescue': {
    fact: 'services.infusionReactionRescue',
    expected: true,
    actual: false,
    missing: ['services.infusionReactionRescue'],
    zh: ['输液反应'],
    en: ['infusion reactions'],
  },
  // 二(三) 掌握1—2项特色专科诊疗技术: none, 1 short.
  'specialty-techniques': {
    fact: 'services.specialtyTechniques',
    expected: 1,
    actual: 0,
    shortfall: 1,
    zh: ['特色专科诊疗技术0项', '不少于1项', '还差1项'],
    en: ['special-clinic techniques 0 items', 'at least 1 item', '1 item short'],
  },
};


// ------------------------------------------------------------------ compliant fixtures

describe('compliant fixtures', () => {
  it('the standardized clinic meets every requirement of changzhi/village-clinic', async () => {
    const record = baseCompliant();
    expect(record.servicePopulation).toBeLessThan(1000);
    const report = await evaluate(record, BASE);
    expect(report.standard.id).toBe(BASE);
    expect(report.requirements.map((r) => r.requirement)).toEqual(BASE_IDS);
    expect(report.outcome).toBe('met');
    expect(report.applicable).toBe(true);
    expect(outcomesById(report)).toEqual(allMetExcept(BASE_IDS));
    expect(report.counts).toEqual(counts({ met: 17 }));
    expect(report.facility).toEqual({ id: 'changzhi-pingshun-qingyang-hongling', name: '青羊镇洪岭村卫生室' });
  });

  it('the demonstration standard does not apply to the standardized clinic (820 people, not 1000人以上)', async () => {
    const report = await evaluate(baseCompliant(), DEMO);
    expect(report.outcome).toBe('not-applicable');
    expect(report.applicable).toBe(false);
    expect(report.requirements.map((r) => r.requirement)).toEqual(DEMO_IDS);
    expect(report.requirements.every((r) => r.outcome === 'not-applicable')).toBe(true);
    expect(report.counts).toEqual(counts({ 'not-applicable': 27 }));
  });

  it('the demonstration clinic meets every requirement of changzhi/village-clinic-demonstration (17 inherited + 10 own)', async () => {
    const record = demoCompliant();
    expect(record.servicePopulation).toBeGreaterThanOrEqual(1000);
    const report = await evaluate(record, DEMO);
    expect(report.requirements.map((r) => r.requirement)).toEqual(DEMO_IDS);
    expect(report.outcome).toBe('met');
    expect(report.applicable).toBe(true);
    expect(outcomesById(report)).toEqual(allMetExcept(DEMO_IDS));
    expect(report.counts).toEqual(counts({ met: 27 }));
    // Inherited requirements name the standard that declared them.
    expect(requirement(report, 'drugs').source.standard).toBe(BASE);
    expect(requirement(report, 'drugs-100').source.standard).toBe(DEMO);
  });

  it('the demonstration clinic is also a standardized clinic', async () => {
    const report = await evaluate(demoCompliant(), BASE);
    expect(report.outcome).toBe('met');
    expect(outcomesById(report)).toEqual(allMetExcept(BASE_IDS));
  });
});

// ------------------------------------------------------------------ break fixtures

describe('standardized clinic break fixtures (changzhi/village-clinic)', () => {
  it('there is one break fixture per requirement, 17 in all', () => {
    const files = readdirSync(`${fixtureDir('village-clinic')}breaks`).sort();
    expect(files).toEqual(BASE_IDS.map((id) => `${id}.yaml`).sort());
    expect(Object.keys(BASE_BREAKS).sort()).toEqual([...BASE_IDS].sort());
  });

  for (const id of BASE_IDS) {
    const e = BASE_BREAKS[id]!;
    const advisory = ADVISORY.has(id);
    it(`breaks/${id}.yaml: only ${id} is a gap (${advisory ? 'advisory, the standard stays met' : 'required, the standard is a gap'})`, async () => {
      const record = load('village-clinic', `breaks/${id}.yaml`);
      expect(record.servicePopulation).toBeLessThan(1000);
      const report = await evaluate(record, BASE);
      expect(outcomesById(report)).toEqual(allMetExcept(BASE_IDS, { [id]: 'gap' }));
      expect(report.counts).toEqual(counts({ met: 16, gap: 1 }));
      expect(report.outcome).toBe(advisory ? 'met' : 'gap');
      const gap = requirement(report, id);
      expect(gap.severity).toBe(advisory ? 'advisory' : 'required');
      expectGap(gap, e);

      // Under 1000 people: the demonstration standard does not apply.
      const demo = await evaluate(record, DEMO);
      expect(demo.outcome).toBe('not-applicable');
    });
  }
});

describe('demonstration clinic break fixtures (changzhi/village-clinic-demonstration)', () => {
  it('there is one break fixture per requirement the demonstration standard declares, 10 in all', () => {
    const files = readdirSync(`${fixtureDir('village-clinic-demonstration')}breaks`).sort();
    expect(files).toEqual(DEMO_OWN_IDS.map((id) => `${id}.yaml`).sort());
    expect(Object.keys(DEMO_BREAKS).sort()).toEqual([...DEMO_OWN_IDS].sort());
  });

  for (const id of DEMO_OWN_IDS) {
    const e = DEMO_BREAKS[id]!;
    it(`breaks/${id}.yaml: only ${id} is a gap, the standard is a gap, the base standard is met`, async () => {
      const record = load('village-clinic-demonstration', `breaks/${id}.yaml`);
      expect(record.servicePopulation).toBeGreaterThanOrEqual(1000);
      const report = await evaluate(record, DEMO);
      expect(report.applicable).toBe(true);
      expect(outcomesById(report)).toEqual(allMetExcept(DEMO_IDS, { [id]: 'gap' }));
      expect(report.counts).toEqual(counts({ met: 26, gap: 1 }));
      expect(report.outcome).toBe('gap');
      const gap = requirement(report, id);
      expect(gap.severity).toBe('required');
      expectGap(gap, e);

      const base = await evaluate(record, BASE);
      expect(base.outcome).toBe('met');
      expect(outcomesById(base)).toEqual(allMetExcept(BASE_IDS));
    });
  }
});

// ------------------------------------------------------------------ boundaries

describe('boundaries', () => {
  it('building area (原则上不低于80㎡, advisory): 79.9 is a gap 0.1 m² short, the standard stays met; 80 is met', async () => {
    const low = await evaluate(patch(baseCompliant(), (r) => void (r.premises!.buildingArea = 79.9)), BASE);
    const gap = requirement(low, 'building-area');
    expect(gap.outcome).toBe('gap');
    expect(gap.severity).toBe('advisory');
    expect(gap.expected).toBe(80);
    expect(gap.actual).toBe(79.9);
    expect(gap.shortfall).toBe(0.1);
    expect(gap.message.zh).toContain('还差0.1平方米');
    expect(outcomesById(low)).toEqual(allMetExcept(BASE_IDS, { 'building-area': 'gap' }));
    expect(low.outcome).toBe('met');

    const at = await evaluate(patch(baseCompliant(), (r) => void (r.premises!.buildingArea = 80)), BASE);
    expect(requirement(at, 'building-area').outcome).toBe('met');
    expect(at.outcome).toBe('met');
  });

  it('drugs (不少于50种): 49 is a gap 1 short; 50 is met', async () => {
    const low = await evaluate(patch(baseCompliant(), (r) => void (r.drugs!.varieties = 49)), BASE);
    expect(outcomesById(low)).toEqual(allMetExcept(BASE_IDS, { drugs: 'gap' }));
    const gap = requirement(low, 'drugs');
    expect([gap.expected, gap.actual, gap.shortfall]).toEqual([50, 49, 1]);
    expect(low.outcome).toBe('gap');

    const at = await evaluate(patch(baseCompliant(), (r) => void (r.drugs!.varieties = 50)), BASE);
    expect(at.outcome).toBe('met');
  });

  it('drugs for a demonstration clinic (100种以上): 99 is a gap 1 short, the 50 of 二(一) still met; 100 is met', async () => {
    const low = await evaluate(patch(demoCompliant(), (r) => void (r.drugs!.varieties = 99)), DEMO);
    expect(outcomesById(low)).toEqual(allMetExcept(DEMO_IDS, { 'drugs-100': 'gap' }));
    const gap = requirement(low, 'drugs-100');
    expect([gap.expected, gap.actual, gap.shortfall]).toEqual([100, 99, 1]);
    expect(low.outcome).toBe('gap');

    const at = await evaluate(patch(demoCompliant(), (r) => void (r.drugs!.varieties = 100)), DEMO);
    expect(at.outcome).toBe('met');
  });

  it('TCM appropriate techniques (6种以上): 5 is a gap 1 short; 6 is met', async () => {
    const low = await evaluate(patch(baseCompliant(), (r) => void (r.services!.tcmTechniques = 5)), BASE);
    expect(outcomesById(low)).toEqual(allMetExcept(BASE_IDS, { 'tcm-techniques': 'gap' }));
    const gap = requirement(low, 'tcm-techniques');
    expect([gap.expected, gap.actual, gap.shortfall]).toEqual([6, 5, 1]);

    const at = await evaluate(patch(baseCompliant(), (r) => void (r.services!.tcmTechniques = 6)), BASE);
    expect(at.outcome).toBe('met');
  });

  describe('basic equipment (不少于22种)', () => {
    // 22 kinds from the catalogue, plus an air conditioner, which is not in it.
    const twentyTwo = {
      'examination-couch': 1,
      stethoscope: 2,
      sphygmomanometer: 2,
      thermometer: 8,
      'height-weight-scale': 1,
      'house-call-kit': 1,
      'medicine-cabinet': 2,
      'disinfection-jar': 2,
      autoclave: 1,
      'waste-bin': 3,
      'records-cabinet': 1,
      'health-education-board': 1,
      'blood-glucose-meter': 1,
      'observation-bed': 1,
      'infusion-chair': 2,
      'first-aid-kit': 1,
      'acupuncture-set': 1,
      'cupping-set': 1,
      'uv-lamp': 1,
      refrigerator: 1,
      computer: 1,
      telephone: 1,
      'air-conditioner': 1,
    };
    // With the UV lamp gone, these 17 of the 38 catalogue kinds are not present (catalogue order).
    const missingAt21 = [
      'vaccination-carrier', 'syringe', 'covered-tray', 'backrest-observation-bed', 'ecg-machine',
      'hematology-analyzer', 'aed', 'health-kiosk', 'telemedicine-terminal', 'smart-follow-up-device',
      'rehab-physio-equipment', 'oxygen-supply', 'pulse-pillow', 'uv-lamp', 'film-viewer',
      'treatment-cart', 'printer',
    ];

    it('the hand-kept catalogue has 38 kinds and the test lists are consistent with it', () => {
      expect(CATALOGUE).toHaveLength(38);
      const present = Object.keys(twentyTwo).filter((code) => CATALOGUE.includes(code));
      expect(present).toHaveLength(22);
      expect(missingAt21).toHaveLength(38 - 21);
    });

    it('22 kinds are met', async () => {
      const report = await evaluate(patch(baseCompliant(), (r) => void (r.equipment = { ...twentyTwo })), BASE);
      expect(requirement(report, 'basic-equipment').outcome).toBe('met');
      expect(report.outcome).toBe('met');
    });

    it('21 kinds (the UV lamp has 0 working units) are a gap 1 short that lists nothing as missing and says what it counted', async () => {
      const report = await evaluate(
        patch(baseCompliant(), (r) => void (r.equipment = { ...twentyTwo, 'uv-lamp': 0 })),
        BASE,
      );
      expect(outcomesById(report)).toEqual(allMetExcept(BASE_IDS, { 'basic-equipment': 'gap' }));
      const gap = requirement(report, 'basic-equipment');
      expect(gap.fact).toBe('villageEquipmentKinds');
      expect([gap.expected, gap.actual, gap.shortfall]).toEqual([22, 21, 1]);
      expect(gap.missing).toBeUndefined();
      expect(gap.counted).toMatchObject({ fact: 'villageEquipmentKinds', from: 'recorded-equipment' });
      expect(gap.counted!.items).toHaveLength(21);
      expect(gap.counted!.items).not.toContain('uv-lamp');
      expect(gap.message.zh).toContain('还差1种');
      expect(gap.message.zh).not.toContain('紫外线灯');
      expect(gap.message.zh).toContain('按记录所列设备计数（21种');
      expect(report.outcome).toBe('gap');
    });

    it('21 kinds removed outright are the same gap', async () => {
      const { 'uv-lamp': _, ...twentyOne } = twentyTwo;
      const report = await evaluate(patch(baseCompliant(), (r) => void (r.equipment = twentyOne)), BASE);
      const gap = requirement(report, 'basic-equipment');
      expect([gap.outcome, gap.actual, gap.shortfall, gap.missing]).toEqual(['gap', 21, 1, undefined]);
    });

    it('the reported defect: 21 minor items plus a board, no examination couch, meet the fallback count — and the result says it was a count of recorded items, not the county list', async () => {
      const { 'examination-couch': _, ...noCouch } = twentyTwo;
      const report = await evaluate(patch(baseCompliant(), (r) => void (r.equipment = { ...noCouch, 'pulse-pillow': 1 })), BASE);
      const met = requirement(report, 'basic-equipment');
      expect(met.outcome).toBe('met');
      expect(met.counted).toMatchObject({ from: 'recorded-equipment' });
      expect(met.counted!.items).not.toContain('examination-couch');
      expect(met.message.zh).toContain('并非县级清单');
      expect(met.message.en).toContain("not the county's list");
    });

    it("the assessor's count against the county's list comes first: 21 is a gap whatever the recorded equipment, 22 is met", async () => {
      const counted = (n: number) => patch(baseCompliant(), (r) => void (r.equipmentKinds = { villageBasic: n }));
      const low = requirement(await evaluate(counted(21), BASE), 'basic-equipment');
      expect([low.outcome, low.actual, low.shortfall, low.missing]).toEqual(['gap', 21, 1, undefined]);
      expect(low.counted).toEqual({
        fact: 'villageEquipmentKinds',
        from: 'assessor-count',
        message: { zh: '按县级清单核定的种数（equipmentKinds.villageBasic）', en: "kinds counted by the assessor against the county's list (equipmentKinds.villageBasic)" },
      });
      const at = await evaluate(counted(22), BASE);
      expect(requirement(at, 'basic-equipment').outcome).toBe('met');
      // The count alone decides, with no equipment map at all: the empty county list needs no data.
      const noMap = await evaluate(patch(counted(22), (r) => void delete r.equipment), BASE);
      expect(requirement(noMap, 'basic-equipment').outcome).toBe('met');
    });

    it('a county that names its list (requiredEquipment) gets each item it names checked and listed when missing', async () => {
      const { standards } = loadRules(
        [
        {
          file: 'county.yaml',
          text: [
            'id: test/county-village-clinic',
            'version: "2026"',
            'title: { zh: 某县村卫生室, en: a county village clinic }',
            'facilityType: village-clinic',
            'source: { title: test, issuer: 某县卫生健康局, date: 2026-01-01, file: sources/001_f3c695a624cdce2f.txt }',
            'extends: changzhi/village-clinic',
            'parameters:',
            '  requiredEquipment: { value: [examination-couch, sphygmomanometer] }',
          ].join('\n'),
        },
        ],
        { base: bundledStandards() },
      );
      const county = standards.get('test/county-village-clinic')!;
      const record = patch(baseCompliant(), (r) => {
        r.equipmentKinds = { villageBasic: 22 };
        delete r.equipment!['examination-couch'];
      });
      const gap = requirement(await evaluate(record, county), 'basic-equipment');
      expect([gap.outcome, gap.missing]).toEqual(['gap', ['examination-couch']]);
      expect(gap.message.zh).toContain('缺少：诊察床');
    });
  });

  it('business area (不低于100平方米): 99.9 is a gap 0.1 m² short; 100 is met', async () => {
    const low = await evaluate(patch(demoCompliant(), (r) => void (r.premises!.businessArea = 99.9)), DEMO);
    expect(outcomesById(low)).toEqual(allMetExcept(DEMO_IDS, { 'business-area': 'gap' }));
    const gap = requirement(low, 'business-area');
    expect([gap.expected, gap.actual, gap.shortfall]).toEqual([100, 99.9, 0.1]);
    expect(low.outcome).toBe('gap');

    const at = await evaluate(patch(demoCompliant(), (r) => void (r.premises!.businessArea = 100)), DEMO);
    expect(at.outcome).toBe('met');
  });

  it('diseases (超过40种): 40 is a gap 1 short; 41 is met', async () => {
    const at40 = await evaluate(patch(demoCompliant(), (r) => void (r.services!.commonDiseases = 40)), DEMO);
    expect(outcomesById(at40)).toEqual(allMetExcept(DEMO_IDS, { diseases: 'gap' }));
    const gap = requirement(at40, 'diseases');
    expect([gap.expected, gap.actual, gap.shortfall]).toEqual([40, 40, 1]);
    expect(at40.outcome).toBe('gap');

    const at41 = await evaluate(patch(demoCompliant(), (r) => void (r.services!.commonDiseases = 41)), DEMO);
    expect(requirement(at41, 'diseases').outcome).toBe('met');
    expect(at41.outcome).toBe('met');
  });

  it('physicians and auxiliary staff (不少于2名): a village doctor alone is 0, 2 short; a physician and a helper are 2; two village doctors are not physicians', async () => {
    const alone = { onPost: 1, healthTechnicians: 0, physicians: 0, villageDoctors: 1, nurses: 0, auxiliary: 0 };
    const one = await evaluate(patch(demoCompliant(), (r) => void (r.staff = alone)), DEMO);
    expect(outcomesById(one)).toEqual(allMetExcept(DEMO_IDS, { staff: 'gap' }));
    const gap = requirement(one, 'staff');
    expect([gap.fact, gap.expected, gap.actual, gap.shortfall]).toEqual(['physiciansAndAuxiliaryStaff', 2, 0, 2]);

    // 1 physician + 0 auxiliary = 1: a gap 1 short.
    const physicianAlone = await evaluate(
      patch(demoCompliant(), (r) => void (r.staff = { ...alone, physicians: 1, villageDoctors: 0, healthTechnicians: 1 })),
      DEMO,
    );
    expect([requirement(physicianAlone, 'staff').actual, requirement(physicianAlone, 'staff').shortfall]).toEqual([1, 1]);

    const withHelper = await evaluate(
      patch(demoCompliant(), (r) => void (r.staff = { ...alone, onPost: 3, physicians: 1, healthTechnicians: 1, auxiliary: 1 })),
      DEMO,
    );
    expect(requirement(withHelper, 'staff').outcome).toBe('met');
    expect(withHelper.outcome).toBe('met');

    // 医师 excludes 乡村医生: two village doctors and no helper are 0.
    const twoVillageDoctors = await evaluate(
      patch(demoCompliant(), (r) => void (r.staff = { ...alone, onPost: 2, villageDoctors: 2 })),
      DEMO,
    );
    expect(requirement(twoVillageDoctors, 'staff')).toMatchObject({ outcome: 'gap', actual: 0, shortfall: 2 });

    const noVillageDoctorCount = await evaluate(
      patch(demoCompliant(), (r) => void delete r.staff!.villageDoctors),
      DEMO,
    );
    expect(requirement(noVillageDoctorCount, 'staff').outcome).toBe('met');
  });

  it('naming without a region is unknown', async () => {
    const noRegion = await evaluate(patch(baseCompliant(), (r) => void delete r.region), BASE);
    expect(requirement(noRegion, 'naming').unknownFacts).toEqual(['region.township', 'region.village']);
  });

  it('no equipment: every requirement on equipment is unknown', async () => {
    const record = patch(demoCompliant(), (r) => void delete r.equipment);
    const base = await evaluate(record, BASE);
    expect(outcomesById(base)).toEqual(allMetExcept(BASE_IDS, { 'basic-equipment': 'unknown' }));
    expect(requirement(base, 'basic-equipment').unknownFacts).toEqual(['equipmentKinds.villageBasic', 'equipment']);

    const demo = await evaluate(record, DEMO);
    expect(outcomesById(demo)).toEqual(
      allMetExcept(DEMO_IDS, {
        'basic-equipment': 'unknown',
        'tcm-equipment': 'unknown',
        'emergency-equipment-and-drugs': 'unknown',
      }),
    );
    expect(requirement(demo, 'tcm-equipment').unknownFacts).toEqual(['equipment']);
    expect(requirement(demo, 'emergency-equipment-and-drugs').unknownFacts).toEqual(['equipment']);
    expect(demo.outcome).toBe('unknown');
  });

  it('no service population: whether the demonstration standard applies is unknown', async () => {
    const report = await evaluate(patch(demoCompliant(), (r) => void delete r.servicePopulation), DEMO);
    expect(report.applicable).toBe('unknown');
    expect(outcomesById(report)).toEqual(allMetExcept(DEMO_IDS));
    expect(report.outcome).toBe('unknown');
  });

  it('water unknown but heating false: the utilities requirement is a gap on heating, not unknown', async () => {
    const unknownOnly = await evaluate(patch(baseCompliant(), (r) => void delete r.utilities!.water), BASE);
    expect(requirement(unknownOnly, 'utilities').outcome).toBe('unknown');
    expect(requirement(unknownOnly, 'utilities').unknownFacts).toEqual(['utilities.water']);
    expect(unknownOnly.outcome).toBe('unknown');

    const report = await evaluate(
      patch(baseCompliant(), (r) => {
        delete r.utilities!.water;
        r.utilities!.heating = false;
      }),
      BASE,
    );
    const gap = requirement(report, 'utilities');
    expect(gap.outcome).toBe('gap');
    expect(gap.fact).toBe('utilities.heating');
    expect(gap.missing).toEqual(['utilities.heating']);
    expect(report.outcome).toBe('gap');
  });

  it('one required requirement unknown and another a gap: the standard is a gap', async () => {
    const record = patch(baseCompliant(), (r) => {
      delete r.drugs;
      r.roomsPartitioned = false;
    });
    const report = await evaluate(record, BASE);
    expect(outcomesById(report)).toEqual(allMetExcept(BASE_IDS, { drugs: 'unknown', 'room-partitions': 'gap' }));
    expect(report.counts).toEqual(counts({ met: 15, gap: 1, unknown: 1 }));
    expect(report.outcome).toBe('gap');
  });

  it('an advisory gap with a required unknown: the standard is unknown', async () => {
    const record = patch(baseCompliant(), (r) => {
      delete r.services!.tcmTechniques;
      r.signage!.greenSign = false;
    });
    const report = await evaluate(record, BASE);
    expect(outcomesById(report)).toEqual(
      allMetExcept(BASE_IDS, { 'tcm-techniques': 'unknown', 'green-sign': 'gap' }),
    );
    expect(requirement(report, 'tcm-techniques').unknownFacts).toEqual(['services.tcmTechniques']);
    expect(report.outcome).toBe('unknown');
  });
});
