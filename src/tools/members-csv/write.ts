import fs from 'node:fs';
import path from 'node:path';
import type { ImportPlan } from './plan.ts';

/** Writes what the plan says: new files (never over an existing one) and changed ones. */
export function applyImport(plan: ImportPlan): string[] {
  const written: string[] = [];
  for (const o of plan.outcomes) {
    if (o.kind === 'new') {
      fs.mkdirSync(path.dirname(o.path), { recursive: true });
      fs.writeFileSync(o.path, o.text, { flag: 'wx' });
      written.push(o.path);
    } else if (o.kind === 'changed') {
      // Into the file that was read, never through a link put in its place since.
      const { O_WRONLY, O_TRUNC, O_NOFOLLOW = 0 } = fs.constants;
      const fd = fs.openSync(o.path, O_WRONLY | O_TRUNC | O_NOFOLLOW);
      try {
        fs.writeFileSync(fd, o.text);
      } finally {
        fs.closeSync(fd);
      }
      written.push(o.path);
    }
  }
  return written;
}
