import type { LocalizedText } from '../text.js';

/**
 * Stable kebab-case codes with Chinese and English labels. Records and rules use the codes;
 * reports show the labels. Codes are public: add new ones, never rename.
 */
export interface Term extends LocalizedText {
  /** Named catalogues this term belongs to (e.g. the village-clinic basic equipment catalogue). */
  readonly catalogs?: readonly CatalogName[];
  /** The code this one is a variant of; it counts as that kind in a catalogue. */
  readonly variantOf?: string;
  /** For catalogue items: the documents whose equipment lists name the item. */
  readonly from?: readonly ListSource[];
}

export type CatalogName = 'village-clinic-basic';

/**
 * The equipment lists the village-clinic catalogue is assembled from. None of them is the list of
 * "22种基本医疗器械和办公设备" the Changzhi plan asks for: that list is not published.
 */
export const listSources = Object.freeze({
  'national-1994': {
    zh: '《医疗机构基本标准（试行）》（1994）村卫生室基本设备（据英文译本）',
    en: 'Basic Standards for Medical Institutions (1994), village clinic equipment (from a translation)',
  },
  'community-station': {
    zh: '《城市社区卫生服务站基本标准》基本设备（据英文译本）',
    en: 'Basic standard of urban community health service stations, equipment (from a translation)',
  },
  'yanggu-village-clinic': { zh: '阳谷县方案 二(三)、三(一)3 村卫生室', en: 'Yanggu plan 二(三), 三(一)3, village clinic' },
  'yanggu-central-village-clinic': { zh: '阳谷县方案 三(一)3 中心村卫生室（鼓励配置）', en: 'Yanggu plan 三(一)3, central village clinic (encouraged)' },
  'changzhi-demonstration': { zh: '长治市方案 附件1 二(三) 综合示范卫生室', en: 'Changzhi plan 附件1 二(三), demonstration clinic' },
  'domain-note': {
    zh: '无来源文件列出；项目领域说明提议的目录项',
    en: 'named by no source document; an item the project domain note proposes',
  },
} satisfies Record<string, LocalizedText>);

export type ListSource = keyof typeof listSources;

type Terms = Readonly<Record<string, Term>>;

const define = <const T extends Terms>(terms: T): T => Object.freeze(terms);

export const facilityTypes = define({
  'village-clinic': { zh: '村卫生室', en: 'village clinic' },
  'township-health-center': { zh: '乡镇卫生院', en: 'township health center' },
});

export const ownerships = define({
  collective: { zh: '集体产权', en: 'collective property' },
  government: { zh: '政府产权', en: 'government property' },
  private: { zh: '私人产权', en: 'private property' },
  rented: { zh: '租赁', en: 'rented' },
  other: { zh: '其他', en: 'other' },
});

export const rooms = define({
  'diagnosis-room': { zh: '诊断室', en: 'diagnosis room' },
  'comprehensive-diagnosis-room': { zh: '综合诊断室', en: 'comprehensive diagnosis room' },
  'treatment-room': { zh: '治疗室', en: 'treatment room' },
  pharmacy: { zh: '药房', en: 'pharmacy' },
  'public-health-room': { zh: '公共卫生室', en: 'public health room' },
  'health-education-public-health-room': {
    zh: '健康教育和公共卫生室',
    en: 'health education and public health room',
  },
  'health-education-room': { zh: '健康教育室', en: 'health education room' },
  'observation-room': { zh: '观察室', en: 'observation room' },
  'infusion-observation-room': { zh: '输液室（观察室）', en: 'infusion room (observation room)' },
  'duty-room': { zh: '值班室', en: 'duty room' },
  'rehabilitation-room': { zh: '康复室', en: 'rehabilitation room' },
  'laboratory-room': { zh: '检查（检验）室', en: 'examination (laboratory) room' },
  'ecg-room': { zh: '心电图室', en: 'ECG room' },
  'tcm-corner': { zh: '中医阁', en: 'TCM corner' },
  'tcm-hall': { zh: '中医馆', en: 'TCM hall' },
  'sanitary-toilet': { zh: '卫生厕所', en: 'sanitary toilet' },
  'living-area': { zh: '生活功能区', en: 'living area' },
  'disposal-room': { zh: '处置室', en: 'disposal room' },
  'operating-room': { zh: '手术室', en: 'operating room' },
  'vaccination-clinic': { zh: '预防接种门诊', en: 'vaccination clinic' },
});

