import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkMediaFile, checkMediaFolder, type MediaProblem } from '../../src/lib/media.ts';
import { MAX_IMAGE_BYTES } from '../../src/schemas/common.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/media');
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));
const codes = (problems: MediaProblem[]) => problems.map((p) => p.code);
const text = (s: string) => new TextEncoder().encode(s);

/** The first bytes of an AVIF file: an ftyp box with the avif brand, which is how it is recognised. */
const AVIF_HEADER = new Uint8Array([0, 0, 0, 0x1c, ...text('ftypavif'), 0, 0, 0, 0, ...text('avifmif1miaf')]);

describe('checkMediaFile: pictures are what their bytes say', () => {
  it.each([
    ['tiny.png', 'tiny.png'],
    ['tiny.jpg', 'tiny.jpg'],
    ['tiny.jpeg', 'tiny.jpg'],
    ['TINY.JPG', 'tiny.jpg'],
    ['tiny.webp', 'tiny.webp'],
    ['tiny.gif', 'tiny.gif'],
  ])('accepts a real picture named %s', async (name, file) => {
    expect(await checkMediaFile(name, fixture(file))).toEqual([]);
    expect(await checkMediaFile(name, fixture(file), { upload: true })).toEqual([]);
  });

  it('accepts an AVIF by its ftyp brand', async () => {
    expect(await checkMediaFile('photo.avif', AVIF_HEADER, { upload: true })).toEqual([]);
  });

  it('refuses a GIF renamed to .png, saying what it really is and which ending fits', async () => {
    const [problem, ...rest] = await checkMediaFile('gif-named.png', fixture('gif-named.png'));
    expect(rest).toEqual([]);
    expect(problem.code).toBe('media_type');
    expect(problem.message.en).toBe(
      'its name says PNG, but it is really GIF data (image/gif): give it the ending .gif, or save it as PNG',
    );
    expect(problem.message.da).toContain('i virkeligheden GIF-data (image/gif)');
  });

  it('refuses an HTML page named .png, calling it an HTML page', async () => {
    const problems = await checkMediaFile('html-named.png', fixture('html-named.png'), { upload: true });
    expect(codes(problems)).toEqual(['media_type']);
    expect(problems[0].message.en).toContain('it is really an HTML page, not a picture the site accepts');
    expect(problems[0].message.da).toContain('en HTML-side');
  });

  it('refuses an SVG named .png, calling it an SVG drawing', async () => {
    const problems = await checkMediaFile('svg-named.png', fixture('svg-named.png'), { upload: true });
    expect(codes(problems)).toEqual(['media_type']);
    expect(problems[0].message.en).toContain('it is really an SVG drawing');
  });

  it('refuses a PNG named .svg', async () => {
    const problems = await checkMediaFile('logo.svg', fixture('tiny.png'));
    expect(codes(problems)).toEqual(['media_type']);
    expect(problems[0].message.en).toContain('its name says SVG, but it is really PNG data (image/png)');
  });

  it('refuses endings that are not pictures, and empty files', async () => {
    expect(codes(await checkMediaFile('cv.pdf', text('%PDF-1.4')))).toEqual(['media_type']);
    expect(codes(await checkMediaFile('script.js', text('alert(1)')))).toEqual(['media_type']);
    expect(codes(await checkMediaFile('noending', fixture('tiny.png')))).toEqual(['media_type']);
    expect(codes(await checkMediaFile('empty.png', new Uint8Array(0)))).toEqual(['media_type']);
  });

  it(`refuses a picture over ${MAX_IMAGE_BYTES.toLocaleString('en')} bytes, the CMS's own limit`, async () => {
    const png = fixture('tiny.png');
    const big = new Uint8Array(MAX_IMAGE_BYTES + 1);
    big.set(png);
    const problems = await checkMediaFile('big.png', big);
    expect(codes(problems)).toEqual(['media_size']);
    expect(problems[0].message.en).toMatch(/^is 2 MB; a picture may be at most 2 MB: make it smaller/);
    const exact = new Uint8Array(MAX_IMAGE_BYTES);
    exact.set(png);
    expect(await checkMediaFile('exact.png', exact)).toEqual([]);
  });

  it('refuses names an image field cannot point at', async () => {
    for (const name of ['Foto 1.png', 'søren.png', '.hidden.png', 'a//b.png', '../up.png', `${'x'.repeat(200)}.png`]) {
      expect(codes(await checkMediaFile(name, fixture('tiny.png'))), name).toEqual(['media_name']);
    }
    expect(await checkMediaFile('members/anne_lund-2.PNG', fixture('tiny.png'))).toEqual([]);
  });
});

