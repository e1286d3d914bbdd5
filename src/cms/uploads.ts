/**
 * Pictures uploaded since the admin page opened, and the way to show them before they are published.
 *
 * Decap keeps a new upload in memory with the entry until it is published, stored under its path in
 * the media folder (`public/media/members/x.png`). A field's value is the public path
 * (`/media/members/x.png`), and Decap's getAsset takes a path that starts with "/" as a URL to load
 * as is: the picture is not on the site yet, so the thumbnail and the preview showed a broken image.
 * Asked by file name instead, getAsset looks in the field's media folder and finds the upload.
 * Only names uploaded here are asked that way, so other pictures keep loading from the site.
 */

const uploaded = new Set<string>();

/** Called with each uploaded file's name, as Decap will store it. */
export function rememberUpload(name: string): void {
  uploaded.add(name);
}

/** The path to ask Decap's getAsset for: an upload of this page by its file name, anything else as it is. */
export function assetPath(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return path.startsWith('/') && uploaded.has(name) ? name : path;
}

const wrapped = new WeakMap<object, object>();

/** Decap's getAsset, answering for this page's uploads; the same function each time for the same getAsset. */
export function withUploads<A extends unknown[], R>(
  getAsset: (path: string, ...rest: A) => R,
): (path: string, ...rest: A) => R {
  const known = wrapped.get(getAsset) as ((path: string, ...rest: A) => R) | undefined;
  if (known) return known;
  const out = (path: string, ...rest: A) => getAsset(assetPath(path), ...rest);
  wrapped.set(getAsset, out);
  return out;
}
