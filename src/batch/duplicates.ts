/** One facility id on several rows of a batch. */
export interface DuplicateId {
  readonly id: string;
  /** Every row with the id, in order. */
  readonly rows: readonly number[];
}

/** A batch output line's row number and facility id, as the evaluation gives them back. */
export interface RowKey {
  readonly row: number;
  readonly id?: string;
}

/**
 * Finds the facility ids that several rows share as the output goes by in order, and marks each
 * later row with the first row of its id (`duplicateOf`). Rows already written cannot be marked:
 * the groups, every row named, are given at the end.
 */
export class DuplicateIds {
  readonly #first = new Map<string, number>();
  readonly #groups = new Map<string, number[]>();

  /** The output lines with their duplicates marked. */
  mark(text: string, keys: readonly RowKey[]): string {
    let lines: string[] | undefined;
    keys.forEach(({ row, id }, i) => {
      if (id === undefined) return;
      const first = this.#first.get(id);
      if (first === undefined) {
        this.#first.set(id, row);
        return;
      }
      const group = this.#groups.get(id);
      if (group) group.push(row);
      else this.#groups.set(id, [first, row]);
      lines ??= text.split('\n');
      const head = `{"row":${row},`;
      if (lines[i]!.startsWith(head)) lines[i] = `${head}"duplicateOf":${first},${lines[i]!.slice(head.length)}`;
    });
    return lines ? lines.join('\n') : text;
  }

  groups(): DuplicateId[] {
    return [...this.#groups].map(([id, rows]) => ({ id, rows }));
  }
}
