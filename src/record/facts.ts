import type { LocalizedText } from '../text.js';
import type { FacilityRecord } from './schema.js';
import { catalog, kindOf, type CatalogName, type VocabularyName } from './vocabulary.js';

/**
 * The fact catalogue: every value a rule may name. A fact is a record field (named by its
 * dotted path, e.g. `premises.buildingArea`) or is derived from fields in code (camelCase,
 * e.g. `healthTechRatio`). Rules that name anything else are rejected when they load.
 */
export type FactType =
  /** a measure, e.g. an area */
  | 'number'
  /** a whole number of people, kinds, items */
  | 'count'
  /** a share between 0 and 1, shown as a percentage */
  | 'ratio'
  | 'boolean'
  /** one code from a vocabulary */
  | 'code'
  /** a set of codes from a vocabulary */
  | 'codes'
  | 'text';

export type FactValue = number | boolean | string | readonly string[];

export interface FactDefinition {
  readonly name: string;
  readonly type: FactType;
  readonly label: LocalizedText;
  readonly unit?: Unit;
  /** For `code` and `codes` facts: the vocabulary the codes come from. */
  readonly vocabulary?: VocabularyName;
  /** For counts over a catalogue: the catalogue, so a gap can list what is still missing. */
  readonly catalog?: CatalogName;
  /**
   * For a count that can come from more than one place: which one it came from for a record, so
   * that a report can say what was counted.
   */
  basis?(record: FacilityRecord): CountBasis | undefined;
  /** The record fields the fact reads; named in `unknown` outcomes when one is absent. */
  readonly inputs: readonly string[];
  readonly derived: boolean;
  readonly description?: string;
  /**
   * For fields: other headers assessors give the field's column in sheets, Chinese first
   * (房屋面积 for 建筑面积). Read, never written; unique among all column names.
   */
  readonly synonyms?: readonly string[];
  /** The fact's value for a record, or `undefined` when the record does not say. */
  read(record: FacilityRecord): FactValue | undefined;
}

/**
 * Where a count came from: the assessor's count against the list in force (`assessor-count`),
 * or the record's own equipment (`recorded-equipment`, with the kinds counted).
 */
export type CountBasis =
  | { readonly from: 'assessor-count' }
  | { readonly from: 'recorded-equipment'; readonly items: readonly string[] };

/** A unit; `enOne` is the English for exactly one (1 kind, 2 kinds). */
export interface Unit extends LocalizedText {
  readonly enOne?: string;
  /** How the unit is written after a number in a cell (80㎡, 80 平方米), a sheet reader strips it. */
  readonly written: readonly string[];
}

const units = {
  squareMetre: { zh: '平方米', en: 'm²', written: ['平方米', '㎡', 'm²', 'm2', '平米'] },
  people: { zh: '人', en: 'people', enOne: 'person', written: ['人', '名'] },
  kinds: { zh: '种', en: 'kinds', enOne: 'kind', written: ['种', '个', '类'] },
  items: { zh: '项', en: 'items', enOne: 'item', written: ['项', '个'] },
  categories: { zh: '类', en: 'categories', enOne: 'category', written: ['类', '种'] },
  perWeek: { zh: '次/周', en: 'times a week', enOne: 'time a week', written: ['次/周', '次'] },
} as const satisfies Record<string, Unit>;

type FieldOptions = { unit?: Unit; vocabulary?: VocabularyName; description?: string; synonyms?: readonly string[] };

function field(path: string, type: FactType, label: LocalizedText, options: FieldOptions = {}): FactDefinition {
  const keys = path.split('.');
  return {
    name: path,
    type,
    label,
    ...options,
    inputs: [path],
    derived: false,
    read: reader(keys),
  };
}

/**
 * A field's reader, specialized to its depth (every field is one or two keys deep): direct
 * property reads are several times cheaper than a loop over the path. Records are validated
 * strict objects, so an own-property check is not needed.
 */
function reader(keys: readonly string[]): (record: FacilityRecord) => FactValue | undefined {
  const [a, b] = keys as [string, string | undefined];
  type Loose = Record<string, Record<string, FactValue | undefined> | undefined>;
  if (keys.length === 1) return (record) => (record as unknown as Record<string, FactValue | undefined>)[a];
  if (keys.length === 2) return (record) => (record as unknown as Loose)[a]?.[b!];
  return (record) => readPath(record, keys) as FactValue | undefined;
}

