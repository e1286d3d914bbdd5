import { fileTypeFromBuffer } from 'file-type';
import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from 'saxes';
import { MAX_IMAGE_BYTES, MEDIA_PATTERN } from '../schemas/common.ts';
import type { Bilingual } from '../schemas/meta.ts';
import type { ContentIssue } from './content/issues.ts';
import {
  ATTRIBUTE_REASON,
  detectedData,
  emptyPicture,
  htmlPage,
  markupDocument,
  mediaFolderName,
  mediaName,
  mediaNotAFolder,
  mediaSpecial,
  mediaSymlink,
  mediaTooDeep,
  notAPictureEnding,
  pictureTooLarge,
  styleReason,
  svgDrawing,
  svgEncoding,
  svgHasAttribute,
  svgHasDoctype,
  svgHasElement,
  svgHasInstruction,
  svgHasStyleType,
  svgNoRoot,
  svgNotInert,
  svgNotUtf8,
  svgNotWellFormed,
  svgStyleHolds,
  svgUpload,
  svgWrongRoot,
  unknownData,
  wrongPictureType,
} from './content/messages.ts';

/**
 * What may live in the media folder (served as /media/) and what the CMS may upload there:
 * pictures whose bytes are what their name says, of bounded size, with safe names; SVG only when
 * it is an inert drawing, and never as an upload. checkMediaFile has no Node imports, so the CMS
 * in the browser could use it too; checkMediaFolder loads node:fs when it is called.
 */

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
  return { code: 'media_name', message: mediaName(MAX_NAME_LENGTH) };
}

/** Text formats file-type cannot see, told apart by their first characters. */
function sniffText(bytes: Uint8Array): Bilingual | undefined {
  const head = new TextDecoder('utf-8')
    .decode(bytes.subarray(0, 1024))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype svg[^>]*>\s*)?<svg[\s>/]/.test(head))
    return svgDrawing();
  if (/^(?:<!doctype html|<html|<head|<body|<script|<iframe|<meta|<!--)/.test(head)) return htmlPage();
  if (head.startsWith('<?xml') || head.startsWith('<')) return markupDocument();
  return undefined;
}

/** What the bytes really are, for a message: "GIF data (image/gif)", "an HTML page". */
async function whatItIs(bytes: Uint8Array): Promise<{ ext?: string; what: Bilingual }> {
  const type = await fileTypeFromBuffer(bytes).catch(() => undefined);
  // file-type knows XML only as text; what kind of XML (an SVG?) is for the sniffing below.
  if (type && type.ext !== 'xml') {
    const known = Object.values(RASTER).find((r) => r.detected.includes(type.ext));
    const name = known?.label ?? type.ext.toUpperCase();
    return { ext: type.ext, what: detectedData(name, type.mime) };
  }
  return { what: sniffText(bytes) ?? unknownData() };
}

/**
 * What is wrong with a media file, judged by its bytes, not its name. `name` is its path inside
 * the media folder (`members/anne.jpg`) or the upload's file name. With `upload`, SVG is refused
 * whatever it holds: only pictures saved by git, and checked inert, may be SVG.
 */
export function checkMediaFile(
  name: string,
  bytes: Uint8Array,
  options: { upload?: boolean } = {},
): Promise<MediaProblem[]> {
  return inspect(name, bytes, bytes.length, options);
}

