// What the whole panel shares once Zendesk has registered the app. Hooks in `hooks/` read it; components never
// reach for globals.
import { createContext } from 'react';
import type { ZafContext } from '../../zaf/client.ts';
import type { Session } from '../start/session.ts';
import type { I18n } from '../logic/i18n.ts';
import type { ColorScheme } from '../logic/theme.ts';

export interface AppState {
  session: Session;
  context: ZafContext;
  i18n: I18n;
  colorScheme: ColorScheme;
}

export const AppContext = createContext<AppState | null>(null);