const basic = ['village-clinic-basic'] as const;

export const equipment = define({
  // Village clinic: the national 1994 list, the community-station list and the items the
  // local plans name (`from` says which). Items tagged `village-clinic-basic` make up the
  // catalogue a record's own equipment is counted over when the assessor gives no count against
  // the county's list of the "22 kinds of basic medical devices and office equipment".
  'examination-couch': { zh: '诊察床', en: 'examination couch', catalogs: basic, from: ['national-1994', 'community-station', 'yanggu-village-clinic'] },
  stethoscope: { zh: '听诊器', en: 'stethoscope', catalogs: basic, from: ['national-1994', 'community-station'] },
  sphygmomanometer: { zh: '血压计', en: 'sphygmomanometer', catalogs: basic, from: ['community-station'] },
  thermometer: { zh: '体温计', en: 'thermometer', catalogs: basic, from: ['national-1994', 'community-station'] },
  'height-weight-scale': { zh: '身高体重计', en: 'height and weight scale', catalogs: basic, from: ['national-1994', 'community-station'] },
  'vaccination-carrier': { zh: '接种箱', en: 'vaccination carrier', catalogs: basic, from: ['national-1994'] },
  'house-call-kit': { zh: '出诊箱', en: 'house-call kit', catalogs: basic, from: ['national-1994', 'community-station'] },
  syringe: { zh: '注射器', en: 'syringes', catalogs: basic, from: ['national-1994'] },
  'medicine-cabinet': { zh: '药品柜', en: 'medicine cabinet', catalogs: basic, from: ['national-1994', 'community-station'] },
  'covered-tray': { zh: '有盖方盘', en: 'covered tray', catalogs: basic, from: ['national-1994'] },
  'disinfection-jar': { zh: '消毒缸', en: 'disinfection jar', catalogs: basic, from: ['national-1994'] },
  autoclave: { zh: '高压灭菌设备', en: 'autoclave', catalogs: basic, from: ['national-1994', 'community-station'] },
  'waste-bin': { zh: '污物桶', en: 'waste bin', catalogs: basic, from: ['national-1994'] },
  'records-cabinet': { zh: '资料柜', en: 'records cabinet', catalogs: basic, from: ['national-1994', 'community-station'] },
  'health-education-board': { zh: '健康宣传栏', en: 'health education board', catalogs: basic, from: ['national-1994', 'yanggu-village-clinic'] },
  'blood-glucose-meter': { zh: '血糖仪', en: 'blood glucose meter', catalogs: basic, from: ['community-station'] },
  'observation-bed': { zh: '观察床', en: 'observation bed', catalogs: basic, from: ['yanggu-village-clinic'] },
  'backrest-observation-bed': { zh: '可起背观察床', en: 'adjustable observation bed', catalogs: basic, from: ['yanggu-village-clinic'] },
  'infusion-chair': { zh: '输液椅', en: 'infusion chair', catalogs: basic, from: ['yanggu-village-clinic'] },
  'ecg-machine': { zh: '心电图机', en: 'ECG machine', catalogs: basic, from: ['community-station', 'yanggu-village-clinic'] },
  'remote-ecg-machine': { zh: '心电图机（具备远程诊断功能）', en: 'ECG machine with remote diagnosis', variantOf: 'ecg-machine' },
  'hematology-analyzer': { zh: '血液分析仪', en: 'hematology analyzer', catalogs: basic, from: ['yanggu-village-clinic', 'yanggu-central-village-clinic'] },
  aed: { zh: '自动体外除颤仪', en: 'automated external defibrillator', catalogs: basic, from: ['yanggu-central-village-clinic'] },
  'health-kiosk': { zh: '健康一体机', en: 'health check kiosk', catalogs: basic, from: ['yanggu-central-village-clinic'] },
  'telemedicine-terminal': { zh: '远程医疗设备', en: 'telemedicine terminal', catalogs: basic, from: ['yanggu-central-village-clinic'] },
  'smart-follow-up-device': { zh: '智慧随访设备', en: 'smart follow-up device', catalogs: basic, from: ['yanggu-village-clinic'] },
  'rehab-physio-equipment': { zh: '康复理疗设备', en: 'rehabilitation physiotherapy equipment', catalogs: basic, from: ['yanggu-village-clinic'] },
  'oxygen-supply': { zh: '氧气瓶（袋）', en: 'oxygen cylinder (bag)', catalogs: basic, from: ['community-station', 'changzhi-demonstration'] },
  'first-aid-kit': { zh: '急救箱', en: 'first-aid kit', catalogs: basic, from: ['community-station'] },
  'acupuncture-set': { zh: '针灸器具', en: 'acupuncture instruments', catalogs: basic, from: ['community-station', 'changzhi-demonstration'] },
  'cupping-set': { zh: '火罐', en: 'cupping set', catalogs: basic, from: ['community-station', 'changzhi-demonstration'] },
  'pulse-pillow': { zh: '脉枕', en: 'pulse pillow', catalogs: basic, from: ['community-station'] },
  'uv-lamp': { zh: '紫外线灯', en: 'ultraviolet lamp', catalogs: basic, from: ['domain-note'] },
  'film-viewer': { zh: '观片灯', en: 'film viewer', catalogs: basic, from: ['community-station'] },
  'treatment-cart': { zh: '治疗推车', en: 'treatment cart', catalogs: basic, from: ['community-station'] },
  refrigerator: { zh: '冰箱', en: 'refrigerator', catalogs: basic, from: ['community-station'] },
  computer: { zh: '电脑', en: 'computer', catalogs: basic, from: ['community-station'] },
  printer: { zh: '打印机', en: 'printer', catalogs: basic, from: ['community-station'] },
  telephone: { zh: '电话', en: 'telephone', catalogs: basic, from: ['community-station'] },
  'air-conditioner': { zh: '冷暖空调', en: 'heating and cooling air conditioner' },
  // Township health centers and county sub-centers.
  'digital-radiography': { zh: 'DR', en: 'digital radiography (DR)' },
  'b-mode-ultrasound': { zh: 'B超', en: 'B-mode ultrasound' },
  'color-doppler-ultrasound': { zh: '彩超', en: 'color Doppler ultrasound' },
  'biochemistry-analyzer-auto': { zh: '全自动生化分析仪', en: 'automatic biochemistry analyzer' },
  'coagulation-analyzer': { zh: '血凝仪', en: 'coagulation analyzer' },
  'fundus-exam-device': { zh: '眼底检查设备', en: 'fundus examination device' },
  'ct-scanner': { zh: 'CT', en: 'CT scanner' },
  'gi-endoscope': { zh: '胃肠镜', en: 'gastrointestinal endoscope' },
  laparoscope: { zh: '腹腔镜', en: 'laparoscope' },
});

