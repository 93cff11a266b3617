// A county overlay of changzhi/village-clinic, shared by the kit's tests: it raises the area
// threshold to 100 m² and makes it binding, and removes the living area with a reason.
import type { FacilityRecordInput } from '../../src/index.js';

export const overlay = `id: county/village-clinic
version: "2027"
title: { zh: 某县标准化村卫生室, en: County standardized village clinic }
facilityType: village-clinic
region: { province: 山西省, city: 长治市, county: 某县 }
source: { title: 某县标准化村卫生室建设实施方案, issuer: 某县卫生健康局, date: 2027-01, file: sources/county-plan.txt }
extends: changzhi/village-clinic
parameters:
  minBuildingArea: { value: 100 }
alter:
  - requirement: building-area
    severity: required
    title: { zh: 建筑面积不低于100平方米, en: Building area of at least 100 m² }
    reason: 本县新建村卫生室一律不低于100平方米
remove:
  - requirement: living-area
    reason: 本县村医均在本村居住，不另建生活功能区
`;

/** The Changzhi compliant clinic: 96 m², with a living area. */
export const compliant = '../../fixtures/changzhi/village-clinic/compliant.yaml';

/** Its rooms without the living area. */
export const roomsWithoutLivingArea: NonNullable<FacilityRecordInput['rooms']> = ['diagnosis-room', 'treatment-room', 'pharmacy', 'public-health-room', 'observation-room', 'sanitary-toilet'];
