import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { TEST_DIST } from './global-setup.ts';
import { astroBuild, ROOT } from '../helpers/build.ts';
import { fileFor } from '../helpers/dist.ts';
import { filesUnder } from '../../src/lib/files-under.ts';
import { calendarPath, eventPath, networkPath, sectionPath } from '../../src/i18n/urls.ts';

const RECURRING = 'lokalgruppe-lolland-falster';

/** Every VEVENT of a built calendar file, read by ical.js with the VTIMEZONE the file carries. */
function readCalendar(dist: string, urlPath: string) {
  const text = fs.readFileSync(fileFor(dist, urlPath), 'utf8');
  const root = new ICAL.Component(ICAL.parse(text));
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const events = root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  return { text, root, events, byUid: new Map(events.map((e) => [e.uid.split('@')[0], e])) };
}

const html = (dist: string, urlPath: string) => fs.readFileSync(fileFor(dist, urlPath), 'utf8');
const hrefs = (page: string) => [...page.matchAll(/href="([^"]+)"/g)].map((m) => m[1].replaceAll('&amp;', '&'));
const starts = (e: ICAL.Event, n: number) => {
  const it = e.iterator();
  const out: string[] = [];
  for (let next = it.next(); next && out.length < n; next = it.next()) out.push(next.toJSDate().toISOString());
  return out;
};

