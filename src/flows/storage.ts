// Where the panel keeps what must survive a reload (the agent's draft, the record of a filing under way):
// localStorage when the browser lets the app's cross-site iframe use it, else nothing, and the caller copes.

/** The three methods of `Storage` that Engage uses; tests and the CLI hand in a Map-backed one. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * localStorage when the browser lets us use it, else null: reading it throws in sandboxed iframes and when
 * third-party storage is blocked, and writing can fail on quota, so one write proves it.
 */
export function browserStorage(): KeyValueStorage | null {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return null;
    const probe = 'engage:probe';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

/** A storage that lasts as long as the page: what survives a reload is then lost, nothing else. */
export function memoryStorage(): KeyValueStorage {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}
