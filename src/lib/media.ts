import { fileTypeFromBuffer } from 'file-type';
import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from 'saxes';
import { MAX_IMAGE_BYTES } from '../cms/fields.ts';
import { MEDIA_PATTERN } from '../schemas/common.ts';
import type { Bilingual } from '../schemas/meta.ts';
import type { ContentIssue } from './content/issues.ts';

/**
 * What may live in the media folder (served as /media/) and what the CMS may upload there:
 * pictures whose bytes are what their name says, of bounded size, with safe names; SVG only when
 * it is an inert drawing, and never as an upload. checkMediaFile has no Node imports, so the CMS
 * in the browser could use it too; checkMediaFolder loads node:fs when it is called.
 */

export { MAX_IMAGE_BYTES };

export type MediaCode = 'media_type' | 'media_size' | 'media_svg' | 'media_name' | 'media_symlink' | 'media_special';

/** One problem with one media file. Messages do not repeat the file's name: the caller shows it. */
export interface MediaProblem {
  code: MediaCode;
  message: Bilingual;
  /** 1-based line, for problems inside an SVG. */
  line?: number;
}

/** The kinds of picture allowed, by file-name ending, with what file-type reports for them. */
const RASTER: Record<string, { label: string; detected: string[] }> = {
  jpg: { label: 'JPEG', detected: ['jpg'] },
  jpeg: { label: 'JPEG', detected: ['jpg'] },
  png: { label: 'PNG', detected: ['png', 'apng'] },
  webp: { label: 'WebP', detected: ['webp'] },
  avif: { label: 'AVIF', detected: ['avif'] },
  gif: { label: 'GIF', detected: ['gif'] },
};
const ENDINGS = '.jpg, .jpeg, .png, .webp, .avif, .gif';

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1).replace(/\.0$/, '')} MB`;

const extensionOf = (name: string) => /\.([^./]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

/** A file or folder name: ASCII letters, digits, ".", "_", "-"; not hidden (no leading dot, so no "." or ".."). */
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
const MAX_NAME_LENGTH = 200;

/** Why a path inside the media folder (`members/anne.jpg`) is not a name image fields can point at. */
export function mediaNameProblem(name: string): MediaProblem | undefined {
  const segments = name.split('/');
  const fine =
    name.length <= MAX_NAME_LENGTH && segments.every((s) => SEGMENT.test(s)) && MEDIA_PATTERN.test(`/media/${name}`);
  if (fine) return undefined;
  return {
    code: 'media_name',
    message: {
      en: `the name may hold only the letters a–z and A–Z, digits, ".", "_" and "-" (no spaces, no æøå, not starting with a dot, at most ${MAX_NAME_LENGTH} characters): rename it, e.g. "anne-lund.jpg"`,
      da: `navnet må kun indeholde bogstaverne a–z og A–Z, cifre, ".", "_" og "-" (ingen mellemrum, ingen æøå, ikke begynde med punktum, højst ${MAX_NAME_LENGTH} tegn): omdøb filen, fx "anne-lund.jpg"`,
    },
  };
}

/** Text formats file-type cannot see, told apart by their first characters. */
function sniffText(bytes: Uint8Array): Bilingual | undefined {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 1024)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype svg[^>]*>\s*)?<svg[\s>/]/.test(head)) return { en: 'an SVG drawing', da: 'en SVG-tegning' };
  if (/^(?:<!doctype html|<html|<head|<body|<script|<iframe|<meta|<!--)/.test(head)) return { en: 'an HTML page', da: 'en HTML-side' };
  if (head.startsWith('<?xml') || head.startsWith('<')) return { en: 'an XML or HTML document', da: 'et XML- eller HTML-dokument' };
  return undefined;
}

/** What the bytes really are, for a message: "GIF data (image/gif)", "an HTML page". */
async function whatItIs(bytes: Uint8Array): Promise<{ ext?: string; what: Bilingual }> {
  const type = await fileTypeFromBuffer(bytes).catch(() => undefined);
  // file-type knows XML only as text; what kind of XML (an SVG?) is for the sniffing below.
  if (type && type.ext !== 'xml') {
    const known = Object.values(RASTER).find((r) => r.detected.includes(type.ext));
    const name = known?.label ?? type.ext.toUpperCase();
    return { ext: type.ext, what: { en: `${name} data (${type.mime})`, da: `${name}-data (${type.mime})` } };
  }
  return { what: sniffText(bytes) ?? { en: 'not a picture file this site knows', da: 'ikke en billedfil, som sitet kender' } };
}

/**
 * What is wrong with a media file, judged by its bytes, not its name. `name` is its path inside
 * the media folder (`members/anne.jpg`) or the upload's file name. With `upload`, SVG is refused
 * whatever it holds: only pictures saved by git, and checked inert, may be SVG.
 */
export function checkMediaFile(name: string, bytes: Uint8Array, options: { upload?: boolean } = {}): Promise<MediaProblem[]> {
  return inspect(name, bytes, bytes.length, options);
}

/** checkMediaFile for the first `bytes` of a file of `size` bytes (the folder walk does not read a file far over the limit). */
async function inspect(name: string, bytes: Uint8Array, size: number, options: { upload?: boolean }): Promise<MediaProblem[]> {
  const ext = extensionOf(name);
  const problems: MediaProblem[] = [];
  const isSvg = ext === 'svg';
  if (!RASTER[ext] && !isSvg) {
    return [
      {
        code: 'media_type',
        message: {
          en: `only pictures ending in ${ENDINGS} belong in the media folder${options.upload ? '' : ' (and SVG drawings added through git)'}: save it in one of those formats, or keep it elsewhere`,
          da: `kun billeder, der ender på ${ENDINGS}, hører til i mediemappen${options.upload ? '' : ' (og SVG-tegninger lagt ind via git)'}: gem det i et af de formater, eller læg det et andet sted`,
        },
      },
    ];
  }
  if (isSvg && options.upload) {
    return [
      {
        code: 'media_svg',
        message: {
          en: 'SVG files cannot be uploaded through the CMS, because an SVG can carry a script that runs on the site: save the picture as PNG, JPG or WebP and upload that',
          da: 'SVG-filer kan ikke lægges op gennem CMS’et, fordi en SVG kan indeholde et script, der kører på sitet: gem billedet som PNG, JPG eller WebP, og læg det op',
        },
      },
    ];
  }
  const badName = mediaNameProblem(name);
  if (badName) problems.push(badName);
  if (size > MAX_IMAGE_BYTES) problems.push(sizeProblem(size));
  if (size === 0) {
    problems.push({ code: 'media_type', message: { en: 'is empty (0 bytes): save the picture again', da: 'er tom (0 byte): gem billedet igen' } });
    return problems;
  }

  const { ext: detected, what } = await whatItIs(bytes);
  if (isSvg) {
    if (detected) problems.push(wrongType('SVG', what, detected));
    // A drawing over the limit is refused for its size; it is not read whole to find more.
    else if (bytes.length === size) problems.push(...checkSvg(bytes));
    return problems;
  }
  const expected = RASTER[ext];
  if (!detected || !expected.detected.includes(detected)) problems.push(wrongType(expected.label, what, detected));
  return problems;
}

function sizeProblem(size: number): MediaProblem {
  return {
    code: 'media_size',
    message: {
      en: `is ${megabytes(size)}; a picture may be at most ${megabytes(MAX_IMAGE_BYTES)}: make it smaller (about 2000 pixels across is plenty for the site) and save it again`,
      da: `fylder ${megabytes(size)}; et billede må højst fylde ${megabytes(MAX_IMAGE_BYTES)}: gør det mindre (ca. 2000 pixel på den lange led er rigeligt til sitet), og gem det igen`,
    },
  };
}

function wrongType(expected: string, what: Bilingual, detected: string | undefined): MediaProblem {
  const allowed = detected && (RASTER[detected] || detected === 'apng');
  const ending = detected === 'apng' ? 'png' : detected;
  return {
    code: 'media_type',
    message: allowed
      ? {
          en: `its name says ${expected}, but it is really ${what.en}: give it the ending .${ending}, or save it as ${expected}`,
          da: `navnet siger ${expected}, men det er i virkeligheden ${what.da}: giv den endelsen .${ending}, eller gem den som ${expected}`,
        }
      : {
          en: `its name says ${expected}, but it is really ${what.en}, not a picture the site accepts: save the picture as PNG, JPG or WebP`,
          da: `navnet siger ${expected}, men det er i virkeligheden ${what.da}, ikke et billede, sitet tager imod: gem billedet som PNG, JPG eller WebP`,
        },
  };
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/**
 * Drawing elements only. Left out on purpose: script, foreignObject (HTML inside), a (links),
 * image and feImage (load other files), the animation elements (they can rewrite attributes,
 * such as an href), metadata (foreign namespaces), cursor and font elements (load files).
 */
const SVG_ELEMENTS = new Set([
  'svg', 'g', 'defs', 'title', 'desc', 'symbol', 'use', 'switch', 'style',
  'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon',
  'text', 'tspan', 'textPath',
  'linearGradient', 'radialGradient', 'stop', 'pattern', 'clipPath', 'mask', 'marker',
  'filter', 'feBlend', 'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feConvolveMatrix',
  'feDiffuseLighting', 'feDisplacementMap', 'feDistantLight', 'feDropShadow', 'feFlood',
  'feFuncA', 'feFuncB', 'feFuncG', 'feFuncR', 'feGaussianBlur', 'feMerge', 'feMergeNode',
  'feMorphology', 'feOffset', 'fePointLight', 'feSpecularLighting', 'feSpotLight', 'feTile', 'feTurbulence',
]);

/** A reference to something inside the same file. */
const FRAGMENT = /^#[A-Za-z_][\w.:-]*$/;

/** Why a piece of CSS (a style attribute or element) could load or run something; undefined if inert. */
function cssProblem(css: string): string | undefined {
  // CSS escapes (u\72l) could spell any of the words below in a way a pattern would not see.
  if (css.includes('\\')) return 'a backslash escape';
  const lower = css.toLowerCase();
  for (const word of ['@import', 'expression', 'image-set', 'binding', 'behavior', 'javascript:']) {
    if (lower.includes(word)) return word;
  }
  if (/\bsrc\s*\(/.test(lower)) return 'src()';
  return urlProblem(css);
}

/** url(...) that is not url(#id): a file elsewhere, which the browser would fetch. */
function urlProblem(value: string): string | undefined {
  for (const m of value.matchAll(/url\s*\(\s*(['"]?)([^'")]*)\1\s*\)|url\s*\(/gi)) {
    if (m[2] === undefined || !FRAGMENT.test(m[2].trim())) return m[0];
  }
  return undefined;
}

const refuse = (line: number, what: { en: string; da: string }): MediaProblem => ({
  code: 'media_svg',
  line,
  message: {
    en: `${what.en}, which can run code or load other files when the drawing is opened: remove it (a drawing program's "optimised SVG" export usually does), or save the picture as PNG`,
    da: `${what.da}, som kan køre kode eller hente andre filer, når tegningen åbnes: fjern det (et tegneprograms eksport som "optimeret SVG" gør det som regel), eller gem billedet som PNG`,
  },
});

