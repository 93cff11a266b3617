import { clip } from '../input/limits.js';
import * as z from 'zod';
import { codeListWords, staffOverOnPost } from './contract.js';
import { codesOf } from './vocabulary.js';

const codeSet = <const T extends [string, ...string[]]>(codes: T, what: string) =>
  z
    .array(z.enum(codes, { error: (iss) => `unknown ${what} code ${JSON.stringify(clip(String(iss.input)))}` }))
    .refine((items) => new Set(items).size === items.length, { message: `each ${what} is listed once` });

const area = z.number().nonnegative().describe('square metres');
const count = z.number().int().nonnegative();
const flag = z.boolean();

export const Region = z.strictObject({
  province: z.string().optional(),
  city: z.string().optional(),
  county: z.string().optional(),
  township: z.string().optional(),
  village: z.string().optional(),
  villageCategory: z.enum(codesOf('villageCategories')).optional().describe('村庄分类'),
  isTownshipSeat: flag.optional().describe('乡镇卫生院所在地'),
});

export const Premises = z.strictObject({
  ownership: z.enum(codesOf('ownerships')).optional().describe('房屋产权'),
  buildingArea: area.optional().describe('建筑面积, m²'),
  businessArea: area.optional().describe('业务用房面积, m²'),
  areaIncludesToilet: flag.optional().describe('面积含厕所'),
  newlyBuilt: flag.optional().describe('新建房屋（而非调配、改扩建）'),
  builtYear: z.number().int().min(1900).max(2100).optional().describe('房屋建成年份'),
});

export const Utilities = z.strictObject({
  water: flag.optional(),
  electricity: flag.optional(),
  heating: flag.optional().describe('采暖'),
  cooling: flag.optional().describe('制冷'),
});

export const Signage = z.strictObject({
  greenSign: flag.optional().describe('标识牌以绿色为主'),
  doctorWhereaboutsBoard: flag.optional().describe('村医去向指示牌'),
  standardColours: flag.optional().describe('建筑、标识、室内按规定色调（一项总括；内置标准分项检查，不读此项）'),
  mainBuildingColours: flag.optional().describe('主体建筑以米白、浅黄的暖色调为主'),
  verticalSign: flag.optional().describe('竖排单位标志牌以银色不锈钢底色配黑色字体'),
  nameLetteringRed: flag.optional().describe('墙体及钢架单位名称以红色字体为主'),
  nameLighting: flag.optional().describe('单位名称配备亮化设施'),
  interiorColours: flag.optional().describe('室内墙体及顶棚以白色为主，地面以浅灰、浅蓝为主，诊室门以米色及浅蓝色为主'),
  childFriendly: flag.optional().describe('预防接种门诊、儿科诊疗区适儿化改造'),
});

export const Toilet = z.strictObject({
  sanitary: flag.optional().describe('无害化卫生厕所'),
  flush: flag.optional().describe('水冲式'),
  indoor: flag.optional().describe('室内'),
});

/**
 * Kinds of equipment counted by the assessor against a list the record does not itemize (e.g.
 * the 22 kinds of general medical equipment a township center is checked against).
 */
export const EquipmentKinds = z.strictObject({
  general: count.optional().describe('通用医用装备种类'),
  villageBasic: count
    .optional()
    .describe('基本医疗器械和办公设备种类：评审人员按县级清单核定的种数（村卫生室“不少于22种”）'),
  tcmDiagnosisRehab: count.optional().describe('中医诊疗和康复设备种类'),
});

export const Management = z.strictObject({
  integrated: flag.optional().describe('人财物乡村一体化管理'),
  sixS: flag.optional().describe('6S管理'),
  ageFriendly: flag.optional().describe('老年友善医疗机构'),
  medicalInsuranceDesignated: flag.optional().describe('纳入医保定点协议管理'),
});

/**
 * The outcome of assessments the record does not itemize: whether the facility was assessed as
 * reaching the national service capability standard (《村卫生室服务能力标准（2022年版）》,
 * 《乡镇卫生院服务能力标准（2022版）》), which county targets count.
 */
export const Assessment = z.strictObject({
  capabilityStandard: flag.optional().describe('经评价达到服务能力标准（2022年版）'),
});

/** Official results the record carries: a level's first year, a star rating. */
export const Milestones = z.strictObject({
  recommendedFirstPassed: z
    .number()
    .int()
    .min(2000)
    .max(2100)
    .optional()
    .describe('首次通过国家“优质服务基层行”推荐标准的年份'),
});

export const Drugs = z.strictObject({
  varieties: count.optional().describe('药品品种数'),
  herbalPieces: flag.optional().describe('中药饮片服务'),
  emergencyDrugs: flag.optional().describe('急救药品'),
});

/**
 * Staff counts as assessment sheets record them. `physicians` counts licensed and assistant
 * physicians (执业 + 执业助理医师); `villageDoctors` counts village doctors holding only the
 * village-doctor certificate, so the two never count one person twice.
 */
export const Staff = z.strictObject({
  onPost: count.optional().describe('在岗人员'),
  healthTechnicians: count.optional().describe('卫生技术人员'),
  physicians: count.optional().describe('医师（执业+执业助理）'),
  clinicalPhysicians: count.optional().describe('临床类别医师'),
  tcmPhysicians: count.optional().describe('中医类别医师'),
  villageDoctors: count.optional().describe('乡村医生'),
  nurses: count.optional().describe('护士'),
  auxiliary: count.optional().describe('辅助工作人员'),
  seniorPhysicians: count.optional().describe('临床科室副高级及以上职称医师'),
  ecgTechnicians: count.optional().describe('培训合格的心电技师'),
  imagingTechnicians: count.optional().describe('培训合格的影像技师'),
  herbalDispensers: count.optional().describe('中药饮片调剂人员'),
  informationManagers: count.optional().describe('培训合格的专兼职信息管理人员'),
});

