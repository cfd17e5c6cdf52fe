// CI's install step: runs `npm ci` (or the command given) and fails when npm
// prints a warning, so a dependency change that makes a clean install noisy
// (EBADENGINE, an install script not in `allowScripts`, a deprecation) is
// caught where it is introduced. Usage: node scripts/install-warnings.mjs [npm args...]
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** The lines npm printed as warnings. */
export function installWarnings(output) {
  return output.split(/\r?\n/).filter((line) => /^npm (warn|WARN)\b/.test(line));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.length > 2 ? process.argv.slice(2) : ['ci', '--no-audit', '--no-fund'];
  const result = spawnSync('npm', args, { encoding: 'utf8', env: { ...process.env, npm_config_color: 'false' } });
  process.stdout.write(result.stdout ?? '');
  process.stderr.write(result.stderr ?? '');
  if (result.status !== 0) process.exit(result.status ?? 1);
  const warnings = installWarnings(`${result.stdout ?? ''}\n${result.stderr ?? ''}`);
  if (warnings.length > 0) {
    console.error(`\nnpm ${args.join(' ')} printed ${warnings.length} warning line(s); a clean install must print none (see README, "A quiet install"):`);
    for (const line of warnings) console.error(`  ${line}`);
    process.exit(1);
  }
}
