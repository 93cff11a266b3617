// Changzhi township health center standards (basic, recommended, county sub-center), their ladder,
// and Pingshun county's overlays of the Changzhi standards, against fixture records.
//
// Every expected value here is derived by hand from the source text
// (sources/001_f3c695a624cdce2f.txt, 附件2 二(一), 二(二), 二(三); plan body 二(一)2 and 二(四)12), the
// thresholds of rules/shanxi/changzhi/township-basic.yaml, township-recommended.yaml and
// county-subcenter.yaml, and the fixture records themselves — never copied from the program's output.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assessLadder, bundledStandards, evaluate, evaluateAll, loadRules } from '../../src/index.js';
import type { FacilityRecord, Ladder, RequirementResult } from '../../src/index.js';
import { allMetExcept, counts, loadFixture, outcomesById, patch, requirement, expectGap, type ExpectedGap } from '../support/fixtures.js';

const BASIC = 'changzhi/township-basic';
const REC = 'changzhi/township-recommended';
const SUB = 'changzhi/county-subcenter';
const LADDER = 'changzhi/township';

type Dir = 'township-basic' | 'township-recommended' | 'county-subcenter' | 'township-ladder' | 'village-clinic' | 'village-clinic-demonstration';

const fixtureDir = (dir: Dir) => fileURLToPath(new URL(`../../fixtures/changzhi/${dir}/`, import.meta.url));

const load = (dir: Dir, name: string): FacilityRecord => loadFixture(`changzhi/${dir}/${name}`);

const basicCompliant = () => load('township-basic', 'compliant.yaml');
const recCompliant = () => load('township-recommended', 'compliant.yaml');
const subCompliant = () => load('county-subcenter', 'compliant.yaml');


// The 19 requirements of changzhi/township-basic (附件2 二(一); 二(一)2), in file order. The
// technicians of 二(四)12 are the city's own requirement, changzhi/township-technicians.
const BASIC_IDS = [
  'clinical-departments',
  'common-diseases',
  'tcm-diseases',
  'public-health-department',
  'posts',
  'named-equipment',
  'general-equipment',
  'ambulance',
  'staff-on-post',
  'health-tech-ratio',
  'physicians',
  'clinical-physicians',
  'tcm-physician',
  'tcm-hall',
  'colour-scheme',
  'vertical-sign',
  'name-lettering',
  'interior-colours',
  'child-friendly',
];
// 附件2 二(二): what the recommended standard adds, and the inherited ones it raises.
const REC_OWN_IDS = [
  'added-departments',
  'medtech-rooms',
  'first-level-surgery',
  'dedicated-inpatient-staff',
  'referral-relationship',
  'down-referral-care',
];
const REC_ALTERED_IDS = ['common-diseases', 'tcm-diseases', 'ambulance', 'staff-on-post', 'health-tech-ratio'];
const REC_IDS = [...BASIC_IDS, ...REC_OWN_IDS];
// 附件2 二(三): what the sub-center standard adds, and the inherited ones it raises.
const SUB_OWN_IDS = [
  'subcenter-departments',
  'featured-departments',
  'tcm-equipment',
  'featured-equipment-ct',
  'featured-equipment-gi-endoscope',
  'featured-equipment-laparoscope',
  'staff-on-post-50',
  'senior-physicians',
  'seconded-senior-physicians',
  'inpatient-disease-types',
  'surgical-disease-types',
  'inpatient-surgery-types',
];
const SUB_ALTERED_IDS = ['health-tech-ratio', 'common-diseases', 'tcm-diseases'];
const SUB_IDS = [...REC_IDS, ...SUB_OWN_IDS];

// 原则上 / 因地制宜: reported, but they do not decide the standard's outcome.
const ADVISORY = new Set(['colour-scheme', 'added-departments', 'medtech-rooms', 'staff-on-post-50']);







// The fixtures' lists, as written in them (record order).
const BASIC_DEPARTMENTS = ['general-practice', 'internal-medicine-pediatrics', 'surgery', 'gynecology-obstetrics', 'tcm', 'public-health'];
const BASIC_EQUIPMENT = [
  'digital-radiography', 'b-mode-ultrasound', 'biochemistry-analyzer-auto', 'hematology-analyzer', 'ecg-machine',
  'aed', 'oxygen-supply', 'first-aid-kit', 'autoclave', 'refrigerator',
];
const BASIC_ROOMS = ['diagnosis-room', 'treatment-room', 'pharmacy', 'laboratory-room', 'ecg-room', 'observation-room', 'vaccination-clinic', 'tcm-hall'];
const REC_DEPARTMENTS = [
  'general-practice', 'internal-medicine', 'pediatrics', 'surgery', 'gynecology-obstetrics', 'tcm', 'stomatology',
  'rehabilitation', 'emergency', 'public-health',
];
const REC_ROOMS = [
  'diagnosis-room', 'treatment-room', 'disposal-room', 'operating-room', 'pharmacy', 'laboratory-room', 'ecg-room',
  'observation-room', 'rehabilitation-room', 'vaccination-clinic', 'tcm-hall',
];
const SUB_DEPARTMENTS = [
  'general-practice', 'internal-medicine', 'pediatrics', 'surgery', 'gynecology-obstetrics', 'tcm', 'stomatology',
  'rehabilitation-medicine', 'psychiatry', 'geriatrics', 'eye-ent', 'emergency', 'public-health',
];
const SUB_EQUIPMENT = [
  'ct-scanner', 'digital-radiography', 'color-doppler-ultrasound', 'b-mode-ultrasound', 'biochemistry-analyzer-auto',
  'hematology-analyzer', 'coagulation-analyzer', 'gi-endoscope', 'laparoscope', 'fundus-exam-device', 'ecg-machine',
  'aed', 'oxygen-supply', 'first-aid-kit', 'autoclave', 'refrigerator',
];
const without = (list: readonly string[], ...items: string[]) => list.filter((x) => !items.includes(x));

// ------------------------------------------------------------------ expected gaps, by hand

