// Server-side renders for unit tests of components: Garden's form fields use layout effects, which React warns
// about when rendering on the server; that warning is about hydration, which these tests do not do.
import { afterAll, beforeAll, vi } from 'vitest';

/** Silence React's server-render warning about layout effects for the test file that calls this. */
export function quietLayoutEffectWarnings(): void {
  beforeAll(() => {
    const original = console.error;
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      if (String(args[0]).includes('useLayoutEffect does nothing on the server')) return;
      original(...args);
    });
  });
  afterAll(() => vi.restoreAllMocks());
}
