import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import {
  COPENHAGEN_VTIMEZONE,
  calendarItem,
  calendarText,
  eventSequence,
  rruleLine,
  webcalUrl,
  type CalendarItem,
} from '../../src/site/calendar.ts';
import { parseLocalDateTime } from '../../src/lib/dates.ts';

const local = (text: string) => parseLocalDateTime(text);
const site = new URL('https://mikronet.dk');

function item(over: Partial<CalendarItem> = {}): CalendarItem {
  return {
    uid: 'moede@mikronet.dk',
    summary: 'Mikronet-møde',
    description: 'Et møde.\n\nhttps://mikronet.dk/arrangementer/moede/',
    start: local('2027-01-14T17:00'),
    end: local('2027-01-14T19:30'),
    location: 'Biblioteket, Rådhuspladsen 1, Guldborgsund',
    url: 'https://mikronet.dk/arrangementer/moede/',
    cancelled: false,
    sequence: 0,
    stamp: new Date('2026-11-01T10:00:00Z'),
    ...over,
  };
}

const calendar = (...items: CalendarItem[]) =>
  calendarText({
    name: 'Mikronet – Arrangementer',
    lang: 'da',
    url: 'https://mikronet.dk/arrangementer/',
    company: 'Mikronet',
    items,
  });

/** Parses a calendar as a calendar program does, with the time zone the file carries. */
function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return { root, events: root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

describe('the Copenhagen VTIMEZONE', () => {
  it('gives the same UTC offset as the zone database on both sides of every change, 1996–2060', () => {
    const tz = new ICAL.Timezone(new ICAL.Component(ICAL.parse(COPENHAGEN_VTIMEZONE)));
    const wrong: string[] = [];
    for (let year = 1996; year <= 2060; year++) {
      for (const month of [3, 10]) {
        const lastSunday = 31 - new Date(Date.UTC(year, month - 1, 31)).getUTCDay();
        for (const [day, hour, minute] of [
          [lastSunday - 1, 18, 0],
          [lastSunday, 1, 30],
          [lastSunday, 3, 30],
          [lastSunday, 18, 0],
          [lastSunday + 1, 18, 0],
        ]) {
          const t = ICAL.Time.fromData({ year, month, day, hour, minute, second: 0, isDate: false }, tz);
          const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
          if (t.toUnixTime() * 1000 !== local(text).getTime()) wrong.push(text);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('a calendar', () => {
  it('places an event at 18:00 Danish time right on both sides of the change to summer time', () => {
    const text = calendar(
      item({ uid: 'before@mikronet.dk', start: local('2027-03-27T18:00'), end: undefined }),
      item({ uid: 'after@mikronet.dk', start: local('2027-03-29T18:00'), end: undefined }),
    );
    expect(text).toContain('DTSTART;TZID=Europe/Copenhagen:20270327T180000');
    expect(text).toContain('BEGIN:VTIMEZONE');
    const [before, after] = parse(text).events;
    expect(before.startDate.toJSDate().toISOString()).toBe('2027-03-27T17:00:00.000Z');
    expect(after.startDate.toJSDate().toISOString()).toBe('2027-03-29T16:00:00.000Z');
  });

  it('does not depend on the time zone of the machine that builds it', () => {
    // The instants are fixed; only the wall clock of Copenhagen may appear in the file.
    const text = calendar(item({ start: new Date('2027-07-01T16:00:00Z'), end: undefined }));
    expect(text).toContain('DTSTART;TZID=Europe/Copenhagen:20270701T180000');
    expect(text).toMatch(/DTSTAMP:20261101T100000Z/);
  });

  it('marks a cancelled event as cancelled and a planned one as confirmed', () => {
    const [cancelled, planned] = parse(
      calendar(item({ uid: 'a@mikronet.dk', cancelled: true }), item({ uid: 'b@mikronet.dk' })),
    ).events;
    expect(cancelled.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(planned.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
  });

  it('escapes and folds a long Danish title with commas and semicolons, and reads back the same', () => {
    const title =
      'Årsmøde i Nykøbing F.; oplæg om moms, bogføring og prissætning – for små virksomheder, freelancere og selvstændige på Lolland-Falster, Møn og Bogø';
    const text = calendar(item({ summary: title, description: 'Kaffe; kage, og snak.\nNy linje' }));
    expect(text).toContain('\\;');
    expect(text).toContain('\\,');
    const lines = text.split('\r\n');
    expect(lines.every((l) => Buffer.byteLength(l, 'utf8') <= 75)).toBe(true);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    const [event] = parse(text).events;
    expect(event.summary).toBe(title);
    expect(event.description).toBe('Kaffe; kage, og snak.\nNy linje');
  });

  it('writes a series as one VEVENT with its RRULE, which keeps 18:00 Danish time across the change', () => {
    const text = calendar(
      item({
        start: local('2027-02-18T18:00'),
        end: local('2027-02-18T20:00'),
        recurrence: { freq: 'weekly', interval: 6, until: new Date('2027-06-30T00:00:00Z') },
      }),
    );
    const { events } = parse(text);
    expect(events).toHaveLength(1);
    expect(text).toMatch(/^RRULE:FREQ=WEEKLY;INTERVAL=6;UNTIL=20270630T215959Z$/m);
    const it = events[0].iterator();
    const starts: string[] = [];
    for (let next = it.next(); next; next = it.next()) starts.push(next.toJSDate().toISOString());
    // 18 Feb, 1 Apr, 13 May, 24 Jun: winter time first (17:00 UTC), then summer time (16:00 UTC).
    expect(starts).toEqual([
      '2027-02-18T17:00:00.000Z',
      '2027-04-01T16:00:00.000Z',
      '2027-05-13T16:00:00.000Z',
      '2027-06-24T16:00:00.000Z',
    ]);
  });

  it('writes COUNT when a series has a number of times', () => {
    expect(rruleLine({ freq: 'monthly', interval: 1, count: 10 })).toBe('RRULE:FREQ=MONTHLY;INTERVAL=1;COUNT=10');
  });
});

describe('an event as a calendar item', () => {
  const municipalities = new Map([
    ['guldborgsund', { id: 'guldborgsund', name: 'Guldborgsund', region: 'sjaelland', lat: 0, lon: 0 }],
  ]);
  const base = {
    title: 'Mikronet-møde',
    description: 'Kaffe og oplæg.',
    start: local('2027-01-14T17:00'),
    end: local('2027-01-14T19:30'),
    lang: 'da' as const,
    status: 'planned' as const,
  };
  const ctx = (lang: 'da' | 'en') => ({ lang, site, now: new Date('2026-11-26T12:00:00Z'), municipalities });

  it('has a UID from its slug and the site host, the same in both languages, and its page in the description', () => {
    const event = {
      id: 'moede-januar',
      data: { ...base, venue: { name: 'Biblioteket', address: 'Rådhuspladsen 1', municipality: 'guldborgsund' } },
    };
    const da = calendarItem(event, ctx('da'));
    const en = calendarItem(event, ctx('en'));
    expect(da.uid).toBe('moede-januar@mikronet.dk');
    expect(en.uid).toBe(da.uid);
    expect(da.description).toBe('Kaffe og oplæg.\n\nhttps://mikronet.dk/arrangementer/moede-januar/');
    expect(en.description).toContain('https://mikronet.dk/en/events/moede-januar/');
    expect(da.location).toBe('Biblioteket, Rådhuspladsen 1, Guldborgsund');
    expect(da.url).toBe('https://mikronet.dk/arrangementer/moede-januar/');
  });

  it('gives an online event its link as URL and LOCATION', () => {
    const event = { id: 'kaffe', data: { ...base, online_url: 'https://moede.example/kaffe' } };
    const [parsed] = parse(calendar(calendarItem(event, ctx('da')))).events;
    expect(parsed.location).toBe('https://moede.example/kaffe');
    expect(parsed.component.getFirstPropertyValue('url')).toBe('https://moede.example/kaffe');
  });

  it('bumps SEQUENCE when `updated` moves on, and gives the same number for the same content', () => {
    expect(eventSequence(undefined)).toBe(0);
    const first = eventSequence(local('2026-11-01T10:00'));
    expect(eventSequence(local('2026-11-01T10:00'))).toBe(first);
    expect(eventSequence(local('2026-11-01T10:05'))).toBeGreaterThan(first);
    const event = { id: 'x', data: { ...base, online_url: 'https://m.example', updated: local('2026-11-01T10:05') } };
    const parsed = parse(calendar(calendarItem(event, ctx('da')))).events[0];
    expect(parsed.sequence).toBe(eventSequence(local('2026-11-01T10:05')));
    const stamp = parsed.component.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect(stamp.toJSDate().toISOString()).toBe('2026-11-01T09:05:00.000Z');
  });

  it('subscribes with webcal:// to the same file', () => {
    expect(webcalUrl('https://mikronet.dk/kalender/arrangementer.ics')).toBe(
      'webcal://mikronet.dk/kalender/arrangementer.ics',
    );
  });
});
