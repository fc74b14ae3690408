// How much of the panel an agent sees before doing anything: the height of the first view (the whole panel as it
// settles after opening, before any click) and where the primary action (File, or what the ticket's state offers
// instead) starts. Used by the benchmark (bench/first-view-fit.ts, every sample ticket) and the browser tests.
import type { Frame } from 'playwright-core';

/** The first control an agent uses on each kind of panel, in order of preference. */
const PRIMARY_ACTIONS = ['file-button', 'handoff-mark-posted', 'handoff-copy', 'linked-issue-link'];

export interface FirstViewFit {
  ticketId: number;
  heightPx: number;
  /** Top of the primary action, or null when the panel shows none. */
  actionTopPx: number | null;
  action: string | null;
}

/** Let the panel settle: the work area mounts after the first paint; wait until its height stops changing. */
async function settledHeight(frame: Frame): Promise<number> {
  let last = -1;
  for (let i = 0; i < 40; i++) {
    const h = await frame.evaluate(() => document.documentElement.scrollHeight);
    if (h === last) return h;
    last = h;
    await new Promise((r) => setTimeout(r, 150));
  }
  return last;
}

export async function measureFirstView(frame: Frame, ticketId: number): Promise<FirstViewFit> {
  await frame.getByTestId('team-decision').or(frame.getByTestId('linked-issue')).first().waitFor({ state: 'visible', timeout: 30_000 });
  // The work area (checklist, File) or the hand-off arrives right after the first paint.
  await frame
    .locator(PRIMARY_ACTIONS.map((id) => `[data-testid="${id}"]`).join(', '))
    .first()
    .waitFor({ state: 'visible', timeout: 30_000 })
    .catch(() => undefined);
  const heightPx = await settledHeight(frame);
  const found = await frame.evaluate((ids: string[]) => {
    for (const id of ids) {
      const el = document.querySelector(`[data-testid="${id}"]`);
      if (el) return { action: id, top: el.getBoundingClientRect().top + window.scrollY };
    }
    return null;
  }, PRIMARY_ACTIONS);
  return { ticketId, heightPx, actionTopPx: found ? Math.round(found.top) : null, action: found?.action ?? null };
}