describe('checkMediaFile: SVG', () => {
  it('refuses every SVG upload, whatever it holds, and says to save it as PNG, JPG or WebP', async () => {
    const problems = await checkMediaFile('inert-drawing.svg', fixture('svg/inert-drawing.svg'), { upload: true });
    expect(codes(problems)).toEqual(['media_svg']);
    expect(problems[0].message.en).toContain('save the picture as PNG, JPG or WebP');
    expect(problems[0].message.da).toContain('gem billedet som PNG, JPG eller WebP');
  });

  it('accepts an inert drawing with gradients, filters, clipping, <use href="#…"> and url(#…) styles', async () => {
    expect(await checkMediaFile('inert-drawing.svg', fixture('svg/inert-drawing.svg'))).toEqual([]);
  });

  it.each([
    ['script.svg', 3, '<script>'],
    ['event-handler.svg', 2, 'onclick="alert(1)"'],
    ['foreign-object.svg', 2, '<foreignObject>'],
    ['xhtml-script.svg', 2, '<h:script>'],
    ['external-use.svg', 2, 'href="https://evil.example/sprite.svg#icon"'],
    ['animate-href.svg', 2, '<set>'],
    ['link.svg', 2, '<a>'],
    ['external-image.svg', 2, '<image>'],
    ['style-import.svg', 2, '"@import"'],
    ['style-url.svg', 2, 'style="fill: url(https://tracker.example/p.svg#x)"'],
    ['style-escape.svg', 2, 'a backslash escape'],
    ['doctype-entity.svg', 2, 'DOCTYPE'],
    ['stylesheet-instruction.svg', 2, '<?xml-stylesheet?>'],
    ['html-page.svg', 1, 'its outermost element is <html>'],
    ['not-well-formed.svg', 3, 'is not well-formed XML'],
  ])('refuses %s, naming line %i and %s', async (file, line, what) => {
    const problems = await checkMediaFile(file, fixture(`svg/${file}`));
    expect(problems.length, JSON.stringify(problems)).toBeGreaterThan(0);
    expect(codes(problems).every((c) => c === 'media_svg')).toBe(true);
    const named = problems.find((p) => p.message.en.includes(what));
    expect(named, JSON.stringify(problems.map((p) => p.message.en))).toBeDefined();
    expect(named!.line).toBe(line);
    expect(named!.message.da.length).toBeGreaterThan(20);
  });

  it('refuses an SVG that is not UTF-8', async () => {
    const latin1 = new Uint8Array([
      ...text('<svg xmlns="http://www.w3.org/2000/svg"><text>Bog'),
      0xf8,
      ...text('</text></svg>'),
    ]);
    expect((await checkMediaFile('x.svg', latin1))[0].message.en).toContain('is not UTF-8 text');
  });
});

describe('checkMediaFolder', () => {
  let work: string;
  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'media-test-'));
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('passes every sample illustration in public/media/', async () => {
    const sample = path.join(ROOT, 'public/media');
    const svgs = fs.readdirSync(sample, { recursive: true }).filter((f) => String(f).endsWith('.svg'));
    expect(svgs.length).toBeGreaterThan(30);
    expect(await checkMediaFolder(sample)).toEqual([]);
  });

  it('has nothing to say about a folder that does not exist', async () => {
    expect(await checkMediaFolder(path.join(work, 'missing'))).toEqual([]);
  });

  it('reports links, renamed files, bad names and scripts, with the file, and never follows a link', async () => {
    const media = path.join(work, 'media');
    fs.mkdirSync(path.join(media, 'members'), { recursive: true });
    fs.mkdirSync(path.join(media, 'Mine billeder'));
    fs.writeFileSync(path.join(media, 'members/anne.png'), fixture('tiny.png'));
    fs.writeFileSync(path.join(media, 'members/bo.png'), fixture('gif-named.png'));
    fs.writeFileSync(path.join(media, 'logo.svg'), fixture('svg/script.svg'));
    fs.writeFileSync(path.join(media, 'Mine billeder/x.png'), fixture('html-named.png'));
    fs.writeFileSync(path.join(media, '.gitkeep'), '');
    fs.writeFileSync(path.join(work, 'secret.png'), fixture('html-named.png'));
    fs.symlinkSync(path.join(work, 'secret.png'), path.join(media, 'members/secret.png'));
    fs.symlinkSync(work, path.join(media, 'outside'));
    fs.symlinkSync('/dev/zero', path.join(media, 'zero.png'));

    const issues = await checkMediaFolder(media);
    const at = (rel: string) => issues.filter((i) => i.file.endsWith(`media/${rel}`)).map((i) => [i.code, i.line]);
    expect(at('members/anne.png')).toEqual([]);
    expect(at('members/bo.png')).toEqual([['media_type', undefined]]);
    expect(at('logo.svg')).toEqual([['media_svg', 3]]);
    expect(at('Mine billeder')).toEqual([['media_name', undefined]]);
    // Not looked into until it has a safe name.
    expect(at('Mine billeder/x.png')).toEqual([]);
    expect(at('members/secret.png')).toEqual([['media_symlink', undefined]]);
    expect(at('outside')).toEqual([['media_symlink', undefined]]);
    expect(at('zero.png')).toEqual([['media_symlink', undefined]]);
    expect(at('.gitkeep')).toEqual([]);
    expect(issues).toHaveLength(6);
    expect(issues.every((i) => i.message.en && i.message.da)).toBe(true);
  });

  it('reports a file over the limit without reading it whole', async () => {
    const media = path.join(work, 'big');
    fs.mkdirSync(media);
    const file = path.join(media, 'huge.jpg');
    fs.writeFileSync(file, fixture('tiny.jpg'));
    fs.truncateSync(file, 50_000_000);
    const issues = await checkMediaFolder(media);
    expect(issues.map((i) => i.code)).toEqual(['media_size']);
    expect(issues[0].message.en).toMatch(/^is 50 MB;/);
  });

  it('reports a pipe without opening it', async () => {
    const media = path.join(work, 'pipe');
    fs.mkdirSync(media);
    expect(spawnSync('mkfifo', [path.join(media, 'p.png')]).status).toBe(0);
    expect((await checkMediaFolder(media)).map((i) => i.code)).toEqual(['media_special']);
  });
});
