// A DOM for the sidebar's in-process tests, installed by hand (imported first, in the `node` test environment):
// vitest's DOM environments transform modules as for a browser, which rewrites the preview stand-in's
// `new URL('./openapi-subset.json', import.meta.url)` into an http:// URL it cannot read. Here modules load as on
// the server and only the DOM globals come from happy-dom.
import { Window } from 'happy-dom';

const window = new Window({ url: 'http://localhost:4567/app/assets/iframe.html', width: 350, height: 900 });
const target = globalThis as unknown as Record<string, unknown>;
const source = window as unknown as Record<string, unknown>;
for (const key of Object.getOwnPropertyNames(window)) {
  if (key in target || key === 'undefined') continue;
  try {
    target[key] = source[key];
  } catch {
    // read-only accessors of Node's own global: keep Node's
  }
}
target.window = window;
target.document = window.document;
target.navigator = window.navigator;
target.localStorage = window.localStorage;
target.requestAnimationFrame = window.requestAnimationFrame.bind(window);
target.cancelAnimationFrame = window.cancelAnimationFrame.bind(window);

// happy-dom does no layout, and its ResizeObserver never reports. A browser's reports every observed element once
// right after `observe` (the panel's iframe-height logic, src/ui/shell/resize.ts, relies on that first report); this one
// does the same, with the size happy-dom gives the element. Size changes are the browser tests' to cover.
class FirstReportResizeObserver {
  private live = true;
  constructor(private readonly callback: (entries: unknown[], observer: unknown) => void) {}
  observe(element: Element): void {
    queueMicrotask(() => {
      if (!this.live) return;
      const rect = element.getBoundingClientRect();
      this.callback([{ target: element, contentRect: rect, borderBoxSize: [{ blockSize: rect.height, inlineSize: rect.width }] }], this);
    });
  }
  unobserve(): void {}
  disconnect(): void {
    this.live = false;
  }
}
target.ResizeObserver = FirstReportResizeObserver;

export const domWindow = window;