const BASIC_BREAKS: Record<string, ExpectedGap> = {
  // 附件2 二(一) 全科、内(儿)、外、妇(产)、中医等5个临床科室: no 妇(产)科.
  'clinical-departments': {
    fact: 'departments',
    expected: ['general-practice', 'surgery', 'gynecology-obstetrics', 'tcm'],
    actual: without(BASIC_DEPARTMENTS, 'gynecology-obstetrics'),
    missing: ['gynecology-obstetrics'],
    zhIs: '缺少：妇(产)科',
    en: ['missing: gynecology (and obstetrics)'],
  },
  // 附件2 二(一) 超过50种: 50 is not more than 50; 51 is needed, 1 short.
  'common-diseases': {
    fact: 'services.commonDiseases',
    expected: 50,
    actual: 50,
    shortfall: 1,
    zhIs: '诊疗病种50种，要求超过50种，还差1种',
    en: ['diseases diagnosed and treated 50 kinds', 'more than 50 kinds', '1 kind short'],
  },
  // 附件2 二(一) 中医疾病不少于20种: 16, 4 short.
  'tcm-diseases': {
    fact: 'services.tcmDiseases',
    expected: 20,
    actual: 16,
    shortfall: 4,
    zhIs: '中医病种16种，要求不少于20种，还差4种',
    en: ['TCM diseases 16 kinds', 'at least 20 kinds', '4 kinds short'],
  },
  // 附件2 二(一) 独立的公共卫生科或预防保健科: neither.
  'public-health-department': {
    fact: 'departments',
    expected: ['public-health', 'preventive-care'],
    actual: without(BASIC_DEPARTMENTS, 'public-health'),
    zhIs: '科室应至少有其一：公共卫生科、预防保健科',
    en: ['departments: at least one of public health, preventive care'],
  },
  // 附件2 二(一) 党务、院务、医务等专(兼)职岗位: no medical affairs post.
  posts: {
    fact: 'posts',
    expected: ['party-affairs', 'administration-affairs', 'medical-affairs'],
    actual: ['party-affairs', 'administration-affairs'],
    missing: ['medical-affairs'],
    zhIs: '缺少：医务',
    en: ['missing: medical affairs'],
  },
  // 附件2 二(一) DR、B超、全自动生化分析仪: no DR (B超 is there, so only the includesAll part fails).
  'named-equipment': {
    fact: 'equipment',
    expected: ['digital-radiography', 'biochemistry-analyzer-auto'],
    actual: without(BASIC_EQUIPMENT, 'digital-radiography'),
    missing: ['digital-radiography'],
    zhIs: '缺少：DR',
    en: ['missing: digital radiography (DR)'],
  },
  // 附件2 二(一) 22种通用医用装备: 19, 3 short.
  'general-equipment': {
    fact: 'equipmentKinds.general',
    expected: 22,
    actual: 19,
    shortfall: 3,
    zhIs: '通用医用装备种类19种，要求不少于22种，还差3种',
    en: ['kinds of general medical equipment 19 kinds', 'at least 22 kinds', '3 kinds short'],
  },
  // 附件2 二(一) 转运型救护车: none at all (an emergency one would also do).
  ambulance: {
    fact: 'ambulances',
    expected: ['transport', 'emergency'],
    actual: [],
    zhIs: '救护车应至少有其一：转运型救护车、急救型救护车',
    en: ['ambulances: at least one of transport ambulance, emergency ambulance'],
  },
  // 附件2 二(一) 在岗人员不少于15人: 14, 1 short.
  'staff-on-post': {
    fact: 'staff.onPost',
    expected: 15,
    actual: 14,
    shortfall: 1,
    zhIs: '在岗人员14人，要求不少于15人，还差1人',
    en: ['staff on post 14 people', 'at least 15 people', '1 person short'],
  },
  // 附件2 二(一) 卫生技术人员占比不低于80%: 15 / 20 = 75%, 5 percentage points short.
  'health-tech-ratio': {
    fact: 'healthTechRatio',
    expected: 0.8,
    actual: 0.75,
    shortfall: 0.05,
    zhIs: '卫生技术人员占比75%，要求不少于80%，还差5个百分点',
    en: ['share of health technicians 75%', 'at least 80%', '5 percentage points short'],
  },
  // 附件2 二(一) 医师不少于5人: 4, 1 short. (The same fixture is short of clinical physicians; see below.)
  physicians: {
    fact: 'staff.physicians',
    expected: 5,
    actual: 4,
    shortfall: 1,
    zh: ['4人', '要求不少于5人', '还差1人'],
    en: ['physicians (licensed and assistant) 4 people', 'at least 5 people', '1 person short'],
  },
  // 二(一)2 临床医师配备不少于5人: 4 of the clinical category (7 physicians in all), 1 short.
  'clinical-physicians': {
    fact: 'staff.clinicalPhysicians',
    expected: 5,
    actual: 4,
    shortfall: 1,
    zhIs: '临床类别医师4人，要求不少于5人，还差1人',
    en: ['clinical physicians 4 people', 'at least 5 people', '1 person short'],
  },
  // 二(一)2 全部配备中医医师: none, 1 short.
  'tcm-physician': {
    fact: 'staff.tcmPhysicians',
    expected: 1,
    actual: 0,
    shortfall: 1,
    zhIs: '中医类别医师0人，要求不少于1人，还差1人',
    en: ['TCM physicians 0 people', 'at least 1 person', '1 person short'],
  },
  // 附件2 二(一) 中医馆按国家统一标准装修: no TCM hall.
  'tcm-hall': {
    fact: 'rooms',
    expected: 'tcm-hall',
    actual: without(BASIC_ROOMS, 'tcm-hall'),
    missing: ['tcm-hall'],
    zhIs: '缺少：中医馆',
    en: ['missing: TCM hall'],
  },
  // 附件2 二(一) 主体建筑原则上以米白、浅黄的暖色调为主 (advisory).
  'colour-scheme': {
    fact: 'signage.mainBuildingColours',
    expected: true,
    actual: false,
    missing: ['signage.mainBuildingColours'],
    zhIs: '未落实：主体建筑以米白、浅黄暖色调为主',
    en: ['not in place: main building mainly off-white or light yellow'],
  },
  // 附件2 二(一) 竖排单位标志牌以银色不锈钢底色配黑色字体 (no 原则上: required).
  'vertical-sign': {
    fact: 'signage.verticalSign',
    expected: true,
    actual: false,
    missing: ['signage.verticalSign'],
    zhIs: '未落实：竖排单位标志牌银色不锈钢底色配黑色字体',
    en: ['not in place: vertical name sign in silver stainless steel with black characters'],
  },
  // 附件2 二(一) 墙体及钢架单位名称以红色字体为主并配备亮化设施: red lettering, no lighting.
  'name-lettering': {
    fact: 'signage.nameLighting',
    expected: true,
    actual: false,
    missing: ['signage.nameLighting'],
    zhIs: '未落实：单位名称亮化设施',
    en: ['not in place: lighting for the name'],
  },
  // 附件2 二(一) 室内墙体及顶棚以白色为主,地面以浅灰、浅蓝为主,诊室门以米色及浅蓝色为主.
  'interior-colours': {
    fact: 'signage.interiorColours',
    expected: true,
    actual: false,
    missing: ['signage.interiorColours'],
    zhIs: '未落实：室内墙体、地面、诊室门按规定色调',
    en: ['not in place: interior walls, floors and doors in the prescribed colours'],
  },
  // 附件2 二(一) 预防接种门诊、儿科诊疗区…适儿化改造.
  'child-friendly': {
    fact: 'signage.childFriendly',
    expected: true,
    actual: false,
    missing: ['signage.childFriendly'],
    zhIs: '未落实：预防接种门诊、儿科诊疗区适儿化改造',
    en: ['not in place: child-friendly vaccination and pediatric areas'],
  },
};

const REC_BREAKS: Record<string, ExpectedGap> = {
  // 二(二) 增设儿科、口腔科、康复科 (advisory): no stomatology; rehabilitation is there.
  'added-departments': {
    fact: 'departments',
    expected: ['pediatrics', 'stomatology'],
    actual: without(REC_DEPARTMENTS, 'stomatology'),
    missing: ['stomatology'],
    zhIs: '缺少：口腔科',
    en: ['missing: stomatology'],
  },
  // 二(二) 治疗室、处置室、手术室 (advisory): no disposal room.
  'medtech-rooms': {
    fact: 'rooms',
    expected: ['treatment-room', 'disposal-room', 'operating-room'],
    actual: without(REC_ROOMS, 'disposal-room'),
    missing: ['disposal-room'],
    zhIs: '缺少：处置室',
    en: ['missing: disposal room'],
  },
  'first-level-surgery': {
    fact: 'services.firstLevelSurgery',
    expected: true,
    actual: false,
    missing: ['services.firstLevelSurgery'],
    zhIs: '未落实：一级常规手术',
    en: ['not in place: first-level routine surgery'],
  },
  'dedicated-inpatient-staff': {
    fact: 'services.dedicatedInpatientStaff',
    expected: true,
    actual: false,
    missing: ['services.dedicatedInpatientStaff'],
    zhIs: '未落实：专职医护人员负责住院服务',
    en: ['not in place: dedicated inpatient medical and nursing staff'],
  },
  'referral-relationship': {
    fact: 'services.referralRelationship',
    expected: true,
    actual: false,
    missing: ['services.referralRelationship'],
    zhIs: '未落实：与县级医疗集团稳定的转诊服务关系',
    en: ['not in place: stable referral relationship with the county medical group'],
  },
  'down-referral-care': {
    fact: 'services.downReferralCare',
    expected: true,
    actual: false,
    missing: ['services.downReferralCare'],
    zhIs: '未落实：为下转病人提供康复等接续服务',
    en: ['not in place: rehabilitation and continuing care for down-referred patients'],
  },
  // 二(二) 超过60种: 58, 61 needed, 3 short.
  'common-diseases': {
    fact: 'services.commonDiseases',
    expected: 60,
    actual: 58,
    shortfall: 3,
    zhIs: '诊疗病种58种，要求超过60种，还差3种',
    en: ['diseases diagnosed and treated 58 kinds', 'more than 60 kinds', '3 kinds short'],
  },
  // 二(二) 中医疾病不少于30种: 26, 4 short.
  'tcm-diseases': {
    fact: 'services.tcmDiseases',
    expected: 30,
    actual: 26,
    shortfall: 4,
    zhIs: '中医病种26种，要求不少于30种，还差4种',
    en: ['TCM diseases 26 kinds', 'at least 30 kinds', '4 kinds short'],
  },
  // 二(二) 急救型救护车: a transport ambulance only.
  ambulance: {
    fact: 'ambulances',
    expected: 'emergency',
    actual: ['transport'],
    missing: ['emergency'],
    zhIs: '缺少：急救型救护车',
    en: ['missing: emergency ambulance'],
  },
  // 二(二) 在岗人员不少于30人: 27, 3 short.
  'staff-on-post': {
    fact: 'staff.onPost',
    expected: 30,
    actual: 27,
    shortfall: 3,
    zhIs: '在岗人员27人，要求不少于30人，还差3人',
    en: ['staff on post 27 people', 'at least 30 people', '3 people short'],
  },
  // 二(二) 不低于82%: 32 / 40 = 80%, 2 percentage points short.
  'health-tech-ratio': {
    fact: 'healthTechRatio',
    expected: 0.82,
    actual: 0.8,
    shortfall: 0.02,
    zhIs: '卫生技术人员占比80%，要求不少于82%，还差2个百分点',
    en: ['share of health technicians 80%', 'at least 82%', '2 percentage points short'],
  },
};

