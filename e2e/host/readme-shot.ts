import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { test, type Page } from '@playwright/test';

/**
 * A screenshot kept with the test's output and, when `YEBAN_README_SHOTS` names a folder
 * (`npm run screenshots` sets docs/screenshots), also written there for the README.
 */
export async function readmeShot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(name) });
  const dir = process.env.YEBAN_README_SHOTS;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: path.resolve(dir, name) });
  }
}