function derived(
  definition: Omit<FactDefinition, 'derived' | 'read'> & { read: FactDefinition['read'] },
): FactDefinition {
  return { ...definition, derived: true };
}

const working = new WeakMap<object, string[]>();

/** Equipment codes with at least one working unit (read once per record: two facts use it). */
function workingEquipment(record: FacilityRecord): string[] | undefined {
  const { equipment } = record;
  if (!equipment) return undefined;
  let codes = working.get(equipment);
  if (!codes) {
    codes = [];
    for (const code in equipment) if ((equipment[code as keyof typeof equipment] ?? 0) >= 1) codes.push(code);
    working.set(equipment, codes);
  }
  return codes;
}

const villageBasicKinds: readonly string[] = catalog('village-clinic-basic');
const villageKinds = new WeakMap<object, string[]>();

/** The village-clinic catalogue's kinds among a record's working equipment, in catalogue order; worked out once per record. */
function recordedVillageKinds(record: FacilityRecord): string[] | undefined {
  const codes = workingEquipment(record);
  if (!codes) return undefined;
  let found = villageKinds.get(codes);
  if (!found) {
    const kinds = new Set(codes.map(kindOf));
    villageKinds.set(codes, (found = villageBasicKinds.filter((kind) => kinds.has(kind))));
  }
  return found;
}