const SUB_BREAKS: Record<string, ExpectedGap> = {
  // 二(三) 康复医学科、精神科、老年医学科: no psychiatry.
  'subcenter-departments': {
    fact: 'departments',
    expected: ['rehabilitation-medicine', 'psychiatry', 'geriatrics'],
    actual: without(SUB_DEPARTMENTS, 'psychiatry'),
    missing: ['psychiatry'],
    zhIs: '缺少：精神科',
    en: ['missing: psychiatry'],
  },
  // 二(三) 1-2个市级重点专科水平的特色科室: none, 1 short.
  'featured-departments': {
    fact: 'services.featuredDepartments',
    expected: 1,
    actual: 0,
    shortfall: 1,
    zhIs: '市级重点专科水平的特色科室0项，要求不少于1项，还差1项',
    en: ['featured departments at city key-specialty level 0 items', 'at least 1 item', '1 item short'],
  },
  // 二(三) 不少于10种中医诊疗和康复设备: 8, 2 short.
  'tcm-equipment': {
    fact: 'equipmentKinds.tcmDiagnosisRehab',
    expected: 10,
    actual: 8,
    shortfall: 2,
    zhIs: '中医诊疗和康复设备种类8种，要求不少于10种，还差2种',
    en: ['kinds of TCM diagnosis and rehabilitation equipment 8 kinds', 'at least 10 kinds', '2 kinds short'],
  },
  // 二(三) 增配与特色科室建设相匹配的CT、胃肠镜、腹腔镜等设备, needed by the featured departments: the CT the featured orthopaedic department needs is on order.
  'featured-equipment-ct': {
    fact: 'equipment',
    expected: 'ct-scanner',
    actual: without(SUB_EQUIPMENT, 'ct-scanner'),
    missing: ['ct-scanner'],
    zhIs: '缺少：CT',
    en: ['missing: CT scanner'],
  },
  // 二(三) 增配与特色科室建设相匹配的CT、胃肠镜、腹腔镜等设备, needed by the featured departments: no gastrointestinal endoscope.
  'featured-equipment-gi-endoscope': {
    fact: 'equipment',
    expected: 'gi-endoscope',
    actual: without(SUB_EQUIPMENT, 'gi-endoscope'),
    missing: ['gi-endoscope'],
    zhIs: '缺少：胃肠镜',
    en: ['missing: gastrointestinal endoscope'],
  },
  // 二(三) 增配与特色科室建设相匹配的CT、胃肠镜、腹腔镜等设备, needed by the featured departments: no laparoscope.
  'featured-equipment-laparoscope': {
    fact: 'equipment',
    expected: 'laparoscope',
    actual: without(SUB_EQUIPMENT, 'laparoscope'),
    missing: ['laparoscope'],
    zhIs: '缺少：腹腔镜',
    en: ['missing: laparoscope'],
  },
  // 二(三) 在岗人员原则上不少于50人 (advisory): 46, 4 short.
  'staff-on-post-50': {
    fact: 'staff.onPost',
    expected: 50,
    actual: 46,
    shortfall: 4,
    zhIs: '在岗人员46人，要求不少于50人，还差4人',
    en: ['staff on post 46 people', 'at least 50 people', '4 people short'],
  },
  // 二(三) 至少有3名副高级及以上职称的医师: 2, 1 short.
  'senior-physicians': {
    fact: 'staff.seniorPhysicians',
    expected: 3,
    actual: 2,
    shortfall: 1,
    zhIs: '副高级及以上职称医师2人，要求不少于3人，还差1人',
    en: ['associate-senior physicians and above 2 people', 'at least 3 people', '1 person short'],
  },
  // 二(三) 内科、外科…各有1名派驻副高级医师: internal medicine only; the includesAny part is met.
  'seconded-senior-physicians': {
    fact: 'secondedSeniorPhysicianDepartments',
    expected: 'surgery',
    actual: ['internal-medicine'],
    missing: ['surgery'],
    zhIs: '缺少：外科',
    en: ['missing: surgery'],
  },
  // 二(三) 3年累计收治住院病种超过60种: exactly 60, 1 short.
  'inpatient-disease-types': {
    fact: 'services.inpatientDiseaseTypes3y',
    expected: 60,
    actual: 60,
    shortfall: 1,
    zhIs: '3年累计收治住院病种60种，要求超过60种，还差1种',
    en: ['inpatient disease types over 3 years 60 kinds', 'more than 60 kinds', '1 kind short'],
  },
  // 二(三) 手术病种60种以上: 55, 5 short.
  'surgical-disease-types': {
    fact: 'services.surgicalDiseaseTypes',
    expected: 60,
    actual: 55,
    shortfall: 5,
    zhIs: '手术病种55种，要求不少于60种，还差5种',
    en: ['surgical disease types 55 kinds', 'at least 60 kinds', '5 kinds short'],
  },
  // 二(三) 住院手术病种数30种以上: 27, 3 short.
  'inpatient-surgery-types': {
    fact: 'services.inpatientSurgeryTypes',
    expected: 30,
    actual: 27,
    shortfall: 3,
    zhIs: '住院手术病种27种，要求不少于30种，还差3种',
    en: ['inpatient surgery types 27 kinds', 'at least 30 kinds', '3 kinds short'],
  },
  // 二(三) 不低于85%: 42 / 50 = 84%, 1 percentage point short.
  'health-tech-ratio': {
    fact: 'healthTechRatio',
    expected: 0.85,
    actual: 0.84,
    shortfall: 0.01,
    zhIs: '卫生技术人员占比84%，要求不少于85%，还差1个百分点',
    en: ['share of health technicians 84%', 'at least 85%', '1 percentage point'],
  },
  // 二(三) 超过100种: exactly 100, 1 short.
  'common-diseases': {
    fact: 'services.commonDiseases',
    expected: 100,
    actual: 100,
    shortfall: 1,
    zhIs: '诊疗病种100种，要求超过100种，还差1种',
    en: ['diseases diagnosed and treated 100 kinds', 'more than 100 kinds', '1 kind short'],
  },
  // 二(三) 中医病种超过40种: exactly 40, 1 short (超过 here, 不少于 below).
  'tcm-diseases': {
    fact: 'services.tcmDiseases',
    expected: 40,
    actual: 40,
    shortfall: 1,
    zhIs: '中医病种40种，要求超过40种，还差1种',
    en: ['TCM diseases 40 kinds', 'more than 40 kinds', '1 kind short'],
  },
};

// ------------------------------------------------------------------ the standards as loaded

describe('the bundled standards', () => {
  const standards = bundledStandards();

  it('basic: 19 requirements in file order, partial (the 22-item list is not published)', () => {
    const basic = standards.get(BASIC)!;
    expect(basic.requirements.map((r) => r.id)).toEqual(BASIC_IDS);
    expect(basic.status).toBe('partial');
    expect(basic.region).toEqual({ province: '山西省', city: '长治市' });
    expect(basic.requirements.filter((r) => r.severity === 'advisory').map((r) => r.id)).toEqual(['colour-scheme']);
  });

  it('recommended extends basic: 19 taken over (5 raised by 附件2 二(二)) + 6 own', () => {
    const rec = standards.get(REC)!;
    expect(rec.extends).toBe(BASIC);
    expect(rec.requirements.map((r) => r.id)).toEqual(REC_IDS);
    const altered = rec.requirements.filter((r) => r.alterations.length > 0).map((r) => r.id);
    expect([...altered].sort()).toEqual([...REC_ALTERED_IDS].sort());
    for (const id of REC_ALTERED_IDS) {
      const r = rec.requirements.find((q) => q.id === id)!;
      expect(r.clause).toBe('附件2 二(二)');
      expect(r.provenance.standard).toBe(BASIC);
      expect(r.alterations.map((a) => a.provenance.standard)).toEqual([REC]);
    }
  });

  it('sub-center extends recommended: 25 taken over (3 raised again by 附件2 二(三)) + 12 own', () => {
    const sub = standards.get(SUB)!;
    expect(sub.extends).toBe(REC);
    expect(sub.requirements.map((r) => r.id)).toEqual(SUB_IDS);
    for (const id of SUB_ALTERED_IDS) {
      const r = sub.requirements.find((q) => q.id === id)!;
      expect(r.clause).toBe('附件2 二(三)');
      expect(r.alterations.at(-1)!.provenance.standard).toBe(SUB);
    }
    // Raised twice: 超过50种 → 超过60种 → 超过100种.
    expect(sub.requirements.find((r) => r.id === 'common-diseases')!.alterations.map((a) => a.provenance.standard)).toEqual([REC, SUB]);
    // Not raised by 二(三): the required 30 on post and the emergency ambulance stay the recommended standard's.
    expect(sub.requirements.find((r) => r.id === 'staff-on-post')!.clause).toBe('附件2 二(二)');
    expect(sub.requirements.find((r) => r.id === 'staff-on-post')!.severity).toBe('required');
    expect(sub.requirements.find((r) => r.id === 'ambulance')!.clause).toBe('附件2 二(二)');
  });
});

// ------------------------------------------------------------------ compliant fixtures

describe('compliant fixtures', () => {
  it('the basic center meets every requirement of changzhi/township-basic', async () => {
    const report = await evaluate(basicCompliant(), BASIC);
    expect(report.standard.id).toBe(BASIC);
    expect(report.requirements.map((r) => r.requirement)).toEqual(BASIC_IDS);
    expect(outcomesById(report)).toEqual(allMetExcept(BASIC_IDS));
    expect(report.counts).toEqual(counts({ met: 19 }));
    expect(report.outcome).toBe('met');
    expect(report.facility).toEqual({ id: 'changzhi-zhangzi-danzhu', name: '长子县丹朱镇卫生院' });
  });

  it('the basic center is not at the recommended standard (56 diseases, a transport ambulance, 24 on post …)', async () => {
    const report = await evaluate(basicCompliant(), REC);
    expect(report.outcome).toBe('gap');
    for (const id of ['common-diseases', 'tcm-diseases', 'ambulance', 'staff-on-post']) {
      expect(requirement(report, id).outcome).toBe('gap');
    }
  });

  it('the recommended center meets every requirement of changzhi/township-recommended (19 taken over + 6 own)', async () => {
    const report = await evaluate(recCompliant(), REC);
    expect(report.requirements.map((r) => r.requirement)).toEqual(REC_IDS);
    expect(outcomesById(report)).toEqual(allMetExcept(REC_IDS));
    expect(report.counts).toEqual(counts({ met: 25 }));
    expect(report.outcome).toBe('met');
    expect(requirement(report, 'physicians').source.standard).toBe(BASIC);
    expect(requirement(report, 'first-level-surgery').source.standard).toBe(REC);
    // An altered requirement keeps where it was declared and names the overlay that raised it.
    const diseases = requirement(report, 'common-diseases');
    expect(diseases.clause).toBe('附件2 二(二)');
    expect(diseases.source.standard).toBe(BASIC);
    expect(diseases.source.alteredBy?.map((a) => [a.standard, a.clause])).toEqual([[REC, '附件2 二(二)']]);
  });

  it('the recommended center also meets the basic standard, but not the sub-center one', async () => {
    expect((await evaluate(recCompliant(), BASIC)).outcome).toBe('met');
    expect((await evaluate(recCompliant(), SUB)).outcome).toBe('gap');
  });

  it('the sub-center meets every requirement of changzhi/county-subcenter (25 taken over + 12 own), and both lower standards', async () => {
    const report = await evaluate(subCompliant(), SUB);
    expect(report.requirements.map((r) => r.requirement)).toEqual(SUB_IDS);
    expect(outcomesById(report)).toEqual(allMetExcept(SUB_IDS));
    expect(report.counts).toEqual(counts({ met: 37 }));
    expect(report.outcome).toBe('met');
    expect(requirement(report, 'tcm-diseases').source.alteredBy?.map((a) => a.standard)).toEqual([REC, SUB]);
    expect((await evaluate(subCompliant(), REC)).outcome).toBe('met');
    expect((await evaluate(subCompliant(), BASIC)).outcome).toBe('met');
  });
});

