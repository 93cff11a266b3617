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
  /**
   * Other names assessors write for it in sheets, Chinese first (集体 for 集体产权): read as the
   * code, never written. Unique within the vocabulary, and never another term's label.
   */
  readonly synonyms?: readonly string[];
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
  'village-clinic': { zh: '村卫生室', en: 'village clinic', synonyms: ['卫生室', '村卫生所', '村卫生站'] },
  'township-health-center': { zh: '乡镇卫生院', en: 'township health center', synonyms: ['卫生院', '中心卫生院'] },
});

export const ownerships = define({
  collective: { zh: '集体产权', en: 'collective property', synonyms: ['集体', '村集体', '集体所有', '村集体所有', '集体产权房屋'] },
  government: { zh: '政府产权', en: 'government property', synonyms: ['政府', '政府所有', '公有', '国有', '政府产权房屋'] },
  private: { zh: '私人产权', en: 'private property', synonyms: ['私人', '私有', '个人', '个人所有', '村医自有'] },
  rented: { zh: '租赁', en: 'rented', synonyms: ['租用', '租房', '租借'] },
  other: { zh: '其他', en: 'other', synonyms: ['其它'] },
});

export const rooms = define({
  'diagnosis-room': { zh: '诊断室', en: 'diagnosis room', synonyms: ['诊室', '诊疗室', '诊断'] },
  'comprehensive-diagnosis-room': { zh: '综合诊断室', en: 'comprehensive diagnosis room' },
  'treatment-room': { zh: '治疗室', en: 'treatment room', synonyms: ['治疗', '治疗间'] },
  pharmacy: { zh: '药房', en: 'pharmacy', synonyms: ['药室', '药库', '西药房'] },
  'public-health-room': { zh: '公共卫生室', en: 'public health room', synonyms: ['公卫室', '公共卫生服务室', '公卫'] },
  'health-education-public-health-room': {
    zh: '健康教育和公共卫生室',
    en: 'health education and public health room',
    synonyms: ['健康教育和公卫室'],
  },
  'health-education-room': { zh: '健康教育室', en: 'health education room' },
  'observation-room': { zh: '观察室', en: 'observation room', synonyms: ['观察'] },
  'infusion-observation-room': { zh: '输液室（观察室）', en: 'infusion room (observation room)', synonyms: ['输液室', '输液观察室'] },
  'duty-room': { zh: '值班室', en: 'duty room', synonyms: ['值班'] },
  'rehabilitation-room': { zh: '康复室', en: 'rehabilitation room', synonyms: ['康复'] },
  'laboratory-room': { zh: '检查（检验）室', en: 'examination (laboratory) room', synonyms: ['检查室', '检验室'] },
  'ecg-room': { zh: '心电图室', en: 'ECG room', synonyms: ['心电室'] },
  'tcm-corner': { zh: '中医阁', en: 'TCM corner', synonyms: ['中医角'] },
  'tcm-hall': { zh: '中医馆', en: 'TCM hall' },
  'sanitary-toilet': { zh: '卫生厕所', en: 'sanitary toilet', synonyms: ['无害化卫生厕所'] },
  'living-area': { zh: '生活功能区', en: 'living area' },
  'disposal-room': { zh: '处置室', en: 'disposal room', synonyms: ['处置'] },
  'operating-room': { zh: '手术室', en: 'operating room' },
  'vaccination-clinic': { zh: '预防接种门诊', en: 'vaccination clinic', synonyms: ['接种门诊', '预防接种室'] },
});

const basic = ['village-clinic-basic'] as const;

