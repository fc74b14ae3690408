// Vite plugin: `translations/<locale>.json?section=<name>` is that one top-level section of the file, as a module of
// its own (`export default {...}`). A section that only lazy parts of the panel read (the notices, linking, the
// deferred core messages) is imported this way, so that its strings go into those parts' chunks instead of into
// every first load.
//
// The `ui` section is split the same way: `?section=ui&part=first` is what the first paint and the shell need (the
// entry imports it, src/ui/logic/i18n.ts), `?section=ui&part=late` the subtrees only the lazily loaded parts read
// (the work area, the issue card, the alerts: src/ui/logic/late-i18n.ts adds them when those parts load). The keys
// stay `ui.<subtree>.…` and the files keep one `ui` section, so translators and tests see no difference.
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';

/** The `ui` subtrees no part of the first paint reads (checked by test/unit/ui-late-strings.test.ts). */
export const LATE_UI_SUBTREES = [
  'handoff',
  'masked',
  'filed',
  'access',
  'gate',
  'file',
  'tracker',
  'redaction',
  'preview',
  'kind',
  'settings_alert',
  'errors',
  'writeback',
  'linked',
  'checklist',
] as const;

const SECTION = /^(.+\.json)\?section=([A-Za-z_]+)(?:&part=(first|late))?$/;

/** One section of a translation file, or (for `part`) the `ui` subtrees of the first paint or the late ones. */
export function sectionOf(json: Record<string, unknown>, name: string, part?: 'first' | 'late'): unknown {
  const section = json[name] ?? {};
  if (!part || typeof section !== 'object' || section === null) return section;
  const late = new Set<string>(LATE_UI_SUBTREES);
  return Object.fromEntries(Object.entries(section).filter(([key]) => late.has(key) === (part === 'late')));
}

export function translationSection(): Plugin {
  return {
    name: 'engage-translation-section',
    enforce: 'pre',
    async load(id) {
      const m = SECTION.exec(id);
      if (!m) return null;
      const [, file, name, part] = m as unknown as [string, string, string, 'first' | 'late' | undefined];
      this.addWatchFile(file);
      const json = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
      return { code: `export default ${JSON.stringify(sectionOf(json, name, part))};`, moduleType: 'js' };
    },
  };
}