const MAX_SVG_PROBLEMS = 20;

/** Problems that make an SVG not inert, each with its line. */
export function checkSvg(bytes: Uint8Array): MediaProblem[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return [{ code: 'media_svg', message: { en: 'is not UTF-8 text: save it again as UTF-8', da: 'er ikke UTF-8-tekst: gem den igen som UTF-8' } }];
  }
  const problems: MediaProblem[] = [];
  const add = (p: MediaProblem) => {
    if (problems.length < MAX_SVG_PROBLEMS && !problems.some((q) => q.line === p.line && q.message.en === p.message.en)) problems.push(p);
  };
  const parser = new SaxesParser({ xmlns: true, position: true });
  let depth = 0;
  let sawRoot = false;
  let style: string | undefined;
  let failed = false;

  parser.on('error', (err) => {
    if (failed) return;
    failed = true;
    add({
      code: 'media_svg',
      line: parser.line,
      message: {
        en: `is not well-formed XML (${err.message.replace(/^[^:]*:\d+:\d+: /, '')}): open it in a drawing program and save it again as SVG`,
        da: `er ikke gyldig XML (${err.message.replace(/^[^:]*:\d+:\d+: /, '')}): åbn den i et tegneprogram, og gem den igen som SVG`,
      },
    });
  });
  parser.on('xmldecl', (decl) => {
    if (decl.encoding && decl.encoding.toLowerCase() !== 'utf-8') {
      add({ code: 'media_svg', line: parser.line, message: { en: `declares the encoding "${decl.encoding}": save it as UTF-8`, da: `angiver tegnsættet "${decl.encoding}": gem den som UTF-8` } });
    }
  });
  parser.on('doctype', () => add(refuse(parser.line, { en: 'it has a DOCTYPE (which can declare entities)', da: 'den har en DOCTYPE (som kan erklære entiteter)' })));
  parser.on('processinginstruction', (pi) => add(refuse(parser.line, { en: `it has the processing instruction <?${pi.target}?>`, da: `den har behandlingsinstruktionen <?${pi.target}?>` })));
  parser.on('opentag', (tag) => {
    const element = tag as SaxesTagNS;
    const line = parser.line;
    if (depth === 0) {
      if (sawRoot || element.local !== 'svg' || element.uri !== SVG_NS) {
        add({
          code: 'media_svg',
          line,
          message: {
            en: `is not an SVG drawing (its outermost element is <${element.name}>, not <svg xmlns="${SVG_NS}">): save the picture as SVG or PNG`,
            da: `er ikke en SVG-tegning (det yderste element er <${element.name}>, ikke <svg xmlns="${SVG_NS}">): gem billedet som SVG eller PNG`,
          },
        });
      }
      sawRoot = true;
    } else if (element.uri !== SVG_NS || !SVG_ELEMENTS.has(element.local)) {
      add(refuse(line, { en: `it has the element <${element.name}>`, da: `den har elementet <${element.name}>` }));
    }
    if (element.uri === SVG_NS && element.local === 'style') {
      style = '';
      const type = element.attributes.type as SaxesAttributeNS | undefined;
      if (type && type.value.trim().toLowerCase() !== 'text/css') add(refuse(line, { en: `it has a <style> of type "${type.value}"`, da: `den har en <style> af typen "${type.value}"` }));
    }
    for (const attribute of Object.values(element.attributes) as SaxesAttributeNS[]) {
      const problem = attributeProblem(attribute);
      if (problem) add(refuse(line, problem));
    }
    depth++;
  });
  const styleText = (t: string) => {
    if (style !== undefined) style += t;
  };
  parser.on('text', styleText);
  parser.on('cdata', styleText);
  parser.on('closetag', (tag) => {
    depth--;
    const element = tag as SaxesTagNS;
    if (element.uri === SVG_NS && element.local === 'style' && style !== undefined) {
      const problem = cssProblem(style);
      if (problem) add(refuse(parser.line, { en: `its <style> holds "${problem}"`, da: `dens <style> indeholder "${problem}"` }));
      style = undefined;
    }
  });

  try {
    parser.write(text).close();
  } catch {
    // Reported by the error handler above.
  }
  if (!sawRoot && !failed) {
    add({ code: 'media_svg', message: { en: 'holds no <svg> element: save the picture as SVG or PNG', da: 'indeholder intet <svg>-element: gem billedet som SVG eller PNG' } });
  }
  return problems;
}

