// Looking a name from input up in a table written as an object literal: own entries only.

/**
 * The entry for `key`, or undefined. A plain `table[key]` finds Object.prototype's members for
 * keys such as `constructor` or `__proto__`, which are names a search, a props file or a YAML
 * file may hold.
 */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
