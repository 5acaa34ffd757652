/**
 * Renders public/icon/{16,32,48,128}.png from tests/tools/clipshelf-icon.svg with Debian's Chromium.
 * Run after changing the SVG: `npx tsx tests/tools/render-icons.ts`.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/helpers/chromium';

const root = fileURLToPath(new URL('../../', import.meta.url));
const svg = readFileSync(`${root}tests/tools/clipshelf-icon.svg`, 'utf8');
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  mkdirSync(`${root}public/icon`, { recursive: true });
  for (const size of [16, 32, 48, 128]) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
    );
    writeFileSync(`${root}public/icon/${size}.png`, await page.screenshot({ omitBackground: true }));
    console.log(`public/icon/${size}.png`);
  }
} finally {
  await browser.close();
}