/** Why one attribute is not inert, in words for the message; undefined if it is fine. */
function attributeProblem(a: SaxesAttributeNS): Bilingual | undefined {
  const named = { en: `the attribute ${a.name}="${a.value.length > 60 ? `${a.value.slice(0, 59)}…` : a.value}"`, da: `attributten ${a.name}="${a.value.length > 60 ? `${a.value.slice(0, 59)}…` : a.value}"` };
  const it = (en: string, da: string): Bilingual => ({ en: `it has ${named.en}${en}`, da: `den har ${named.da}${da}` });
  if (a.uri === XMLNS_NS) return undefined;
  if (a.uri === XML_NS) return a.local === 'space' || a.local === 'lang' ? undefined : it('', '');
  if (a.uri === XLINK_NS) {
    if (a.local === 'title') return undefined;
    if (a.local === 'href') return FRAGMENT.test(a.value.trim()) ? undefined : it(' (a link out of the file)', ' (et link ud af filen)');
    return it('', '');
  }
  if (a.uri !== '') return it(' (from another namespace)', ' (fra et andet navnerum)');
  if (/^on/i.test(a.local)) return it(' (an event handler)', ' (en hændelseshåndtering)');
  if (a.local === 'href') return FRAGMENT.test(a.value.trim()) ? undefined : it(' (a link out of the file)', ' (et link ud af filen)');
  if (a.local === 'style') {
    const problem = cssProblem(a.value);
    return problem ? it(` (style with "${problem}")`, ` (style med "${problem}")`) : undefined;
  }
  if (/javascript:/i.test(a.value)) return it('', '');
  const url = urlProblem(a.value);
  return url ? it(' (a reference to another file)', ' (en henvisning til en anden fil)') : undefined;
}

