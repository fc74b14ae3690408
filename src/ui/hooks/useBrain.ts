// The first view's chunk: the brain (settings validation, catalogue, core decisions) and the request-for-help panel.
// main.tsx has usually started its download already (see load-brain.ts); `retry` downloads again after a failure (a
// flaky network mid-load).
import { useCallback, useEffect, useState } from 'react';
import { loadedFirstView, loadFirstView, type FirstViewChunks } from '../load-brain.ts';

export type BrainState = { state: 'loading' } | ({ state: 'ready' } & FirstViewChunks) | { state: 'failed'; error: unknown };

export function useBrain(): { brain: BrainState; retry: () => void } {
  // Usually loaded before the first render (main.tsx waits for the first view's decision): ready at once.
  const [brain, setBrain] = useState<BrainState>(() => {
    const chunks = loadedFirstView();
    return chunks ? { state: 'ready', ...chunks } : { state: 'loading' };
  });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    loadFirstView().then(
      (chunks) => live && setBrain((now) => (now.state === 'ready' && now.brain === chunks.brain ? now : { state: 'ready', ...chunks })),
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
