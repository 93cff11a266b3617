// The parts of the record contract said without zod: what the lean path (`checkRecord`) needs.

/** The parts of the staff that are each counted among the staff on post. */
export const staffParts = ['healthTechnicians', 'physicians', 'villageDoctors', 'auxiliary'] as const;

/** The parts of the staff that outnumber the staff on post (none in a valid record). */
export function staffOverOnPost(staff: Partial<Record<(typeof staffParts)[number] | 'onPost', number>> | undefined): (typeof staffParts)[number][] {
  if (!staff || staff.onPost === undefined) return [];
  return staffParts.filter((part) => staff[part] !== undefined && staff[part] > staff.onPost!);
}

/** What each list of codes holds, as its messages name it ("unknown room code …"). */
export const codeListWords = {
  rooms: 'room',
  featuredDepartmentEquipment: 'equipment',
  departments: 'department',
  posts: 'post',
  secondedSeniorPhysicianDepartments: 'department',
  ambulances: 'ambulance',
  systems: 'information system',
  disclosures: 'public disclosure',
} as const;
