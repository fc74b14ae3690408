// Vite plugin: `translations/<locale>.json?section=<name>` is that one top-level section of the file, as a module of
// its own (`export default {...}`). The English `ui` section is in the initial bundle (src/ui/logic/i18n.ts imports
// the file itself); a section that only lazy parts of the panel read (the notices) is imported this way, so that its
// strings go into those parts' chunks instead of into every first load.
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';

const SECTION = /^(.+\.json)\?section=([A-Za-z_]+)$/;

export function translationSection(): Plugin {
  return {
    name: 'engage-translation-section',
    enforce: 'pre',
    async load(id) {
      const m = SECTION.exec(id);
      if (!m) return null;
      const [, file, name] = m as unknown as [string, string, string];
      this.addWatchFile(file);
      const json = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
      return { code: `export default ${JSON.stringify(json[name] ?? {})};`, moduleType: 'js' };
    },
  };
}
