// Vite plugin: V8's explicit compile hint (`//# allFunctionsCalledOnLoad`, first line of a script) on the chunks a
// page runs at start. Chromium (136+) then compiles every function of those files while it streams them, on a
// background thread, instead of one by one on the main thread the first time each is called; other engines read
// it as a comment. Without it, the first run of React's reconciler, of the router and of the settings checks each
// starts by compiling itself on the iframe's main thread, in the middle of the wait for the suggestions.
// Only the start's chunks get it: eager compilation of code that may never run (the filing, the pickers) would cost
// memory and background time for nothing. vite.config.ts uses it for the app, bench/baseline/build.ts for the
// benchmark's baseline page, so that the two are built the same way.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/** `startChunks`: names of the non-entry chunks the page runs at start (the entry chunks always get the hint). */
export function compileHints(startChunks: readonly string[] = []): Plugin {
  return {
    name: 'engage-compile-hints',
    apply: 'build',
    // On the written files: the hint must be the very first line, and Vite puts its preload list
    // (`__vite__mapDeps`) at the top of a chunk after every hook that could still change the code.
    writeBundle(options, bundle) {
      const dir = options.dir ?? '.';
      const chunks = Object.values(bundle).flatMap((c) =>
        c.type === 'chunk' && (c.isEntry || startChunks.includes(c.name)) ? [c] : [],
      );
      // A renamed chunk would otherwise silently lose its hint.
      for (const name of startChunks) {
        if (!chunks.some((c) => c.name === name)) this.error(`no chunk named ${name} in the bundle`);
      }
      for (const chunk of chunks) {
        const file = join(dir, chunk.fileName);
        writeFileSync(file, `${COMPILE_HINT}\n${readFileSync(file, 'utf8')}`);
        // Its source map: one more line at the top moves every mapping down one line (a leading `;`).
        const mapFile = `${file}.map`;
        if (existsSync(mapFile)) {
          const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { mappings: string };
          map.mappings = `;${map.mappings}`;
          writeFileSync(mapFile, JSON.stringify(map));
        }
      }
    },
  };
}