// ------------------------------------------------------------------ break fixtures

describe('basic standard break fixtures (changzhi/township-basic)', () => {
  it('there is one break fixture per requirement, 19 in all', () => {
    const files = readdirSync(`${fixtureDir('township-basic')}breaks`).sort();
    expect(files).toEqual(BASIC_IDS.map((id) => `${id}.yaml`).sort());
    expect(Object.keys(BASIC_BREAKS).sort()).toEqual([...BASIC_IDS].sort());
  });

  for (const id of BASIC_IDS.filter((id) => id !== 'physicians')) {
    const e = BASIC_BREAKS[id]!;
    const advisory = ADVISORY.has(id);
    it(`breaks/${id}.yaml: only ${id} is a gap (${advisory ? 'advisory, the standard stays met' : 'required, the standard is a gap'})`, async () => {
      const report = await evaluate(load('township-basic', `breaks/${id}.yaml`), BASIC);
      expect(outcomesById(report)).toEqual(allMetExcept(BASIC_IDS, { [id]: 'gap' }));
      expect(report.counts).toEqual(counts({ met: 18, gap: 1 }));
      expect(report.outcome).toBe(advisory ? 'met' : 'gap');
      const gap = requirement(report, id);
      expect(gap.severity).toBe(advisory ? 'advisory' : 'required');
      expectGap(gap, e);
    });
  }

  it('breaks/physicians.yaml: 4 physicians, 3 of them clinical — physicians and clinical-physicians are the two gaps', async () => {
    // Clinical physicians are physicians, so a consistent record cannot be short of 5 physicians
    // (附件2 二(一)) while having 5 clinical ones (二(一)2): this fixture breaks both, and nothing else.
    const record = load('township-basic', 'breaks/physicians.yaml');
    expect(record.staff!.clinicalPhysicians).toBeLessThanOrEqual(record.staff!.physicians!);
    const report = await evaluate(record, BASIC);
    expect(outcomesById(report)).toEqual(allMetExcept(BASIC_IDS, { physicians: 'gap', 'clinical-physicians': 'gap' }));
    expect(report.counts).toEqual(counts({ met: 17, gap: 2 }));
    expect(report.outcome).toBe('gap');
    expectGap(requirement(report, 'physicians'), BASIC_BREAKS.physicians!);
    const clinical = requirement(report, 'clinical-physicians');
    expect([clinical.outcome, clinical.expected, clinical.actual, clinical.shortfall]).toEqual(['gap', 5, 3, 2]);
    expect(clinical.clause).toBe('二(一)2');
  });

  it('breaks/clinical-physicians.yaml: 7 physicians of whom 4 clinical — 附件2 is met, the plan body is not', async () => {
    const report = await evaluate(load('township-basic', 'breaks/clinical-physicians.yaml'), BASIC);
    expect(requirement(report, 'physicians').outcome).toBe('met');
    expect(requirement(report, 'clinical-physicians').outcome).toBe('gap');
  });
});

describe('recommended standard break fixtures (changzhi/township-recommended)', () => {
  const ids = [...REC_OWN_IDS, ...REC_ALTERED_IDS];

  it('there is one break fixture per requirement the recommended standard declares or alters, 11 in all', () => {
    const files = readdirSync(`${fixtureDir('township-recommended')}breaks`).sort();
    expect(files).toEqual(ids.map((id) => `${id}.yaml`).sort());
    expect(Object.keys(REC_BREAKS).sort()).toEqual([...ids].sort());
  });

  for (const id of ids) {
    const e = REC_BREAKS[id]!;
    const advisory = ADVISORY.has(id);
    const altered = REC_ALTERED_IDS.includes(id);
    it(`breaks/${id}.yaml: only ${id}${altered ? ' (as raised by 二(二))' : ''} is a gap; the basic standard is met`, async () => {
      const record = load('township-recommended', `breaks/${id}.yaml`);
      const report = await evaluate(record, REC);
      expect(outcomesById(report)).toEqual(allMetExcept(REC_IDS, { [id]: 'gap' }));
      expect(report.counts).toEqual(counts({ met: 24, gap: 1 }));
      expect(report.outcome).toBe(advisory ? 'met' : 'gap');
      const gap = requirement(report, id);
      expect(gap.severity).toBe(advisory ? 'advisory' : 'required');
      expect(gap.clause).toBe('附件2 二(二)');
      expectGap(gap, e);

      const basic = await evaluate(record, BASIC);
      expect(basic.outcome).toBe('met');
      expect(outcomesById(basic)).toEqual(allMetExcept(BASIC_IDS));
    });
  }
});

describe('sub-center break fixtures (changzhi/county-subcenter)', () => {
  const ids = [...SUB_OWN_IDS, ...SUB_ALTERED_IDS];

  it('there is one break fixture per requirement the sub-center standard declares or alters, 15 in all', () => {
    const files = readdirSync(`${fixtureDir('county-subcenter')}breaks`).sort();
    expect(files).toEqual(ids.map((id) => `${id}.yaml`).sort());
    expect(Object.keys(SUB_BREAKS).sort()).toEqual([...ids].sort());
  });

  for (const id of ids) {
    const e = SUB_BREAKS[id]!;
    const advisory = ADVISORY.has(id);
    it(`breaks/${id}.yaml: only ${id} is a gap; the recommended and basic standards are met`, async () => {
      const record = load('county-subcenter', `breaks/${id}.yaml`);
      const report = await evaluate(record, SUB);
      expect(outcomesById(report)).toEqual(allMetExcept(SUB_IDS, { [id]: 'gap' }));
      expect(report.counts).toEqual(counts({ met: 36, gap: 1 }));
      expect(report.outcome).toBe(advisory ? 'met' : 'gap');
      const gap = requirement(report, id);
      expect(gap.severity).toBe(advisory ? 'advisory' : 'required');
      expect(gap.clause).toBe('附件2 二(三)');
      expectGap(gap, e);

      expect((await evaluate(record, REC)).outcome).toBe('met');
      expect((await evaluate(record, BASIC)).outcome).toBe('met');
    });
  }
});

// ------------------------------------------------------------------ boundaries

