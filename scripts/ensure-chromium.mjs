// End-to-end tests need a Chromium: CHROMIUM_PATH, Debian's /usr/bin/chromium,
// or Playwright's own download. Says exactly what to run when none is there.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter(Boolean);
const found = candidates.find((path) => existsSync(path));
let bundled = null;
try {
  bundled = chromium.executablePath();
} catch {
  bundled = null;
}
if (found === undefined && (bundled === null || !existsSync(bundled))) {
  console.error(
    [
      'No Chromium found for the end-to-end tests. Install one of:',
      '  Debian/Ubuntu:  sudo apt-get install -y chromium      (then it is found at /usr/bin/chromium)',
      '  anywhere else:  npx playwright install chromium',
      '  or point CHROMIUM_PATH at an existing Chromium or Chrome binary.',
    ].join('\n'),
  );
  process.exit(1);
}
console.log(`Chromium for e2e: ${found ?? bundled}`);
