/** Freezes a value and everything reachable from it (objects, arrays, Map and Set contents). */
export function deepFreeze<T>(value: T, seen = new WeakSet<object>()): T {
  if (value === null || typeof value !== 'object' || seen.has(value)) return value;
  seen.add(value);
  if (value instanceof Map) {
    for (const [key, entry] of value) {
      deepFreeze(key, seen);
      deepFreeze(entry, seen);
    }
  } else if (value instanceof Set) {
    for (const entry of value) deepFreeze(entry, seen);
  } else {
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key], seen);
  }
  return Object.freeze(value);
}

/** A Map that refuses to change: `set`, `delete` and `clear` throw, as a frozen object's setters do. */
export class ReadonlyMapView<K, V> extends Map<K, V> {
  #sealed = false;

  constructor(entries: Iterable<readonly [K, V]>) {
    super();
    for (const [key, value] of entries) super.set(key, value);
    this.#sealed = true;
  }

  override set(key: K, value: V): this {
    if (this.#sealed) throw new TypeError('this map is read-only: copy it (new Map(map)) to change it');
    return super.set(key, value);
  }

  override delete(): boolean {
    throw new TypeError('this map is read-only: copy it (new Map(map)) to change it');
  }

  override clear(): void {
    throw new TypeError('this map is read-only: copy it (new Map(map)) to change it');
  }
}
