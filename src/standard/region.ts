import type { Notice } from '../notice.js';
import { editDistance } from '../suggest.js';
import type { LocalizedText } from '../text.js';
import type { FacilityRecord } from '../record/schema.js';
import type { StandardRegion } from './types.js';

export const regionLevels = ['province', 'city', 'county'] as const;
export type RegionLevel = (typeof regionLevels)[number];
type RecordRegion = NonNullable<FacilityRecord['region']>;

/** Each region level as a record field's name reads to a person. */
export const levelWords: Record<RegionLevel, LocalizedText> = {
  province: { zh: '所在省', en: 'province' },
  city: { zh: '所在市', en: 'city' },
  county: { zh: '所在县（区）', en: 'county' },
};

/** The longest region name looked at for a suggestion; longer values are not regions. */
const longestName = 40;

/**
 * Administrative suffixes, longest first: a name written without one (长治, 平顺) is the same
 * region as the name with it (长治市, 平顺县).
 */
const suffixes = ['特别行政区', '维吾尔自治区', '壮族自治区', '回族自治区', '自治区', '自治州', '自治县', '地区', '新区', '省', '市', '县', '区', '盟', '旗'];

function baseName(name: string): string {
  const trimmed = name.replace(/\s+/g, '');
  for (const suffix of suffixes) {
    if (trimmed.length > suffix.length + 1 && trimmed.endsWith(suffix)) return trimmed.slice(0, -suffix.length);
  }
  return trimmed;
}

/** The region names that standards and programmes are bound to, by level. */
export interface KnownRegions {
  readonly province: ReadonlySet<string>;
  readonly city: ReadonlySet<string>;
  readonly county: ReadonlySet<string>;
}

export function knownRegions(regions: Iterable<StandardRegion | undefined>): KnownRegions {
  const known = { province: new Set<string>(), city: new Set<string>(), county: new Set<string>() };
  for (const region of regions) {
    for (const level of regionLevels) if (region?.[level] !== undefined) known[level].add(region[level]!);
  }
  return known;
}

/**
 * The record's region with each name read against the known ones: a name that differs from a
 * known name only by its suffix takes the known name; a name close to a known one (one character
 * off) is left as written and said with a "did you mean". Each change or doubt is a notice.
 */
export function normalizeRegion(region: RecordRegion | undefined, known: KnownRegions): { region: RecordRegion | undefined; notices: Notice[] } {
  if (!region) return { region, notices: [] };
  const notices: Notice[] = [];
  let out: RecordRegion = region;
  for (const level of regionLevels) {
    const written = region[level];
    if (written === undefined || known[level].has(written) || written.length > longestName) continue;
    const base = baseName(written);
    const same = [...known[level]].find((name) => baseName(name) === base);
    if (same !== undefined) {
      out = { ...out, [level]: same };
      notices.push({
        code: 'region-normalized',
        path: `region.${level}`,
        values: { written, read: same },
        message: { zh: `${levelWords[level].zh}“${written}”按“${same}”读取`, en: `${levelWords[level].en} "${written}" read as "${same}"` },
      });
      continue;
    }
    const near = [...known[level]].filter((name) => editDistance(baseName(name), base) === 1);
    if (near.length > 0) {
      notices.push({
        code: 'region-unknown',
        path: `region.${level}`,
        values: { written, suggestions: near },
        message: {
          zh: `${levelWords[level].zh}“${written}”不是已知地区，是否为“${near.join('”或“')}”？`,
          en: `${levelWords[level].en} "${written}" is not a known region; did you mean "${near.join('" or "')}"?`,
        },
      });
    }
  }
  return { region: out, notices };
}

/**
 * Where a record stands towards something bound to a region: `in` when every level the region
 * names is known for the record and the same; `out` when a level differs; otherwise `unplaced`,
 * with the record fields that would settle it.
 */
export type Placement = { readonly status: 'in' } | { readonly status: 'out' } | { readonly status: 'unplaced'; readonly fields: readonly string[] };

export function placement(bound: StandardRegion | undefined, region: RecordRegion | undefined): Placement {
  if (!bound) return { status: 'in' };
  const fields: string[] = [];
  for (const level of regionLevels) {
    const wanted = bound[level];
    if (wanted === undefined) continue;
    const given = region?.[level];
    if (given === undefined) fields.push(`region.${level}`);
    else if (given !== wanted) return { status: 'out' };
  }
  return fields.length === 0 ? { status: 'in' } : { status: 'unplaced', fields };
}

/** Whether a region lies within another (every level the outer names, the inner names the same). */
export function within(inner: StandardRegion | undefined, outer: StandardRegion | undefined): boolean {
  return regionLevels.every((level) => outer?.[level] === undefined || inner?.[level] === outer[level]);
}

/** A region as people write it: 山西省长治市平顺县. */
export function regionText(region: StandardRegion | RecordRegion | undefined): string {
  return regionLevels.map((level) => region?.[level] ?? '').join('');
}

/** The notice for a record that cannot be placed for standards or programmes of these regions. */
export function unplacedNotice(fields: readonly string[], what: readonly string[]): Notice {
  const zhFields = fields.map((f) => levelWords[f.slice('region.'.length) as RegionLevel]?.zh ?? f).join('、');
  const enFields = fields.map((f) => levelWords[f.slice('region.'.length) as RegionLevel]?.en ?? f).join(', ');
  return {
    code: 'region-unplaced',
    path: fields[0]!,
    values: { fields, for: what },
    message: {
      zh: `未填${zhFields}，无法判断是否适用：${what.join('、')}（请填写${zhFields}，或在批量评估时用 --region 给出）`,
      en: `no ${enFields} given, so it cannot be told whether these apply: ${what.join(', ')} (fill in the ${enFields}, or give --region to the batch)`,
    },
  };
}