export const equipment = define({
  // Village clinic: the national 1994 list, the community-station list and the items the
  // local plans name. Items tagged `village-clinic-basic` make up the catalogue that the
  // "22 kinds of basic medical devices and office equipment" are counted from.
  'examination-couch': { zh: '诊察床', en: 'examination couch', catalogs: basic, from: ['national-1994', 'community-station', 'yanggu-village-clinic'], synonyms: ['诊查床', '检查床'] },
  stethoscope: { zh: '听诊器', en: 'stethoscope', catalogs: basic, from: ['national-1994', 'community-station'] },
  sphygmomanometer: { zh: '血压计', en: 'sphygmomanometer', catalogs: basic, from: ['community-station'] },
  thermometer: { zh: '体温计', en: 'thermometer', catalogs: basic, from: ['national-1994', 'community-station'] },
  'height-weight-scale': { zh: '身高体重计', en: 'height and weight scale', catalogs: basic, from: ['national-1994', 'community-station'], synonyms: ['身高体重秤', '体重秤', '体重计'] },
  'vaccination-carrier': { zh: '接种箱', en: 'vaccination carrier', catalogs: basic, from: ['national-1994'], synonyms: ['疫苗冷藏箱', '冷藏箱'] },
  'house-call-kit': { zh: '出诊箱', en: 'house-call kit', catalogs: basic, from: ['national-1994', 'community-station'], synonyms: ['出诊包'] },
  syringe: { zh: '注射器', en: 'syringes', catalogs: basic, from: ['national-1994'], synonyms: ['一次性注射器'] },
  'medicine-cabinet': { zh: '药品柜', en: 'medicine cabinet', catalogs: basic, from: ['national-1994', 'community-station'], synonyms: ['药柜', '药品橱'] },
  'covered-tray': { zh: '有盖方盘', en: 'covered tray', catalogs: basic, from: ['national-1994'] },
  'disinfection-jar': { zh: '消毒缸', en: 'disinfection jar', catalogs: basic, from: ['national-1994'], synonyms: ['消毒罐'] },
  autoclave: { zh: '高压灭菌设备', en: 'autoclave', catalogs: basic, from: ['national-1994', 'community-station'], synonyms: ['高压灭菌器', '高压消毒锅', '高压灭菌锅'] },
  'waste-bin': { zh: '污物桶', en: 'waste bin', catalogs: basic, from: ['national-1994'], synonyms: ['医疗废物桶', '医疗垃圾桶'] },
  'records-cabinet': { zh: '资料柜', en: 'records cabinet', catalogs: basic, from: ['national-1994', 'community-station'], synonyms: ['档案柜', '文件柜'] },
  'health-education-board': { zh: '健康宣传栏', en: 'health education board', catalogs: basic, from: ['national-1994', 'yanggu-village-clinic'], synonyms: ['宣传栏', '健康教育宣传栏'] },
  'blood-glucose-meter': { zh: '血糖仪', en: 'blood glucose meter', catalogs: basic, from: ['community-station'], synonyms: ['快速血糖仪'] },
  'observation-bed': { zh: '观察床', en: 'observation bed', catalogs: basic, from: ['yanggu-village-clinic'] },
  'backrest-observation-bed': { zh: '可起背观察床', en: 'adjustable observation bed', catalogs: basic, from: ['yanggu-village-clinic'] },
  'infusion-chair': { zh: '输液椅', en: 'infusion chair', catalogs: basic, from: ['yanggu-village-clinic'] },
  'ecg-machine': { zh: '心电图机', en: 'ECG machine', catalogs: basic, from: ['community-station', 'yanggu-village-clinic'], synonyms: ['心电图仪', '心电机'] },
  'remote-ecg-machine': { zh: '心电图机（具备远程诊断功能）', en: 'ECG machine with remote diagnosis', variantOf: 'ecg-machine' },
  'hematology-analyzer': { zh: '血液分析仪', en: 'hematology analyzer', catalogs: basic, from: ['yanggu-village-clinic', 'yanggu-central-village-clinic'], synonyms: ['血球仪', '血细胞分析仪', '血常规分析仪'] },
  aed: { zh: '自动体外除颤仪', en: 'automated external defibrillator', catalogs: basic, from: ['yanggu-central-village-clinic'], synonyms: ['AED', '除颤仪', '除颤器'] },
  'health-kiosk': { zh: '健康一体机', en: 'health check kiosk', catalogs: basic, from: ['yanggu-central-village-clinic'] },
  'telemedicine-terminal': { zh: '远程医疗设备', en: 'telemedicine terminal', catalogs: basic, from: ['yanggu-central-village-clinic'] },
  'smart-follow-up-device': { zh: '智慧随访设备', en: 'smart follow-up device', catalogs: basic, from: ['yanggu-village-clinic'] },
  'rehab-physio-equipment': { zh: '康复理疗设备', en: 'rehabilitation physiotherapy equipment', catalogs: basic, from: ['yanggu-village-clinic'] },
  'oxygen-supply': { zh: '氧气瓶（袋）', en: 'oxygen cylinder (bag)', catalogs: basic, from: ['community-station', 'changzhi-demonstration'], synonyms: ['氧气瓶', '氧气袋'] },
  'first-aid-kit': { zh: '急救箱', en: 'first-aid kit', catalogs: basic, from: ['community-station'] },
  'acupuncture-set': { zh: '针灸器具', en: 'acupuncture instruments', catalogs: basic, from: ['community-station', 'changzhi-demonstration'] },
  'cupping-set': { zh: '火罐', en: 'cupping set', catalogs: basic, from: ['community-station', 'changzhi-demonstration'] },
  'pulse-pillow': { zh: '脉枕', en: 'pulse pillow', catalogs: basic, from: ['community-station'] },
  'uv-lamp': { zh: '紫外线灯', en: 'ultraviolet lamp', catalogs: basic, from: ['domain-note'], synonyms: ['紫外线消毒灯'] },
  'film-viewer': { zh: '观片灯', en: 'film viewer', catalogs: basic, from: ['community-station'] },
  'treatment-cart': { zh: '治疗推车', en: 'treatment cart', catalogs: basic, from: ['community-station'] },
  refrigerator: { zh: '冰箱', en: 'refrigerator', catalogs: basic, from: ['community-station'] },
  computer: { zh: '电脑', en: 'computer', catalogs: basic, from: ['community-station'], synonyms: ['计算机'] },
  printer: { zh: '打印机', en: 'printer', catalogs: basic, from: ['community-station'] },
  telephone: { zh: '电话', en: 'telephone', catalogs: basic, from: ['community-station'], synonyms: ['固定电话'] },
  'air-conditioner': { zh: '冷暖空调', en: 'heating and cooling air conditioner', synonyms: ['空调'] },
  // Township health centers and county sub-centers.
  'digital-radiography': { zh: 'DR', en: 'digital radiography (DR)', synonyms: ['DR机', '数字化X线摄影系统'] },
  'b-mode-ultrasound': { zh: 'B超', en: 'B-mode ultrasound', synonyms: ['B型超声诊断仪'] },
  'color-doppler-ultrasound': { zh: '彩超', en: 'color Doppler ultrasound', synonyms: ['彩色多普勒超声'] },
  'biochemistry-analyzer-auto': { zh: '全自动生化分析仪', en: 'automatic biochemistry analyzer' },
  'coagulation-analyzer': { zh: '血凝仪', en: 'coagulation analyzer' },
  'fundus-exam-device': { zh: '眼底检查设备', en: 'fundus examination device' },
  'ct-scanner': { zh: 'CT', en: 'CT scanner' },
  'gi-endoscope': { zh: '胃肠镜', en: 'gastrointestinal endoscope' },
  laparoscope: { zh: '腹腔镜', en: 'laparoscope' },
});

