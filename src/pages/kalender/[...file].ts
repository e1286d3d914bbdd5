import type { APIRoute, GetStaticPaths } from 'astro';
import { calendarFileParams, calendarFileText, calendarResponse, type CalendarFile } from '../../site/calendar.ts';
import { siteData } from '../../site/site-data.ts';

// The Danish calendars (.ics): every event, the whole list, each network and municipality.
export const getStaticPaths = (async () => calendarFileParams('da', await siteData())) satisfies GetStaticPaths;

export const GET: APIRoute<CalendarFile> = async ({ props, site }) =>
  calendarResponse(calendarFileText('da', props, await siteData(), site!));
