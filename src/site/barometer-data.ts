import { getCollection } from 'astro:content';
import { collectionDir, contentDir } from '../lib/content/paths.ts';
import { REGIONS } from '../schemas/settings.ts';
import { NETWORK_KINDS } from '../schemas/wiki.ts';
import { barometer, type Barometer } from './barometer.ts';
import { folderHistory, type FolderHistory } from './git-history.ts';
import { publishedPosts } from './queries.ts';

/**
 * The barometer's figures for this build. This is the one place outside the content check that
 * reads unlisted members (SiteData drops them at its door): they are counted here and only the
 * counts leave this module, suppressed where they could identify anyone (src/site/barometer.ts).
 * The git history of the members' and the wiki's folders says when entries entered the site;
 * without it (no repository, a shallow clone) the entries' own dates are used.
 */
export async function barometerFigures(now: Date): Promise<Barometer> {
  const dir = contentDir();
  const [members, networks, events, posts, municipalities, trades, memberHistory, wikiHistory] = await Promise.all([
    getCollection('members'),
    getCollection('wiki'),
    getCollection('events'),
    getCollection('blog'),
    getCollection('municipalities'),
    getCollection('trades'),
    folderHistory(collectionDir(dir, 'members')),
    // Only commits that changed a network's last_verified: the first of them added the file.
    folderHistory(collectionDir(dir, 'wiki'), '^last_verified:'),
  ]);
  const added = (history: FolderHistory | undefined, id: string) => history?.files.get(`${id}.md`)?.added;
  return barometer({
    now,
    members: members.map((m) => ({
      trades: m.data.trades,
      municipality: m.data.municipality,
      joined: m.data.joined,
      listed: m.data.listed,
      onSite: added(memberHistory, m.id),
    })),
    networks: networks.map((n) => ({
      kind: n.data.kind,
      municipalities: n.data.municipalities,
      nationwide: n.data.nationwide ?? false,
      founded: n.data.founded,
      lastVerified: n.data.last_verified,
      onSite: added(wikiHistory, n.id),
      verifiedCommits: wikiHistory?.files.get(`${n.id}.md`)?.changed ?? [],
    })),
    events: events.map((e) => ({ start: e.data.start, cancelled: e.data.status === 'cancelled' })),
    posts: publishedPosts(posts).map((p) => ({ date: p.data.date, lang: p.data.lang })),
    regionOf: new Map(municipalities.map((m) => [m.data.id, m.data.region])),
    trades: trades.map((t) => t.data.id),
    regions: REGIONS,
    kinds: NETWORK_KINDS,
  });
}