/** checkMediaFile for the first `bytes` of a file of `size` bytes (the folder walk does not read a file far over the limit). */
async function inspect(
  name: string,
  bytes: Uint8Array,
  size: number,
  options: { upload?: boolean },
): Promise<MediaProblem[]> {
  const ext = extensionOf(name);
  const problems: MediaProblem[] = [];
  const isSvg = ext === 'svg';
  if (!RASTER[ext] && !isSvg) {
    return [{ code: 'media_type', message: notAPictureEnding(ENDINGS, !!options.upload) }];
  }
  if (isSvg && options.upload) {
    return [{ code: 'media_svg', message: svgUpload() }];
  }
  const badName = mediaNameProblem(name);
  if (badName) problems.push(badName);
  if (size > MAX_IMAGE_BYTES) problems.push({ code: 'media_size', message: pictureTooLarge(size, MAX_IMAGE_BYTES) });
  if (size === 0) {
    problems.push({ code: 'media_type', message: emptyPicture() });
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

function wrongType(expected: string, what: Bilingual, detected: string | undefined): MediaProblem {
  // Bytes that are a picture the site takes only need the right ending.
  const allowed = detected && (RASTER[detected] || detected === 'apng');
  const ending = allowed ? (detected === 'apng' ? 'png' : detected) : undefined;
  return { code: 'media_type', message: wrongPictureType(expected, what, ending) };
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
  'svg',
  'g',
  'defs',
  'title',
  'desc',
  'symbol',
  'use',
  'switch',
  'style',
  'path',
  'rect',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
  'text',
  'tspan',
  'textPath',
  'linearGradient',
  'radialGradient',
  'stop',
  'pattern',
  'clipPath',
  'mask',
  'marker',
  'filter',
  'feBlend',
  'feColorMatrix',
  'feComponentTransfer',
  'feComposite',
  'feConvolveMatrix',
  'feDiffuseLighting',
  'feDisplacementMap',
  'feDistantLight',
  'feDropShadow',
  'feFlood',
  'feFuncA',
  'feFuncB',
  'feFuncG',
  'feFuncR',
  'feGaussianBlur',
  'feMerge',
  'feMergeNode',
  'feMorphology',
  'feOffset',
  'fePointLight',
  'feSpecularLighting',
  'feSpotLight',
  'feTile',
  'feTurbulence',
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

const refuse = (line: number, what: Bilingual): MediaProblem => ({
  code: 'media_svg',
  line,
  message: svgNotInert(what),
});

const MAX_SVG_PROBLEMS = 20;

/** Problems that make an SVG not inert, each with its line. */
export function checkSvg(bytes: Uint8Array): MediaProblem[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return [{ code: 'media_svg', message: svgNotUtf8() }];
  }
  const problems: MediaProblem[] = [];
  const add = (p: MediaProblem) => {
    if (problems.length < MAX_SVG_PROBLEMS && !problems.some((q) => q.line === p.line && q.message.en === p.message.en))
      problems.push(p);
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
      message: svgNotWellFormed(err.message.replace(/^[^:]*:\d+:\d+: /, '')),
    });
  });
  parser.on('xmldecl', (decl) => {
    if (decl.encoding && decl.encoding.toLowerCase() !== 'utf-8') {
      add({ code: 'media_svg', line: parser.line, message: svgEncoding(decl.encoding) });
    }
  });
  parser.on('doctype', () => add(refuse(parser.line, svgHasDoctype())));
  parser.on('processinginstruction', (pi) => add(refuse(parser.line, svgHasInstruction(pi.target))));
  parser.on('opentag', (tag) => {
    const element = tag as SaxesTagNS;
    const line = parser.line;
    if (depth === 0) {
      if (sawRoot || element.local !== 'svg' || element.uri !== SVG_NS) {
        add({ code: 'media_svg', line, message: svgWrongRoot(element.name, SVG_NS) });
      }
      sawRoot = true;
    } else if (element.uri !== SVG_NS || !SVG_ELEMENTS.has(element.local)) {
      add(refuse(line, svgHasElement(element.name)));
    }
    if (element.uri === SVG_NS && element.local === 'style') {
      style = '';
      const type = element.attributes.type as SaxesAttributeNS | undefined;
      if (type && type.value.trim().toLowerCase() !== 'text/css') add(refuse(line, svgHasStyleType(type.value)));
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
      if (problem) add(refuse(parser.line, svgStyleHolds(problem)));
      style = undefined;
    }
  });

  try {
    parser.write(text).close();
  } catch {
    // Reported by the error handler above.
  }
  if (!sawRoot && !failed) {
    add({ code: 'media_svg', message: svgNoRoot() });
  }
  return problems;
}

