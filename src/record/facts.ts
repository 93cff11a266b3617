import type { LocalizedText } from '../text.js';
import type { FacilityRecord } from './schema.js';
import { catalog, type CatalogName, type VocabularyName } from './vocabulary.js';

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
  /** The record fields the fact reads; named in `unknown` outcomes when one is absent. */
  readonly inputs: readonly string[];
  readonly derived: boolean;
  readonly description?: string;
  /** The fact's value for a record, or `undefined` when the record does not say. */
  read(record: FacilityRecord): FactValue | undefined;
}

/** A unit; `enOne` is the English for exactly one (1 kind, 2 kinds). */
export interface Unit extends LocalizedText {
  readonly enOne?: string;
}

const units = {
  squareMetre: { zh: '平方米', en: 'm²' },
  people: { zh: '人', en: 'people', enOne: 'person' },
  kinds: { zh: '种', en: 'kinds', enOne: 'kind' },
  items: { zh: '项', en: 'items', enOne: 'item' },
} as const satisfies Record<string, Unit>;

type FieldOptions = { unit?: Unit; vocabulary?: VocabularyName; description?: string };

function field(path: string, type: FactType, label: LocalizedText, options: FieldOptions = {}): FactDefinition {
  const keys = path.split('.');
  return {
    name: path,
    type,
    label,
    ...options,
    inputs: [path],
    derived: false,
    read: (record) => readPath(record, keys) as FactValue | undefined,
  };
}

function derived(
  definition: Omit<FactDefinition, 'derived' | 'read'> & { read: FactDefinition['read'] },
): FactDefinition {
  return { ...definition, derived: true };
}

/** Equipment codes with at least one working unit. */
const workingEquipment = (record: FacilityRecord): string[] | undefined =>
  record.equipment &&
  Object.entries(record.equipment)
    .filter(([, units]) => (units ?? 0) >= 1)
    .map(([code]) => code);

const villageBasicCatalog = new Set<string>(catalog('village-clinic-basic'));

