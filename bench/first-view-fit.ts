// How much of the panel an agent sees before doing anything: on every sample ticket, at the sidebar's width, the
// height of the first view (the whole panel as it settles after opening, before any click) and where the primary
// action (File, or what the ticket's state offers instead) starts. Measured in Chromium against the preview.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openTicketAtWidth, startHarness } from '../test/support/harness.ts';
import { measureFirstView, type FirstViewFit } from '../test/support/first-view.ts';
import { figure, type BenchResult } from './result.ts';

/** Zendesk's ticket sidebar is 320–380 px wide; the narrowest is the tallest. */
export const SIDEBAR_WIDTH_PX = 320;

/** Every sample ticket of the preview, opened cold at the sidebar's width, the app served from `distDir`. */
export async function measureFirstViewFit(root: string, distDir: string, width = SIDEBAR_WIDTH_PX): Promise<FirstViewFit[]> {
  const ids = readdirSync(join(root, 'preview', 'tickets'))
    .map((f) => /^(\d+)-.*\.json$/.exec(f)?.[1])
    .filter((id): id is string => id !== undefined)
    .map(Number);
  const h = await startHarness({ recordTraffic: false, distDir });
  try {
    const out: FirstViewFit[] = [];
    for (const id of ids) {
      const { page, frame } = await openTicketAtWidth(h, id, width);
      out.push(await measureFirstView(frame, id));
      await page.close();
    }
    return out;
  } finally {
    await h.close();
  }
}

/** The tallest first view and the lowest primary action over the sample tickets, against their budgets. */
export function firstViewFigures(fits: FirstViewFit[]): BenchResult[] {
  const tallest = fits.reduce((a, b) => (b.heightPx > a.heightPx ? b : a));
  const actions = fits.filter((f) => f.actionTopPx !== null);
  const lowest = actions.reduce((a, b) => ((b.actionTopPx ?? 0) > (a.actionTopPx ?? 0) ? b : a), actions[0] ?? tallest);
  const each = fits.map((f) => `${f.ticketId} ${f.heightPx}`).join(', ');
  return [
    figure('first_view_height_px', tallest.heightPx, 'px', 1100, {
      note: `the panel as it settles after opening, before any click, at ${SIDEBAR_WIDTH_PX} px, tallest of ${fits.length} sample tickets (ticket ${tallest.ticketId}); each: ${each}`,
    }),
    // Issue 18: the primary action starts within the first 700 px (File within the first screen, no scrolling).
    figure('primary_action_top_px', lowest.actionTopPx ?? 0, 'px', 700, {
      note: `where the primary action starts (${lowest.action ?? 'none'} on ticket ${lowest.ticketId}), lowest over the same tickets; each: ${fits.map((f) => `${f.ticketId} ${f.actionTopPx ?? '-'}`).join(', ')}`,
    }),
  ];
}
