// One filing per ticket at a time: the Web Locks API across the tabs of one browser, an in-page lock where the
// browser has none or refuses it.

/** The subset of the Web Locks API (`navigator.locks`) that filing needs. */
export interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/** A lock manager for one JavaScript realm: callbacks with the same name run one after another, in call order. */
export function inProcessLocks(): LockManagerLike {
  const tails = new Map<string, Promise<unknown>>();
  return {
    request<T>(name: string, callback: () => Promise<T>): Promise<T> {
      const previous = tails.get(name) ?? Promise.resolve();
      const run = previous.then(
        () => callback(),
        () => callback(),
      );
      const tail = run.then(
        () => undefined,
        () => undefined,
      );
      tails.set(name, tail);
      void tail.then(() => {
        if (tails.get(name) === tail) tails.delete(name);
      });
      return run;
    },
  };
}

/**
 * The Web Locks API where the browser allows it, else `fallback`. Browsers that block third-party storage also
 * refuse `navigator.locks.request` in the app's cross-site iframe (SecurityError, before the callback runs): filing
 * must still work there, guarded within the page.
 */
export function resilientLocks(fallback: LockManagerLike, web: LockManagerLike | null): LockManagerLike {
  let broken = web === null;
  return {
    async request<T>(name: string, callback: () => Promise<T>): Promise<T> {
      if (!broken && web) {
        let started = false;
        try {
          return await web.request(name, () => {
            started = true;
            return callback();
          });
        } catch (e) {
          if (started) throw e;
          broken = true; // the lock itself was refused: the callback never ran, so it is safe to run it in-page
        }
      }
      return fallback.request(name, callback);
    },
  };
}

/** This browser's locks: `navigator.locks` when present and allowed, else an in-page lock. */
export function browserLocks(): LockManagerLike {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  const web = nav?.locks && typeof nav.locks.request === 'function' ? nav.locks : null;
  return resilientLocks(inProcessLocks(), web);
}
