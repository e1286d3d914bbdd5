import type { APIRoute, GetStaticPaths } from 'astro';
import { calendarFileParams, calendarFileText, calendarResponse, type CalendarFile } from '../../../site/calendar.ts';
import { siteData } from '../../../site/site-data.ts';

// The English calendars (.ics): every event, the whole list, each network and municipality.
export const getStaticPaths = (async () => calendarFileParams('en', await siteData())) satisfies GetStaticPaths;

export const GET: APIRoute<CalendarFile> = async ({ props, site }) =>
  calendarResponse(calendarFileText('en', props, await siteData(), site!));
