// `--ab <git-ref>`: the app at another commit, checked out with `git worktree
// add` into the bench's temp dir (this checkout's working tree is never
// touched), with this checkout's node_modules symlinked into it, so it builds
// with the same toolchain and dependencies. The worktree is removed at the end
// (also on a hard cap or a signal: see render.ts's cleanup).
import { execFile } from 'node:child_process';
import { symlink, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './build';

const run = promisify(execFile);

async function git(...args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd: ROOT, timeout: 60_000, maxBuffer: 1024 * 1024 });
  return stdout.trim();
}

export interface Worktree {
  readonly dir: string;
  readonly commit: string;
  /** The ref as given, and its short commit. */
  readonly label: string;
}

export async function addWorktree(temp: string, ref: string): Promise<Worktree> {
  const commit = await git('rev-parse', '--verify', `${ref}^{commit}`);
  const dir = join(temp, 'ref-worktree');
  await git('worktree', 'add', '--detach', dir, commit);
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const short = commit.slice(0, 7);
  return { dir, commit, label: ref.startsWith(short) ? `ref ${short}` : `ref ${ref} (${short})` };
}

/** Removes the worktree and git's record of it (the node_modules link first, by itself); never throws. */
export async function removeWorktree(worktree: Worktree): Promise<void> {
  await unlink(join(worktree.dir, 'node_modules')).catch(() => undefined);
  await git('worktree', 'remove', '--force', worktree.dir).catch(() => undefined);
}