export const Services = z.strictObject({
  commonDiseases: count.optional().describe('常见病、多发病种数 / 诊疗病种'),
  tcmDiseases: count.optional().describe('中医病种'),
  tcmTechniques: count.optional().describe('中医适宜技术种数'),
  tcmHealthManagement: flag.optional().describe('中医药健康管理服务'),
  specialtyTechniques: count.optional().describe('特色专科诊疗技术项数'),
  infusionReactionRescue: flag.optional().describe('输液反应预防和处理能力'),
  tcmService: flag.optional().describe('能提供中医药服务'),
  ivInfusion: flag.optional().describe('经批准开展静脉输液'),
  firstLevelSurgery: flag.optional().describe('一级常规手术（独立或通过巡诊、派驻帮扶）'),
  dedicatedInpatientStaff: flag.optional().describe('专职医护人员负责住院服务'),
  referralRelationship: flag.optional().describe('与县级医疗集团稳定的转诊服务关系'),
  downReferralCare: flag.optional().describe('为下转病人提供康复等接续服务'),
  featuredDepartments: count.optional().describe('达到市级重点专科水平的特色科室数'),
  inpatientDiseaseTypes3y: count.optional().describe('3年累计收治住院病种数'),
  surgicalDiseaseTypes: count.optional().describe('手术病种数'),
  inpatientSurgeryTypes: count.optional().describe('住院手术病种数'),
  seniorTcmVisitsPerWeek: z.number().nonnegative().optional().describe('上级医院高级职称中医师坐诊（次/周）'),
  tcmTechniqueCategoriesPromoted: count.optional().describe('向村卫生室推广的中医适宜技术类数'),
  tcmFeaturedSpecialties: count.optional().describe('中医特色专科数'),
  famousTcmExpertStation: flag.optional().describe('名中医药专家基层工作站'),
  tcmPromotionStation: flag.optional().describe('中医技术推广工作站'),
});

const equipmentCodes = codesOf('equipment');

/** Equipment code → working units. */
const Equipment = z
  .partialRecord(z.enum(equipmentCodes, { error: (iss) => `unknown equipment code ${JSON.stringify(clip(String(iss.input)))}` }), count)
  .describe('equipment code → working units');

const recordShape = {
    id: z.string().optional(),
    name: z.string().optional(),
    type: z.enum(codesOf('facilityTypes')).optional(),
    region: Region.optional(),
    servicePopulation: count.optional().describe('服务人口'),
    premises: Premises.optional(),
    rooms: codeSet(codesOf('rooms'), codeListWords.rooms).optional(),
    roomsPartitioned: flag.optional().describe('规范化隔断'),
    privacyProtection: flag.optional().describe('诊断室、治疗室私密性保护措施'),
    utilities: Utilities.optional(),
    equipment: Equipment.optional(),
    drugs: Drugs.optional(),
    staff: Staff.optional(),
    equipmentKinds: EquipmentKinds.optional(),
    featuredDepartmentEquipment: codeSet(equipmentCodes, codeListWords.featuredDepartmentEquipment)
      .optional()
      .describe('与特色科室建设相匹配、须增配的设备（如外科特色科室的腹腔镜），由评审人员确定'),
    departments: codeSet(codesOf('departments'), codeListWords.departments).optional(),
    posts: codeSet(codesOf('posts'), codeListWords.posts).optional().describe('党务、院务、医务等专（兼）职岗位'),
    secondedSeniorPhysicianDepartments: codeSet(codesOf('departments'), codeListWords.secondedSeniorPhysicianDepartments)
      .optional()
      .describe('有上级医院长期派驻副高级及以上医师的科室'),
    services: Services.optional(),
    ambulances: codeSet(codesOf('ambulances'), codeListWords.ambulances).optional(),
    systems: codeSet(codesOf('systems'), codeListWords.systems).optional(),
    disclosures: codeSet(codesOf('disclosures'), codeListWords.disclosures).optional(),
    signage: Signage.optional(),
    toilet: Toilet.optional(),
    management: Management.optional(),
    assessment: Assessment.optional(),
    grade: z.enum(codesOf('townshipGrades')).optional().describe('乡镇卫生院规模分级（次中心、中心卫生院、一般卫生院、分院）'),
    tcmHallStars: z.number().int().min(1).max(5).optional().describe('中医馆星级（评定结果，1—5星）'),
    milestones: Milestones.optional(),
} as const;

type StaffCounts = z.infer<typeof Staff>;
/** No part of the staff outnumbers the staff on post. */
function staffWithinOnPost(record: { staff?: StaffCounts | undefined }, ctx: z.RefinementCtx): void {
  for (const part of staffOverOnPost(record.staff)) {
    ctx.addIssue({
      code: 'custom',
      path: ['staff', part],
      message: `staff.${part} (${record.staff![part]}) is more than staff.onPost (${record.staff!.onPost})`,
    });
  }
}

/** The facility record contract (v1). Every field is optional; unknown fields are rejected. */
export const FacilityRecord = z.strictObject(recordShape).superRefine(staffWithinOnPost);

export type FacilityRecord = z.infer<typeof FacilityRecord>;
export type FacilityRecordInput = z.input<typeof FacilityRecord>;
