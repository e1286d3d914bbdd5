import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SITE = path.join(ROOT, 'tests/fixtures/contrib/site');
const CSV = path.join(ROOT, 'tests/fixtures/csv');

let content: string;
let work: string;

/** Runs a real script with CONTENT_DIR pointing at the temporary copy of the fixture site. */
function run(script: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', script), ...args], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: content },
  });
  return { code: r.status, out: r.stdout, err: r.stderr, lines: r.stdout.split('\n').filter(Boolean) };
}
const member = (slug: string) => path.join(content, 'members', `${slug}.md`);
const read = (slug: string) => fs.readFileSync(member(slug), 'utf8');
const snapshot = () =>
  Object.fromEntries(
    fs
      .readdirSync(path.join(content, 'members'))
      .sort()
      .map((n) => [n, fs.readFileSync(path.join(content, 'members', n), 'utf8')]),
  );

beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'mikronet-csv-'));
  content = path.join(work, 'content');
  fs.cpSync(SITE, content, { recursive: true });
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

describe('members:import of an Excel export (BOM, semicolons, CRLF, quoted newlines, æøå)', () => {
  const file = path.join(CSV, 'excel-semikolon.csv');

  it('--dry-run shows the summary and writes nothing', () => {
    const before = snapshot();
    const r = run('members-import.ts', file, '--dry-run');
    expect(r.code).toBe(1);
    expect(r.lines.slice(0, 5)).toEqual([
      `${file}: 9 row(s), semicolons, UTF-8 with BOM — 9 række(r), semikolon, UTF-8 med BOM`,
      '  2 new — nye',
      '  1 changed — ændrede',
      '  2 unchanged — uændrede',
      '  4 rejected — afviste',
    ]);
    expect(r.out).toContain('ignored columns — ignorerede kolonner: Noter');
    expect(r.out).toContain('--dry-run: nothing written');
    expect(snapshot()).toEqual(before);
  });

  it('gives the reason for every rejected row, with the spreadsheet row number', () => {
    const r = run('members-import.ts', file, '--dry-run');
    const rejected = r.lines.filter((l) => l.startsWith('rejected'));
    expect(rejected).toEqual([
      expect.stringMatching(
        /^rejected — afvist: row\/række 5 \(Jens Østergård\): Municipality: "guldborsund" is not a Danish municipality \(did you mean "Guldborgsund", id guldborgsund\?\).* — Kommune: "guldborsund" er ikke en dansk kommune \(mente du "Guldborgsund"/,
      ),
      expect.stringMatching(
        /^rejected — afvist: row\/række 6: the name is missing; every row needs one — navnet mangler/,
      ),
      expect.stringMatching(
        /^rejected — afvist: row\/række 8 \(Mette Møller-Ærø\): the same member as row 4 \(mette-moeller-aeroe\)/,
      ),
      expect.stringMatching(
        /^rejected — afvist: row\/række 11 \(Peter Plan\): Trades: "Snedkeri" is not a known trade/,
      ),
      expect.stringMatching(
        /^rejected — afvist: row\/række 11 \(Peter Plan\): Member since: "2021-13-01" is not a date/,
      ),
    ]);
    expect(r.err).toContain('4 row(s) rejected');
  });

  it('creates new members from names, writing ids, never over a file, with listed false unless the row consents', () => {
    const r = run('members-import.ts', file);
    expect(r.code).toBe(1);
    expect(r.out).toContain('3 file(s) written');
    expect(read('mette-moeller-aeroe')).toBe(
      [
        '---',
        'name: Mette Møller-Ærø',
        'business: Ærø Keramik ApS',
        'trades: [kunst]',
        'municipality: guldborgsund',
        'services:',
        '  - Keramik',
        '  - Kurser i drejning',
        'email: mette@aeroe.example',
        'cvr: "12345678"',
        'joined: 2024-02-29',
        'listed: true',
        '---',
        '',
      ].join('\n'),
    );
    expect(read('aase-aagaard')).toContain(
      'name: Åse Ågård\ntrades: [oversaettelse-sprog]\nmunicipality: vordingborg\nemail: aase@aagaard.example\njoined: 2022-10-05\nlisted: false\n',
    );
    // The imported files pass the same check as everything else.
    const check = spawnSync(process.execPath, [path.join(ROOT, 'scripts/check.ts'), content], { encoding: 'utf8' });
    expect(check.stdout).toBe('');
    expect(check.status).toBe(0);
  });

  it('updates only the cells that have a value; keeps the body, comments, unknown fields and field order', () => {
    const original =
      '---\n# Opdateret af Bo selv\nname: Bo Berg\nnoter: ringer tilbage\ntrades: [it-data]\nlisted: true\nmunicipality: lolland\njoined: 2019-06-15\n---\nWebudvikler i Nakskov.\n\nMere tekst.\n';
    fs.writeFileSync(member('bo-berg'), original);
    const r = run('members-import.ts', file);
    expect(r.out).toContain('changed — ændret: ');
    expect(r.out).toMatch(/bo-berg\.md \(row\/række 2\): email, phone, website/);
    expect(read('bo-berg')).toBe(
      '---\n# Opdateret af Bo selv\nname: Bo Berg\nnoter: ringer tilbage\ntrades: [it-data]\nlisted: true\nmunicipality: lolland\nwebsite: https://www.berg.example\nemail: bo@berg.example\nphone: +45 11 22 33 44\njoined: 2019-06-15\n---\nWebudvikler i Nakskov.\n\nMere tekst.\n',
    );
  });

  it('never deletes: members missing from the spreadsheet stay as they were', () => {
    const anne = read('anne-lund');
    run('members-import.ts', file);
    expect(read('anne-lund')).toBe(anne);
  });

  it('changes nothing the second time', () => {
    run('members-import.ts', file);
    const after = snapshot();
    const again = run('members-import.ts', file);
    expect(again.lines.slice(1, 5)).toEqual([
      '  0 new — nye',
      '  0 changed — ændrede',
      '  5 unchanged — uændrede',
      '  4 rejected — afviste',
    ]);
    expect(snapshot()).toEqual(after);
  });
});

describe('members:import of other spreadsheets', () => {
  it('reads a comma-separated Google Sheets export with English headers and quoted commas', () => {
    const r = run('members-import.ts', path.join(CSV, 'google-komma.csv'));
    expect(r.code).toBe(0);
    expect(r.lines.slice(0, 5)).toEqual([
      expect.stringContaining('3 row(s), commas, UTF-8 —'),
      '  1 new — nye',
      '  0 changed — ændrede',
      '  2 unchanged — uændrede',
      '  0 rejected — afviste',
    ]);
    expect(read('ny-person')).toBe(
      '---\nname: Ny Person\nbusiness: Firma, med "komma"\ntrades: [design]\nmunicipality: aarhus\nopen_to: [mentor]\nlanguages: [en]\nemail: ny@person.example\njoined: 2025-05-05\nlisted: true\n---\n',
    );
  });

  it('reads an old Excel file in Windows-1252', () => {
    const r = run('members-import.ts', path.join(CSV, 'gammel-excel-1252.csv'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('Windows-1252');
    expect(read('kaare-oedegaard')).toContain('name: Kåre Ødegård\ntrades: [design]\nmunicipality: naestved\n');
  });

  it('refuses a file without a header row, saying what it found', () => {
    const r = run('members-import.ts', path.join(CSV, 'uden-overskrifter.csv'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('no column for the name; the first row must hold the headers');
    expect(r.err).toContain('ingen kolonne med navnet');
  });

  it('asks for a matching slug when a name matches a member with another e-mail', () => {
    const csv = path.join(work, 'anden-anne.csv');
    fs.writeFileSync(
      csv,
      'Navn;E-mail;Brancher;Kommune;Medlem siden\nAnne Lund;anne@et-andet-firma.example;Kunst;Lolland;2020-01-01\n',
    );
    const r = run('members-import.ts', csv);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /matches .*anne-lund\.md by name, but its e-mail is different; if it is the same person, put anne-lund in a Slug column/,
    );
    fs.writeFileSync(csv, 'Navn;E-mail;Slug\nAnne Lund;anne@et-andet-firma.example;anne-lund\n');
    expect(run('members-import.ts', csv).code).toBe(0);
    expect(read('anne-lund')).toContain('email: anne@et-andet-firma.example');
  });

  it('exits 2 without a file, or with two', () => {
    expect(run('members-import.ts').code).toBe(2);
    expect(run('members-import.ts', path.join(CSV, 'google-komma.csv'), path.join(CSV, 'google-komma.csv')).code).toBe(
      2,
    );
  });

  it('exits 1 naming a file that does not exist', () => {
    const r = run('members-import.ts', 'findes-ikke.csv');
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(
      'findes-ikke.csv: no such file; check the name and the folder — filen findes ikke; tjek navnet og mappen',
    );
  });
});

describe("members:import runs the content check's body rule on the presentation", () => {
  const file = path.join(CSV, 'praesentation-med-html.csv');

  it('rejects a row whose presentation holds a <script> or a javascript: link, with row, column, line and reason', () => {
    const r = run('members-import.ts', file);
    expect(r.code).toBe(1);
    expect(r.lines.slice(0, 5)).toEqual([
      `${file}: 3 row(s), semicolons, UTF-8 — 3 række(r), semikolon, UTF-8`,
      '  1 new — nye',
      '  0 changed — ændrede',
      '  0 unchanged — uændrede',
      '  2 rejected — afviste',
    ]);
    const rejected = r.lines.filter((l) => l.startsWith('rejected'));
    expect(rejected).toEqual([
      expect.stringMatching(
        /^rejected — afvist: row\/række 3 \(Sigurd Script\): Presentation, line 2 of the cell: .*<script>.* — Præsentation, linje 2 i cellen: .*<script>/,
      ),
      expect.stringMatching(
        /^rejected — afvist: row\/række 4 \(Jakob Javascript\): Presentation, line 1 of the cell: .*javascript:.* — Præsentation, linje 1 i cellen: .*javascript:/,
      ),
    ]);
  });

  it('writes the other rows, and no file for a rejected one', () => {
    run('members-import.ts', file);
    expect(fs.existsSync(member('sigurd-script'))).toBe(false);
    expect(fs.existsSync(member('jakob-javascript'))).toBe(false);
    expect(read('ida-ild')).toContain('---\nJeg laver **keramik**.\n\nSe [mit værksted](https://ild.example).\n');
    // What the importer writes, the check accepts.
    const check = spawnSync(process.execPath, [path.join(ROOT, 'scripts/check.ts'), content], { encoding: 'utf8' });
    expect(check.stdout).toBe('');
    expect(check.status).toBe(0);
  });
});

describe("members:import keeps within the check's size cap", () => {
  it('rejects a row that would make a member file larger than a content file may be', () => {
    const body = 'Webudvikler i Nakskov. '.repeat(11_390);
    fs.writeFileSync(
      member('bo-berg'),
      `---\nname: Bo Berg\ntrades: [it-data]\nmunicipality: lolland\njoined: 2019-06-15\nlisted: true\n---\n${body}\n`,
    );
    expect(fs.statSync(member('bo-berg')).size).toBeLessThan(256 * 1024);
    const before = read('bo-berg');
    const csv = path.join(work, 'bo.csv');
    fs.writeFileSync(
      csv,
      `Navn;E-mail;Ydelser\nBo Berg;bo@berg.example;"Hjemmesider; Webshops; Hosting; Support; Kurser"\n`,
    );
    const r = run('members-import.ts', csv);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /rejected — afvist: row\/række 2 \(Bo Berg\): the member file would be 257 KB, and a content file may be at most 256 KB; shorten/,
    );
    expect(read('bo-berg')).toBe(before);
  });
});

describe('members:import of files that are not a spreadsheet it can take', () => {
  const refuses = (file: string, message: RegExp) => {
    const before = snapshot();
    const r = run('members-import.ts', file);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(snapshot()).toEqual(before);
  };

  it('refuses a file larger than 5 MB before reading it', () => {
    const file = path.join(work, 'stor.csv');
    fs.writeFileSync(file, `Navn\n${'Anne Lund\n'.repeat(600_000)}`);
    refuses(file, /stor\.csv: is 5\.7 MB; the limit is 5 MB\. Split it into smaller files — fylder 5\.7 MB/);
  });

  it('refuses a symbolic link, a folder and a device', () => {
    fs.symlinkSync('/etc/passwd', path.join(work, 'link.csv'));
    refuses(path.join(work, 'link.csv'), /link\.csv: is a symbolic link; give the file itself — er et symbolsk link/);
    refuses(CSV, /csv: is a folder; give a file — er en mappe; angiv en fil/);
    refuses('/dev/zero', /^\/dev\/zero: is not a regular file/);
  });

  it('says an Excel workbook or a UTF-16 file is not CSV, and how to save one', () => {
    fs.writeFileSync(path.join(work, 'medlemmer.xlsx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]));
    refuses(path.join(work, 'medlemmer.xlsx'), /medlemmer\.xlsx: is an Excel workbook, not CSV; .*"CSV UTF-8/);
    fs.writeFileSync(path.join(work, 'unicode.csv'), Buffer.from('\uFEFFNavn\nAnne\n', 'utf16le'));
    refuses(path.join(work, 'unicode.csv'), /unicode\.csv: is UTF-16 text/);
    fs.writeFileSync(
      path.join(work, 'billede.csv'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    );
    refuses(path.join(work, 'billede.csv'), /billede\.csv: is not a text file/);
  });

  it('never writes through a member file that is a link, and says which file to fix', () => {
    fs.rmSync(member('bo-berg'));
    const outside = path.join(work, 'udenfor.md');
    fs.writeFileSync(outside, '---\nname: Bo Berg\n---\n');
    fs.symlinkSync(outside, member('bo-berg'));
    const csv = path.join(work, 'bo.csv');
    fs.writeFileSync(csv, 'Navn;E-mail;Slug\nBo Berg;bo@berg.example;bo-berg\n');
    const r = run('members-import.ts', csv);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /rejected — afvist: row\/række 2 \(Bo Berg\): .*members\/bo-berg\.md cannot be read safely \(is a symbolic link.*\); fix that file first \(npm run check\)/,
    );
    expect(fs.readFileSync(outside, 'utf8')).toBe('---\nname: Bo Berg\n---\n');
  });
});

describe('members:export', () => {
  it('writes the listed members only, as an Excel CSV and a vCard file', () => {
    const r = run('members-export.ts', '--out', path.join(work, 'ud'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('3 listed member(s)');
    const csv = fs.readFileSync(path.join(work, 'ud/medlemmer.csv'), 'utf8');
    expect(
      csv.startsWith(
        '\uFEFFNavn;Virksomhed;Brancher;Kommune;Ydelser;Åben for;Sprog;Hjemmeside;E-mail;Telefon;CVR-nummer;Grupper;Medlem siden;Vis offentligt;Slug\r\n',
      ),
    ).toBe(true);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(4);
    expect(csv).toContain(
      'Anne Lund;Lund Tekst & Sprog;Oversættelse og sprog, Jura, revision og bogføring;Guldborgsund;"Tekster, oversættelse og korrektur; Juridisk oversættelse";Samarbejde, Opgaver;da, en;https://lund-tekst.example;anne@lund-tekst.example;\'+45 20 30 40 50;12345678;lolland-falster;2012-03-01;ja;anne-lund\r\n',
    );
    expect(csv).not.toContain('Karin');

    const vcf = fs.readFileSync(path.join(work, 'ud/medlemmer.vcf'), 'utf8');
    expect(vcf.match(/BEGIN:VCARD\r\nVERSION:4\.0\r\n/g)).toHaveLength(3);
    expect(vcf).toContain(
      'FN:Søren Åbel\r\nN:Åbel;Søren;;;\r\nORG:Åbel Design\r\nEMAIL;TYPE=work:soeren@aabel.example\r\n',
    );
    expect(vcf).toContain('TEL;TYPE=work;VALUE=uri:tel:+4520304050\r\n');
    expect(vcf).toContain('CATEGORIES:Oversættelse og sprog,Jura\\, revision og bogføring\r\n');
    expect(vcf).not.toContain('Karin');
    for (const line of vcf.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it('round trip: importing the export changes nothing', () => {
    const before = snapshot();
    run('members-export.ts', '--out', path.join(work, 'ud'));
    const r = run('members-import.ts', path.join(work, 'ud/medlemmer.csv'));
    expect(r.code).toBe(0);
    expect(r.lines.slice(1, 5)).toEqual([
      '  0 new — nye',
      '  0 changed — ændrede',
      '  3 unchanged — uændrede',
      '  0 rejected — afviste',
    ]);
    expect(snapshot()).toEqual(before);
  });

  it('round trip after an import of messy files: still nothing changes', () => {
    run('members-import.ts', path.join(CSV, 'excel-semikolon.csv'));
    run('members-import.ts', path.join(CSV, 'google-komma.csv'));
    const before = snapshot();
    run('members-export.ts', '--out', path.join(work, 'ud'));
    const r = run('members-import.ts', path.join(work, 'ud/medlemmer.csv'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ {2}0 new — nye\n {2}0 changed — ændrede\n/);
    expect(snapshot()).toEqual(before);
  });
});
