import fc from 'fast-check';
import { vocabulary, type FacilityRecordInput } from '../../src/index.js';

/**
 * Random facility records that follow the record contract: any field may be absent, numbers
 * cluster around the thresholds the standards use, codes come from the vocabulary.
 */

const codes = (terms: Record<string, unknown>) => fc.subarray(Object.keys(terms));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const count = (max: number) => fc.integer({ min: 0, max });
const area = fc.oneof(fc.integer({ min: 0, max: 200 }), fc.double({ min: 0, max: 200, noNaN: true }).map((n) => Math.round(n * 10) / 10));

/** Drops the keys whose value is undefined, as a record from a file would not have them. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
const group = <T extends Record<string, fc.Arbitrary<unknown>>>(shape: T) =>
  maybe(fc.record(shape).map(compact));

const staff = fc
  .record({
    onPost: count(80),
    healthTechnicians: count(80),
    physicians: count(20),
    clinicalPhysicians: maybe(count(20)),
    tcmPhysicians: maybe(count(5)),
    villageDoctors: maybe(count(4)),
    nurses: maybe(count(20)),
    auxiliary: maybe(count(4)),
    seniorPhysicians: maybe(count(6)),
    ecgTechnicians: maybe(count(3)),
    imagingTechnicians: maybe(count(3)),
    herbalDispensers: maybe(count(3)),
    informationManagers: maybe(count(2)),
  })
  .map(({ onPost, healthTechnicians, physicians, villageDoctors, auxiliary, ...rest }) =>
    compact({
      onPost: Math.max(onPost, healthTechnicians, physicians, villageDoctors ?? 0, auxiliary ?? 0),
      healthTechnicians,
      physicians,
      villageDoctors,
      auxiliary,
      ...rest,
    }),
  );

export const arbitraryRecord: fc.Arbitrary<FacilityRecordInput> = fc
  .record(
    {
      id: fc.string({ minLength: 1, maxLength: 8 }),
      name: fc.constantFrom('西沟乡东庄村卫生室', '东庄卫生所', '青羊镇中心卫生院'),
      type: fc.constantFrom('village-clinic', 'township-health-center'),
      region: group({
        province: maybe(fc.constantFrom('山西省', '山东省')),
        city: maybe(fc.constantFrom('长治市', '聊城市', '淄博市', '吕梁市')),
        township: maybe(fc.constantFrom('西沟乡', '青羊镇')),
        village: maybe(fc.constantFrom('东庄村', '南坡村')),
        villageCategory: maybe(fc.constantFrom(...Object.keys(vocabulary.villageCategories))),
        isTownshipSeat: maybe(fc.boolean()),
      }),
      servicePopulation: fc.integer({ min: 0, max: 30000 }),
      premises: group({
        ownership: maybe(fc.constantFrom(...Object.keys(vocabulary.ownerships))),
        buildingArea: maybe(area),
        businessArea: maybe(area),
        areaIncludesToilet: maybe(fc.boolean()),
      }),
      rooms: codes(vocabulary.rooms),
      roomsPartitioned: fc.boolean(),
      privacyProtection: fc.boolean(),
      utilities: group({ water: maybe(fc.boolean()), electricity: maybe(fc.boolean()), heating: maybe(fc.boolean()), cooling: maybe(fc.boolean()) }),
      equipment: fc.dictionary(fc.constantFrom(...Object.keys(vocabulary.equipment)), count(3)),
      equipmentKinds: group({ general: maybe(count(30)), tcmDiagnosisRehab: maybe(count(15)) }),
      drugs: group({ varieties: maybe(count(150)), herbalPieces: maybe(fc.boolean()), emergencyDrugs: maybe(fc.boolean()) }),
      staff,
      departments: codes(vocabulary.departments),
      posts: codes(vocabulary.posts),
      secondedSeniorPhysicianDepartments: codes(vocabulary.departments),
      services: group({
        commonDiseases: maybe(count(120)),
        tcmDiseases: maybe(count(50)),
        tcmTechniques: maybe(count(10)),
        tcmHealthManagement: maybe(fc.boolean()),
        specialtyTechniques: maybe(count(3)),
        infusionReactionRescue: maybe(fc.boolean()),
        tcmService: maybe(fc.boolean()),
        ivInfusion: maybe(fc.boolean()),
        firstLevelSurgery: maybe(fc.boolean()),
        dedicatedInpatientStaff: maybe(fc.boolean()),
        referralRelationship: maybe(fc.boolean()),
        downReferralCare: maybe(fc.boolean()),
        featuredDepartments: maybe(count(3)),
        inpatientDiseaseTypes3y: maybe(count(80)),
        surgicalDiseaseTypes: maybe(count(80)),
        inpatientSurgeryTypes: maybe(count(40)),
        seniorTcmVisitsPerWeek: maybe(count(3)),
        tcmTechniqueCategoriesPromoted: maybe(count(6)),
        tcmFeaturedSpecialties: maybe(count(2)),
        famousTcmExpertStation: maybe(fc.boolean()),
        tcmPromotionStation: maybe(fc.boolean()),
      }),
      ambulances: codes(vocabulary.ambulances),
      systems: codes(vocabulary.systems),
      disclosures: codes(vocabulary.disclosures),
      signage: group({
        greenSign: maybe(fc.boolean()),
        doctorWhereaboutsBoard: maybe(fc.boolean()),
        standardColours: maybe(fc.boolean()),
        childFriendly: maybe(fc.boolean()),
      }),
      toilet: group({ sanitary: maybe(fc.boolean()), flush: maybe(fc.boolean()), indoor: maybe(fc.boolean()) }),
      management: group({ integrated: maybe(fc.boolean()), sixS: maybe(fc.boolean()), ageFriendly: maybe(fc.boolean()) }),
    },
    { requiredKeys: [] },
  )
  .map((record) => compact(record) as FacilityRecordInput);
