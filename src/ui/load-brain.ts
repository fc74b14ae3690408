// One shared promise per lazy chunk of the first view: the shell calls `preloadFirstView()` at boot, so the
// decision code and the panel download while Zendesk registers the app; every later user awaits the same promise.
import type { Brain } from './brain.ts';

let brain: Promise<Brain> | null = null;

export function preloadBrain(): Promise<Brain> {
  if (!brain) {
    brain = import('./brain.ts');
    // A failed download must be retryable (flaky network): forget the rejected promise.
    brain.catch(() => {
      brain = null;
    });
  }
  return brain;
}

let panel: Promise<typeof import('./RfhPanel.tsx')> | null = null;

export function preloadPanel(): Promise<typeof import('./RfhPanel.tsx')> {
  if (!panel) {
    panel = import('./RfhPanel.tsx');
    panel.catch(() => {
      panel = null;
    });
  }
  return panel;
}

export function preloadFirstView(): void {
  preloadBrain().catch(() => undefined);
  preloadPanel().catch(() => undefined);
}
