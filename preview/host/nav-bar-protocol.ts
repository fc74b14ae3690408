// The ZAF host protocol for the `nav_bar` location (the insights page), as pure functions beside protocol.ts: a
// nav_bar app has no ticket, so `get` answers only the user, the account and the colour scheme, and the app's
// iframe is `assets/insights.html` (manifest.json `location.support.nav_bar.url`).
import type { ColorScheme, PathError, ZafUser } from './protocol.ts';

export interface NavBarState {
  currentUser: ZafUser;
  colorScheme: ColorScheme;
  subdomain: string;
}

export function answerNavBarGet(id: number, paths: string[], state: NavBarState): Record<string, unknown> {
  const values: Record<string, unknown> = {
    currentUser: state.currentUser,
    'currentUser.locale': state.currentUser.locale,
    currentAccount: { subdomain: state.subdomain, planName: 'enterprise' },
    colorScheme: state.colorScheme,
    viewport: { width: 1280, height: 800 },
  };
  const result: Record<string, unknown> = {};
  const errors: Record<string, PathError> = {};
  for (const path of paths) {
    if (path in values) result[path] = values[path];
    // What a ticket sidebar may read does not exist here, as in Zendesk's nav_bar location.
    else errors[path] = { message: `Could not find handler for: "${path}"`, name: 'APIUnavailable', path };
  }
  return { id, result: { ...result, errors } };
}

export function navBarIframeUrl(appOrigin: string, hostOrigin: string, appGuid: string, colorScheme: ColorScheme): string {
  const q = new URLSearchParams({ origin: hostOrigin, app_guid: appGuid, colorScheme });
  return `${appOrigin}/app/assets/insights.html?${q.toString()}`;
}
