// The hooks every part of the panel uses to reach what the shell provides: the app state and the session's slices.
import { useContext, useSyncExternalStore } from 'react';
import { AppContext, type AppState } from './context.ts';
import type { Slice, SliceState } from '../start/slice.ts';

export function useApp(): AppState {
  const app = useContext(AppContext);
  if (!app) throw new Error('useApp outside <ZafProvider>: the panel renders only after registration');
  return app;
}

/** A slice of the session's start-up, re-rendering when it settles or is retried. */
export function useSlice<T>(slice: Slice<T>): SliceState<T> {
  return useSyncExternalStore(slice.subscribe, slice.peek);
}
