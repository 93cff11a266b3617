// How messages about a record's values name what was expected and what was given.

/** What a field expects, as its messages say it. */
export const kinds: Record<string, { en: string; zh: string }> = {
  number: { en: 'a number', zh: '数字' },
  int: { en: 'a whole number', zh: '整数' },
  string: { en: 'a text', zh: '文字' },
  boolean: { en: 'true or false', zh: 'true 或 false' },
  array: { en: 'a list', zh: '列表' },
  object: { en: 'a mapping of fields', zh: '字段映射' },
  record: { en: 'a mapping of fields', zh: '字段映射' },
};

/** A value as a message quotes it: text quoted (clipped to 80 characters), a list or a mapping by its kind. */
export function show(input: unknown): { en: string; zh: string } {
  if (typeof input === 'string') {
    const quoted = JSON.stringify(input.length > 80 ? `${input.slice(0, 80)}…` : input);
    return { en: quoted, zh: quoted };
  }
  if (Array.isArray(input)) return { en: 'a list', zh: '列表' };
  if (input === null) return { en: 'null', zh: 'null' };
  if (typeof input === 'object') return { en: 'a mapping of fields', zh: '字段映射' };
  return { en: String(input), zh: String(input) };
}

