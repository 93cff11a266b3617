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
      const first = id === undefined ? undefined : this.firstOf(row, id);
      if (first === undefined) return;
      lines ??= text.split('\n');
      const head = `{"row":${row},`;
      if (lines[i]!.startsWith(head)) lines[i] = `${head}"duplicateOf":${first},${lines[i]!.slice(head.length)}`;
    });
    return lines ? lines.join('\n') : text;
  }

  /** The same for output lines as UTF-8 bytes, given the rows with an id and the byte each one's line starts at. */
  markBytes(bytes: Uint8Array, keys: { readonly rows: ArrayLike<number>; readonly ids: readonly string[]; readonly starts: ArrayLike<number> }): Uint8Array {
    const parts: Uint8Array[] = [];
    let from = 0;
    for (let i = 0; i < keys.ids.length; i++) {
      const row = keys.rows[i]!;
      const first = this.firstOf(row, keys.ids[i]!);
      if (first === undefined) continue;
      const head = `{"row":${row},`;
      const at = keys.starts[i]! + head.length;
      if (Buffer.from(bytes.buffer, bytes.byteOffset + keys.starts[i]!, head.length).toString('latin1') !== head) continue;
      parts.push(bytes.subarray(from, at), Buffer.from(`"duplicateOf":${first},`));
      from = at;
    }
    if (parts.length === 0) return bytes;
    parts.push(bytes.subarray(from));
    return Buffer.concat(parts);
  }

  /** The first row with `id`, when it is not `row`: recorded as it goes. */
  private firstOf(row: number, id: string): number | undefined {
    const first = this.#first.get(id);
    if (first === undefined) {
      this.#first.set(id, row);
      return undefined;
    }
    const group = this.#groups.get(id);
    if (group) group.push(row);
    else this.#groups.set(id, [first, row]);
    return first;
  }

  groups(): DuplicateId[] {
    return [...this.#groups].map(([id, rows]) => ({ id, rows }));
  }
}