const definitions: FactDefinition[] = [
  field('type', 'code', { zh: '机构类型', en: 'facility type' }, { vocabulary: 'facilityTypes' }),
  field('name', 'text', { zh: '机构名称', en: 'facility name' }, { synonyms: ['村卫生室名称', '卫生室名称', '卫生院名称', '医疗机构名称', '单位名称', '名称'] }),
  field('region.township', 'text', { zh: '乡镇', en: 'township' }, { synonyms: ['乡（镇）', '乡镇（街道）', '所属乡镇', '乡镇名称', '乡/镇'] }),
  field('region.village', 'text', { zh: '行政村', en: 'administrative village' }, { synonyms: ['村', '村名', '行政村名称', '所在村'] }),
  field('region.villageCategory', 'code', { zh: '村庄分类', en: 'village category' }, { vocabulary: 'villageCategories' }),
  field('region.isTownshipSeat', 'boolean', { zh: '位于乡镇卫生院所在地', en: 'in the township health center seat' }),
  derived({
    name: 'standardVillageClinicName',
    type: 'text',
    label: { zh: '规范名称（乡镇名+行政村名+卫生室）', en: 'standard name (township + village + 卫生室)' },
    inputs: ['region.township', 'region.village'],
    description: 'The village clinic name the naming rule asks for: township, administrative village, then 卫生室.',
    read: ({ region }) =>
      region?.township !== undefined && region.village !== undefined
        ? `${region.township}${region.village}卫生室`
        : undefined,
  }),
  field('servicePopulation', 'count', { zh: '服务人口', en: 'service population' }, { unit: units.people, synonyms: ['服务人口数', '服务人数', '辖区人口', '覆盖人口'] }),

  field('premises.ownership', 'code', { zh: '房屋产权', en: 'premises ownership' }, { vocabulary: 'ownerships', synonyms: ['产权', '产权性质', '房屋产权性质', '房屋所有权', '产权归属'] }),
  field('premises.buildingArea', 'number', { zh: '建筑面积', en: 'building area' }, { unit: units.squareMetre, synonyms: ['房屋面积', '房屋建筑面积', '总建筑面积', '用房面积'] }),
  field('premises.businessArea', 'number', { zh: '业务用房面积', en: 'business premises area' }, { unit: units.squareMetre, synonyms: ['业务用房建筑面积', '业务面积', '业务用房'] }),
  field('premises.newlyBuilt', 'boolean', { zh: '新建房屋', en: 'newly built premises' }),
  field('premises.builtYear', 'number', { zh: '房屋建成年份', en: 'year the premises were built' }),
  field('grade', 'code', { zh: '乡镇卫生院规模分级', en: 'township health center grade' }, { vocabulary: 'townshipGrades' }),
  field('tcmHallStars', 'count', { zh: '中医馆星级', en: 'TCM hall star rating' }),
  field('milestones.recommendedFirstPassed', 'number', { zh: '首次通过推荐标准年份', en: 'year the recommended standard was first passed' }),
  field('premises.areaIncludesToilet', 'boolean', { zh: '面积含厕所', en: 'area includes the toilet' }, { synonyms: ['面积是否含厕所', '含厕所'] }),

  field('rooms', 'codes', { zh: '功能用房', en: 'rooms' }, { vocabulary: 'rooms', synonyms: ['功能用房设置', '功能室', '功能分区'] }),
  field('roomsPartitioned', 'boolean', { zh: '规范化隔断', en: 'rooms partitioned' }, { synonyms: ['是否规范化隔断', '隔断'] }),
  field('privacyProtection', 'boolean', { zh: '诊断室、治疗室私密性保护措施', en: 'privacy protection in diagnosis and treatment rooms' }),

  field('utilities.water', 'boolean', { zh: '供水', en: 'water supply' }, { synonyms: ['自来水', '通水'] }),
  field('utilities.electricity', 'boolean', { zh: '供电', en: 'electricity' }, { synonyms: ['通电'] }),
  field('utilities.heating', 'boolean', { zh: '采暖', en: 'heating' }, { synonyms: ['取暖', '供暖', '采暖设施'] }),
  field('utilities.cooling', 'boolean', { zh: '制冷设施设备', en: 'cooling equipment' }, { synonyms: ['制冷', '制冷设施'] }),

  derived({
    name: 'equipment',
    type: 'codes',
    label: { zh: '设备', en: 'equipment' },
    vocabulary: 'equipment',
    inputs: ['equipment'],
    description: 'Equipment codes with at least one working unit.',
    read: (record) => workingEquipment(record)?.slice(),
  }),
  derived({
    name: 'villageEquipmentKinds',
    type: 'count',
    label: { zh: '基本医疗器械和办公设备种类', en: 'kinds of basic medical devices and office equipment' },
    unit: units.kinds,
    catalog: 'village-clinic-basic',
    inputs: ['equipmentKinds.villageBasic', 'equipment'],
    description:
      'The kinds the assessor counted against the county’s list (equipmentKinds.villageBasic); without that count, the kinds of the village-clinic catalogue among the recorded equipment with at least one working unit (a variant counts as its kind). The catalogue is assembled from other documents’ lists, not the county’s, so a requirement on this fact reports which count it used.',
    read: (record) => {
      const counted = record.equipmentKinds?.villageBasic;
      if (counted !== undefined) return counted;
      return recordedVillageKinds(record)?.length;
    },
    basis: (record) => {
      if (record.equipmentKinds?.villageBasic !== undefined) return { from: 'assessor-count' };
      const kinds = recordedVillageKinds(record);
      return kinds && { from: 'recorded-equipment', items: kinds };
    },
  }),
  field(
    'featuredDepartmentEquipment',
    'codes',
    { zh: '特色科室建设所需设备', en: 'equipment the featured departments need' },
    { vocabulary: 'equipment' },
  ),
  field('equipmentKinds.villageBasic', 'count', { zh: '按县级清单核定的基本医疗器械和办公设备种类', en: "kinds of basic devices and office equipment counted against the county's list" }, { unit: units.kinds }),
  field('equipmentKinds.general', 'count', { zh: '通用医用装备种类', en: 'kinds of general medical equipment' }, { unit: units.kinds }),
  field('equipmentKinds.tcmDiagnosisRehab', 'count', { zh: '中医诊疗和康复设备种类', en: 'kinds of TCM diagnosis and rehabilitation equipment' }, { unit: units.kinds }),

  field('drugs.varieties', 'count', { zh: '药品品种', en: 'drug varieties' }, { unit: units.kinds, synonyms: ['药品品种数', '药品种类', '药品品种数量', '药品种数', '配备药品种类'] }),
  field('drugs.herbalPieces', 'boolean', { zh: '中药饮片服务', en: 'Chinese herbal pieces service' }, { synonyms: ['中药饮片'] }),
  field('drugs.emergencyDrugs', 'boolean', { zh: '急救药品', en: 'emergency drugs' }, { synonyms: ['急救药品配备'] }),

  field('staff.onPost', 'count', { zh: '在岗人员', en: 'staff on post' }, { unit: units.people, synonyms: ['在岗人数', '在岗人员数', '在岗职工数'] }),
  field('staff.healthTechnicians', 'count', { zh: '卫生技术人员', en: 'health technicians' }, { unit: units.people, synonyms: ['卫技人员', '卫生技术人员数', '卫生技术人员人数'] }),
  field('staff.physicians', 'count', { zh: '医师（执业+执业助理）', en: 'physicians (licensed and assistant)' }, { unit: units.people, synonyms: ['执业（助理）医师', '执业医师及执业助理医师', '执业（助理）医师数'] }),
  field('staff.clinicalPhysicians', 'count', { zh: '临床类别医师', en: 'clinical physicians' }, { unit: units.people, synonyms: ['临床医师', '临床类别执业（助理）医师'] }),
  field('staff.tcmPhysicians', 'count', { zh: '中医类别医师', en: 'TCM physicians' }, { unit: units.people, synonyms: ['中医医师', '中医类别执业（助理）医师', '中医师'] }),
  field('staff.villageDoctors', 'count', { zh: '乡村医生', en: 'village doctors' }, { unit: units.people, synonyms: ['乡村医生数', '村医', '村医人数'] }),
  field('staff.nurses', 'count', { zh: '护士', en: 'nurses' }, { unit: units.people, synonyms: ['护士数', '注册护士'] }),
  field('staff.auxiliary', 'count', { zh: '辅助工作人员', en: 'auxiliary staff' }, { unit: units.people, synonyms: ['辅助人员'] }),
  field('staff.seniorPhysicians', 'count', { zh: '副高级及以上职称医师', en: 'associate-senior physicians and above' }, { unit: units.people }),
  field('staff.ecgTechnicians', 'count', { zh: '心电技师', en: 'ECG technicians' }, { unit: units.people }),
  field('staff.imagingTechnicians', 'count', { zh: '影像技师', en: 'imaging technicians' }, { unit: units.people }),
  field('staff.herbalDispensers', 'count', { zh: '中药饮片调剂人员', en: 'herbal-pieces dispensers' }, { unit: units.people }),
  field('staff.informationManagers', 'count', { zh: '信息管理人员', en: 'information managers' }, { unit: units.people }),
  derived({
    name: 'healthTechRatio',
    type: 'ratio',
    label: { zh: '卫生技术人员占比', en: 'share of health technicians' },
    inputs: ['staff.healthTechnicians', 'staff.onPost'],
    description: 'staff.healthTechnicians / staff.onPost; unknown when no one is on post.',
    read: ({ staff }) =>
      staff?.healthTechnicians !== undefined && staff.onPost ? staff.healthTechnicians / staff.onPost : undefined,
  }),
  derived({
    name: 'physiciansAndAuxiliaryStaff',
    type: 'count',
    label: { zh: '医师（执业+执业助理）及辅助工作人员', en: 'physicians (licensed and assistant) and auxiliary staff' },
    unit: units.people,
    inputs: ['staff.physicians', 'staff.auxiliary'],
    description:
      'staff.physicians + staff.auxiliary. Village doctors holding only the village-doctor certificate are not physicians (医师) and are not counted.',
    read: ({ staff }) =>
      staff?.physicians !== undefined && staff.auxiliary !== undefined ? staff.physicians + staff.auxiliary : undefined,
  }),

  field('departments', 'codes', { zh: '科室', en: 'departments' }, { vocabulary: 'departments', synonyms: ['科室设置', '临床科室'] }),
  field('posts', 'codes', { zh: '专（兼）职岗位', en: 'full- or part-time posts' }, { vocabulary: 'posts' }),
  field(
    'secondedSeniorPhysicianDepartments',
    'codes',
    { zh: '有上级医院长期派驻副高级及以上医师的科室', en: 'departments with a seconded associate-senior physician' },
    { vocabulary: 'departments' },
  ),
  field('ambulances', 'codes', { zh: '救护车', en: 'ambulances' }, { vocabulary: 'ambulances', synonyms: ['救护车类型'] }),
  field('systems', 'codes', { zh: '信息系统', en: 'information systems' }, { vocabulary: 'systems', synonyms: ['信息化系统', '信息系统建设'] }),
  field('disclosures', 'codes', { zh: '公示内容', en: 'public disclosures' }, { vocabulary: 'disclosures', synonyms: ['公示', '公示项目'] }),

  field('services.commonDiseases', 'count', { zh: '诊疗病种', en: 'diseases diagnosed and treated' }, { unit: units.kinds, synonyms: ['诊疗病种数', '常见病多发病种数'] }),
  field('services.tcmDiseases', 'count', { zh: '中医病种', en: 'TCM diseases' }, { unit: units.kinds, synonyms: ['中医病种数'] }),
  field('services.tcmTechniques', 'count', { zh: '中医适宜技术', en: 'TCM appropriate techniques' }, { unit: units.kinds, synonyms: ['中医适宜技术种类', '中医适宜技术项数', '中医适宜技术数', '中医药适宜技术', '开展中医适宜技术'] }),
  field('services.tcmHealthManagement', 'boolean', { zh: '中医药健康管理服务', en: 'TCM health management service' }),
  field('services.specialtyTechniques', 'count', { zh: '特色专科诊疗技术', en: 'special-clinic techniques' }, { unit: units.items }),
  field('services.infusionReactionRescue', 'boolean', {
    zh: '输液反应预防和处理的救护措施和急救能力',
    en: 'measures and capability to prevent and treat infusion reactions',
  }),

  field('services.tcmService', 'boolean', { zh: '中医药服务', en: 'TCM service' }),
  field('services.ivInfusion', 'boolean', { zh: '开展静脉输液', en: 'intravenous infusion offered' }),
  field('services.firstLevelSurgery', 'boolean', { zh: '一级常规手术', en: 'first-level routine surgery' }),
  field('services.dedicatedInpatientStaff', 'boolean', { zh: '专职医护人员负责住院服务', en: 'dedicated inpatient medical and nursing staff' }),
  field('services.referralRelationship', 'boolean', { zh: '与县级医疗集团稳定的转诊服务关系', en: 'stable referral relationship with the county medical group' }),
  field('services.downReferralCare', 'boolean', { zh: '为下转病人提供康复等接续服务', en: 'rehabilitation and continuing care for down-referred patients' }),
  field('services.featuredDepartments', 'count', { zh: '市级重点专科水平的特色科室', en: 'featured departments at city key-specialty level' }, { unit: units.items }),
  field('services.inpatientDiseaseTypes3y', 'count', { zh: '3年累计收治住院病种', en: 'inpatient disease types over 3 years' }, { unit: units.kinds }),
  field('services.surgicalDiseaseTypes', 'count', { zh: '手术病种', en: 'surgical disease types' }, { unit: units.kinds }),
  field('services.inpatientSurgeryTypes', 'count', { zh: '住院手术病种', en: 'inpatient surgery types' }, { unit: units.kinds }),
  field('services.seniorTcmVisitsPerWeek', 'number', { zh: '上级医院高级职称中医师坐诊', en: 'visits of a senior TCM physician' }, { unit: units.perWeek }),
  field('services.tcmTechniqueCategoriesPromoted', 'count', { zh: '向村卫生室推广的中医适宜技术', en: 'categories of TCM techniques promoted to village clinics' }, { unit: units.categories }),
  field('services.tcmFeaturedSpecialties', 'count', { zh: '中医特色专科', en: 'TCM featured specialties' }, { unit: units.items }),
  field('services.famousTcmExpertStation', 'boolean', { zh: '名中医药专家基层工作站', en: 'renowned TCM expert station' }),
  field('services.tcmPromotionStation', 'boolean', { zh: '中医技术推广工作站', en: 'TCM technique promotion station' }),

  field('signage.greenSign', 'boolean', { zh: '标识牌以绿色为主', en: 'green sign board' }),
  field('signage.doctorWhereaboutsBoard', 'boolean', { zh: '村医去向指示牌', en: 'village doctor whereabouts board' }),
  field('signage.standardColours', 'boolean', { zh: '按规定色调', en: 'prescribed colour scheme' }),
  field('signage.mainBuildingColours', 'boolean', { zh: '主体建筑以米白、浅黄暖色调为主', en: 'main building mainly off-white or light yellow' }),
  field('signage.verticalSign', 'boolean', { zh: '竖排单位标志牌银色不锈钢底色配黑色字体', en: 'vertical name sign in silver stainless steel with black characters' }),
  field('signage.nameLetteringRed', 'boolean', { zh: '墙体及钢架单位名称以红色字体为主', en: 'name on walls and frames mainly in red' }),
  field('signage.nameLighting', 'boolean', { zh: '单位名称亮化设施', en: 'lighting for the name' }),
  field('signage.interiorColours', 'boolean', { zh: '室内墙体、地面、诊室门按规定色调', en: 'interior walls, floors and doors in the prescribed colours' }),
  field('signage.childFriendly', 'boolean', { zh: '预防接种门诊、儿科诊疗区适儿化改造', en: 'child-friendly vaccination and pediatric areas' }),

  field('toilet.sanitary', 'boolean', { zh: '无害化卫生厕所', en: 'sanitary toilet' }),
  field('toilet.flush', 'boolean', { zh: '水冲式厕所', en: 'flush toilet' }),
  field('toilet.indoor', 'boolean', { zh: '室内厕所', en: 'indoor toilet' }),

  field('management.integrated', 'boolean', { zh: '人财物乡村一体化管理', en: 'integrated township–village management' }),
  field('management.sixS', 'boolean', { zh: '6S管理', en: '6S management' }),
  field('management.medicalInsuranceDesignated', 'boolean', { zh: '纳入医保定点协议管理', en: 'designated for medical insurance (agreement management)' }),
  field('management.ageFriendly', 'boolean', { zh: '老年友善医疗机构', en: 'age-friendly medical institution' }),

  field('assessment.capabilityStandard', 'boolean', { zh: '经评价达到服务能力标准', en: 'assessed as reaching the service capability standard' }, {
    description: 'The national service capability standard (2022 edition) for the facility’s type, as the county’s assessment found.',
  }),
];

