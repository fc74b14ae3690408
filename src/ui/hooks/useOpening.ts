// The questions a ticket's opening asks GitHub (flows/opening.ts), once the first view has painted and the page is
// idle: may the token file in the private tracker, and does an issue already carry this ticket's marker though the
// ticket has no link. Both answers are the session's, so the warning beside File reads the same access answer.
import { useEffect, useState } from 'react';
import type { Settings } from '../../core/settings.ts';
import type { TicketLocation, TicketModel } from '../../core/types/ticket.ts';
import type { FlowsSource } from '../../flows/flows.ts';
import type { FoundIssue } from '../../github/index.ts';
import { toAgentError } from '../../errors/to-agent-error.ts';
import { lostLinkKit } from '../panel/lost-link-kit.ts';
import type { AccessState } from './useFiling.ts';

export interface OpeningState {
  /** The private tracker's access, as the opening found it. */
  access: AccessState;
  /** An issue with this ticket's marker that the ticket does not link (a lost write-back). */
  lost: FoundIssue | null;
}

/** After the first paint, when the page is idle (or a second later at most). Like useFiling's, kept apart so that
 * this chunk and the work area's share no module (a shared one would become a chunk of its own). */
function afterPaintIdle(task: () => void): () => void {
  const w = globalThis as { requestIdleCallback?: (cb: () => void, o: { timeout: number }) => number; cancelIdleCallback?: (id: number) => void };
  if (w.requestIdleCallback && w.cancelIdleCallback) {
    const id = w.requestIdleCallback(task, { timeout: 1000 });
    return () => w.cancelIdleCallback?.(id);
  }
  const timer = setTimeout(task, 0);
  return () => clearTimeout(timer);
}

export function useOpening(args: {
  session: FlowsSource;
  settings: Settings | null;
  location: TicketLocation;
  model: Pick<TicketModel, 'customerName'> | null;
  /** The ticket has its link (or this browser's record of one): nothing to ask. */
  linked: boolean;
}): OpeningState {
  const { session, settings, location, model, linked } = args;
  const [state, setState] = useState<OpeningState>({ access: { state: 'unknown' }, lost: null });

  useEffect(() => {
    if (linked || !settings || !model) return undefined;
    let live = true;
    const cancel = afterPaintIdle(() => {
      void (async () => {
        const [flows, kit] = await Promise.all([session.flows(), lostLinkKit()]).catch(() => [null, null] as const);
        if (!flows || !kit || !live) return; // the code did not come: the work area reports that when it needs it
        flows.opening.access(settings, settings.privateRepo).then(
          ({ push }) => live && setState((s) => ({ ...s, access: push ? { state: 'push' } : { state: 'no-push' } })),
          (e: unknown) => live && setState((s) => ({ ...s, access: { state: 'failed', error: toAgentError(e) } })),
        );
        // The marker and customer label the filing would use; a failed lookup says nothing (the File click looks
        // again, step c, and reports what goes wrong).
        const query = kit.lostLinkQuery(model, location, settings);
        const lost = await flows.opening.lostLink({ settings, location, query }).catch(() => null);
        if (live && lost) setState((s) => ({ ...s, lost }));
      })();
    });
    return () => {
      live = false;
      cancel();
    };
  }, [session, settings, location, model, linked]);

  return state;
}
