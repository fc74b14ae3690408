// One piece of what the panel needs at start (the shell reads, the first-view code, the ticket's decision...): a
// promise started once, whose outcome React can read synchronously, and which a retry replaces.

export type SliceState<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: unknown };

export interface Slice<T> {
  /** The current attempt. */
  readonly promise: Promise<T>;
  /** Its outcome so far: the first render shows a value that is already in, without a loading state. */
  peek(): SliceState<T>;
  /** Start a new attempt (after a failure: a flaky network, a ticket that failed to load). */
  retry(): void;
  /** Called whenever `peek()` changes; returns the unsubscribe function (the shape useSyncExternalStore takes). */
  subscribe(listener: () => void): () => void;
}

const LOADING = { state: 'loading' } as const;

/** A slice whose attempts are `load()`; the first starts now. */
export function createSlice<T>(load: () => Promise<T>): Slice<T> {
  const listeners = new Set<() => void>();
  let state: SliceState<T> = LOADING;
  let promise: Promise<T>;
  const set = (next: SliceState<T>): void => {
    state = next;
    for (const listener of [...listeners]) listener();
  };
  const start = (): void => {
    const attempt = load();
    promise = attempt;
    attempt.then(
      (value) => promise === attempt && set({ state: 'ready', value }),
      (error: unknown) => promise === attempt && set({ state: 'failed', error }),
    );
  };
  start();
  return {
    get promise() {
      return promise;
    },
    peek: () => state,
    retry() {
      if (state !== LOADING) set(LOADING);
      start();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
