// The brain chunk (settings validation, catalogue, core decisions), started at boot by main.tsx; this hook waits
// for the same download. `retry` downloads again after a failure (a flaky network mid-load).
import { useCallback, useEffect, useState } from 'react';
import type { Brain } from '../brain.ts';
import { preloadBrain } from '../load-brain.ts';

export type BrainState = { state: 'loading' } | { state: 'ready'; brain: Brain } | { state: 'failed'; error: unknown };

export function useBrain(): { brain: BrainState; retry: () => void } {
  const [brain, setBrain] = useState<BrainState>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    preloadBrain().then(
      (b) => live && setBrain({ state: 'ready', brain: b }),
      (error: unknown) => live && setBrain({ state: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  const retry = useCallback(() => {
    setBrain({ state: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return { brain, retry };
}