const definitions: FactDefinition[] = [
  field('type', 'code', { zh: '机构类型', en: 'facility type' }, { vocabulary: 'facilityTypes' }),
  field('name', 'text', { zh: '机构名称', en: 'facility name' }),
  field('region.township', 'text', { zh: '乡镇', en: 'township' }),
  field('region.village', 'text', { zh: '行政村', en: 'administrative village' }),
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
  field('servicePopulation', 'count', { zh: '服务人口', en: 'service population' }, { unit: units.people }),

  field('premises.ownership', 'code', { zh: '房屋产权', en: 'premises ownership' }, { vocabulary: 'ownerships' }),
  field('premises.buildingArea', 'number', { zh: '建筑面积', en: 'building area' }, { unit: units.squareMetre }),
  field('premises.businessArea', 'number', { zh: '业务用房面积', en: 'business premises area' }, { unit: units.squareMetre }),
  field('premises.areaIncludesToilet', 'boolean', { zh: '面积含厕所', en: 'area includes the toilet' }),

  field('rooms', 'codes', { zh: '功能用房', en: 'rooms' }, { vocabulary: 'rooms' }),
  field('roomsPartitioned', 'boolean', { zh: '规范化隔断', en: 'rooms partitioned' }),
  field('privacyProtection', 'boolean', { zh: '诊断室、治疗室私密性保护措施', en: 'privacy protection in diagnosis and treatment rooms' }),

  field('utilities.water', 'boolean', { zh: '供水', en: 'water supply' }),
  field('utilities.electricity', 'boolean', { zh: '供电', en: 'electricity' }),
  field('utilities.heating', 'boolean', { zh: '采暖', en: 'heating' }),
  field('utilities.cooling', 'boolean', { zh: '制冷设施设备', en: 'cooling equipment' }),

  derived({
    name: 'equipment',
    type: 'codes',
    label: { zh: '设备', en: 'equipment' },
    vocabulary: 'equipment',
    inputs: ['equipment'],
    description: 'Equipment codes with at least one working unit.',
    read: workingEquipment,
  }),
  derived({
    name: 'villageEquipmentKinds',
    type: 'count',
    label: { zh: '基本医疗器械和办公设备种类', en: 'kinds of basic medical devices and office equipment' },
    unit: units.kinds,
    catalog: 'village-clinic-basic',
    inputs: ['equipment'],
    description: 'Number of kinds from the village-clinic basic equipment catalogue with at least one working unit.',
    read: (record) => workingEquipment(record)?.filter((code) => villageBasicCatalog.has(code)).length,
  }),

  field('drugs.varieties', 'count', { zh: '药品品种', en: 'drug varieties' }, { unit: units.kinds }),
  field('drugs.herbalPieces', 'boolean', { zh: '中药饮片服务', en: 'Chinese herbal pieces service' }),
  field('drugs.emergencyDrugs', 'boolean', { zh: '急救药品', en: 'emergency drugs' }),

  field('staff.onPost', 'count', { zh: '在岗人员', en: 'staff on post' }, { unit: units.people }),
  field('staff.healthTechnicians', 'count', { zh: '卫生技术人员', en: 'health technicians' }, { unit: units.people }),
  field('staff.physicians', 'count', { zh: '医师（执业+执业助理）', en: 'physicians (licensed and assistant)' }, { unit: units.people }),
  field('staff.clinicalPhysicians', 'count', { zh: '临床类别医师', en: 'clinical physicians' }, { unit: units.people }),
  field('staff.tcmPhysicians', 'count', { zh: '中医类别医师', en: 'TCM physicians' }, { unit: units.people }),
  field('staff.villageDoctors', 'count', { zh: '乡村医生', en: 'village doctors' }, { unit: units.people }),
  field('staff.nurses', 'count', { zh: '护士', en: 'nurses' }, { unit: units.people }),
  field('staff.auxiliary', 'count', { zh: '辅助工作人员', en: 'auxiliary staff' }, { unit: units.people }),
  field('staff.seniorPhysicians', 'count', { zh: '副高级及以上职称医师', en: 'associate-senior physicians and above' }, { unit: units.people }),
  field('staff.ecgTechnicians', 'count', { zh: '心电技师', en: 'ECG technicians' }, { unit: units.people }),
  field('staff.imagingTechnicians', 'count', { zh: '影像技师', en: 'imaging technicians' }, { unit: units.people }),
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
    name: 'doctorsAndAuxiliaryStaff',
    type: 'count',
    label: { zh: '医师（含乡村医生）及辅助工作人员', en: 'doctors (incl. village doctors) and auxiliary staff' },
    unit: units.people,
    inputs: ['staff.physicians', 'staff.villageDoctors', 'staff.auxiliary'],
    description: 'staff.physicians + staff.villageDoctors + staff.auxiliary.',
    read: ({ staff }) =>
      staff?.physicians !== undefined && staff.villageDoctors !== undefined && staff.auxiliary !== undefined
        ? staff.physicians + staff.villageDoctors + staff.auxiliary
        : undefined,
  }),

  field('departments', 'codes', { zh: '科室', en: 'departments' }, { vocabulary: 'departments' }),
  field('ambulances', 'codes', { zh: '救护车', en: 'ambulances' }, { vocabulary: 'ambulances' }),
  field('systems', 'codes', { zh: '信息系统', en: 'information systems' }, { vocabulary: 'systems' }),
  field('disclosures', 'codes', { zh: '公示内容', en: 'public disclosures' }, { vocabulary: 'disclosures' }),

  field('services.commonDiseases', 'count', { zh: '诊疗病种', en: 'diseases diagnosed and treated' }, { unit: units.kinds }),
  field('services.tcmDiseases', 'count', { zh: '中医病种', en: 'TCM diseases' }, { unit: units.kinds }),
  field('services.tcmTechniques', 'count', { zh: '中医适宜技术', en: 'TCM appropriate techniques' }, { unit: units.kinds }),
  field('services.tcmHealthManagement', 'boolean', { zh: '中医药健康管理服务', en: 'TCM health management service' }),
  field('services.specialtyTechniques', 'count', { zh: '特色专科诊疗技术', en: 'special-clinic techniques' }, { unit: units.items }),
  field('services.infusionReactionRescue', 'boolean', {
    zh: '输液反应预防和处理的救护措施和急救能力',
    en: 'measures and capability to prevent and treat infusion reactions',
  }),

  field('signage.greenSign', 'boolean', { zh: '标识牌以绿色为主', en: 'green sign board' }),
  field('signage.doctorWhereaboutsBoard', 'boolean', { zh: '村医去向指示牌', en: 'village doctor whereabouts board' }),
];

/** Every fact a rule may name, by name. */
export const facts: ReadonlyMap<string, FactDefinition> = new Map(definitions.map((fact) => [fact.name, fact]));

/** The value of every fact the record gives; facts it does not give are left out. */
export function readFacts(record: FacilityRecord): Map<string, FactValue> {
  const values = new Map<string, FactValue>();
  for (const fact of facts.values()) {
    const value = fact.read(record);
    if (value !== undefined) values.set(fact.name, value);
  }
  return values;
}

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
