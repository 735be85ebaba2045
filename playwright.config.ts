import { defineConfig } from '@playwright/test';

// One set of specs, two hosts (e2e/host/detect.ts): real Electron when its binary is installed,
// otherwise the built renderer in Debian's Chromium with the preload API bound to the same dispatch.
// scripts/test.mjs sets PLAYWRIGHT_JSON_OUTPUT_NAME to collect the counts.
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/host/global-setup.ts',
  timeout: 60_000,
  // A hung browser or app fails the run instead of stalling CI.
  globalTimeout: 15 * 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  outputDir: 'test-results',
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
});
