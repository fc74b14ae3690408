// The registration is awaited by several start-up paths at once (the ticket's calls, the shell, the headline). The
// SDK fires an event by iterating its handler array while a handler's own `off` splices it, so the handler after
// one that unsubscribes is skipped: the session subscribes once and every path must still see the registration.
import { describe, expect, it } from 'vitest';
import { whenRegistered } from '../../src/ui/start/shell.ts';
import { startSession } from '../../src/ui/start/session.ts';
import type { ZafClient } from '../../src/zaf/client.ts';

/** The SDK's own event bookkeeping (lib/client.js: `on` pushes, `off` splices, events run with forEach). */
function sdkLikeClient(): { client: ZafClient; fire: (name: string) => void; handlers: (name: string) => number } {
  const handlers: Record<string, ((data?: unknown) => void)[]> = {};
  let registered = false;
  const client = {
    context: async () => ({ instanceGuid: 'g', product: 'support', account: { subdomain: 'acme' }, location: 'nav_bar' }),
    // As the SDK does: before the registration, metadata() waits on `app.registered` with a handler of its own.
    metadata(): Promise<unknown> {
      const metadata = { appId: 1, installationId: 1, name: 'Engage', version: '1', settings: {} };
      return new Promise((resolve) => (registered ? resolve(metadata) : client.on('app.registered', () => resolve(metadata))));
    },
    get: async () => ({ errors: {} }),
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
    fire: (name) => {
      if (name === 'app.registered') registered = true;
      (handlers[name] ?? []).forEach((h) => h());
    },
    handlers: (name) => (handlers[name] ?? []).length,
  };
}

describe('whenRegistered', () => {
  it('resolves every start-up path of the session that waited before the registration, with one subscription', async () => {
    const { client, fire, handlers } = sdkLikeClient();
    const session = startSession(client);
    expect(handlers('app.registered')).toBe(1);
    fire('app.registered');
    const paths = [session.requested, session.shell.promise, session.summary.promise, session.settings.promise];
    await expect(Promise.all(paths)).resolves.toHaveLength(4);
    expect(handlers('app.registered')).toBe(0);
  });

  it('resolves at once when the SDK already says it is registered', async () => {
    const { client } = sdkLikeClient();
    (client as unknown as { ready: boolean }).ready = true;
    await expect(whenRegistered(client)).resolves.toBeUndefined();
  });
});
