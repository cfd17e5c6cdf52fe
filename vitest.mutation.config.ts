// The unit tests Stryker runs against each mutant: those of the folders it
// mutates (stryker.config.mjs), not the whole suite (servers, browsers' stand-ins).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/{protocol,usage,settings,tools}/**/*.test.{ts,tsx}', 'src/transport/retry-policy.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
