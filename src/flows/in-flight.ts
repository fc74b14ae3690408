// Work that must not run twice at once: a second call with the same key while the first runs (a double click, two
// parts of the panel) gets the first one's promise.

export interface InFlight<T> {
  run(key: string, work: () => Promise<T>): Promise<T>;
}

export function createInFlight<T>(): InFlight<T> {
  const running = new Map<string, Promise<T>>();
  return {
    run(key, work) {
      const existing = running.get(key);
      if (existing) return existing;
      const promise = work().finally(() => running.delete(key));
      running.set(key, promise);
      return promise;
    },
  };
}