describe('calendars of the built sample site', () => {
  const calendarFiles = () =>
    filesUnder(TEST_DIST)
      .filter((f) => f.endsWith('.ics'))
      .map((f) => `/${f.split(path.sep).join('/')}`);

  it('are under /kalender/ and /en/calendar/, one per event, network and municipality per language, and all parse', () => {
    const files = calendarFiles();
    expect(files.every((f) => f.startsWith('/kalender/') || f.startsWith('/en/calendar/'))).toBe(true);
    for (const lang of ['da', 'en'] as const) {
      expect(files).toContain(calendarPath(lang, 'all'));
      expect(files).toContain(calendarPath(lang, 'event', 'julefrokost-2026'));
      expect(files).toContain(calendarPath(lang, 'network', 'mikronet'));
      expect(files).toContain(calendarPath(lang, 'municipality', 'guldborgsund'));
    }
    const eventCount = fs.readdirSync(path.join(ROOT, 'content/events')).filter((f) => f.endsWith('.md')).length;
    expect(files.filter((f) => f.startsWith('/kalender/arrangementer/'))).toHaveLength(eventCount);
    for (const f of files) {
      const { root, text, events } = readCalendar(TEST_DIST, f);
      expect(root.name, f).toBe('vcalendar');
      // The time zone comes with the events that use it; a municipality with none has an empty calendar.
      if (events.length > 0) expect(text, f).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Copenhagen');
      expect(
        text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75),
        f,
      ).toBe(true);
    }
  });

  it('keep a cancelled event in the list, marked cancelled, with its title and its page in each language', () => {
    const da = readCalendar(TEST_DIST, calendarPath('da', 'all')).byUid.get('julefrokost-2026')!;
    expect(da.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(da.summary).toBe('Julefrokost for selvstændige');
    expect(da.description).toMatch(/Aflyst i år\.\n\nhttps?:\/\/[^/]+\/arrangementer\/julefrokost-2026\/$/);
    const en = readCalendar(TEST_DIST, calendarPath('en', 'all')).byUid.get('julefrokost-2026')!;
    expect(en.description).toMatch(/\/en\/events\/julefrokost-2026\/$/);
    expect(en.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('place 18:00 Danish time at 17:00 UTC in winter and 16:00 UTC in summer', () => {
    const winter = readCalendar(TEST_DIST, calendarPath('da', 'event', 'at-saelge-sig-selv')).events[0];
    expect(winter.startDate.toJSDate().toISOString()).toBe('2026-03-19T17:00:00.000Z');
    const summer = readCalendar(TEST_DIST, calendarPath('da', 'event', RECURRING)).events[0];
    expect(summer.startDate.toJSDate().toISOString()).toBe('2026-09-17T16:00:00.000Z');
  });

  it('write the recurring meeting as one VEVENT with an RRULE that stays at 18:00 Danish time', () => {
    const { events, text } = readCalendar(TEST_DIST, calendarPath('da', 'event', RECURRING));
    expect(events).toHaveLength(1);
    expect(text).toMatch(/^RRULE:FREQ=WEEKLY;INTERVAL=6;UNTIL=20270630T215959Z$/m);
    expect(starts(events[0], 10)).toEqual([
      '2026-09-17T16:00:00.000Z',
      '2026-10-29T17:00:00.000Z',
      '2026-12-10T17:00:00.000Z',
      '2027-01-21T17:00:00.000Z',
      '2027-03-04T17:00:00.000Z',
      '2027-04-15T16:00:00.000Z',
      '2027-05-27T16:00:00.000Z',
    ]);
    const list = readCalendar(TEST_DIST, calendarPath('da', 'all')).events.filter((e) => e.uid.startsWith(RECURRING));
    expect(list).toHaveLength(1);
  });

  it('give an online event its link as URL and LOCATION', () => {
    const e = readCalendar(TEST_DIST, calendarPath('da', 'event', 'online-kaffe-nye-medlemmer')).events[0];
    expect(e.location).toBe('https://moede.mikronet.example/kaffe');
    expect(e.component.getFirstPropertyValue('url')).toBe('https://moede.mikronet.example/kaffe');
  });

  it('hold in a network calendar only that network’s events, and in a municipality calendar only events there', () => {
    const network = readCalendar(TEST_DIST, calendarPath('da', 'network', 'moen-bogoe-erhvervsnetvaerk')).events;
    const mikronet = readCalendar(TEST_DIST, calendarPath('da', 'network', 'mikronet')).byUid;
    expect(network.map((e) => e.uid.split('@')[0])).not.toContain('julefrokost-2026');
    expect(mikronet.has('julefrokost-2026')).toBe(true);
    const lolland = readCalendar(TEST_DIST, calendarPath('da', 'municipality', 'lolland')).byUid;
    expect([...lolland.keys()]).toContain(RECURRING);
    expect([...lolland.keys()]).not.toContain('julefrokost-2026');
  });
});

describe('calendar links on the built pages', () => {
  it('an upcoming event’s page offers its .ics, and the file is there', () => {
    for (const lang of ['da', 'en'] as const) {
      const page = html(TEST_DIST, eventPath(lang, 'online-kaffe-nye-medlemmer'));
      const ics = calendarPath(lang, 'event', 'online-kaffe-nye-medlemmer');
      expect(hrefs(page)).toContain(ics);
      expect(fs.existsSync(fileFor(TEST_DIST, ics))).toBe(true);
    }
    // A cancelled event offers nothing to add.
    expect(hrefs(html(TEST_DIST, eventPath('da', 'julefrokost-2026')))).not.toContain(
      calendarPath('da', 'event', 'julefrokost-2026'),
    );
  });

  it('the events list and an organising network offer webcal:// and https links to calendars that exist', () => {
    const pages: [string, string][] = [
      [sectionPath('da', 'events'), calendarPath('da', 'all')],
      [sectionPath('en', 'events'), calendarPath('en', 'all')],
      [networkPath('da', 'mikronet'), calendarPath('da', 'network', 'mikronet')],
      [networkPath('en', 'mikronet'), calendarPath('en', 'network', 'mikronet')],
    ];
    for (const [pagePath, ics] of pages) {
      const links = hrefs(html(TEST_DIST, pagePath));
      expect(links, pagePath).toContain(ics);
      const webcal = links.find((l) => l.startsWith('webcal://'));
      expect(webcal, pagePath).toBeDefined();
      expect(new URL(webcal!.replace(/^webcal:/, 'https:')).pathname).toBe(ics);
      expect(fs.existsSync(fileFor(TEST_DIST, ics))).toBe(true);
    }
  });

  it('the recurring meeting shows its next date in the list and its coming dates on its page, across the change to summer time', () => {
    const list = html(TEST_DIST, sectionPath('da', 'events'));
    const card = list.slice(list.indexOf(eventPath('da', RECURRING)));
    // Built on 24 November 2026: the next meeting is 10 December, 18:00 Danish time.
    expect(card.match(/datetime="([^"]+)"/)![1]).toBe('2026-12-10T17:00:00.000Z');
    const page = html(TEST_DIST, eventPath('da', RECURRING));
    const dates = [...page.slice(page.indexOf('id="next-dates"')).matchAll(/<time datetime="([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(dates).toEqual([
      '2026-12-10T17:00:00.000Z',
      '2027-01-21T17:00:00.000Z',
      '2027-03-04T17:00:00.000Z',
      '2027-04-15T16:00:00.000Z',
      '2027-05-27T16:00:00.000Z',
    ]);
    expect(page).toContain('Hver 6. uge');
  });
});

describe('a second build, three weeks later', () => {
  const LATER = path.join(ROOT, '.tmp', `${path.basename(TEST_DIST)}-calendar-later`);
  beforeAll(async () => {
    const { code, output } = await astroBuild({
      OUT_DIR: LATER,
      BUILD_NOW: '2026-12-15T12:00:00+01:00',
      CONTENT_DIR: path.join(ROOT, 'content'),
    });
    if (code !== 0) throw new Error(output.slice(-3000));
  }, 600_000);

  it('gives every event the same UID and SEQUENCE', () => {
    const first = readCalendar(TEST_DIST, calendarPath('da', 'network', 'mikronet'));
    const second = readCalendar(LATER, calendarPath('da', 'network', 'mikronet'));
    for (const [slug, e] of first.byUid) {
      if (!second.byUid.has(slug)) continue;
      expect(second.byUid.get(slug)!.uid).toBe(e.uid);
      expect(second.byUid.get(slug)!.sequence).toBe(e.sequence);
    }
    const uids = (dist: string) => readCalendar(dist, calendarPath('da', 'event', RECURRING)).events[0].uid;
    expect(uids(LATER)).toBe(uids(TEST_DIST));
    expect(readCalendar(LATER, calendarPath('da', 'event', RECURRING)).events[0].sequence).toBeGreaterThan(0);
  });

  it('moves the recurring meeting on to its next date', () => {
    const list = html(LATER, sectionPath('da', 'events'));
    const card = list.slice(list.indexOf(eventPath('da', RECURRING)));
    expect(card.match(/datetime="([^"]+)"/)![1]).toBe('2027-01-21T17:00:00.000Z');
  });
});
