import type { LocalizedText } from './text.js';

/**
 * Something a person should know about how a record was read or placed, that is not a fault:
 * a facility type taken from the standard asked for, a region name read in its full form, a
 * region the record does not give. Data first — a stable `code`, the record `path` it is about and
 * its `values` — with the sentence in both languages.
 */
export interface Notice {
  readonly code: NoticeCode;
  /** The record field it is about, e.g. `region.city`. */
  readonly path?: string;
  readonly values?: Readonly<Record<string, string | number | readonly string[]>>;
  readonly message: LocalizedText;
}

export type NoticeCode =
  /** The record gives no `type`; the standard's (or the batch's `--type`) was taken. */
  | 'type-assumed'
  /** A region field was absent and the batch's `--region` filled it. */
  | 'region-filled'
  /** A region name differed from a known one only by its administrative suffix (长治 → 长治市). */
  | 'region-normalized'
  /** A region name matches no region the standards know, but is close to one. */
  | 'region-unknown'
  /** The record does not say enough of where it is to tell whether region-bound standards or programmes apply. */
  | 'region-unplaced'
  /** Another row of the batch has the same facility id. */
  | 'duplicate-id'
  /** A waiver for a facility id that several rows share was not applied. */
  | 'waiver-ambiguous';
