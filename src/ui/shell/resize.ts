// The sidebar iframe is as tall as Zendesk is told: every time the panel's content changes size we invoke
// `resize` with the new height (width stays 100% of the sidebar). The browser reports changes at most once per frame,
// and only a height that differs from the last one sent is sent again.
import type { ZafClient } from '../../zaf/client.ts';

export interface ResizeTarget {
  invoke: ZafClient['invoke'];
}

/** Height to ask for: the content's height rounded up, at least 1 px (0 would hide the app in some hosts). */
export function heightFor(contentHeight: number): string {
  const h = Math.max(1, Math.ceil(Number.isFinite(contentHeight) ? contentHeight : 0));
  return `${h}px`;
}

/** A sender that drops repeats; returns whether it invoked. Failures are ignored: resize is cosmetic. */
export function createResizer(client: ResizeTarget): (contentHeight: number) => boolean {
  let last: string | null = null;
  return (contentHeight) => {
    const height = heightFor(contentHeight);
    if (height === last) return false;
    last = height;
    client.invoke('resize', { width: '100%', height }).catch(() => {
      last = null; // let the next change try again
    });
    return true;
  };
}

/** Observe an element and keep the iframe at its height. Returns a disposer. */
export function observeHeight(element: HTMLElement, client: ResizeTarget): () => void {
  const send = createResizer(client);
  // The observer reports the size the browser's own layout produced (once right away, then once per frame at most
  // when it changes): reading it costs nothing, where measuring the element would force a layout in the middle of
  // the start.
  const observer = new ResizeObserver((entries) => {
    const entry = entries[entries.length - 1];
    if (!entry) return;
    const box = entry.borderBoxSize?.[0];
    send(box ? box.blockSize : entry.contentRect.height);
  });
  observer.observe(element);
  return () => observer.disconnect();
}
