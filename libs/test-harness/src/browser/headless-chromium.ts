import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';

/** Debian's `chromium` package (`apt-get install -y chromium`; .ci/run installs it when missing). */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Where the browser tests leave a screenshot each (CI keeps the folder as an artifact). */
export const SCREENSHOT_DIR = join('artifacts', 'screenshots');

/** The browser the tests drive: CHROMIUM_PATH, or the first system Chromium found. Never a downloaded one. */
export function chromiumExecutable(): string {
  const configured = process.env.CHROMIUM_PATH;
  const found = configured ?? CANDIDATES.find((path) => existsSync(path));
  if (found === undefined || !existsSync(found)) {
    throw new Error(
      `No Chromium at ${configured ?? CANDIDATES.join(', ')}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH`,
    );
  }
  return found;
}

/**
 * A headless Chromium through playwright-core. `--no-sandbox`: CI runs as root, where Chromium's
 * sandbox refuses to start. playwright-core is loaded here, not with the harness: it takes ~3 s to
 * load, and only the browser tests need it.
 */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: chromiumExecutable(),
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}

/** Saves the page as `artifacts/screenshots/<name>.png` and answers the path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
