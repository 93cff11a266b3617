// Headless Chromium for the browser tests (test/e2e): Debian's chromium at /usr/bin/chromium, or
// CHROMIUM_PATH. Without it a suite is skipped locally, and fails when CI_REQUIRE_BROWSER=1 (as
// .ci/run sets).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
const browserRequired = process.env.CI_REQUIRE_BROWSER === '1';

/** Where the browser tests write their screenshots (ignored by git, rewritten on every run). */
export const screenshots = join(fileURLToPath(new URL('../..', import.meta.url)), 'test/e2e/__screenshots__');

/** Says why a browser suite is skipped; under CI_REQUIRE_BROWSER=1, a test fails instead. */
export function requireChromium(suite: string): void {
  if (!hasChromium && !browserRequired) {
    console.warn(`${suite}: skipped, no Chromium at ${chromiumPath} (apt-get install -y chromium; CI_REQUIRE_BROWSER=1 makes this a failure)`);
  }
  describe(`Chromium for ${suite}`, () => {
    it.runIf(browserRequired)('is installed, as CI_REQUIRE_BROWSER=1 requires', () => {
      expect(hasChromium, `no Chromium at ${chromiumPath}: apt-get install -y chromium`).toBe(true);
    });
  });
}

/** Flags for Chromium in a container: no sandbox, GPU, background traffic or first-run UI. */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Headless Chromium with a fresh profile; `close` ends it and removes the profile. */
export async function launchChromium(options: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: chromiumPath, headless: true, args: chromiumArgs, ...options });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
