// Start-up after the SDK is initialised: wait for Zendesk's `app.registered`, then read what every view needs
// (context, metadata with the non-secure settings, the agent's locale and colour scheme) in one round trip.
import type { ZafClient, ZafContext, ZafMetadata } from '../zendesk/zaf.ts';
import { parseColorScheme, type ColorScheme } from './theme.ts';

/** The SDK's client carries `ready` once registered; the typed interface does not expose it. */
type MaybeReady = ZafClient & { ready?: boolean };

export function whenRegistered(client: ZafClient): Promise<void> {
  if ((client as MaybeReady).ready === true) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      client.off('app.registered', done);
      resolve();
    };
    client.on('app.registered', done);
  });
}

export interface AppStart {
  context: ZafContext;
  metadata: ZafMetadata;
  /** `currentUser.locale` (e.g. `en-US`), or null when Zendesk did not say. */
  locale: string | null;
  colorScheme: ColorScheme | null;
}

/**
 * Everything the shell needs after registration. The optional reads (`currentUser`, `colorScheme`) may fail on
 * hosts that do not know them; the app then uses its defaults instead of failing.
 */
export async function readStart(client: ZafClient): Promise<AppStart> {
  const optional = (path: string): Promise<unknown> =>
    client.get(path).then(
      (r) => r[path],
      () => undefined,
    );
  const [context, metadata, user, scheme] = await Promise.all([
    client.context(),
    client.metadata(),
    optional('currentUser'),
    optional('colorScheme'),
  ]);
  const locale = user && typeof user === 'object' ? (user as { locale?: unknown }).locale : undefined;
  return {
    context,
    metadata,
    locale: typeof locale === 'string' && locale ? locale : null,
    colorScheme: parseColorScheme(scheme),
  };
}