export const departments = define({
  'general-practice': { zh: '全科医疗科', en: 'general practice' },
  'internal-medicine-pediatrics': { zh: '内(儿)科', en: 'internal medicine (and pediatrics)' },
  'internal-medicine': { zh: '内科', en: 'internal medicine' },
  surgery: { zh: '外科', en: 'surgery' },
  'gynecology-obstetrics': { zh: '妇(产)科', en: 'gynecology (and obstetrics)' },
  tcm: { zh: '中医科', en: 'traditional Chinese medicine' },
  'public-health': { zh: '公共卫生科', en: 'public health' },
  'preventive-care': { zh: '预防保健科', en: 'preventive care' },
  pediatrics: { zh: '儿科', en: 'pediatrics' },
  stomatology: { zh: '口腔科', en: 'stomatology' },
  rehabilitation: { zh: '康复科', en: 'rehabilitation' },
  'rehabilitation-medicine': { zh: '康复医学科', en: 'rehabilitation medicine' },
  psychiatry: { zh: '精神科', en: 'psychiatry' },
  geriatrics: { zh: '老年医学科', en: 'geriatrics' },
  emergency: { zh: '急诊（抢救）室', en: 'emergency (resuscitation) room' },
  'eye-ent': { zh: '眼耳鼻咽喉科', en: 'ophthalmology and ENT' },
});

