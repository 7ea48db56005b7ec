// The web app of `parallax serve`: one shell page (index.html), pages drawn from the JSON API
// (docs/api.md). Routes: / (stories), /story/ID, /article/ID#s=START-END, /search?q=,
// /outlets, /outlet/NAME, /speakers, /speaker/KEY. Same-origin links are followed without
// reloading the page; every page also loads on its own. The story page draws the comparison
// with the same renderer as the single-file report (compare.js).
(function () {
  'use strict';
  const {h, TextBytes, markedText} = window.ParallaxCompare;
  const main = document.getElementById('main');
  const started = performance.now();
  let navToken = 0;
  // The server draws a story's first screen into the page when its comparison is ready
  // (#comparison[data-ssr]): the browser paints it before any script runs, maybe before this
  // script has loaded. Element Timing reports when: paintTime is the end of the rendering update
  // that painted it (as the frame-based figure of ready() below), renderTime when that
  // frame reached the screen. serverFrame resolves once a frame with it has been drawn (storyPage
  // then draws the whole page over it); serverPaint to its Element Timing entry.
  let serverFrame = null;
  let serverPaint = null;
  let serverDrawnMs;
  if (document.querySelector('#comparison[data-ssr]')) {
    serverFrame = new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));
    const timed = typeof PerformanceObserver === 'function' && (PerformanceObserver.supportedEntryTypes || []).includes('element');
    const entry = !timed ? null : new Promise((resolve) => {
      const po = new PerformanceObserver((list) => {
        const e = list.getEntries().find((x) => x.identifier === 'pc-first-screen');
        if (!e) return;
        po.disconnect();
        resolve({paint: e.paintTime !== undefined ? e.paintTime : e.renderTime, present: e.renderTime || undefined});
      });
      po.observe({type: 'element', buffered: true});
    });
    // Without an entry (no Element Timing, or none within 1 s of the frame): the frame's time.
    const frame = serverFrame.then((t) => new Promise((resolve) => setTimeout(() => resolve({paint: t}), entry ? 1000 : 0)));
    serverPaint = entry ? Promise.race([entry, frame]) : frame;
  }

  // ---- plumbing ----
  class ApiError extends Error {
    constructor(status, reason) {
      super(reason);
      this.status = status;
    }
  }
  async function api(path) {
    // No extra request headers: the story page's <link rel=preload> must match this request.
    const res = await fetch(path);
    let body = null;
    try {
      body = await res.json();
    } catch (e) {
      throw new ApiError(res.status, 'the server sent no JSON (' + res.status + ')');
    }
    if (!res.ok) throw new ApiError(res.status, body && body.error ? body.error.reason : String(res.status));
    return body;
  }
  // Quote marks around quoted text, unless the span already carries its own.
  function quoted(t) {
    return /^["\u201C\u201E\u00AB\u2018']/.test(t) ? t : '\u201C' + t + '\u201D';
  }
  function enc(s) {
    return encodeURIComponent(s);
  }
  function qs(obj) {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(obj)) if (v !== undefined && v !== null && v !== '') p.set(k, v);
    const s = p.toString();
    return s ? '?' + s : '';
  }
  function fmtDate(iso) {
    if (!iso) return 'undated';
    return iso.replace('T', ' ');
  }
  function articleHref(id, start, end) {
    return '/article/' + enc(id) + (start !== undefined ? '#s=' + start + '-' + end : '');
  }
  function page(title, ...content) {
    document.title = title + ' \u2013 parallax';
    main.textContent = '';
    main.append(...content.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
  }
  // The page is drawn: data-ready="1" and parallaxRenderMs (ms since navigation start) when
  // its first screen is in the DOM; data-drawn="1" and parallaxDrawnMs once the browser has laid
  // it out and painted it (after the next frame). A story's comparison then completes below the
  // first screen: #comparison[data-complete="1"] (compare.js).
  function ready(token) {
    if (token !== navToken) return;
    document.body.dataset.ready = '1';
    if (window.parallaxFirstRenderMs === undefined) window.parallaxFirstRenderMs = performance.now() - started;
    window.parallaxRenderMs = performance.now();
    requestAnimationFrame(() => setTimeout(() => {
      if (token !== navToken) return;
      // A comparison notes when its first screen was painted (compare.js).
      const cmp = document.getElementById('comparison');
      if (serverDrawnMs !== undefined) {
        window.parallaxDrawnMs = serverDrawnMs;  // the server's first screen was painted then
        serverDrawnMs = undefined;
      } else {
        window.parallaxDrawnMs = cmp && cmp.pcFirstFrameMs !== undefined ? cmp.pcFirstFrameMs : performance.now();
      }
      document.body.dataset.drawn = '1';
    }, 0));
  }
  function showError(err) {
    const status = err && err.status ? err.status : '';
    page('Error', h('h1', null, status === 404 ? 'Not found' : 'Something went wrong'),
         h('p', {class: 'error', role: 'alert'}, err && err.message ? err.message : String(err)),
         h('p', null, h('a', {href: '/'}, 'Back to the stories')));
  }

  // ---- coverage timeline: which outlet published when ----
  function timeline(coverage) {
    const dated = coverage.filter((c) => c.published);
    if (dated.length === 0) return h('p', {class: 'muted'}, 'No dated articles.');
    const times = dated.map((c) => Date.parse(c.published.length === 10 ? c.published + 'T00:00' : c.published));
    const min = Math.min(...times.filter((t) => !isNaN(t)));
    const max = Math.max(...times.filter((t) => !isNaN(t)));
    const outlets = [...new Set(coverage.map((c) => c.outlet))];
    const rows = outlets.map((o) => {
      const dots = dated.filter((c) => c.outlet === o).map((c) => {
        const t = Date.parse(c.published.length === 10 ? c.published + 'T00:00' : c.published);
        const x = max > min && !isNaN(t) ? ((t - min) / (max - min)) * 100 : 50;
        // Set through the CSSOM: the server's CSP refuses inline style attributes.
        const dot = h('span', {class: 'tl-dot', title: o + ', ' + fmtDate(c.published)});
        dot.style.left = x.toFixed(1) + '%';
        return dot;
      });
      return h('div', {class: 'tl-row'}, h('span', {class: 'tl-name', title: o}, o), h('span', {class: 'tl-track'}, dots));
    });
    const words = coverage.map((c) => c.outlet + ' ' + fmtDate(c.published)).join('; ');
    return h('div', {class: 'timeline'}, h('span', {class: 'vh'}, 'Coverage: ' + words),
             h('div', {'aria-hidden': 'true'}, rows,
               h('div', {class: 'tl-axis'}, h('span', null, fmtDate(dated.reduce((a, c) => (c.published < a ? c.published : a), dated[0].published))),
                 h('span', null, fmtDate(dated.reduce((a, c) => (c.published > a ? c.published : a), dated[0].published))))));
  }

  // ---- pages ----
  async function storiesPage(params, token) {
    const filters = {q: params.get('q') || '', outlet: params.get('outlet') || '', since: params.get('since') || '',
                     until: params.get('until') || '', offset: params.get('offset') || ''};
    const [data, outlets] = await Promise.all([api('/api/stories' + qs(filters)), api('/api/outlets').catch(() => ({outlets: []}))]);
    const outletSelect = h('select', {name: 'outlet', id: 'f-outlet'}, h('option', {value: ''}, 'any outlet'),
                           outlets.outlets.map((o) => h('option', {value: o.name, selected: o.name === filters.outlet}, o.name)));
    const form = h('form', {class: 'filters', method: 'get', action: '/', role: 'search', 'aria-label': 'Filter stories'},
                   h('label', {for: 'f-q'}, 'Words', h('input', {id: 'f-q', name: 'q', type: 'search', value: filters.q})),
                   h('label', {for: 'f-outlet'}, 'Outlet', outletSelect),
                   h('label', {for: 'f-since'}, 'From', h('input', {id: 'f-since', name: 'since', type: 'date', value: filters.since})),
                   h('label', {for: 'f-until'}, 'To', h('input', {id: 'f-until', name: 'until', type: 'date', value: filters.until})),
                   h('button', {type: 'submit'}, 'Filter'));
    const items = data.stories.map((s) => h('li', {class: 'story'},
                                            h('div', null,
                                              h('h2', null, h('a', {href: '/story/' + s.id}, s.label || 'Story ' + s.id)),
                                              h('p', {class: 'muted'}, fmtDate(s.first) + ' \u2013 ' + fmtDate(s.last) + ' \u00B7 ' +
                                                s.article_count + ' articles \u00B7 ' + s.outlet_count + ' outlets'),
                                              h('ul', {class: 'chips', 'aria-label': 'Outlets'}, s.outlets.map((o) => h('li', {class: 'chip'}, o)))),
                                            timeline(s.coverage)));
    const pager = h('nav', {class: 'pager', 'aria-label': 'Pages'},
                    data.offset > 0 ? h('a', {href: '/' + qs({...filters, offset: Math.max(0, data.offset - data.limit) || ''})}, '\u2190 Newer') : null,
                    data.next_offset !== null ? h('a', {href: '/' + qs({...filters, offset: data.next_offset})}, 'More \u2192') : null);
    if (token !== navToken) return;
    page('Stories', h('h1', null, 'Stories'), form,
         items.length ? h('ul', {class: 'storylist'}, items) : h('p', null, 'No stories match.'), pager);
  }

  async function storyPage(id, token) {
    const loading = api('/api/stories/' + enc(id));
    loading.catch(() => {});  // its failure is handled below, once awaited
    const painted = serverPaint;
    if (serverFrame) {
      await serverFrame;  // the server's first screen is painted before the script's work starts
      serverFrame = null;
      serverPaint = null;
    }
    const data = await loading;
    const s = data.story;
    const rows = s.articles.map((a) => h('tr', null, h('td', null, h('a', {href: '/outlet/' + enc(a.outlet)}, a.outlet)),
                                         h('td', null, fmtDate(a.published)),
                                         h('td', null, h('a', {href: articleHref(a.id)}, a.headline || a.id),
                                           a.duplicate_of ? h('span', {class: 'pc-badge'}, 'copy') : null)));
    const cmp = h('div', {id: 'comparison'});
    if (painted) {
      // The server's first screen stays until the browser has reported its paint (Element
      // Timing reports no element removed before then).
      const p = await painted;
      serverDrawnMs = p.paint;
      window.parallaxServerPaint = p;  // {paint, present}: ms since navigation start
    }
    if (token !== navToken) return;
    page(s.label || 'Story ' + s.id,
         h('h1', null, s.label || 'Story ' + s.id),
         h('p', {class: 'sub'}, fmtDate(s.first) + ' \u2013 ' + fmtDate(s.last) + ' \u00B7 ' + s.article_count +
           ' articles from ' + s.outlet_count + ' outlets \u00B7 ',
           h('a', {href: '/report/story/' + s.id, download: 'parallax-story-' + s.id + '.html', class: 'noprint'}, 'single-file report')),
         h('details', {class: 'articles'}, h('summary', null, 'Articles of this story'),
           h('div', {class: 'scroll'}, h('table', {class: 'plain'}, h('thead', null, h('tr', null, h('th', null, 'Outlet'), h('th', null, 'Published'), h('th', null, 'Headline'))),
                                         h('tbody', null, rows)))),
         cmp);
    if (data.comparison) {
      ParallaxCompare.render(cmp, data.comparison, {
        evidenceHref: (ev, article) => articleHref(article.id, ev.start, ev.end),
      });
    } else {
      cmp.appendChild(h('p', {class: 'error', role: 'alert'}, 'No comparison: ' + (data.comparison_error || 'the story has no stored articles') + '.'));
    }
  }

  function parseTarget() {
    const m = /(?:^|[#&])s=(\d+)-(\d+)/.exec(location.hash);
    return m ? {start: Number(m[1]), end: Number(m[2])} : null;
  }

  async function articlePage(id, token) {
    const data = await api('/api/articles/' + enc(id));
    if (token !== navToken) return;
    const a = data.article;
    const corpus = data.corpus || {};
    const tb = new TextBytes(a.text);
    const target = parseTarget();
    const entities = a.entities || [];
    const entityById = new Map(entities.map((e) => [e.id, e]));
    const marks = [];
    for (const e of entities) {
      for (const m of e.mentions || []) {
        marks.push({start: m.start, end: m.end, cls: 'ent ent-' + e.type,
                    attrs: {title: e.name + ' (' + e.type + (e.roles && e.roles.length ? ': ' + e.roles.join(', ') : '') + ')'}});
      }
    }
    (a.quotes || []).forEach((q, i) => {
      marks.push({start: q.start, end: q.end, cls: 'q', attrs: {'data-quote': i}});
      if (q.speaker && q.speaker.end > q.speaker.start) marks.push({start: q.speaker.start, end: q.speaker.end, cls: 'spk'});
      if (q.cue) marks.push({start: q.cue.start, end: q.cue.end, cls: 'cue'});
    });
    if (target) marks.push({start: target.start, end: target.end, cls: 'target'});

    const doc = h('div', {class: 'doc', id: 'doc'});
    const blocks = (a.blocks || []).slice().sort((x, y) => x.start - y.start);
    let pos = 0;
    const gap = (from, to) => {
      if (to > from) {
        const t = tb.slice(from, to);
        if (t.trim()) doc.appendChild(h('div', {class: 'gap'}, markedText(tb, from, to, marks)));
      }
    };
    for (const b of blocks) {
      gap(pos, b.start);
      const inner = markedText(tb, b.start, b.end, marks);
      if (b.role === 'boilerplate') {
        doc.appendChild(h('details', {class: 'boiler', open: true},
                          h('summary', null, 'Boilerplate' + (b.reason ? ': ' + b.reason : '')),
                          h('div', {class: 'struck', dataset: {start: b.start, end: b.end}}, inner)));
      } else {
        doc.appendChild(h('div', {class: 'blk role-' + b.role, dataset: {start: b.start, end: b.end}},
                          b.role !== 'body' ? h('span', {class: 'blk-label'}, b.role + (b.reason ? ' \u00B7 ' + b.reason : '')) : null,
                          inner));
      }
      pos = Math.max(pos, b.end);
    }
    gap(pos, tb.length);
    if (blocks.length === 0) doc.appendChild(h('div', {class: 'blk'}, markedText(tb, 0, tb.length, marks)));

    const meta = h('dl', {class: 'meta'});
    const row = (k, ...v) => {
      meta.appendChild(h('dt', null, k));
      meta.appendChild(h('dd', null, ...v));
    };
    const outletName = corpus.outlet ? corpus.outlet.name : a.outlet;
    row('Outlet', outletName ? h('a', {href: '/outlet/' + enc(outletName)}, outletName) : 'unknown',
        corpus.outlet && corpus.outlet.kind !== 'unknown' ? h('span', {class: 'rule'}, ' ' + corpus.outlet.kind.replace('_', ' ') + (corpus.outlet.country ? ', ' + corpus.outlet.country : '')) : null);
    if (a.published) {
      row('Published', fmtDate(a.published.value),
          h('span', {class: 'rule'}, ' found by ' + (a.published.rule || '?') + ', confidence ' + a.published.confidence));
    } else {
      row('Published', 'not stated');
    }
    if (a.dateline) {
      row('Dateline', [a.dateline.place, a.dateline.date, a.dateline.agency].filter(Boolean).join(' \u00B7 '),
          h('span', {class: 'rule'}, ' ', h('a', {href: articleHref(a.id, a.dateline.start, a.dateline.end)}, 'in the text')));
    }
    if (a.byline && a.byline.length) row('Byline', a.byline.join(', '));
    if (a.section) row('Section', a.section);
    row('Language', a.language || 'unknown', a.charset ? h('span', {class: 'rule'}, ' decoded from ' + a.charset) : null);
    if (a.url) row('URL', a.url);
    row('Source', a.source);
    row('Id', a.id);
    if (corpus.story) row('Story', h('a', {href: '/story/' + corpus.story.id}, corpus.story.label || 'story ' + corpus.story.id));
    if (corpus.duplicate_of) {
      row('Copy of', h('a', {href: articleHref(corpus.duplicate_of.id)}, corpus.duplicate_of.id),
          h('span', {class: 'rule'}, ' ' + corpus.duplicate_of.kind + ', similarity ' + Number(corpus.duplicate_of.similarity).toFixed(2)));
    }
    if (a.warnings && a.warnings.length) row('Warnings', a.warnings.join('; '));

    const toggle = h('button', {type: 'button', class: 'toggle', 'aria-pressed': 'false'}, 'Hide boilerplate');
    toggle.addEventListener('click', () => {
      const hidden = doc.classList.toggle('hide-boiler');
      toggle.setAttribute('aria-pressed', hidden ? 'true' : 'false');
      toggle.textContent = hidden ? 'Show boilerplate' : 'Hide boilerplate';
    });
    const quoteList = (a.quotes || []).map((q) => {
      const ent = q.speaker && q.speaker.entity ? entityById.get(q.speaker.entity) : null;
      const who = ent ? ent.name : (q.speaker ? q.speaker.name : '?');
      return h('li', null, ent && ent.key ? h('a', {href: '/speaker/' + enc(ent.key)}, who) : h('strong', null, who), ': ',
               h('a', {href: articleHref(a.id, q.start, q.end), class: 'quote-link'},
                 quoted(tb.slice(q.start, q.end).slice(0, 160))),
               q.direct ? '' : h('span', {class: 'pc-badge'}, 'indirect'));
    });
    const entityList = entities.map((e) => {
      const first = (e.mentions || [])[0];
      return h('li', null, first ? h('a', {href: articleHref(a.id, first.start, first.end)}, e.name) : e.name,
               h('span', {class: 'rule'}, ' ' + e.type + ' \u00D7' + (e.mentions || []).length + (e.roles && e.roles.length ? ' \u00B7 ' + e.roles.join(', ') : '')));
    });
    page(a.headline || a.id,
         h('h1', null, a.headline || '(no headline)'), meta,
         h('div', {class: 'article-layout'},
           h('section', {'aria-label': 'Article text'},
             h('p', {class: 'legend muted'}, h('span', {class: 'ent'}, 'entity'), h('span', {class: 'q'}, 'quoted'),
               h('span', {class: 'spk'}, 'speaker'), h('span', {class: 'struck'}, 'boilerplate'), ' ', toggle),
             doc),
           h('aside', {class: 'side'},
             h('h2', null, 'Quotes (' + quoteList.length + ')'), quoteList.length ? h('ul', null, quoteList) : h('p', {class: 'muted'}, 'None.'),
             h('h2', null, 'Entities (' + entityList.length + ')'), entityList.length ? h('ul', null, entityList) : h('p', {class: 'muted'}, 'None.'))));
    const hit = doc.querySelector('.target');
    if (hit) {
      hit.id = 'target';
      hit.setAttribute('tabindex', '-1');
      hit.scrollIntoView({block: 'center'});
      hit.focus({preventScroll: true});
    }
  }

  async function searchPage(params, token) {
    const q = params.get('q') || '';
    document.getElementById('top-q').value = q;
    if (!q.trim()) {
      page('Search', h('h1', null, 'Search'), h('p', null, 'Type words in the search box: ferry, "harbour council", harb*, NEAR(a b, 5).'));
      return;
    }
    const data = await api('/api/search' + qs({q, limit: 50}));
    if (token !== navToken) return;
    const snippet = (s) => {
      // The store marks matches as [word]; draw them as <mark>.
      const out = [];
      const re = /\[([^\]]*)\]/g;
      let last = 0;
      let m;
      while ((m = re.exec(s))) {
        out.push(s.slice(last, m.index), h('mark', null, m[1]));
        last = m.index + m[0].length;
      }
      out.push(s.slice(last));
      return out;
    };
    page('Search: ' + q, h('h1', null, 'Search: ' + q),
         h('p', {class: 'muted'}, data.hits.length + (data.hits.length === 1 ? ' article' : ' articles')),
         h('ol', {class: 'hits'}, data.hits.map((x) => h('li', null,
                                                        h('a', {href: articleHref(x.id)}, x.headline || x.id),
                                                        h('div', {class: 'muted'}, x.outlet + ' \u00B7 ' + fmtDate(x.published)),
                                                        h('div', {class: 'snippet'}, snippet(x.snippet))))));
  }

  async function outletsPage(token) {
    const data = await api('/api/outlets');
    if (token !== navToken) return;
    page('Outlets', h('h1', null, 'Outlets'),
         h('div', {class: 'scroll'}, h('table', {class: 'plain'},
           h('thead', null, h('tr', null, ['Outlet', 'Kind', 'Country', 'Articles', 'Stories', 'First', 'Last'].map((t) => h('th', {scope: 'col'}, t)))),
           h('tbody', null, data.outlets.map((o) => h('tr', null, h('td', null, h('a', {href: '/outlet/' + enc(o.name)}, o.name || '(unknown)')),
                                                         h('td', null, o.kind.replace('_', ' ')), h('td', null, o.country),
                                                         h('td', null, o.articles), h('td', null, o.stories),
                                                         h('td', null, fmtDate(o.first)), h('td', null, fmtDate(o.last))))))));
  }

  async function outletPage(name, token) {
    const data = await api('/api/outlets/' + enc(name));
    if (token !== navToken) return;
    const o = data.outlet;
    page(o.name, h('h1', null, o.name),
         h('p', {class: 'sub'}, [o.kind && o.kind !== 'unknown' ? o.kind.replace('_', ' ') : 'kind unknown', o.country].filter(Boolean).join(' \u00B7 ')),
         h('h2', null, 'Stories it covered (' + data.stories.length + ')'),
         h('ul', null, data.stories.map((s) => h('li', null, h('a', {href: '/story/' + s.id}, s.label || 'story ' + s.id),
                                                 h('span', {class: 'muted'}, ' ' + fmtDate(s.first) + ' \u00B7 ' + s.articles + ' article(s)')))),
         h('h2', null, 'Whom it quoted (' + data.speakers.length + ')'),
         h('ul', null, data.speakers.map((s) => h('li', null, h('a', {href: '/speaker/' + enc(s.key)}, s.name),
                                                  h('span', {class: 'muted'}, ' ' + s.quotes + ' quote(s), ' + s.direct + ' direct')))),
         h('h2', null, 'Articles (' + data.articles.length + ')'),
         h('ul', null, data.articles.map((a) => h('li', null, h('a', {href: articleHref(a.id)}, a.headline || a.id),
                                                  h('span', {class: 'muted'}, ' ' + fmtDate(a.published))))));
  }

  async function speakersPage(params, token) {
    const data = await api('/api/speakers' + qs({limit: 200, outlet: params.get('outlet') || ''}));
    if (token !== navToken) return;
    page('Speakers', h('h1', null, 'Who is quoted where'),
         h('div', {class: 'scroll'}, h('table', {class: 'plain'},
           h('thead', null, h('tr', null, ['Speaker', 'Quotes', 'Direct', 'Outlets'].map((t) => h('th', {scope: 'col'}, t)))),
           h('tbody', null, data.speakers.map((s) => h('tr', null, h('td', null, h('a', {href: '/speaker/' + enc(s.key)}, s.name)),
                                                          h('td', null, s.quotes), h('td', null, s.direct),
                                                          h('td', null, s.outlets.map((o) => o.outlet + ' \u00D7' + o.quotes).join(', '))))))));
  }

  async function speakerPage(key, token) {
    const data = await api('/api/speakers/' + enc(key));
    if (token !== navToken) return;
    const byOutlet = new Map();
    for (const q of data.quotes) {
      if (!byOutlet.has(q.outlet)) byOutlet.set(q.outlet, []);
      byOutlet.get(q.outlet).push(q);
    }
    page(data.name, h('h1', null, data.name), h('p', {class: 'sub'}, data.quotes.length + ' quotes in ' + byOutlet.size + ' outlets'),
         [...byOutlet].map(([outlet, quotes]) => h('section', null,
                                                    h('h2', null, h('a', {href: '/outlet/' + enc(outlet)}, outlet)),
                                                    h('ul', null, quotes.map((q) => h('li', null,
                                                                                      h('a', {href: articleHref(q.article, q.start, q.end), class: 'quote-link'}, quoted(q.text)),
                                                                                      q.direct ? '' : h('span', {class: 'pc-badge'}, 'indirect'),
                                                                                      h('div', {class: 'muted'}, fmtDate(q.published) + ' \u00B7 ' + (q.headline || ''),
                                                                                        q.story !== null ? [' \u00B7 ', h('a', {href: '/story/' + q.story}, 'story')] : null)))))));
  }

  // ---- routing ----
  async function route() {
    const token = ++navToken;
    delete document.body.dataset.ready;
    delete document.body.dataset.drawn;
    const path = location.pathname;
    const params = new URLSearchParams(location.search);
    const seg = (prefix) => (path.startsWith(prefix) ? decodeURIComponent(path.slice(prefix.length)) : null);
    try {
      let id;
      if (path === '/') await storiesPage(params, token);
      else if ((id = seg('/story/')) !== null) await storyPage(id, token);
      else if ((id = seg('/article/')) !== null) await articlePage(id, token);
      else if (path === '/search') await searchPage(params, token);
      else if (path === '/outlets') await outletsPage(token);
      else if ((id = seg('/outlet/')) !== null) await outletPage(id, token);
      else if (path === '/speakers') await speakersPage(params, token);
      else if ((id = seg('/speaker/')) !== null) await speakerPage(id, token);
      else throw new ApiError(404, 'No such page.');
    } catch (err) {
      if (token === navToken) showError(err);
    }
    ready(token);
  }

  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = e.target.closest && e.target.closest('a[href]');
    if (!a || a.target || a.hasAttribute('download')) return;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin || url.pathname.startsWith('/api/') || url.pathname.startsWith('/assets/')) return;
    if (url.pathname === location.pathname && url.search === location.search && url.hash) {
      if (url.pathname.startsWith('/article/')) {
        e.preventDefault();
        history.pushState(null, '', url.href);
        route();
      }
      return;  // in-page anchors
    }
    e.preventDefault();
    history.pushState(null, '', url.href);
    window.scrollTo(0, 0);
    route().then(() => {
      if (!location.hash) main.focus({preventScroll: true});
    });
  });
  document.addEventListener('submit', (e) => {
    const form = e.target;
    if (form.method.toLowerCase() !== 'get') return;
    e.preventDefault();
    const url = new URL(form.action, location.href);
    url.search = qs(Object.fromEntries(new FormData(form)));
    history.pushState(null, '', url.href);
    route();
  });
  window.addEventListener('popstate', route);
  route();
})();
