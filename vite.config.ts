import { build as viteBuild } from 'vite';
import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { compileHints } from './scripts/vite-compile-hints.ts';
import { translationSection } from './scripts/vite-translation-section.ts';

/** The chunk of everything the suggestions need beside the entry (see codeSplitting below). */
const FIRST_VIEW_CHUNK = 'first-view';

/**
 * `<link rel="modulepreload">` for the first-view chunk in iframe.html: the browser fetches (and may compile) it
 * beside the entry instead of when the entry has run and asks for it, so the decision code is ready by the time
 * Zendesk has answered the handshake. Vite preloads only the entry's static imports by itself.
 */
function preloadFirstView(): Plugin {
  return {
    name: 'engage-preload-first-view',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.name === FIRST_VIEW_CHUNK);
        if (!chunk) throw new Error('engage-preload-first-view: no first-view chunk in the bundle (see codeSplitting)');
        return [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${chunk.fileName}` }, injectTo: 'head' }];
      },
    },
  };
}

/**
 * The insights page (support.nav_bar, `assets/insights.html`) is a build of its own, run when the sidebar's build
 * has written its files: as a second input of the same build, React, the ZAF SDK and the request wrapper would move
 * out of the sidebar's entry into chunks shared with the page, and the sidebar's first load would grow (by 1.2 kB
 * gzip, measured). Its own build shares nothing with the sidebar, so the sidebar's files stay byte for byte the same.
 */
function insightsPage(): Plugin {
  return {
    name: 'engage-insights-page',
    apply: 'build',
    async closeBundle() {
      await viteBuild({
        configFile: false,
        root: 'src',
        base: './',
        logLevel: 'warn',
        plugins: [react(), translationSection()],
        build: {
          modulePreload: { polyfill: false },
          outDir: '../dist/assets',
          emptyOutDir: false,
          assetsDir: '.',
          target: 'es2020',
          rollupOptions: { input: { insights: 'src/insights.html' } },
        },
      });
    },
  };
}

// The app is built as Zendesk expects an uploaded app: `dist/assets/iframe.html` plus its bundles beside it.
// `scripts/copy-app-files.ts` then adds `dist/manifest.json`, `dist/translations/` and the static `assets/`.
// `base: './'` because Zendesk serves the iframe from a versioned CDN path we do not know at build time.
export default defineConfig({
  root: 'src',
  base: './',
  plugins: [react(), preloadFirstView(), compileHints([FIRST_VIEW_CHUNK]), translationSection(), insightsPage()],
  build: {
    // Chromium, Edge, Firefox and Safari (Zendesk's supported browsers) preload modules natively: no polyfill in the
    // entry, which is fetched before the first paint.
    modulePreload: { polyfill: false },
    outDir: '../dist/assets',
    emptyOutDir: true,
    assetsDir: '.',
    target: 'es2020',
    rollupOptions: {
      input: { iframe: 'src/iframe.html' },
      output: {
        codeSplitting: {
          // Only the modules named: their shared dependencies (React, Garden, styled-components) stay where they are.
          includeDependenciesRecursively: false,
          groups: [
            {
              // Everything the suggestions need beside the entry: the decision code and the panel, as one chunk
              // (one request and one gzip dictionary instead of nine small files).
              name: FIRST_VIEW_CHUNK,
              test: /src\/(ui\/(start\/(first-view|decide)|panel\/(RfhPanel|FirstView|layout|Overrides)|logic\/(labels|draft)|hooks\/(useDraft|useAfterPaint))|core\/(types|bundle|ticket-model|clean-text|suggest|router|routing\/|text-scan|priority|alerts|teams|settings|links|engage-notes|data\/)|zendesk\/ticket-source|errors\/|flows\/(storage|filing\/record))|node_modules\/zod\//,
            },
          ],
        },
      },
    },
  },
  test: {
    root: '.',
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'drills',
          include: ['test/drills/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
