// The first view's chunks: the brain (settings validation, catalogue, core decisions) and the request-for-help
// panel. They are fetched in the frame after `start` first holds, i.e. after the headline has painted (see
// load-brain.ts); `retry` downloads again after a failure (a flaky network mid-load).
import { useCallback, useEffect, useState } from 'react';
import { loadFirstView, type FirstViewChunks } from '../load-brain.ts';

export type BrainState = { state: 'loading' } | ({ state: 'ready' } & FirstViewChunks) | { state: 'failed'; error: unknown };

export function useBrain(start: boolean): { brain: BrainState; retry: () => void } {
  const [brain, setBrain] = useState<BrainState>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!start) return undefined;
    let live = true;
    const load = (): void => {
      loadFirstView().then(
        (chunks) => live && setBrain({ state: 'ready', ...chunks }),
        (error: unknown) => live && setBrain({ state: 'failed', error }),
      );
    };
    // requestAnimationFrame runs before the next paint; the task it queues runs after it. A retry loads at once.
    let timer: ReturnType<typeof setTimeout> | undefined;
    let frame = 0;
    if (attempt === 0) {
      frame = requestAnimationFrame(() => {
        timer = setTimeout(load, 0);
      });
    } else load();
    return () => {
      live = false;
      if (frame) cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [start, attempt]);
  const retry = useCallback(() => {
    setBrain({ state: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return { brain, retry };
}