export const departments = define({
  'general-practice': { zh: '全科医疗科', en: 'general practice', synonyms: ['全科', '全科门诊'] },
  'internal-medicine-pediatrics': { zh: '内(儿)科', en: 'internal medicine (and pediatrics)', synonyms: ['内儿科'] },
  'internal-medicine': { zh: '内科', en: 'internal medicine' },
  surgery: { zh: '外科', en: 'surgery' },
  'gynecology-obstetrics': { zh: '妇(产)科', en: 'gynecology (and obstetrics)', synonyms: ['妇产科', '妇科'] },
  tcm: { zh: '中医科', en: 'traditional Chinese medicine', synonyms: ['中医', '中医门诊'] },
  'public-health': { zh: '公共卫生科', en: 'public health', synonyms: ['公卫科'] },
  'preventive-care': { zh: '预防保健科', en: 'preventive care', synonyms: ['预防保健'] },
  pediatrics: { zh: '儿科', en: 'pediatrics' },
  stomatology: { zh: '口腔科', en: 'stomatology', synonyms: ['口腔'] },
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
  transport: { zh: '转运型救护车', en: 'transport ambulance', synonyms: ['转运车', '转运型'] },
  emergency: { zh: '急救型救护车', en: 'emergency ambulance', synonyms: ['急救车', '急救型'] },
});

export const systems = define({
  'public-health-information': {
    zh: '国家基本公共卫生服务信息系统',
    en: 'national basic public health service information system',
    synonyms: ['公卫系统', '公共卫生信息系统', '基本公卫系统', '公卫信息系统'],
  },
  'medical-insurance-payment': { zh: '医保支付系统', en: 'medical insurance payment system', synonyms: ['医保系统', '医保结算系统', '医保支付', '医保结算'] },
  'smart-medical-assistant': { zh: '智慧助医系统', en: 'smart medical assistant system', synonyms: ['智慧助医', '智能辅助诊断系统'] },
});

export const disclosures = define({
  'practice-license': { zh: '医疗机构执业许可证', en: 'medical institution practice license', synonyms: ['执业许可证', '许可证'] },
  'staff-qualifications': { zh: '医务人员执业资格证', en: 'medical staff practice qualifications', synonyms: ['执业资格证', '资格证', '人员资质'] },
  'drug-list-prices': { zh: '药品目录及价格', en: 'drug list and prices', synonyms: ['药品价格', '药品目录', '药价公示'] },
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

/** What each vocabulary is, as a message about a cell names it. */
export const vocabularyNames: Readonly<Record<VocabularyName, LocalizedText>> = Object.freeze({
  facilityTypes: { zh: '机构类型', en: 'facility types' },
  ownerships: { zh: '房屋产权', en: 'premises ownerships' },
  townshipGrades: { zh: '乡镇卫生院分级', en: 'township health center grades' },
  rooms: { zh: '功能用房', en: 'rooms' },
  equipment: { zh: '设备', en: 'equipment' },
  departments: { zh: '科室', en: 'departments' },
  posts: { zh: '岗位', en: 'posts' },
  villageCategories: { zh: '村庄分类', en: 'village categories' },
  ambulances: { zh: '救护车', en: 'ambulances' },
  systems: { zh: '信息系统', en: 'information systems' },
  disclosures: { zh: '公示内容', en: 'public disclosures' },
});

/**
 * The words a yes/no cell may hold, as assessors write them (compared after NFKC and in lower
 * case); the first of each is what templates write.
 */
export const yesNoWords = Object.freeze({
  yes: ['是', '有', '√', '✓', '✔', '对', '具备', 'y', 'yes', 'true', '1'],
  no: ['否', '无', '無', '没有', '×', '✗', '✘', '错', '不具备', 'n', 'no', 'false', '0'],
});
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
