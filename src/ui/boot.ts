// Start-up after the SDK is initialised: wait for Zendesk's `app.registered`, then read what every view needs
// (context, metadata with the non-secure settings, the agent's locale and colour scheme) in one round trip.
import type { ZafClient, ZafContext, ZafMetadata } from '../zendesk/zaf.ts';
import { parseColorScheme, type ColorScheme } from './theme.ts';
import { loadI18n, type I18n } from './i18n.ts';
import { mark } from './marks.ts';

/** The SDK's client carries `ready` once registered; the typed interface does not expose it. */
type MaybeReady = ZafClient & { ready?: boolean };

const registrations = new WeakMap<ZafClient, Promise<void>>();

/**
 * Resolves once Zendesk has registered the app. One subscription per client, shared by every caller: the SDK's
 * `off` from inside a handler makes it skip the next handler of the same event, so a second subscriber could miss it.
 */
export function whenRegistered(client: ZafClient): Promise<void> {
  if ((client as MaybeReady).ready === true) return Promise.resolve();
  let registered = registrations.get(client);
  if (!registered) {
    registered = new Promise((resolve) => {
      const done = (): void => {
        client.off('app.registered', done);
        resolve();
      };
      client.on('app.registered', done);
    });
    registrations.set(client, registered);
  }
  return registered;
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

/** What the shell knows once started: Zendesk's start-up answers and the agent's translations. */
export interface Shell {
  start: AppStart;
  i18n: I18n;
}

/**
 * Registration, the start-up reads and the translations, in order. main.tsx starts this before React renders
 * anything, so that on a host that answers promptly the first render is already the panel, not a loading state.
 * The reads leave once `after` has settled (main.tsx: once the ticket's REST calls have been sent).
 */
export async function startShell(client: ZafClient, after?: Promise<unknown>): Promise<Shell> {
  await whenRegistered(client);
  mark('registered');
  await after?.catch(() => undefined);
  const start = await readStart(client);
  mark('started');
  const i18n = await loadI18n(start.locale);
  mark('translations');
  return { start, i18n };
}
