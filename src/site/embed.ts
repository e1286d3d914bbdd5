import type { Lang } from '../i18n/locale.ts';
import { LANGS } from '../i18n/locale.ts';
import { useTranslations, type Translate } from '../i18n/ui.ts';
import { eventPath, memberPath, municipalityPath, networkPath } from '../i18n/urls.ts';
import { formatDateTime } from '../lib/dates.ts';
import { municipalityPage } from './municipality.ts';
import type { SiteData } from './site-data.ts';
import { municipalityName } from './taxonomy.ts';

/**
 * What a municipality's own website can paste to show the network's members, networks and events
 * there: a two-line snippet that loads /data/embed.js (always current), or a static HTML list with
 * inline styles (a snapshot, for sites that allow no outside scripts; no iframe either way).
 */

/** The attribute that names the municipality on the element the script fills. */
export const EMBED_ATTRIBUTE = 'data-kommune';

export function embedSnippet(o: { script: string; municipality: string; lang: Lang }): string {
  return `<div ${EMBED_ATTRIBUTE}="${o.municipality}" data-lang="${o.lang}"></div>\n<script src="${o.script}" async></script>`;
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The static list: the same entries as the page (members, networks there, events nearby), escaped, styled inline. */
export function embedFragment(
  data: SiteData,
  o: { site: URL; municipality: string; lang: Lang; t: Translate },
): string {
  const { site, municipality: id, lang, t } = o;
  const p = municipalityPage(data, id);
  const abs = (path: string) => escape(new URL(path, site).href);
  const link = (path: string, text: string) => `<a href="${abs(path)}">${escape(text)}</a>`;
  const list = (heading: string, items: string[]) =>
    items.length === 0
      ? ''
      : `  <h3 style="font-size:1em;margin:1em 0 .25em">${escape(heading)}</h3>\n  <ul style="margin:0;padding-left:1.2em">\n${items
          .map((i) => `    <li>${i}</li>\n`)
          .join('')}  </ul>\n`;
  const name = municipalityName(data, id);
  return [
    `<section style="border:1px solid #ccc;border-radius:6px;padding:1em;max-width:40em">\n`,
    `  <h2 style="font-size:1.2em;margin:0">${escape(t('kommune.from', { site: data.settings.name, name }))}</h2>\n`,
    list(
      t('kommune.colMembers'),
      p.members.map(
        (m) => link(memberPath(lang, m.id), m.data.name) + (m.data.business ? ` – ${escape(m.data.business)}` : ''),
      ),
    ),
    list(
      t('kommune.colNetworks'),
      [...p.local, ...p.covering].map((n) => link(networkPath(lang, n.id), n.data.name)),
    ),
    list(
      t('kommune.colEvents'),
      p.events.map(
        ({ event }) =>
          `${escape(formatDateTime(event.data.start, lang))}: ${link(eventPath(lang, event.id), event.data.title)}`,
      ),
    ),
    `  <p style="margin:1em 0 0">${link(municipalityPath(lang, id), t('kommune.seeMore', { site: data.settings.name }))}</p>\n`,
    `</section>`,
  ].join('');
}

// Stands for the municipality's id in the page path the script is given.
const ID = '__ID__';

/** The words the script shows, per language, from the UI dictionary. */
function embedStrings(siteName: string): Record<Lang, Record<string, string>> {
  return Object.fromEntries(
    LANGS.map((lang) => {
      const t = useTranslations(lang);
      return [
        lang,
        {
          members: t('kommune.colMembers'),
          networks: t('kommune.colNetworks'),
          events: t('kommune.colEvents'),
          online: t('kommune.online'),
          from: t('kommune.from', { site: siteName, name: '{name}' }),
          more: t('kommune.seeMore', { site: siteName }),
          page: municipalityPath(lang, ID),
        },
      ];
    }),
  ) as unknown as Record<Lang, Record<string, string>>;
}

/**
 * /data/embed.js: finds every element with `data-kommune`, fetches that municipality's JSON from
 * beside the script and builds a list with DOM methods and textContent only (the data never
 * becomes markup), links only to http(s) addresses. Plain ES2017 for any browser a municipality's
 * visitors use; no inline styles (a host page's CSP may forbid them), so the host's styles apply.
 */
export function embedScript(siteName: string): string {
  return `/* ${siteName}: open data list. Usage: <div ${EMBED_ATTRIBUTE}="municipality-id" data-lang="da"></div> + this script. */
(function (strings) {
  'use strict';
  var script = document.currentScript;
  var base = new URL('.', script && script.src ? script.src : location.href);
  function el(name, text) {
    var node = document.createElement(name);
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function link(url, text) {
    var a = el('a', text);
    try {
      var u = new URL(url);
      if (u.protocol === 'https:' || u.protocol === 'http:') a.href = u.href;
    } catch (e) {}
    return a;
  }
  function list(target, heading, items) {
    if (!items.length) return;
    target.appendChild(el('h3', heading));
    var ul = el('ul');
    items.forEach(function (parts) {
      var li = el('li');
      parts.forEach(function (p) { li.appendChild(typeof p === 'string' ? document.createTextNode(p) : p); });
      ul.appendChild(li);
    });
    target.appendChild(ul);
  }
  function render(target) {
    var id = target.getAttribute('${EMBED_ATTRIBUTE}') || '';
    if (!/^[a-z0-9-]+$/.test(id) || target.getAttribute('data-rendered')) return;
    target.setAttribute('data-rendered', 'true');
    var lang = target.getAttribute('data-lang') === 'en' ? 'en' : 'da';
    var s = strings[lang];
    var when = new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', {
      dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Copenhagen'
    });
    fetch(new URL('municipalities/' + id + '.json', base).href)
      .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
      .then(function (d) {
        var box = el('section');
        box.className = 'open-data-list';
        box.appendChild(el('h2', s.from.replace('{name}', d.municipality ? d.municipality.name : id)));
        list(box, s.members, d.members.map(function (m) {
          return [link(m.url[lang], m.name)].concat(m.business ? [' – ' + m.business] : []);
        }));
        list(box, s.networks, d.networks.map(function (n) { return [link(n.url[lang], n.name)]; }));
        list(box, s.events, d.events.map(function (e) {
          return [when.format(new Date(e.start)) + ': ', link(e.url[lang], e.title)].concat(e.venue ? [] : [' (' + s.online + ')']);
        }));
        var more = el('p');
        more.appendChild(link(new URL(s.page.replace('${ID}', id), d.source).href, s.more));
        box.appendChild(more);
        target.textContent = '';
        target.appendChild(box);
      })
      .catch(function () { target.removeAttribute('data-rendered'); });
  }
  function all() { document.querySelectorAll('[${EMBED_ATTRIBUTE}]').forEach(render); }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', all);
  else all();
})(${JSON.stringify(embedStrings(siteName))});
`;
}