/** Every fact a rule may name, by name. */
export const facts: ReadonlyMap<string, FactDefinition> = new Map(definitions.map((fact) => [fact.name, fact]));

/**
 * The value of every fact the record gives (or of the named ones only); facts it does not give
 * are left out. Measures and ratios are read to 12 significant digits: a spreadsheet formula's
 * 79.99999999999999 m² is the 80 it stands for, so that it meets "不低于80㎡" and no gap of
 * "0 m²" is ever reported.
 */
export function readFacts(record: FacilityRecord, names?: readonly string[]): Map<string, FactValue> {
  const values = new Map<string, FactValue>();
  for (const fact of names ? definitionsOf(names) : facts.values()) {
    const value = fact.read(record);
    if (value === undefined) continue;
    values.set(fact.name, typeof value === 'number' && (fact.type === 'number' || fact.type === 'ratio') ? significant(value) : value);
  }
  return values;
}

const definitionLists = new WeakMap<readonly string[], readonly FactDefinition[]>();

/** The definitions of the facts named, looked up once per list (a compiled standard's). */
function definitionsOf(names: readonly string[]): readonly FactDefinition[] {
  let found = definitionLists.get(names);
  if (!found) definitionLists.set(names, (found = names.map((name) => facts.get(name)!)));
  return found;
}

/** Significant digits a measure is compared to: far beyond any survey's, far above floating-point noise. */
const measureDigits = 12;

/** Whole numbers under 10¹² already have no more than 12 digits: only the others are rounded (`+ 0` makes -0 the 0 that rounding makes it). */
const significant = (value: number): number =>
  Number.isInteger(value) && Math.abs(value) < 1e12 ? value + 0 : Number.isFinite(value) ? Number(value.toPrecision(measureDigits)) : value;

/** Record fields a fact needs that the record does not give. */
export function missingInputs(fact: FactDefinition, record: FacilityRecord): string[] {
  return fact.inputs.filter((path) => readPath(record, path.split('.')) === undefined);
}

function readPath(record: FacilityRecord, keys: readonly string[]): unknown {
  let value: unknown = record;
  for (const key of keys) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
