import type { GetStaticPaths } from 'astro';
import type { Lang } from '../i18n/locale.ts';
import { barometerPath } from '../i18n/urls.ts';
import { barometerFiles } from './barometer-files.ts';
import { siteData } from './site-data.ts';

/** getStaticPaths and GET for the barometer's downloads in one language (src/pages/[en/]barometer/[...file].ts). */
export function barometerEndpoint(lang: Lang) {
  const getStaticPaths = (async () => {
    const data = await siteData();
    // The press release names the year's page by its full address (the config's `site`).
    const pageUrl = (year?: number) => new URL(barometerPath(lang, year), import.meta.env.SITE).href;
    return barometerFiles(data, lang, pageUrl).map((file) => ({ params: { file: file.path }, props: file }));
  }) satisfies GetStaticPaths;
  const GET = ({ props }: { props: { body: string; type: string } }) =>
    new Response(props.body, { headers: { 'Content-Type': props.type } });
  return { getStaticPaths, GET };
}
