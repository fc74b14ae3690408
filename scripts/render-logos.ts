// Renders assets/logo.svg (the source) into the PNG logos Zendesk shows: assets/logo.png (320×320, app
// listing and admin page) and assets/logo-small.png (128×128, app tray). Run with `npm run logos` after
// editing the SVG and commit the PNGs; the build copies them, it does not render them (no browser needed to build).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchPersistentChromium } from '../test/support/browser.ts';
import { LOGOS, pngSize } from './validate-rules.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const svg = readFileSync(join(root, 'assets', 'logo.svg'), 'utf8');
const userDataDir = mkdtempSync(join(tmpdir(), 'engage-logos-'));

// The same browser as the tests (CHROMIUM_PATH, an installed Chrome or Chromium, else the npm-shipped one).
const context = await launchPersistentChromium(userDataDir, { viewport: { width: 320, height: 320 } });
try {
  const page = context.pages()[0] ?? (await context.newPage());
  for (const logo of LOGOS) {
    await page.setViewportSize({ width: logo.width, height: logo.height });
    // The SVG is inlined as a data URL so nothing is fetched; it scales to the viewport exactly.
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:transparent"><img src="${src}" width="${logo.width}" height="${logo.height}" style="display:block"></body></html>`,
    );
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: logo.width, height: logo.height } });
    const size = pngSize(png);
    if (!size || size.width !== logo.width || size.height !== logo.height) {
      throw new Error(`rendered ${logo.path} is ${size ? `${size.width}×${size.height}` : 'not a PNG'}, expected ${logo.width}×${logo.height}`);
    }
    writeFileSync(join(root, logo.path), png);
    console.log(`${logo.path}: ${logo.width}×${logo.height}, ${png.length} bytes`);
  }
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