describe('boundaries', () => {
  const basicBreak = (id: string) => load('township-basic', `breaks/${id}.yaml`);

  it('basic diseases (超过50种): 50 is a gap (fixture); 51 is met', async () => {
    const at51 = await evaluate(patch(basicBreak('common-diseases'), (r) => void (r.services!.commonDiseases = 51)), BASIC);
    expect(at51.outcome).toBe('met');
  });

  it('basic TCM diseases (不少于20种): 19 is a gap 1 short; 20 is met', async () => {
    const low = await evaluate(patch(basicCompliant(), (r) => void (r.services!.tcmDiseases = 19)), BASIC);
    expect(outcomesById(low)).toEqual(allMetExcept(BASIC_IDS, { 'tcm-diseases': 'gap' }));
    const gap = requirement(low, 'tcm-diseases');
    expect([gap.expected, gap.actual, gap.shortfall]).toEqual([20, 19, 1]);
    const at = await evaluate(patch(basicCompliant(), (r) => void (r.services!.tcmDiseases = 20)), BASIC);
    expect(at.outcome).toBe('met');
  });

  it('staff on post (不少于15人): 14 is a gap (fixture); 15 with 12 health technicians is met — and 12/15 is exactly 80%', async () => {
    const at15 = await evaluate(patch(basicBreak('staff-on-post'), (r) => void (r.staff!.onPost = 15)), BASIC);
    expect(requirement(at15, 'staff-on-post').outcome).toBe('met');
    expect(requirement(at15, 'health-tech-ratio').outcome).toBe('met');
    expect(at15.outcome).toBe('met');
  });

  it('share of health technicians (不低于80%): 15/20 = 75% is a gap (fixture); 16/20 = 80% is met', async () => {
    const at80 = await evaluate(
      patch(basicBreak('health-tech-ratio'), (r) => {
        r.staff!.healthTechnicians = 16;
        r.staff!.auxiliary = 4;
      }),
      BASIC,
    );
    expect(requirement(at80, 'health-tech-ratio').outcome).toBe('met');
    expect(at80.outcome).toBe('met');
  });

  it('physicians and clinical physicians (不少于5人): 4 is a gap 1 short; 5 is met', async () => {
    const five = await evaluate(
      patch(basicBreak('clinical-physicians'), (r) => {
        r.staff!.clinicalPhysicians = 5;
        r.staff!.physicians = 8;
      }),
      BASIC,
    );
    expect(five.outcome).toBe('met');
    const fourAll = await evaluate(patch(basicCompliant(), (r) => void (r.staff!.physicians = 4)), BASIC);
    // An inconsistent record (5 clinical among 4 physicians) isolates 附件2's count.
    expect(outcomesById(fourAll)).toEqual(allMetExcept(BASIC_IDS, { physicians: 'gap' }));
    expect([requirement(fourAll, 'physicians').actual, requirement(fourAll, 'physicians').shortfall]).toEqual([4, 1]);
  });

  it('TCM physician (配备: at least one): 0 is a gap; 1 is met; the technicians of 二(四)12 are not in the basic standard', async () => {
    const one = await evaluate(patch(basicCompliant(), (r) => void (r.staff!.tcmPhysicians = 1)), BASIC);
    expect(one.outcome).toBe('met');
    const none = await evaluate(
      patch(basicCompliant(), (r) => {
        r.staff!.tcmPhysicians = 0;
        r.staff!.ecgTechnicians = 0;
        r.staff!.imagingTechnicians = 0;
      }),
      BASIC,
    );
    expect(outcomesById(none)).toEqual(allMetExcept(BASIC_IDS, { 'tcm-physician': 'gap' }));
  });

  it('general equipment (22种): 21 is a gap 1 short; 22 is met (compliant)', async () => {
    const low = await evaluate(patch(basicCompliant(), (r) => void (r.equipmentKinds!.general = 21)), BASIC);
    const gap = requirement(low, 'general-equipment');
    expect([gap.outcome, gap.expected, gap.actual, gap.shortfall]).toEqual(['gap', 22, 21, 1]);
    expect(gap.missing).toBeUndefined();
    expect(low.outcome).toBe('gap');
  });

  it('recommended diseases (超过60种): 60 is a gap 1 short; 61 is met', async () => {
    const at60 = await evaluate(patch(recCompliant(), (r) => void (r.services!.commonDiseases = 60)), REC);
    expect(outcomesById(at60)).toEqual(allMetExcept(REC_IDS, { 'common-diseases': 'gap' }));
    const gap = requirement(at60, 'common-diseases');
    expect([gap.expected, gap.actual, gap.shortfall]).toEqual([60, 60, 1]);
    expect((await evaluate(patch(recCompliant(), (r) => void (r.services!.commonDiseases = 61)), REC)).outcome).toBe('met');
  });

  it('recommended TCM diseases (不少于30种): 29 is a gap; 30 is met', async () => {
    const low = await evaluate(patch(recCompliant(), (r) => void (r.services!.tcmDiseases = 29)), REC);
    expect([requirement(low, 'tcm-diseases').outcome, requirement(low, 'tcm-diseases').shortfall]).toEqual(['gap', 1]);
    expect((await evaluate(patch(recCompliant(), (r) => void (r.services!.tcmDiseases = 30)), REC)).outcome).toBe('met');
  });

  it('recommended staff on post (不少于30人): 29 is a gap; 30 is met', async () => {
    const staff = (n: number) => (r: FacilityRecord) => {
      r.staff = { ...r.staff!, onPost: n, healthTechnicians: n - 4, auxiliary: 4 };
    };
    const low = await evaluate(patch(recCompliant(), staff(29)), REC);
    expect(outcomesById(low)).toEqual(allMetExcept(REC_IDS, { 'staff-on-post': 'gap' }));
    expect(requirement(low, 'staff-on-post').shortfall).toBe(1);
    expect((await evaluate(patch(recCompliant(), staff(30)), REC)).outcome).toBe('met');
  });

  it('recommended share of health technicians (不低于82%): 41/50 = 82% is met; 40/50 = 80% is a gap 2 points short', async () => {
    const share = (ht: number) => (r: FacilityRecord) => {
      r.staff = { ...r.staff!, onPost: 50, healthTechnicians: ht, auxiliary: 50 - ht };
    };
    expect(requirement(await evaluate(patch(recCompliant(), share(41)), REC), 'health-tech-ratio').outcome).toBe('met');
    const low = requirement(await evaluate(patch(recCompliant(), share(40)), REC), 'health-tech-ratio');
    expect([low.outcome, low.expected, low.actual, low.shortfall]).toEqual(['gap', 0.82, 0.8, 0.02]);
    // The same 80% still meets the basic standard.
    expect(requirement(await evaluate(patch(recCompliant(), share(40)), BASIC), 'health-tech-ratio').outcome).toBe('met');
  });

  it('sub-center share of health technicians (不低于85%): 51/60 = 85% is met; 50/60 is a gap', async () => {
    const share = (ht: number) => (r: FacilityRecord) => {
      r.staff = { ...r.staff!, onPost: 60, healthTechnicians: ht, auxiliary: 60 - ht };
    };
    expect((await evaluate(patch(subCompliant(), share(51)), SUB)).outcome).toBe('met');
    const low = await evaluate(patch(subCompliant(), share(50)), SUB);
    expect(outcomesById(low)).toEqual(allMetExcept(SUB_IDS, { 'health-tech-ratio': 'gap' }));
    expect(requirement(low, 'health-tech-ratio').shortfall).toBeCloseTo(0.85 - 50 / 60, 8);
  });

  it('sub-center diseases (超过100种, 其中中医病种超过40种): 101 and 41 are met, 100 and 40 are gaps (fixtures)', async () => {
    const at = await evaluate(
      patch(subCompliant(), (r) => {
        r.services!.commonDiseases = 101;
        r.services!.tcmDiseases = 41;
      }),
      SUB,
    );
    expect(at.outcome).toBe('met');
  });

  it('sub-center staff (原则上不少于50人, advisory) over the required 30: 49 is an advisory gap only; 29 fails both', async () => {
    const staff = (n: number) => (r: FacilityRecord) => {
      r.staff = { ...r.staff!, onPost: n, healthTechnicians: n - 3, auxiliary: 3, physicians: 20, nurses: 15 };
    };
    const at49 = await evaluate(patch(subCompliant(), staff(49)), SUB);
    expect(outcomesById(at49)).toEqual(allMetExcept(SUB_IDS, { 'staff-on-post-50': 'gap' }));
    expect(at49.outcome).toBe('met');
    expect((await evaluate(patch(subCompliant(), staff(50)), SUB)).counts).toEqual(counts({ met: 37 }));

    const at29 = await evaluate(patch(subCompliant(), staff(29)), SUB);
    expect(outcomesById(at29)).toEqual(allMetExcept(SUB_IDS, { 'staff-on-post': 'gap', 'staff-on-post-50': 'gap' }));
    expect(requirement(at29, 'staff-on-post')).toMatchObject({ severity: 'required', expected: 30, shortfall: 1 });
    expect(requirement(at29, 'staff-on-post-50')).toMatchObject({ severity: 'advisory', expected: 50, shortfall: 21 });
    expect(at29.outcome).toBe('gap');
  });

  it('sub-center counts: 60 inpatient types is a gap, 61 met; 59 surgical a gap, 60 met; 29 inpatient surgery a gap, 30 met', async () => {
    const set = (inpatient: number, surgical: number, surgery: number) => (r: FacilityRecord) => {
      r.services = { ...r.services!, inpatientDiseaseTypes3y: inpatient, surgicalDiseaseTypes: surgical, inpatientSurgeryTypes: surgery };
    };
    expect((await evaluate(patch(subCompliant(), set(61, 60, 30)), SUB)).outcome).toBe('met');
    const low = await evaluate(patch(subCompliant(), set(60, 59, 29)), SUB);
    expect(outcomesById(low)).toEqual(
      allMetExcept(SUB_IDS, { 'inpatient-disease-types': 'gap', 'surgical-disease-types': 'gap', 'inpatient-surgery-types': 'gap' }),
    );
    expect(['inpatient-disease-types', 'surgical-disease-types', 'inpatient-surgery-types'].map((id) => requirement(low, id).shortfall)).toEqual([1, 1, 1]);
  });

  it('sub-center staff and equipment counts: 2 senior physicians and 9 kinds of TCM equipment are gaps; 3 and 10 are met', async () => {
    const low = await evaluate(
      patch(subCompliant(), (r) => {
        r.staff!.seniorPhysicians = 2;
        r.equipmentKinds!.tcmDiagnosisRehab = 9;
      }),
      SUB,
    );
    expect(outcomesById(low)).toEqual(allMetExcept(SUB_IDS, { 'senior-physicians': 'gap', 'tcm-equipment': 'gap' }));
    const at = await evaluate(
      patch(subCompliant(), (r) => {
        r.staff!.seniorPhysicians = 3;
        r.equipmentKinds!.tcmDiagnosisRehab = 10;
      }),
      SUB,
    );
    expect(at.outcome).toBe('met');
  });
});

// ------------------------------------------------------------------ readings

