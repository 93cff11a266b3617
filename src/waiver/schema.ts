import * as z from 'zod';
import { calendarDate } from '../calendar-date.js';

const isoDate = calendarDate('a date is written YYYY-MM-DD, e.g. 2026-12-31');

/**
 * A waiver: an approved, dated exception for one facility from one requirement (a clinic whose
 * premises cannot be enlarged before the village is relocated). While it is in force the
 * requirement is `waived`, not a gap; after its expiry date it no longer applies.
 */
export const WaiverSchema = z.strictObject({
  /** The facility's record id. */
  facility: z.string().min(1),
  /**
   * The standard, by id. Optional: without it the waiver covers the requirement of that id in
   * every standard; with it, in that standard and in those that inherit the requirement from it.
   */
  standard: z.string().min(1).optional(),
  requirement: z.string().min(1),
  justification: z.string().min(1),
  approver: z.string().min(1),
  /** The last day the waiver is in force. */
  expires: isoDate,
});

export type Waiver = z.infer<typeof WaiverSchema>;

/** A waiver file: a list of waivers. */
export const WaiverFileSchema = z.array(WaiverSchema);