export const posts = define({
  'party-affairs': { zh: '党务', en: 'party affairs' },
  'administration-affairs': { zh: '院务', en: 'administration' },
  'medical-affairs': { zh: '医务', en: 'medical affairs' },
});

/** Village types of the rural revitalization plans (村庄分类). */
export const villageCategories = define({
  'agglomeration-upgrade': { zh: '集聚提升类', en: 'agglomeration and upgrading' },
  'suburban-integration': { zh: '城郊融合类', en: 'suburban integration' },
  'characteristic-protection': { zh: '特色保护类', en: 'characteristic protection' },
  'relocation-merger': { zh: '搬迁撤并类', en: 'relocation and merger' },
  other: { zh: '其他', en: 'other' },
});

/** Size classes of township health centers (乡镇卫生院规模), as the financial delegation grades them. */
export const townshipGrades = define({
  'county-sub-center': { zh: '县域医疗卫生服务次中心', en: 'county medical and health sub-center' },
  central: { zh: '中心卫生院', en: 'central township health center' },
  general: { zh: '一般卫生院', en: 'general township health center' },
  branch: { zh: '分院', en: 'branch' },
});

export const ambulances = define({
  transport: { zh: '转运型救护车', en: 'transport ambulance' },
  emergency: { zh: '急救型救护车', en: 'emergency ambulance' },
});

export const systems = define({
  'public-health-information': {
    zh: '国家基本公共卫生服务信息系统',
    en: 'national basic public health service information system',
  },
  'medical-insurance-payment': { zh: '医保支付系统', en: 'medical insurance payment system' },
  'smart-medical-assistant': { zh: '智慧助医系统', en: 'smart medical assistant system' },
});

export const disclosures = define({
  'practice-license': { zh: '医疗机构执业许可证', en: 'medical institution practice license' },
  'staff-qualifications': { zh: '医务人员执业资格证', en: 'medical staff practice qualifications' },
  'drug-list-prices': { zh: '药品目录及价格', en: 'drug list and prices' },
});

export const vocabularies = Object.freeze({
  facilityTypes,
  ownerships,
  rooms,
  equipment,
  departments,
  posts,
  villageCategories,
  townshipGrades,
  ambulances,
  systems,
  disclosures,
});

export type VocabularyName = keyof typeof vocabularies;
export type FacilityType = keyof typeof facilityTypes;
export type Ownership = keyof typeof ownerships;
export type RoomCode = keyof typeof rooms;
export type EquipmentCode = keyof typeof equipment;
export type DepartmentCode = keyof typeof departments;
export type PostCode = keyof typeof posts;
export type AmbulanceCode = keyof typeof ambulances;
export type SystemCode = keyof typeof systems;
export type DisclosureCode = keyof typeof disclosures;

/** The codes of a vocabulary, in declaration order, as a non-empty tuple for z.enum. */
export function codesOf<V extends VocabularyName>(name: V): [keyof (typeof vocabularies)[V] & string, ...(keyof (typeof vocabularies)[V] & string)[]] {
  return Object.keys(vocabularies[name]) as [keyof (typeof vocabularies)[V] & string, ...(keyof (typeof vocabularies)[V] & string)[]];
}

/** The codes of one named catalogue, in vocabulary order. */
export function catalog(name: CatalogName): EquipmentCode[] {
  return (Object.entries(equipment) as [EquipmentCode, Term][])
    .filter(([, term]) => term.catalogs?.includes(name))
    .map(([code]) => code);
}

const variants = new Map(
  Object.entries(equipment as Readonly<Record<string, Term>>).flatMap(([code, term]) => (term.variantOf ? [[code, term.variantOf]] : [])),
);

/** The kind a code counts as: itself, or the code it is a variant of. */
export function kindOf(code: string): string {
  return variants.get(code) ?? code;
}

export function label(vocabulary: VocabularyName, code: string): LocalizedText {
  const term = (vocabularies[vocabulary] as Terms)[code];
  return term ? { zh: term.zh, en: term.en } : { zh: code, en: code };
}