describe('readings of the source', () => {
  it('内(儿)科: separate internal medicine and pediatrics departments meet it; with neither it is a gap', async () => {
    const split = patch(basicCompliant(), (r) => {
      r.departments = r.departments!.map((d) => (d === 'internal-medicine-pediatrics' ? 'internal-medicine' : d));
      r.departments.push('pediatrics');
    });
    expect(requirement(await evaluate(split, BASIC), 'clinical-departments').outcome).toBe('met');

    const none = patch(basicCompliant(), (r) => void (r.departments = r.departments!.filter((d) => d !== 'internal-medicine-pediatrics')));
    const gap = requirement(await evaluate(none, BASIC), 'clinical-departments');
    expect(gap).toMatchObject({ outcome: 'gap', fact: 'departments', expected: ['internal-medicine-pediatrics', 'internal-medicine'] });
    expect(gap.message.zh).toBe('科室应至少有其一：内(儿)科、内科');
  });

  it('公共卫生科或预防保健科: a preventive care department alone meets it', async () => {
    const record = patch(basicCompliant(), (r) => {
      r.departments = r.departments!.map((d) => (d === 'public-health' ? 'preventive-care' : d));
    });
    expect(requirement(await evaluate(record, BASIC), 'public-health-department').outcome).toBe('met');
  });

  it('B超: a colour Doppler ultrasound meets it; without either, and without DR, both are named', async () => {
    const doppler = patch(basicCompliant(), (r) => {
      delete r.equipment!['b-mode-ultrasound'];
      r.equipment!['color-doppler-ultrasound'] = 1;
    });
    expect(requirement(await evaluate(doppler, BASIC), 'named-equipment').outcome).toBe('met');

    const neither = patch(basicCompliant(), (r) => {
      r.equipment!['b-mode-ultrasound'] = 0;
      r.equipment!['digital-radiography'] = 0;
    });
    const gap = requirement(await evaluate(neither, BASIC), 'named-equipment');
    expect(gap.outcome).toBe('gap');
    expect(gap.findings).toHaveLength(2);
    expect(gap.missing).toEqual(['digital-radiography']);
    expect(gap.message.zh).toBe('缺少：DR；设备应至少有其一：B超、彩超');
  });

  it('ambulance: an emergency ambulance alone meets the basic standard; a transport one alone does not meet the recommended', async () => {
    const emergency = patch(basicCompliant(), (r) => void (r.ambulances = ['emergency']));
    expect(requirement(await evaluate(emergency, BASIC), 'ambulance').outcome).toBe('met');
    expect(requirement(await evaluate(emergency, REC), 'ambulance').outcome).toBe('met');
    expect(requirement(await evaluate(basicCompliant(), REC), 'ambulance').outcome).toBe('gap');
  });

  it('康复科: a rehabilitation medicine department meets the recommended standard\'s added departments', async () => {
    const record = patch(recCompliant(), (r) => {
      r.departments = r.departments!.map((d) => (d === 'rehabilitation' ? 'rehabilitation-medicine' : d));
    });
    expect(requirement(await evaluate(record, REC), 'added-departments').outcome).toBe('met');
  });

  it('派驻内科医师: a seconded physician in 内(儿)科 counts for internal medicine; with none at all both conditions fail', async () => {
    const record = patch(subCompliant(), (r) => void (r.secondedSeniorPhysicianDepartments = ['internal-medicine-pediatrics', 'surgery']));
    expect(requirement(await evaluate(record, SUB), 'seconded-senior-physicians').outcome).toBe('met');

    const none = await evaluate(patch(subCompliant(), (r) => void (r.secondedSeniorPhysicianDepartments = [])), SUB);
    const gap = requirement(none, 'seconded-senior-physicians');
    expect(gap.outcome).toBe('gap');
    expect(gap.findings?.map((f) => f.operator)).toEqual(['contains', 'includesAny']);
    expect(gap.missing).toEqual(['surgery']);
  });
});

// ------------------------------------------------------------------ unknowns

describe('missing data is unknown, never a gap', () => {
  it('no clinical physician count: clinical-physicians is unknown, naming the field; the standard is unknown', async () => {
    const report = await evaluate(patch(basicCompliant(), (r) => void delete r.staff!.clinicalPhysicians), BASIC);
    expect(outcomesById(report)).toEqual(allMetExcept(BASIC_IDS, { 'clinical-physicians': 'unknown' }));
    const unknown = requirement(report, 'clinical-physicians');
    expect(unknown.unknownFacts).toEqual(['staff.clinicalPhysicians']);
    expect(unknown.message.en).toContain('staff.clinicalPhysicians');
    expect(unknown.shortfall).toBeUndefined();
    expect(report.counts).toEqual(counts({ met: 18, unknown: 1 }));
    expect(report.outcome).toBe('unknown');
  });

  it('no health technician count: the share is unknown, naming staff.healthTechnicians', async () => {
    const report = await evaluate(patch(basicCompliant(), (r) => void delete r.staff!.healthTechnicians), BASIC);
    expect(outcomesById(report)).toEqual(allMetExcept(BASIC_IDS, { 'health-tech-ratio': 'unknown' }));
    expect(requirement(report, 'health-tech-ratio').unknownFacts).toEqual(['staff.healthTechnicians']);
    expect(report.outcome).toBe('unknown');
  });

  it('no staff at all: every staffing requirement is unknown, each naming its fields', async () => {
    const report = await evaluate(patch(basicCompliant(), (r) => void delete r.staff), BASIC);
    const staffing = ['staff-on-post', 'health-tech-ratio', 'physicians', 'clinical-physicians', 'tcm-physician'];
    expect(outcomesById(report)).toEqual(allMetExcept(BASIC_IDS, Object.fromEntries(staffing.map((id) => [id, 'unknown']))));
    expect(requirement(report, 'health-tech-ratio').unknownFacts).toEqual(['staff.healthTechnicians', 'staff.onPost']);
    expect(requirement(report, 'tcm-physician').unknownFacts).toEqual(['staff.tcmPhysicians']);
    expect(report.counts).toEqual(counts({ met: 14, unknown: 5 }));
    expect(report.outcome).toBe('unknown');
  });

  it('no equipment kinds counted: general-equipment is unknown; the named items are still checked', async () => {
    const report = await evaluate(patch(basicCompliant(), (r) => void delete r.equipmentKinds), BASIC);
    expect(outcomesById(report)).toEqual(allMetExcept(BASIC_IDS, { 'general-equipment': 'unknown' }));
    expect(requirement(report, 'general-equipment').unknownFacts).toEqual(['equipmentKinds.general']);
  });

  it('main building colour not recorded: the advisory requirement is unknown and the standard stays met', async () => {
    const report = await evaluate(patch(basicCompliant(), (r) => void delete r.signage!.mainBuildingColours), BASIC);
    expect(outcomesById(report)).toEqual(allMetExcept(BASIC_IDS, { 'colour-scheme': 'unknown' }));
    expect(requirement(report, 'colour-scheme').severity).toBe('advisory');
    expect(report.outcome).toBe('met');
  });

  it('only the main building colour carries 原则上: the sign, the lettering and the interior are required', async () => {
    const standard = bundledStandards().get(BASIC)!;
    const severity = (id: string) => standard.requirements.find((r) => r.id === id)!.severity;
    expect(['colour-scheme', 'vertical-sign', 'name-lettering', 'interior-colours'].map(severity)).toEqual([
      'advisory', 'required', 'required', 'required',
    ]);
    // The old one-flag colour scheme is no longer read: false there changes nothing.
    const oldFlag = await evaluate(patch(basicCompliant(), (r) => void (r.signage!.standardColours = false)), BASIC);
    expect(oldFlag.outcome).toBe('met');
    // Lettering not mainly red, with the lighting in place: a gap on the red lettering alone.
    const notRed = await evaluate(patch(basicCompliant(), (r) => void (r.signage!.nameLetteringRed = false)), BASIC);
    expect(outcomesById(notRed)).toEqual(allMetExcept(BASIC_IDS, { 'name-lettering': 'gap' }));
    expect(requirement(notRed, 'name-lettering').missing).toEqual(['signage.nameLetteringRed']);
    expect(notRed.outcome).toBe('gap');
    // Neither red nor lit: both are named.
    const neither = await evaluate(
      patch(basicCompliant(), (r) => {
        r.signage!.nameLetteringRed = false;
        r.signage!.nameLighting = false;
      }),
      BASIC,
    );
    expect(requirement(neither, 'name-lettering').missing).toEqual(['signage.nameLetteringRed', 'signage.nameLighting']);
  });

  it('no departments: both department requirements are unknown; at recommended the added departments too', async () => {
    const record = patch(recCompliant(), (r) => void delete r.departments);
    const basic = await evaluate(record, BASIC);
    expect(outcomesById(basic)).toEqual(
      allMetExcept(BASIC_IDS, { 'clinical-departments': 'unknown', 'public-health-department': 'unknown' }),
    );
    expect(requirement(basic, 'clinical-departments').unknownFacts).toEqual(['departments']);
    const rec = await evaluate(record, REC);
    expect(outcomesById(rec)).toEqual(
      allMetExcept(REC_IDS, { 'clinical-departments': 'unknown', 'public-health-department': 'unknown', 'added-departments': 'unknown' }),
    );
    expect(rec.outcome).toBe('unknown');
  });

  it('sub-center without the 3-year inpatient count: inpatient-disease-types is unknown, the rest met', async () => {
    const report = await evaluate(patch(subCompliant(), (r) => void delete r.services!.inpatientDiseaseTypes3y), SUB);
    expect(outcomesById(report)).toEqual(allMetExcept(SUB_IDS, { 'inpatient-disease-types': 'unknown' }));
    expect(requirement(report, 'inpatient-disease-types').unknownFacts).toEqual(['services.inpatientDiseaseTypes3y']);
    expect(report.outcome).toBe('unknown');
  });

  it('one required requirement unknown and another a gap: the standard is a gap', async () => {
    const record = patch(basicCompliant(), (r) => {
      delete r.posts;
      r.signage!.childFriendly = false;
    });
    const report = await evaluate(record, BASIC);
    expect(outcomesById(report)).toEqual(allMetExcept(BASIC_IDS, { posts: 'unknown', 'child-friendly': 'gap' }));
    expect(report.counts).toEqual(counts({ met: 17, gap: 1, unknown: 1 }));
    expect(report.outcome).toBe('gap');
  });
});

