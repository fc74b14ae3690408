// whenRegistered is awaited by several start-up paths at once (the ticket prefetch and the shell). The SDK fires an
// event by iterating its handler array while a handler's own `off` splices it, so the handler after one that
// unsubscribes is skipped: every caller must still see the registration.
import { describe, expect, it } from 'vitest';
import { whenRegistered } from '../../src/ui/boot.ts';
import type { ZafClient } from '../../src/zendesk/zaf.ts';

/** The SDK's own event bookkeeping (lib/client.js: `on` pushes, `off` splices, events run with forEach). */
function sdkLikeClient(): { client: ZafClient; fire: (name: string) => void; handlers: (name: string) => number } {
  const handlers: Record<string, ((data?: unknown) => void)[]> = {};
  const client = {
    on(name: string, handler: (data?: unknown) => void) {
      (handlers[name] ??= []).push(handler);
    },
    off(name: string, handler: (data?: unknown) => void) {
      const list = handlers[name] ?? [];
      const index = list.indexOf(handler);
      if (index >= 0) list.splice(index, 1);
    },
  } as unknown as ZafClient;
  return {
    client,
    fire: (name) => (handlers[name] ?? []).forEach((h) => h()),
    handlers: (name) => (handlers[name] ?? []).length,
  };
}

describe('whenRegistered', () => {
  it('resolves every caller that waited before the registration, with one subscription', async () => {
    const { client, fire, handlers } = sdkLikeClient();
    const waits = [whenRegistered(client), whenRegistered(client), whenRegistered(client)];
    expect(handlers('app.registered')).toBe(1);
    fire('app.registered');
    await expect(Promise.all(waits)).resolves.toHaveLength(3);
    expect(handlers('app.registered')).toBe(0);
  });

  it('resolves at once when the SDK already says it is registered', async () => {
    const { client } = sdkLikeClient();
    (client as unknown as { ready: boolean }).ready = true;
    await expect(whenRegistered(client)).resolves.toBeUndefined();
  });
});
