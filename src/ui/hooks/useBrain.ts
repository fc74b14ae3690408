// The first view's chunks: the brain (settings validation, catalogue, core decisions) and the request-for-help
// panel. They are fetched in the frame after `start` first holds, i.e. after the headline has painted (see
// load-brain.ts); `retry` downloads again after a failure (a flaky network mid-load).
import { useCallback, useEffect, useState } from 'react';
import { loadFirstView, type FirstViewChunks } from '../load-brain.ts';
import { afterNextPaint } from './useAfterPaint.ts';

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
    // The first load waits for the headline's paint; a retry loads at once.
    let cancel: (() => void) | undefined;
    if (attempt === 0) cancel = afterNextPaint(load);
    else load();
    return () => {
      live = false;
      cancel?.();
    };
  }, [start, attempt]);
  const retry = useCallback(() => {
    setBrain({ state: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return { brain, retry };
}
