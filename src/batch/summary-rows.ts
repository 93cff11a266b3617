import type { Column } from './sheet.js';

/** A sheet row that totals or averages the rows above it (合计, 小计, 平均 …): not a facility. */
export interface SummaryRow {
  readonly row: number;
  /** The cell that names it (合计), or the sums it holds. */
  readonly label: string;
}

/** 合计, 全县合计, 小 计, 平均值, Total … — after white space and a trailing （…） are removed. */
const summaryWord = /^[^\d]{0,8}?(合计|小计|总计|共计|汇总|累计|平均值?|均值)$|^(sub)?totals?$|^sum$|^average$|^mean$/i;

const identityPaths = new Set(['id', 'name', 'region']);

/**
 * Tells summary rows from facilities as a sheet's rows go by in order: a row whose identity cell
 * (id, name, region) or first cell is a summary word, or a row with no identity at all whose
 * numbers are each the sum of the column since the header or the last summary row.
 */
export class SummaryRowFilter {
  readonly #labelled: number[];
  readonly #numbers: number[];
  #sinceLast: number[];
  #overall: number[];

  constructor(columns: readonly Column[]) {
    const labelled = columns.flatMap((c, i) => (identityPaths.has(c.path[0]!) ? [i] : []));
    this.#labelled = [...new Set([0, ...labelled])];
    this.#numbers = columns.flatMap((c, i) => (c.kind === 'number' ? [i] : []));
    this.#sinceLast = this.#numbers.map(() => 0);
    this.#overall = this.#numbers.map(() => 0);
  }

  /** The row's summary label, or undefined for a facility row (whose numbers are then added up). */
  check(cells: readonly string[]): string | undefined {
    for (const i of this.#labelled) {
      const cell = (cells[i] ?? '').replace(/\s+/g, '').replace(/[（(][^）)]*[）)]$/, '');
      if (cell.length <= 12 && summaryWord.test(cell)) return this.#summary(cells[i]!.trim());
    }
    const values = this.#numbers.map((i) => numberIn(cells[i]));
    const identityEmpty = this.#labelled.every((i) => (cells[i] ?? '').trim() === '');
    const given = values.filter((v) => v !== undefined).length;
    if (identityEmpty && given >= 2) {
      const sums = (totals: number[]) => values.every((v, k) => v === undefined || Math.abs(v - totals[k]!) <= 1e-9 * Math.max(1, Math.abs(v)));
      if (sums(this.#sinceLast) || sums(this.#overall)) return this.#summary(values.filter((v) => v !== undefined).join(' / '));
    }
    values.forEach((v, k) => {
      if (v === undefined) return;
      this.#sinceLast[k]! += v;
      this.#overall[k]! += v;
    });
    return undefined;
  }

  #summary(label: string): string {
    this.#sinceLast = this.#numbers.map(() => 0);
    return label.length > 40 ? `${label.slice(0, 40)}…` : label;
  }
}

function numberIn(cell: string | undefined): number | undefined {
  const text = cell?.trim().replace(/,/g, '');
  return text && /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
}