// ------------------------------------------------------------------ the city's technicians (二(四)12)

const TECH = 'changzhi/township-technicians';
const TECH_IDS = ['ecg-technician', 'imaging-technician'];
const TECH_BREAKS: Record<string, ExpectedGap> = {
  // 二(四)12 都有培训合格的心电、影像技师: no trained ECG technician.
  'ecg-technician': {
    fact: 'staff.ecgTechnicians',
    expected: 1,
    actual: 0,
    shortfall: 1,
    zhIs: '心电技师0人，要求不少于1人，还差1人',
    en: ['ECG technicians 0 people', 'at least 1 person', '1 person short'],
  },
  // 二(四)12: no trained imaging technician.
  'imaging-technician': {
    fact: 'staff.imagingTechnicians',
    expected: 1,
    actual: 0,
    shortfall: 1,
    zhIs: '影像技师0人，要求不少于1人，还差1人',
    en: ['imaging technicians 0 people', 'at least 1 person', '1 person short'],
  },
};

describe('changzhi/township-technicians: the city duty of 二(四)12, apart from the basic standard', () => {
  const techLoad = (name: string) => loadFixture(`changzhi/township-technicians/${name}`);

  it('the compliant center meets both; it is the basic compliant center with its technicians', async () => {
    const report = await evaluate(techLoad('compliant.yaml'), TECH);
    expect(report.requirements.map((r) => [r.requirement, r.clause, r.severity])).toEqual(
      TECH_IDS.map((id) => [id, '二(四)12', 'required']),
    );
    expect(report.outcome).toBe('met');
    expect((await evaluate(techLoad('compliant.yaml'), BASIC)).outcome).toBe('met');
  });

  it('one break fixture per requirement', () => {
    const files = readdirSync(fileURLToPath(new URL('../../fixtures/changzhi/township-technicians/breaks/', import.meta.url))).sort();
    expect(files).toEqual(TECH_IDS.map((id) => `${id}.yaml`).sort());
  });

  for (const id of TECH_IDS) {
    it(`breaks/${id}.yaml: only ${id} is a gap; the center still meets the basic standard`, async () => {
      const record = techLoad(`breaks/${id}.yaml`);
      const report = await evaluate(record, TECH);
      expect(outcomesById(report)).toEqual(allMetExcept(TECH_IDS, { [id]: 'gap' }));
      expect(report.outcome).toBe('gap');
      expectGap(requirement(report, id), TECH_BREAKS[id]!);
      const basic = await evaluate(record, BASIC);
      expect(basic.outcome).toBe('met');
      expect(basic.requirements.some((r) => r.requirement === id)).toBe(false);
    });
  }

  it('is among the standards checked for a Changzhi township center without --standard', async () => {
    const ids = (await evaluateAll(techLoad('compliant.yaml'))).map((r) => r.standard.id);
    expect(ids).toContain(TECH);
    expect(ids).toContain(BASIC);
  });
});

describe('增配与特色科室建设相匹配的CT、胃肠镜、腹腔镜等设备: each device only where the featured departments need it', () => {
  const ids = ['featured-equipment-ct', 'featured-equipment-gi-endoscope', 'featured-equipment-laparoscope'];

  it('a sub-center whose featured department needs only a CT meets it without endoscope or laparoscope', async () => {
    const record = patch(subCompliant(), (r) => {
      r.featuredDepartmentEquipment = ['ct-scanner'];
      delete r.equipment!['gi-endoscope'];
      delete r.equipment!.laparoscope;
    });
    const report = await evaluate(record, SUB);
    expect(ids.map((id) => requirement(report, id).outcome)).toEqual(['met', 'not-applicable', 'not-applicable']);
    expect(report.outcome).toBe('met');
  });

  it('featured departments that need none of the three: all not applicable', async () => {
    const report = await evaluate(patch(subCompliant(), (r) => void (r.featuredDepartmentEquipment = [])), SUB);
    expect(ids.map((id) => requirement(report, id).outcome)).toEqual(['not-applicable', 'not-applicable', 'not-applicable']);
    expect(report.outcome).toBe('met');
  });

  it('what the featured departments need is not recorded: the three are unknown, never met', async () => {
    const report = await evaluate(patch(subCompliant(), (r) => void delete r.featuredDepartmentEquipment), SUB);
    for (const id of ids) {
      expect(requirement(report, id).outcome).toBe('unknown');
      expect(requirement(report, id).unknownFacts).toEqual(['featuredDepartmentEquipment']);
    }
    expect(report.outcome).toBe('unknown');
  });
});

// ------------------------------------------------------------------ the ladder

