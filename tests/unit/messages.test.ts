import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bi } from '../../src/schemas/meta.ts';
import { describeIssue, missingReference, notUtf8 } from '../../src/lib/content/messages.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('content issue messages', () => {
  it('are all written in src/lib/content/messages.ts: the modules that report issues hold no text of their own', () => {
    const reporters = ['load', 'files', 'front-matter', 'validate', 'contrib', 'body-check', 'paths'].map(
      (m) => `src/lib/content/${m}.ts`,
    );
    for (const file of [...reporters, 'src/lib/media.ts']) {
      const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
      // bi(…) or an { en: '…' } / { da: '…' } literal would be a message written outside the builders.
      expect(source, file).not.toMatch(/\bbi\(|\b(?:en|da):\s*[`'"]/);
    }
  });

  it('say what is wrong and what to do, Danish and English built side by side', () => {
    expect(missingReference('anne-lnd', 'members', 'anne-lund')).toEqual(
      bi(
        '"anne-lnd" findes ikke i members/; mente du "anne-lund"?',
        '"anne-lnd" does not exist in members/; did you mean "anne-lund"?',
      ),
    );
    expect(missingReference('x', 'members', undefined).en).toBe(
      '"x" does not exist in members/; check the file name (without .md)',
    );
    expect(notUtf8(3).da).toContain('linje 3');
  });

  it('turn a schema problem into the field label and hint the editors know', () => {
    const schema = z.object({ name: z.string() });
    const issue = schema.safeParse({}).error!.issues[0];
    const meta = { label: bi('Navn', 'Name'), hint: bi('Personens fulde navn.', "The person's full name.") };
    const described = describeIssue(issue, { meta, value: undefined, taxonomyIds: {}, contentLabel: 'content' });
    expect(described).toEqual({
      code: 'required',
      message: bi('mangler; udfyld "Navn" (Personens fulde navn)', `is missing; add "Name" (The person's full name)`),
    });
  });
});
