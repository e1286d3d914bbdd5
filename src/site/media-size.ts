import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { OPEN_UNTRUSTED, readUpTo } from '../lib/input.ts';
import { mediaDir } from '../lib/content/paths.ts';
import { MAX_IMAGE_BYTES, MEDIA_PATTERN } from '../schemas/common.ts';

/**
 * What a page needs to know of a picture in the media folder before it shows it: its size (for
 * `width` and `height`, so nothing moves as it loads), its format, and a digest of its bytes
 * (so a picture replaced under the same name gets new variants). Uploads are untrusted: only a
 * `/media/…` path that stays inside the folder is read, never through a symbolic link, and at
 * most MAX_IMAGE_BYTES of it. Read once per build and path.
 */
export interface MediaInfo {
  /** The path on the site: /media/blog/x.jpg */
  src: string;
  /** The file on disk. */
  file: string;
  width: number;
  height: number;
  /** sharp's name for it: jpeg, png, webp, avif, gif, svg. */
  format: string;
  digest: string;
}

const known = new Map<string, Promise<MediaInfo | undefined>>();

/** The picture at `src` (/media/…), or undefined when it is not one the site may show or cannot be read. */
export function mediaInfo(src: string, dir = mediaDir()): Promise<MediaInfo | undefined> {
  const key = `${dir}\0${src}`;
  let info = known.get(key);
  if (!info) {
    info = read(src, dir);
    known.set(key, info);
  }
  return info;
}

async function read(src: string, dir: string): Promise<MediaInfo | undefined> {
  if (!MEDIA_PATTERN.test(src) || src.split('/').some((s) => s === '..' || s === '.')) return undefined;
  const file = path.join(dir, src.slice('/media/'.length));
  if (!file.startsWith(path.resolve(dir) + path.sep)) return undefined;
  let bytes: Buffer;
  try {
    const fd = fs.openSync(file, OPEN_UNTRUSTED);
    try {
      const stat = fs.fstatSync(fd);
      if (!stat.isFile() || stat.size > MAX_IMAGE_BYTES) return undefined;
      bytes = readUpTo(fd, stat.size, MAX_IMAGE_BYTES);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined;
  }
  try {
    // autoOrient: a phone photo turned by its EXIF orientation has the turned width and height.
    const meta = await sharp(bytes, { limitInputPixels: 50_000_000 }).metadata();
    const turned = (meta.orientation ?? 1) >= 5;
    const width = turned ? meta.height : meta.width;
    const height = turned ? meta.width : meta.height;
    if (!width || !height || !meta.format) return undefined;
    const digest = createHash('sha256').update(bytes).digest('base64url').slice(0, 16);
    return { src, file, width, height, format: meta.format, digest };
  } catch {
    return undefined;
  }
}
