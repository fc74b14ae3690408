// "After the next paint": what the agent reads first paints without waiting for what comes next (chunks to fetch
// and parse); that starts right after.
import { useEffect, useState } from 'react';

/** Run `callback` once the next frame has been painted; returns a cancel function. */
function afterNextPaint(callback: () => void): () => void {
  // requestAnimationFrame runs before the next paint; the task it queues runs after that paint.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(callback, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}

/** False on the first render, true from the frame after it painted. */
export function useAfterPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => afterNextPaint(() => setPainted(true)), []);
  return painted;
}
