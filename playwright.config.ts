import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 5199);

/** CHROMIUM_PATH, else Debian's chromium, else Playwright's own browser. */
function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'];
  return candidates.find((path): path is string => path !== undefined && path !== '' && existsSync(path));
}

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI_JSON_REPORT ? [['list'], ['json', { outputFile: process.env.CI_JSON_REPORT }]] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      // Root in a container needs --no-sandbox; the closed network needs background networking off.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `npm run dev -- --port ${E2E_PORT} --host 127.0.0.1 --strictPort`,
    url: `http://127.0.0.1:${E2E_PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    // The tests stand on the simulator: never forward to a real key from the environment.
    env: { ANTHROPIC_API_KEY: '', SIM_FIRST_TOKEN_MS: '250', SIM_TOKENS_PER_SECOND: '100', STREAM_TEST_HOOKS: '1' },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