/** Found by the folder walk: lstat, never following a link. */
interface WalkEntry {
  abs: string;
  rel: string;
}

const MAX_DEPTH = 16;

/**
 * Every problem in a media folder: links and special files (never followed or read), unsafe
 * names, and every file checked by checkMediaFile. A missing folder has no problems.
 */
export async function checkMediaFolder(dir: string): Promise<ContentIssue[]> {
  // Loaded here so that the rest of this module stays usable in the browser.
  const [fs, path, { displayPath }] = await Promise.all([import('node:fs/promises'), import('node:path'), import('./content/paths.ts')]);
  const { constants } = await import('node:fs');
  const issues: ContentIssue[] = [];
  const report = (abs: string, p: MediaProblem) => issues.push({ file: displayPath(abs), code: p.code, message: p.message, ...(p.line ? { line: p.line } : {}) });

  const linkProblem: MediaProblem = {
    code: 'media_symlink',
    message: {
      en: 'is a symbolic link; the media folder holds only pictures and folders, and links are never followed: replace the link with the picture itself',
      da: 'er et symbolsk link; mediemappen indeholder kun billeder og mapper, og links følges aldrig: erstat linket med selve billedet',
    },
  };
  const specialProblem: MediaProblem = {
    code: 'media_special',
    message: { en: 'is not an ordinary file (a device, pipe or socket): remove it', da: 'er ikke en almindelig fil (en enhed, en pipe eller en socket): fjern den' },
  };

  const folderNameProblem: MediaProblem = {
    code: 'media_name',
    message: {
      en: 'a folder name may hold only the letters a–z and A–Z, digits, ".", "_" and "-", and not start with a dot: rename it (what is inside is not checked until then)',
      da: 'et mappenavn må kun indeholde bogstaverne a–z og A–Z, cifre, ".", "_" og "-" og ikke begynde med punktum: omdøb mappen (indholdet tjekkes først derefter)',
    },
  };

  const root = await fs.lstat(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  });
  if (!root) return [];
  if (root.isSymbolicLink()) return [{ file: displayPath(dir), code: linkProblem.code, message: linkProblem.message }];
  if (!root.isDirectory()) {
    return [{ file: displayPath(dir), code: 'media_special', message: { en: 'should be the media folder, but is not a folder', da: 'skulle være mediemappen, men er ikke en mappe' } }];
  }

  const walk = async (folder: WalkEntry, depth: number): Promise<void> => {
    const names = (await fs.readdir(folder.abs)).sort();
    for (const name of names) {
      const entry = { abs: path.join(folder.abs, name), rel: folder.rel ? `${folder.rel}/${name}` : name };
      const stat = await fs.lstat(entry.abs);
      if (stat.isSymbolicLink()) report(entry.abs, linkProblem);
      else if (stat.isDirectory()) {
        if (!SEGMENT.test(name)) report(entry.abs, folderNameProblem);
        else if (depth >= MAX_DEPTH) report(entry.abs, { code: 'media_name', message: { en: `folders nest more than ${MAX_DEPTH} deep: flatten them`, da: `mapperne ligger mere end ${MAX_DEPTH} niveauer inde i hinanden: flad dem ud` } });
        else await walk(entry, depth + 1);
      } else if (!stat.isFile()) report(entry.abs, specialProblem);
      else if (name === '.gitkeep' && stat.size === 0) continue; // git's idiom for keeping an empty folder
      else for (const p of await checkFile(entry)) report(entry.abs, p);
    }
  };

  const checkFile = async ({ abs, rel }: WalkEntry): Promise<MediaProblem[]> => {
    // O_NOFOLLOW: a link swapped in after lstat fails instead of being read.
    const handle = await fs.open(abs, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) return [specialProblem];
      // A picture far over the limit is not read whole: its size is the problem to report.
      const bytes = new Uint8Array(Math.min(stat.size, MAX_IMAGE_BYTES + 1));
      let length = 0;
      for (let n = 1; n > 0 && length < bytes.length; length += n) n = (await handle.read(bytes, length, bytes.length - length, length)).bytesRead;
      return await inspect(rel, bytes.subarray(0, length), Math.max(stat.size, length), {});
    } finally {
      await handle.close();
    }
  };

  await walk({ abs: dir, rel: '' }, 0);
  return issues;
}
