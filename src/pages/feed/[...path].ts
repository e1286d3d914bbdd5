import type { APIRoute } from 'astro';
import { feedFiles, feedSpec, type FeedSource } from '../../site/feeds.ts';
import { feedResponse } from '../../site/feed.ts';
import { siteData } from '../../site/site-data.ts';
import type { FeedFormat } from '../../i18n/urls.ts';

// The Danish feeds (src/site/feeds.ts); outside the route table: a feed is XML or JSON, not a page with a view.
export const getStaticPaths = async () => feedFiles('da', await siteData());

export const GET: APIRoute = async ({ props, site }) => {
  const { source, format } = props as { source: FeedSource; format: FeedFormat };
  return feedResponse(feedSpec('da', source, await siteData(), site!), format);
};