describe('the changzhi/township ladder', () => {
  const ladderFixture = (name: string) => load('township-ladder', name);
  const levelIds = [BASIC, REC, SUB];

  it('none.yaml: no level reached; the gaps to the basic standard are its six unmet items', async () => {
    const a = await assessLadder(ladderFixture('none.yaml'), LADDER);
    expect(a.ladder.id).toBe(LADDER);
    expect(a.achieved).toBeNull();
    expect(a.next).toMatchObject({ standard: BASIC, outcome: 'gap' });
    expect(a.levels.map((l) => [l.standard, l.outcome, l.reached])).toEqual([
      [BASIC, 'gap', false],
      [REC, 'gap', false],
      [SUB, 'gap', false],
    ]);
    // 13 on post, 4 physicians (3 clinical), 17 kinds, no TCM hall, old colours (advisory): in the standard's order.
    expect(a.gapsToNext.map((g) => g.requirement)).toEqual([
      'general-equipment', 'staff-on-post', 'physicians', 'clinical-physicians', 'tcm-hall', 'colour-scheme',
    ]);
    expect(a.gapsToNext.map((g) => [g.expected, g.actual])).toEqual([[22, 17], [15, 13], [5, 4], [5, 3], ['tcm-hall', expect.any(Array)], [true, false]]);
    expect(a.gapsToNext.every((g) => g.outcome === 'gap')).toBe(true);
  });

  it('basic.yaml: the basic level; its gaps to the recommended standard, advisory ones included', async () => {
    const a = await assessLadder(ladderFixture('basic.yaml'), LADDER);
    expect(a.achieved).toEqual({ standard: BASIC, title: { zh: '基本标准', en: 'basic standard' } });
    expect(a.next).toMatchObject({ standard: REC, outcome: 'gap' });
    expect(a.levels.map((l) => l.reached)).toEqual([true, false, false]);
    expect(a.gapsToNext.map((g) => g.requirement)).toEqual([
      'common-diseases', 'tcm-diseases', 'ambulance', 'staff-on-post',
      'added-departments', 'medtech-rooms', 'first-level-surgery', 'dedicated-inpatient-staff',
    ]);
    const byId = Object.fromEntries(a.gapsToNext.map((g) => [g.requirement, g]));
    expect([byId['common-diseases']!.actual, byId['common-diseases']!.shortfall]).toEqual([57, 4]);
    expect([byId['tcm-diseases']!.actual, byId['tcm-diseases']!.shortfall]).toEqual([24, 6]);
    expect(byId['ambulance']!.missing).toEqual(['emergency']);
    expect([byId['staff-on-post']!.actual, byId['staff-on-post']!.shortfall]).toEqual([26, 4]);
    expect(byId['medtech-rooms']!.missing).toEqual(['disposal-room', 'operating-room']);
    // No pediatrics, stomatology or rehabilitation department: both conditions of added-departments fail.
    expect(byId['added-departments']!.findings).toHaveLength(2);
    expect(byId['added-departments']!.missing).toEqual(['pediatrics', 'stomatology']);
    expect(byId['added-departments']!.severity).toBe('advisory');
  });

  it('recommended.yaml: the recommended level; every sub-center item it lacks', async () => {
    const a = await assessLadder(ladderFixture('recommended.yaml'), LADDER);
    expect(a.achieved?.standard).toBe(REC);
    expect(a.next).toMatchObject({ standard: SUB, outcome: 'gap' });
    expect(a.levels.map((l) => l.reached)).toEqual([true, true, false]);
    expect(a.gapsToNext.map((g) => g.requirement)).toEqual([
      'common-diseases', 'tcm-diseases', 'health-tech-ratio', ...SUB_OWN_IDS,
    ]);
    const byId = Object.fromEntries(a.gapsToNext.map((g) => [g.requirement, g]));
    // 39/46 health technicians = 84.8%: enough for 82%, not for 85%.
    expect(byId['health-tech-ratio']!.actual).toBeCloseTo(39 / 46, 12);
    expect(byId['subcenter-departments']!.missing).toEqual(['rehabilitation-medicine', 'psychiatry', 'geriatrics']);
    expect(byId['staff-on-post-50']!.severity).toBe('advisory');
    // With no featured department yet, which devices they will need is not recorded: unknown, not a gap.
    const featured = ['featured-equipment-ct', 'featured-equipment-gi-endoscope', 'featured-equipment-laparoscope'];
    for (const id of featured) expect(byId[id]!.outcome).toBe('unknown');
    expect(a.gapsToNext.filter((g) => !featured.includes(g.requirement)).every((g) => g.outcome === 'gap')).toBe(true);
  });

  it('subcenter.yaml: the top level; nothing next', async () => {
    const a = await assessLadder(ladderFixture('subcenter.yaml'), LADDER);
    expect(a.achieved?.standard).toBe(SUB);
    expect(a.next).toBeNull();
    expect(a.gapsToNext).toEqual([]);
    expect(a.levels.map((l) => [l.outcome, l.reached])).toEqual([['met', true], ['met', true], ['met', true]]);
    expect(a.reports.map((r) => r.standard.id)).toEqual(levelIds);
  });

  it('basic-missing-one.yaml: basic reached, and exactly one gap to the recommended standard', async () => {
    const a = await assessLadder(ladderFixture('basic-missing-one.yaml'), LADDER);
    expect(a.achieved?.standard).toBe(BASIC);
    expect(a.next).toMatchObject({ standard: REC, outcome: 'gap' });
    expect(a.gapsToNext).toHaveLength(1);
    const [only] = a.gapsToNext;
    expect(only).toMatchObject({
      requirement: 'dedicated-inpatient-staff',
      outcome: 'gap',
      severity: 'required',
      clause: '附件2 二(二)',
      fact: 'services.dedicatedInpatientStaff',
      expected: true,
      actual: false,
      missing: ['services.dedicatedInpatientStaff'],
    });
    expect(only!.message.zh).toBe('未落实：专职医护人员负责住院服务');
  });

  it('recommended-items-basic-gap.yaml: meets all the recommended standard sets or raises, fails one basic item — reaches nothing', async () => {
    const record = ladderFixture('recommended-items-basic-gap.yaml');
    const a = await assessLadder(record, LADDER);
    expect(a.achieved).toBeNull();
    expect(a.next).toMatchObject({ standard: BASIC, outcome: 'gap' });
    expect(a.levels.map((l) => l.reached)).toEqual([false, false, false]);
    expect(a.gapsToNext.map((g) => g.requirement)).toEqual(['posts']);
    expect(a.gapsToNext[0]!.missing).toEqual(['party-affairs']);
    // The recommended report: every item it declares or raises is met; its only gap is the basic one.
    const rec = a.reports[1]!;
    expect(outcomesById(rec)).toEqual(allMetExcept(REC_IDS, { posts: 'gap' }));
  });

  it('a level is reached only if every lower level is, even when its own standard is met', async () => {
    // A test overlay of the sub-center standard without the posts requirement: the center below
    // meets it but fails the basic and recommended standards on posts, so it reaches no level.
    const { standards } = loadRules(
      [
        {
          file: 'test-overlay.yaml',
          text: [
            'id: test/subcenter-without-posts',
            'version: "test"',
            'title: { zh: 测试用次中心, en: test sub-center }',
            'facilityType: township-health-center',
            'source: { title: test, issuer: 长治市人民政府办公室, date: 2025-12-18, file: sources/001_f3c695a624cdce2f.txt }',
            'extends: changzhi/county-subcenter',
            'remove:',
            '  - requirement: posts',
            '    reason: test only',
          ].join('\n'),
        },
      ],
      { base: bundledStandards() },
    );
    const ladder: Ladder = {
      id: 'test/township',
      title: { zh: '测试', en: 'test' },
      facilityType: 'township-health-center',
      levels: [
        { standard: BASIC, title: { zh: '基本标准', en: 'basic' } },
        { standard: REC, title: { zh: '推荐标准', en: 'recommended' } },
        { standard: 'test/subcenter-without-posts', title: { zh: '次中心', en: 'sub-center' } },
      ],
      file: 'test',
    };
    const record = patch(subCompliant(), (r) => void (r.posts = ['administration-affairs', 'medical-affairs']));
    const a = await assessLadder(record, ladder, { standards: new Map([...bundledStandards(), ...standards]) });
    expect(a.levels.map((l) => [l.outcome, l.reached])).toEqual([['gap', false], ['gap', false], ['met', false]]);
    expect(a.achieved).toBeNull();
    expect(a.next?.standard).toBe(BASIC);
  });

  it('a sub-center that loses a recommended item drops to the basic level', async () => {
    const record = patch(subCompliant(), (r) => void (r.services!.referralRelationship = false));
    const a = await assessLadder(record, LADDER);
    expect(a.levels.map((l) => [l.outcome, l.reached])).toEqual([['met', true], ['gap', false], ['gap', false]]);
    expect(a.achieved?.standard).toBe(BASIC);
    expect(a.gapsToNext.map((g) => g.requirement)).toEqual(['referral-relationship']);
  });
});

// ------------------------------------------------------------------ Pingshun overlays

describe('Pingshun overlays adopt the Changzhi standards unchanged', () => {
  const PAIRS = [
    { pingshun: 'pingshun/village-clinic', changzhi: 'changzhi/village-clinic', zh: '平顺县标准化村卫生室', dirs: ['village-clinic'] },
    {
      pingshun: 'pingshun/village-clinic-demonstration',
      changzhi: 'changzhi/village-clinic-demonstration',
      zh: '平顺县综合示范卫生室',
      dirs: ['village-clinic-demonstration', 'village-clinic'],
    },
    {
      pingshun: 'pingshun/township-basic',
      changzhi: BASIC,
      zh: '平顺县标准化乡镇卫生院（“优质服务基层行”基本标准）',
      dirs: ['township-basic', 'township-ladder'],
    },
  ] as const;

  const fixtureFiles = (dir: Dir) => [
    ...readdirSync(fixtureDir(dir)).filter((f) => f.endsWith('.yaml')),
    ...(readdirSync(fixtureDir(dir)).includes('breaks') ? readdirSync(`${fixtureDir(dir)}breaks`).map((f) => `breaks/${f}`) : []),
  ];

  /** A requirement result without the evaluated standard's name, which differs by design. */
  const comparable = ({ standard: _standard, ...rest }: RequirementResult) => rest;

  for (const pair of PAIRS) {
    it(`${pair.pingshun} extends ${pair.changzhi}, with no requirement of its own and none changed`, () => {
      const standards = bundledStandards();
      const overlay = standards.get(pair.pingshun)!;
      const parent = standards.get(pair.changzhi)!;
      expect(overlay.extends).toBe(pair.changzhi);
      expect(overlay.source.file).toBe('sources/000_114e2ae15cc424dd.txt');
      expect(overlay.source.issuer).toBe('平顺县卫生健康和体育局');
      expect(overlay.region).toEqual({ province: '山西省', city: '长治市', county: '平顺县' });
      expect(overlay.requirements).toEqual(parent.requirements);
      expect(overlay.parameters).toEqual(parent.parameters);
      expect(overlay.applicability).toEqual(parent.applicability);
      expect(overlay.removed).toEqual([]);
      expect(overlay.note).toContain("adopts Changzhi's standard unchanged");
    });

    for (const dir of pair.dirs) {
      it(`${pair.pingshun} gives the same outcome per requirement as ${pair.changzhi} on every fixture in ${dir}/`, async () => {
        const files = fixtureFiles(dir);
        expect(files.length).toBeGreaterThan(1);
        for (const file of files) {
          const record = load(dir, file);
          const county = await evaluate(record, pair.pingshun);
          const city = await evaluate(record, pair.changzhi);
          expect(county.standard.id, file).toBe(pair.pingshun);
          expect(county.standard.title.zh).toBe(pair.zh);
          expect(county.requirements.every((r) => r.standard === `${pair.pingshun}@2026`)).toBe(true);
          expect(county.outcome, file).toBe(city.outcome);
          expect(county.applicable).toBe(city.applicable);
          expect(county.counts).toEqual(city.counts);
          expect(county.requirements.map(comparable), file).toEqual(city.requirements.map(comparable));
          // Each requirement still names the Changzhi standard that declared it.
          expect(county.requirements.every((r) => r.source.standard.startsWith('changzhi/'))).toBe(true);
        }
      });
    }
  }

  it('a Pingshun township center is checked against the Pingshun overlay in place of the Changzhi basic standard; a Zhangzi one not against Pingshun\'s', async () => {
    const pingshun = ladderFixture('basic.yaml');
    expect(pingshun.region?.county).toBe('平顺县');
    const ids = (await evaluateAll(pingshun)).map((r) => r.standard.id);
    expect(ids).toEqual(expect.arrayContaining([REC, SUB, 'pingshun/township-basic']));
    expect(ids).not.toContain(BASIC);
    const pingshunReport = (await evaluateAll(pingshun)).find((r) => r.standard.id === 'pingshun/township-basic')!;
    expect(pingshunReport.outcome).toBe('met');

    const zhangzi = basicCompliant();
    expect(zhangzi.region?.county).toBe('长子县');
    const zhangziIds = (await evaluateAll(zhangzi)).map((r) => r.standard.id);
    expect(zhangziIds).toEqual(expect.arrayContaining([BASIC, REC, SUB]));
    expect(zhangziIds).not.toContain('pingshun/township-basic');
  });

  function ladderFixture(name: string) {
    return load('township-ladder', name);
  }
});
