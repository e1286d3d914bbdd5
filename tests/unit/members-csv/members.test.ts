import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/lib/input.ts';
import { readMembers } from '../../../src/tools/members-csv/members.ts';

let content: string;
const members = () => path.join(content, 'members');
const write = (name: string, text: string) => fs.writeFileSync(path.join(members(), name), text);

beforeEach(() => {
  content = fs.mkdtempSync(path.join(os.tmpdir(), 'mikronet-members-'));
  fs.mkdirSync(members());
});
afterEach(() => fs.rmSync(content, { recursive: true, force: true }));

describe('the member files as the importer reads them', () => {
  it('gives each Markdown file its slug, text and front matter, dates as the strings written', () => {
    write('bo-berg.md', '---\nname: Bo Berg\njoined: 2019-06-15\n---\nTekst\n');
    write('.skjult.md', '---\nname: Skjult\n---\n');
    write('noter.txt', 'ikke et medlem');
    expect(readMembers(content)).toEqual([
      {
        slug: 'bo-berg',
        path: path.join(members(), 'bo-berg.md'),
        text: '---\nname: Bo Berg\njoined: 2019-06-15\n---\nTekst\n',
        data: { name: 'Bo Berg', joined: '2019-06-15' },
      },
    ]);
  });

  it('marks a file it cannot read safely, with the reason, and neither matches nor reads into it', () => {
    const outside = path.join(content, 'udenfor.md');
    fs.writeFileSync(outside, '---\nname: Udenfor\nemail: x@y.example\n---\n');
    fs.symlinkSync(outside, path.join(members(), 'link.md'));
    write('js.md', '---js\n{ name: "Js" }\n---\n');
    write('ugyldig.md', '---\nname: [ikke lukket\n---\n');
    const read = Object.fromEntries(readMembers(content).map((m) => [m.slug, m]));
    for (const slug of ['link', 'js', 'ugyldig']) {
      expect(read[slug], slug).toMatchObject({ text: '', data: {} });
      expect(read[slug].unreadable?.en, slug).toBeTruthy();
      expect(read[slug].unreadable?.da, slug).toBeTruthy();
    }
    expect(read.link.unreadable!.en).toMatch(/symbolic link/);
  });

  it('finds no members where there is no members folder, and refuses a members "folder" that is a link or a file', () => {
    fs.rmSync(members(), { recursive: true });
    expect(readMembers(content)).toEqual([]);
    fs.writeFileSync(members(), '');
    expect(() => readMembers(content)).toThrow(InputError);
    fs.rmSync(members());
    fs.symlinkSync(os.tmpdir(), members());
    expect(() => readMembers(content)).toThrow(/symbolic link/);
  });
});
