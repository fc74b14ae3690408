// Start-up after the SDK is initialised: wait for Zendesk's `app.registered`, then read what every view needs
// (context, metadata with the non-secure settings, the agent's locale and colour scheme) in one round trip.
import type { ZafClient, ZafContext, ZafMetadata } from '../../zaf/client.ts';
import { parseColorScheme, type ColorScheme } from '../logic/theme.ts';
import { loadI18n, type I18n } from '../logic/i18n.ts';
import { mark } from './marks.ts';

/** The SDK's client carries `ready` once registered; the typed interface does not expose it. */
type MaybeReady = ZafClient & { ready?: boolean };

/**
 * Resolves once Zendesk has registered the app. Call it once per client and share the promise (the session does):
 * the SDK's `off` from inside a handler makes it skip the next handler of the same event, so a second subscriber
 * could miss the registration.
 */
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
  /** `currentUser.role` (`admin`, `agent` or a custom role), or null when Zendesk did not say. */
  role: string | null;
  /** `currentUser.name`, for what Engage writes in the agent's name (an unlink note); null when Zendesk did not say. */
  name: string | null;
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
  const { locale, role, name } = (user && typeof user === 'object' ? user : {}) as { locale?: unknown; role?: unknown; name?: unknown };
  return {
    context,
    metadata,
    locale: typeof locale === 'string' && locale ? locale : null,
    colorScheme: parseColorScheme(scheme),
    role: typeof role === 'string' && role ? role : null,
    name: typeof name === 'string' && name ? name : null,
  };
}

/** What the shell knows once started: Zendesk's start-up answers and the agent's translations. */
export interface Shell {
  start: AppStart;
  i18n: I18n;
}

/**
 * The start-up reads and the translations, once Zendesk has registered the app. They leave once `after` has settled
 * (the ticket's REST calls sent): the host answers messages in turn, and the REST answers are what the suggestions
 * wait for.
 */
export async function startShell(client: ZafClient, registered: Promise<void>, after?: Promise<unknown>): Promise<Shell> {
  await registered;
  mark('registered');
  await after?.catch(() => undefined);
  const start = await readStart(client);
  mark('started');
  const i18n = await loadI18n(start.locale);
  mark('translations');
  return { start, i18n };
}
