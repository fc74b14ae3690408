// The lost write-back's pure pieces (core/lost-link.ts), taken from the work area's chunk, which already holds the
// composer they build on (core/slug, core/writeback). Imported here directly they would split those modules into a
// chunk of their own, which the first view's preload list for the work area would then have to name.
export type LostLinkKit = typeof import('../../core/lost-link.ts');

export function lostLinkKit(): Promise<LostLinkKit> {
  return import('./Workbench.tsx').then((m) => m.lostLink);
}