/** Why one attribute is not inert, in words for the message; undefined if it is fine. */
function attributeProblem(a: SaxesAttributeNS): Bilingual | undefined {
  const it = (reason: Bilingual) => svgHasAttribute(a.name, a.value, reason);
  const { none, linkOut, otherNamespace, eventHandler, otherFile } = ATTRIBUTE_REASON;
  if (a.uri === XMLNS_NS) return undefined;
  if (a.uri === XML_NS) return a.local === 'space' || a.local === 'lang' ? undefined : it(none);
  if (a.uri === XLINK_NS) {
    if (a.local === 'title') return undefined;
    if (a.local === 'href') return FRAGMENT.test(a.value.trim()) ? undefined : it(linkOut);
    return it(none);
  }
  if (a.uri !== '') return it(otherNamespace);
  if (/^on/i.test(a.local)) return it(eventHandler);
  if (a.local === 'href') return FRAGMENT.test(a.value.trim()) ? undefined : it(linkOut);
  if (a.local === 'style') {
    const problem = cssProblem(a.value);
    return problem ? it(styleReason(problem)) : undefined;
  }
  if (/javascript:/i.test(a.value)) return it(none);
  const url = urlProblem(a.value);
  return url ? it(otherFile) : undefined;
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
  const [fs, path, { displayPath }, { OPEN_UNTRUSTED, readUpTo }, { default: fsSync }] = await Promise.all([
    import('node:fs/promises'),
    import('node:path'),
    import('./content/paths.ts'),
    import('./input.ts'),
    import('node:fs'),
  ]);
  const issues: ContentIssue[] = [];
  const report = (abs: string, p: MediaProblem) =>
    issues.push({ file: displayPath(abs), code: p.code, message: p.message, ...(p.line ? { line: p.line } : {}) });

  const linkProblem: MediaProblem = { code: 'media_symlink', message: mediaSymlink() };
  const specialProblem: MediaProblem = { code: 'media_special', message: mediaSpecial() };
  const folderNameProblem: MediaProblem = { code: 'media_name', message: mediaFolderName() };

  const root = await fs.lstat(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  });
  if (!root) return [];
  if (root.isSymbolicLink()) return [{ file: displayPath(dir), code: linkProblem.code, message: linkProblem.message }];
  if (!root.isDirectory()) {
    return [{ file: displayPath(dir), code: 'media_special', message: mediaNotAFolder() }];
  }

  const walk = async (folder: WalkEntry, depth: number): Promise<void> => {
    const names = (await fs.readdir(folder.abs)).sort();
    for (const name of names) {
      const entry = { abs: path.join(folder.abs, name), rel: folder.rel ? `${folder.rel}/${name}` : name };
      const stat = await fs.lstat(entry.abs);
      if (stat.isSymbolicLink()) report(entry.abs, linkProblem);
      else if (stat.isDirectory()) {
        if (!SEGMENT.test(name)) report(entry.abs, folderNameProblem);
        else if (depth >= MAX_DEPTH) report(entry.abs, { code: 'media_name', message: mediaTooDeep(MAX_DEPTH) });
        else await walk(entry, depth + 1);
      } else if (!stat.isFile()) report(entry.abs, specialProblem);
      else if (name === '.gitkeep' && stat.size === 0)
        continue; // git's idiom for keeping an empty folder
      else for (const p of await checkFile(entry)) report(entry.abs, p);
    }
  };

  const checkFile = async ({ abs, rel }: WalkEntry): Promise<MediaProblem[]> => {
    // A link swapped in after lstat fails instead of being read; a picture far over the limit is
    // not read whole: its size is the problem to report.
    const fd = fsSync.openSync(abs, OPEN_UNTRUSTED);
    try {
      const stat = fsSync.fstatSync(fd);
      if (!stat.isFile()) return [specialProblem];
      const bytes = readUpTo(fd, stat.size, MAX_IMAGE_BYTES);
      return await inspect(rel, bytes, Math.max(stat.size, bytes.length), {});
    } finally {
      fsSync.closeSync(fd);
    }
  };

  await walk({ abs: dir, rel: '' }, 0);
  return issues;
}
