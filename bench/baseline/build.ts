// Builds the baseline page (bench/baseline/) with the app's own Vite setup into bench/output/baseline/, laid out like
// the app's dist/ (`assets/iframe.html` and its bundles beside it): the benchmark serves it with a preview server of
// its own, so that the baseline sits in the sidebar iframe exactly where the app would, served the same way.
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { compileHints } from '../../scripts/vite-compile-hints.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const BASELINE_OUT = resolve(here, '../output/baseline');

export async function buildBaseline(): Promise<string> {
  await build({
    configFile: false,
    root: here,
    base: './',
    logLevel: 'warn',
    // The app's start-up chunks carry V8's compile hint (vite.config.ts): so does the baseline's entry.
    plugins: [react(), compileHints()],
    build: {
      outDir: resolve(BASELINE_OUT, 'assets'),
      emptyOutDir: true,
      assetsDir: '.',
      target: 'es2020',
      rollupOptions: { input: { iframe: resolve(here, 'iframe.html') } },
    },
  });
  return BASELINE_OUT;
}
