import { serveSite, type SiteServer } from '../../src/tools/static-server.ts';

/** Serves a built site on a free loopback port as Netlify would, with the headers of its `_headers`. */
export function serveStatic(dir: string): Promise<SiteServer> {
  return serveSite({ dir });
}
