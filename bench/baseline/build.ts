// Builds the baseline page (bench/baseline/) with the app's own Vite setup into bench/output/baseline/.
// `base` is the URL prefix the browser benchmark serves it from, in the app iframe's place.
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { build } from 'vite';
import react from '@vitejs/plugin-react';

const here = dirname(fileURLToPath(import.meta.url));
export const BASELINE_OUT = resolve(here, '../output/baseline');
export const BASELINE_BASE = '/__bench_baseline/';

export async function buildBaseline(): Promise<string> {
  await build({
    configFile: false,
    root: here,
    base: BASELINE_BASE,
    logLevel: 'warn',
    plugins: [react()],
    build: {
      outDir: BASELINE_OUT,
      emptyOutDir: true,
      assetsDir: '.',
      target: 'es2020',
      rollupOptions: { input: { index: resolve(here, 'index.html') } },
    },
  });
  return BASELINE_OUT;
}
