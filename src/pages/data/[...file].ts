import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../site/site-data.ts';
import {
  openDataFiles,
  openDataResponse,
  openDataset,
  openGeoJson,
  type OpenDataFormat,
} from '../../site/open-data.ts';

// Outside the route table: open data is JSON, not a page with a view (src/site/open-data.ts).
export const getStaticPaths = (async () => {
  const data = await siteData();
  return openDataFiles(data).map(({ file, municipality, format }) => ({
    params: { file },
    props: { municipality, format },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { municipality, format } = props as { municipality?: string; format: OpenDataFormat };
  const data = await siteData();
  const dataset = openDataset(data, site!, municipality);
  return openDataResponse(format === 'json' ? dataset : openGeoJson(dataset, data), format);
};
