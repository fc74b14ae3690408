import { useContext } from 'react';
import { AppContext, type AppState } from '../context.ts';
import type { ZafClient, ZafContext } from '../../zendesk/zaf.ts';
import type { I18n } from '../i18n.ts';

export function useApp(): AppState {
  const app = useContext(AppContext);
  if (!app) throw new Error('useApp outside <ZafProvider>: the panel renders only after registration');
  return app;
}

export const useClient = (): ZafClient => useApp().client;
export const useZafContext = (): ZafContext => useApp().context;
export const useI18n = (): I18n => useApp().i18n;
