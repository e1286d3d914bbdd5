import { execFileSync } from 'node:child_process';

/** git in `cwd` as a test author, on main, without signing: the test's own repositories only. */
export const git = (cwd: string, ...args: string[]) =>
  execFileSync(
    'git',
    [
      ...['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid'],
      ...['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false'],
      ...args,
    ],
    { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  ).trim();
