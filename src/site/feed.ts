export interface FeedItem {
  title: string;
  link: string;
  description: string;
  date: Date;
  author?: string | undefined;
  categories?: string[] | undefined;
}

export interface Feed {
  title: string;
  description: string;
  link: string;
  self: string;
  language: string;
  items: FeedItem[];
}

const escapeXml = (s: string) =>
  s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

/** RSS 2.0, with an atom:link to itself as feed validators expect. */
export function rssXml(feed: Feed): string {
  const items = feed.items
    .map(
      (i) => `    <item>
      <title>${escapeXml(i.title)}</title>
      <link>${escapeXml(i.link)}</link>
      <guid isPermaLink="true">${escapeXml(i.link)}</guid>
      <description>${escapeXml(i.description)}</description>
      <pubDate>${i.date.toUTCString()}</pubDate>
${i.author ? `      <dc:creator>${escapeXml(i.author)}</dc:creator>\n` : ''}${(i.categories ?? []).map((c) => `      <category>${escapeXml(c)}</category>\n`).join('')}    </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>${escapeXml(feed.title)}</title>
    <link>${escapeXml(feed.link)}</link>
    <description>${escapeXml(feed.description)}</description>
    <language>${feed.language}</language>
    <atom:link href="${escapeXml(feed.self)}" rel="self" type="application/rss+xml"/>
${items}
  </channel>
</rss>
`;
}
