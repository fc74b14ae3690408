// The draft of one ticket, kept in localStorage on every change (see draft.ts).
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import type { TicketLocation } from '../../core/types/ticket.ts';
import {
  clearDraft,
  draftKey,
  draftReducer,
  initialDraft,
  loadDraft,
  saveDraft,
  type Draft,
  type DraftAction,
} from '../logic/draft.ts';
import { browserStorage } from '../../flows/storage.ts';

export interface DraftHandle {
  draft: Draft;
  dispatch: (action: DraftAction) => void;
  /** Forget the draft (after filing): the stored copy goes, the in-memory one starts fresh. */
  clear: () => void;
  /** false when the browser refuses storage: the draft then lasts only as long as the panel. */
  persisted: boolean;
}

type Action = DraftAction | { type: 'reset'; draft: Draft };

function reducer(draft: Draft, action: Action): Draft {
  return action.type === 'reset' ? action.draft : draftReducer(draft, action);
}

/** The ticket's draft; a fresh one has no ticks yet (the workbench applies the checklist hints, draft.ts). */
export function useDraft(location: TicketLocation): DraftHandle {
  const storage = useMemo(() => browserStorage(), []);
  const key = draftKey(location);
  const fresh = useMemo(() => initialDraft(), []);
  const [draft, dispatchAll] = useReducer(reducer, undefined, () => loadDraft(storage, key, fresh));
  const cleared = useRef(false);
  const persisted = useRef(storage !== null);

  useEffect(() => {
    if (cleared.current) return;
    persisted.current = saveDraft(storage, key, draft);
  }, [storage, key, draft]);

  const dispatch = useCallback((action: DraftAction) => {
    cleared.current = false;
    dispatchAll(action);
  }, []);

  const clear = useCallback(() => {
    cleared.current = true;
    clearDraft(storage, key);
    dispatchAll({ type: 'reset', draft: fresh });
  }, [storage, key, fresh]);

  return { draft, dispatch, clear, persisted: persisted.current };
}
