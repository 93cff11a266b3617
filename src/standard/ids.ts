import { bundledLadderIds, bundledProgramIds, bundledStandardIds } from '../generated/ids.js';

export { bundledLadderIds, bundledProgramIds, bundledStandardIds };

/** The id of a standard shipped in `rules/`, e.g. `changzhi/village-clinic`. Generated from the rule files. */
export type BundledStandardId = (typeof bundledStandardIds)[number];
/** The id of a ladder shipped in `rules/ladders/`, e.g. `changzhi/township`. */
export type BundledLadderId = (typeof bundledLadderIds)[number];
/** The id of a programme shipped in `rules/programs/`, e.g. `changzhi/2028`. */
export type BundledProgramId = (typeof bundledProgramIds)[number];

const standards: ReadonlySet<string> = new Set(bundledStandardIds);
const ladders: ReadonlySet<string> = new Set(bundledLadderIds);
const programs: ReadonlySet<string> = new Set(bundledProgramIds);

/** Whether a string (read from a user, say) is a bundled standard's id; narrows it for `bundledStandard`. */
export const isBundledStandardId = (id: string): id is BundledStandardId => standards.has(id);
/** Whether a string is a bundled ladder's id. */
export const isBundledLadderId = (id: string): id is BundledLadderId => ladders.has(id);
/** Whether a string is a bundled programme's id. */
export const isBundledProgramId = (id: string): id is BundledProgramId => programs.has(id);
