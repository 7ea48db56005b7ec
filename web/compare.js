// The comparison renderer: draws a parallax.comparison/1 record (docs/schema/comparison.md) as
// the side-by-side view. The single-file HTML report and the web app's story page both use it.
//
//   ParallaxCompare.render(element, record, {
//     evidenceHref: (ev, article) => '/article/' + article.id + '#s=' + ev.start + '-' + ev.end,
//   });
//
// The first screen (header, headlines, the first rows of the claim matrix) is drawn at once;
// the other sections and rows are added right after it is painted, and then `element` gets
// data-complete="1" (element.pcFirstFrameMs and pcCompleteMs hold the times, performance.now()).
// {synchronous: true} draws everything before render returns.
//
// Without `evidenceHref`, evidence links open the built-in reader (the article text with the
// span highlighted) in the same page; the matrix cells always open it. Nothing here fetches:
// the record is all it needs. Text goes through textContent, except in the two largest parts
// (the claim matrix and the omission lists), which are built as one HTML string each for
// speed: there every piece of text and every attribute value passes through esc() first.
(function (global) {
  'use strict';

  const encoder = new TextEncoder();
  const decoder = new TextDecoder();

  // Element builder: h('a', {href: '#', class: 'x'}, 'text', child, [more children]).
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === null || v === undefined || v === false) continue;
        if (k === 'class') el.className = v;
        else if (k === 'dataset') Object.assign(el.dataset, v);
        else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
        else el.setAttribute(k, v === true ? '' : String(v));
      }
    }
    append(el, children);
    return el;
  }
  function append(el, children) {
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      if (Array.isArray(c)) append(el, c);
      else if (c instanceof Node) el.appendChild(c);
      else el.appendChild(document.createTextNode(String(c)));
    }
  }

  // Text or an attribute value made safe for an HTML string (both quote kinds escaped).
  const escapes = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'};
  function esc(s) {
    return String(s).replace(/[&<>"']/g, (c) => escapes[c]);
  }

  // Byte offsets (UTF-8, as every span in parallax) into a JS string (UTF-16).
  class TextBytes {
    constructor(text) {
      this.text = text || '';
      this.bytes = encoder.encode(this.text);
    }
    slice(start, end) {
      const s = Math.max(0, Math.min(start, this.bytes.length));
      const e = Math.max(s, Math.min(end, this.bytes.length));
      return decoder.decode(this.bytes.subarray(s, e));
    }
    get length() {
      return this.bytes.length;
    }
  }

  // Splits [from, to) of `tb` at the boundaries of `marks` ({start, end, cls, attrs}) and
  // returns nodes: plain text and <span> elements carrying every class covering a piece.
  function markedText(tb, from, to, marks) {
    const cuts = new Set([from, to]);
    const inside = [];
    for (const m of marks) {
      if (m.end <= from || m.start >= to || m.end <= m.start) continue;
      inside.push(m);
      cuts.add(Math.max(from, m.start));
      cuts.add(Math.min(to, m.end));
    }
    const points = [...cuts].sort((a, b) => a - b);
    const out = [];
    for (let i = 0; i + 1 < points.length; ++i) {
      const a = points[i];
      const b = points[i + 1];
      const text = tb.slice(a, b);
      const cover = inside.filter((m) => m.start <= a && m.end >= b);
      if (cover.length === 0) {
        out.push(document.createTextNode(text));
        continue;
      }
      const attrs = {class: cover.map((m) => m.cls).join(' ')};
      for (const m of cover) Object.assign(attrs, m.attrs || {});
      out.push(h('span', attrs, text));
    }
    return out;
  }

  function outletOfArticle(record, i) {
    const a = record.articles[i] || {};
    if (a.outlet && record.outlets.includes(a.outlet)) return a.outlet;
    const unknown = '(unknown: ' + (a.source || '') + ')';
    if (record.outlets.includes(unknown)) return unknown;
    return a.outlet || unknown;
  }

  function short(text, max) {
    const t = (text || '').replace(/\s+/g, ' ').trim();
    return t.length > max ? t.slice(0, max - 1) + '\u2026' : t;
  }

  // Quote marks around quoted text, unless the span already carries its own.
  function quoted(t) {
    return /^["\u201C\u201E\u00AB\u2018']/.test(t) ? t : '\u201C' + t + '\u201D';
  }

  function fmtScore(x) {
    return typeof x === 'number' ? (Math.round(x * 100) / 100).toString() : '';
  }

  function render(root, record, options) {
    const opts = options || {};
    root.textContent = '';
    if (!record || typeof record !== 'object' || !Array.isArray(record.articles)) {
      root.appendChild(h('p', {class: 'pc-error', role: 'alert'}, 'Not a comparison record.'));
      return;
    }
    for (const key of ['outlets', 'claims', 'quotes', 'voices', 'omissions', 'wording',
                       'disagreements', 'headlines', 'warnings']) {
      if (!Array.isArray(record[key])) record[key] = [];
    }
    const texts = record.articles.map((a) => new TextBytes(a.text));
    const articleOutlet = record.articles.map((_, i) => outletOfArticle(record, i));
    const claimById = new Map(record.claims.map((c) => [c.id, c]));
    const uid = 'pc' + Math.random().toString(36).slice(2, 8);

    function evText(ev) {
      if (!ev || !texts[ev.article]) return '';
      return texts[ev.article].slice(ev.start, ev.end);
    }

    // ---- the reader: one article's text with a span highlighted ----
    const readerBody = h('div', {class: 'pc-reader-text', tabindex: '-1'});
    const readerTitle = h('h3', {class: 'pc-reader-title'}, 'Article text');
    const readerLink = h('p', {class: 'pc-reader-link'});
    const reader = h('section', {class: 'pc-reader', id: uid + '-reader', 'aria-live': 'polite',
                                 'aria-label': 'Article text'},
                     readerTitle, readerLink, readerBody,
                     h('p', {class: 'pc-hint'}, 'Choose a cell of the claim matrix or any ' +
                                                'evidence link to see it in its article.'));

    function showEvidence(ev, focus) {
      const a = record.articles[ev.article];
      if (!a) return;
      readerTitle.textContent = articleOutlet[ev.article] + ': ' + (a.headline || a.source || '');
      readerLink.textContent = '';
      if (opts.evidenceHref) {
        readerLink.appendChild(h('a', {href: opts.evidenceHref(ev, a)}, 'Open in the article page'));
      }
      const tb = texts[ev.article];
      readerBody.textContent = '';
      append(readerBody, markedText(tb, 0, tb.length, [{start: ev.start, end: ev.end,
                                                         cls: 'pc-hl', attrs: {id: uid + '-hl'}}]));
      reader.hidden = false;
      const hl = readerBody.querySelector('.pc-hl');
      if (hl) {
        hl.scrollIntoView({block: 'center'});
        if (focus) {
          hl.setAttribute('tabindex', '-1');
          hl.focus({preventScroll: true});
        }
      }
    }

    // An evidence link: the span's words, to the article page (app) or the reader (report).
    function evLink(ev, label, cls) {
      const a = record.articles[ev.article];
      const text = label !== undefined ? label : evText(ev);
      const attrs = {class: 'pc-ev' + (cls ? ' ' + cls : ''),
                     dataset: {article: ev.article, start: ev.start, end: ev.end}};
      if (opts.evidenceHref && a) {
        attrs.href = opts.evidenceHref(ev, a);
      } else {
        attrs.href = '#' + uid + '-reader';
        attrs.onclick = (e) => {
          e.preventDefault();
          showEvidence(ev, true);
        };
      }
      return h('a', attrs, text);
    }
    // The same link as HTML text. Without evidenceHref its click is handled by the root's
    // listener (below), which reads the span from the data attributes.
    function evLinkHtml(ev, label) {
      const a = record.articles[ev.article];
      const href = opts.evidenceHref && a ? opts.evidenceHref(ev, a) : '#' + uid + '-reader';
      return '<a class="pc-ev" href="' + esc(href) + '" data-article="' + esc(ev.article) +
             '" data-start="' + esc(ev.start) + '" data-end="' + esc(ev.end) + '"' +
             (opts.evidenceHref && a ? '' : ' data-reader="1"') + '>' + esc(label) + '</a>';
    }

    function section(id, title, ...content) {
      return h('section', {class: 'pc-section', id: uid + '-' + id, 'aria-labelledby':
                               uid + '-' + id + '-h'},
               h('h2', {id: uid + '-' + id + '-h'}, title), ...content);
    }

    // ---- header: outlets and warnings ----
    const head = h('header', {class: 'pc-head'},
                   h('p', {class: 'pc-outlets'}, record.outlets.length + ' outlets, ' +
                         record.articles.length + ' articles: ',
                     record.outlets.map((o, i) => [i ? ', ' : '', h('strong', null, o)])),
                   record.warnings.length
                       ? h('ul', {class: 'pc-warnings'},
                           record.warnings.map((w) => h('li', null, String(w))))
                       : null);

    // ---- headlines side by side ----
    const headlineCards = record.articles.map((a, i) => {
      const framing = record.headlines.find((x) => x.article === i);
      const terms = framing && Array.isArray(framing.terms) ? framing.terms : [];
      let headline = a.headline || (framing && framing.text) || '';
      if (!headline && framing && framing.evidence) headline = evText(framing.evidence);
      return h('article', {class: 'pc-card'},
               h('p', {class: 'pc-card-outlet'}, articleOutlet[i]),
               h('p', {class: 'pc-card-date'}, a.published || 'undated'),
               h('h3', {class: 'pc-card-headline'},
                 framing && framing.evidence ? evLink(framing.evidence, headline || '(no headline)')
                                             : headline || '(no headline)'),
               terms.length ? h('p', {class: 'pc-terms'}, 'Only this headline: ',
                                terms.map((t, k) => [k ? ', ' : '', h('em', null, t)]))
                            : null);
    });
    const headlines = section('headlines', 'Headlines', h('div', {class: 'pc-cards'},
                                                            headlineCards));

    // ---- claim matrix: claims x outlets ----
    const outletArticles = record.outlets.map(
        (o) => articleOutlet.map((x, i) => (x === o ? i : -1)).filter((i) => i >= 0));
    const disputed = new Map();  // claim id -> Set of outlets with a differing value
    for (const d of record.disagreements) {
      if (!d.about) continue;
      const set = disputed.get(d.about) || new Set();
      for (const v of d.values || []) set.add(v.outlet);
      disputed.set(d.about, set);
    }
    function cellState(claim, oi) {
      const mine = outletArticles[oi];
      const ev = (claim.evidence || []).filter((e) => mine.includes(e.article));
      const carrying = new Set(ev.map((e) => e.article));
      if (carrying.size === 0) {
        return {state: (claim.outlets || []).includes(record.outlets[oi]) ? 'carried' : 'absent',
                ev};
      }
      return {state: carrying.size < mine.length ? 'partly' : 'carried', ev};
    }
    const stateMark = {carried: '\u25CF', partly: '\u25D0', absent: '\u25CB'};
    const stateWord = {carried: 'carried', partly: 'partly: not every article of this outlet',
                       absent: 'absent'};
    // Rows are HTML strings (hundreds of claims x outlets cells): far fewer DOM calls than
    // element by element, and one layout. Cell buttons keep their evidence in cellEv[row][col].
    const cellEv = [];
    function rowHtml(ci) {
      const claim = record.claims[ci];
      const evs = [];
      let cells = '';
      record.outlets.forEach((o, oi) => {
        const {state, ev} = cellState(claim, oi);
        const differs = disputed.has(claim.id) && disputed.get(claim.id).has(o);
        const label = esc(claim.id + ', ' + o + ': ' + stateWord[state] +
                          (differs ? ', figures differ' : ''));
        const content = stateMark[state] + (differs ? '<span class="pc-differs">\u2260</span>' : '');
        evs.push(ev.length ? ev[0] : null);
        // A cell with evidence holds a link acting as a button (an inline box: much lighter to
        // lay out than a <button>, and Enter activates it natively).
        cells += '<td class="pc-cell pc-' + state + '">' +
                 (ev.length === 0
                      ? '<span class="pc-cellmark" role="img" aria-label="' + label + '" title="' +
                            label + '">' + content + '</span>'
                      : '<a href="#' + uid + '-reader" role="button" class="pc-cellbtn" aria-label="' +
                            label + '" title="' + label + '" data-row="' + ci + '" data-col="' + oi +
                            '">' + content + '</a>') +
                 '</td>';
      });
      cellEv[ci] = evs;
      const first = (claim.evidence || [])[0];
      const text = short(claim.text || (first ? evText(first) : ''), 220);
      return '<tr id="' + esc(uid + '-' + claim.id) + '" class="pc-claim pc-status-' +
             esc(claim.status) + '"><th scope="row" class="pc-claimtext">' +
             '<span class="pc-claimid">' + esc(claim.id) + '</span> ' +
             (first ? evLinkHtml(first, text) : esc(text)) +
             ' <span class="pc-badge pc-badge-' + esc(claim.status) + '">' +
             esc(claim.status) + '</span></th>' + cells + '</tr>';
    }
    function rowsHtml(from, to) {
      let html = '';
      for (let ci = from; ci < to; ++ci) html += rowHtml(ci);
      return html;
    }
    // The first screenful of rows now; the others are built and added right after the first
    // frame is painted (the fixed table layout keeps the columns as they are), and then
    // root.dataset.complete is set.
    const kFirstRows = 10;  // the server draws as many (src/serve/story_page.h)
    const firstRows = Math.min(kFirstRows, record.claims.length);
    const matrixBody = h('tbody');
    matrixBody.innerHTML = rowsHtml(0, firstRows);
    const matrix = h('table', {class: 'pc-matrix'},
                     h('caption', null, 'Claims \u00D7 outlets: \u25CF carried, \u25D0 partly, ' +
                                        '\u25CB absent, \u2260 its figures differ'),
                     h('colgroup', null, h('col'),
                       record.outlets.map(() => h('col', {class: 'pc-outletw'}))),
                     h('thead', null, h('tr', null, h('th', {scope: 'col'}, 'Claim'),
                                        record.outlets.map((o) => h('th', {scope: 'col',
                                                                           class: 'pc-outletcol'},
                                                                        o)))),
                     matrixBody);
    // Set through the CSSOM (the server's CSP refuses inline style attributes).
    matrix.style.minWidth = (16 + 4.5 * record.outlets.length) + 'rem';
    matrix.addEventListener('click', (e) => {
      const btn = e.target.closest && e.target.closest('.pc-cellbtn');
      if (!btn) return;
      e.preventDefault();
      const ev = (cellEv[Number(btn.dataset.row)] || [])[Number(btn.dataset.col)];
      if (ev) showEvidence(ev, false);
    });
    // Arrow keys move between the matrix's cell buttons.
    matrix.addEventListener('keydown', (e) => {
      const btn = e.target.closest && e.target.closest('.pc-cellbtn');
      if (!btn) return;
      if (e.key === ' ') {  // a button answers Space as well as Enter
        e.preventDefault();
        btn.click();
        return;
      }
      const dr = {ArrowUp: -1, ArrowDown: 1}[e.key] || 0;
      const dc = {ArrowLeft: -1, ArrowRight: 1}[e.key] || 0;
      if (!dr && !dc) return;
      e.preventDefault();
      let r = Number(btn.dataset.row);
      let c = Number(btn.dataset.col);
      for (let step = 0; step < record.claims.length + record.outlets.length; ++step) {
        r += dr;
        c += dc;
        if (r < 0 || c < 0 || r >= record.claims.length || c >= record.outlets.length) return;
        const next = matrix.querySelector('.pc-cellbtn[data-row="' + r + '"][data-col="' + c + '"]');
        if (next) {
          next.focus();
          return;
        }
      }
    });
    const claims = section('claims', 'Claims',
                           record.claims.length
                               ? h('div', {class: 'pc-scroll', tabindex: '0',
                                           'aria-label': 'Claim matrix'}, matrix)
                               : h('p', null, 'No claims were aligned.'));

    // The sections below the claims are built right after the first frame is painted (they
    // are off screen then): the first screen does not wait for thousands of nodes it does not
    // show.
    function restSections() {
      // ---- quotes by speaker and outlet ----
      const quoteRows = record.quotes.map((sp) => {
        const perOutlet = record.outlets.map((o) => {
          const st = (sp.statements || []).filter((s) => s.outlet === o);
          return h('td', {class: 'pc-quotecell'},
                   st.length ? h('ul', null, st.map((s) => h('li', {class: 'pc-quote'},
                                                             evLink(s.evidence, quoted(short(evText(s.evidence), 300))),
                                                             ' ', h('span', {class: 'pc-badge pc-use-' + s.use}, s.use),
                                                             s.direct ? null : h('span', {class: 'pc-badge'}, 'indirect'))))
                             : h('span', {class: 'pc-none'}, '\u2014'));
        });
        return h('tr', null, h('th', {scope: 'row'}, sp.speaker || '(unresolved speaker)'), perOutlet);
      });
      const quotes = section('quotes', 'Quotes by speaker',
                             record.quotes.length
                                 ? h('div', {class: 'pc-scroll', tabindex: '0', 'aria-label': 'Quotes'},
                                     h('table', {class: 'pc-quotes'},
                                       h('thead', null, h('tr', null, h('th', {scope: 'col'}, 'Speaker'),
                                                          record.outlets.map((o) => h('th', {scope: 'col'}, o)))),
                                       h('tbody', null, quoteRows)))
                                 : h('p', null, 'No quotes.'));

      // ---- voices ----
      const voices = section('voices', 'Who gets a voice',
                             h('ul', {class: 'pc-list'},
                               record.voices.map((v) => h('li', null, h('strong', null, v.outlet), ' only: ',
                                                          (v.only_here || []).length ? v.only_here.join(', ') : 'no speaker of its own'))));

      // ---- omissions ----
      // The highest-scored few per outlet at once; the rest (often most claims of the story)
      // drawn when the reader opens "all".
      const kOmissionsShown = 8;
      function omissionItems(list) {
        return list.map((x) => {
          const c = claimById.get(x.claim);
          const first = c && (c.evidence || [])[0];
          return '<li><span class="pc-claimid">' + esc(x.claim) + '</span> ' +
                 (first ? evLinkHtml(first, short(c.text || evText(first), 200)) : '') +
                 ' <span class="pc-score">score ' + esc(fmtScore(x.score)) + '</span></li>';
        }).join('');
      }
      const omissions = section('omissions', 'What each outlet leaves out',
                                record.omissions.map((om) => {
                                  const list = om.claims || [];
                                  if (list.length === 0) {
                                    return h('div', {class: 'pc-omission'}, h('h3', null, om.outlet),
                                             h('p', null, 'Leaves out nothing the others carry.'));
                                  }
                                  const shown = h('ol');
                                  shown.innerHTML = omissionItems(list.slice(0, kOmissionsShown));
                                  let more = null;
                                  if (list.length > kOmissionsShown) {
                                    const rest = h('ol', {start: kOmissionsShown + 1});
                                    more = h('details', {class: 'pc-more'},
                                             h('summary', null, 'All ' + list.length + ' claims it leaves out'), rest);
                                    more.addEventListener('toggle', () => {
                                      if (more.open && !rest.firstChild) {
                                        rest.innerHTML = omissionItems(list.slice(kOmissionsShown));
                                      }
                                    });
                                  }
                                  return h('div', {class: 'pc-omission'}, h('h3', null, om.outlet), shown, more);
                                }));

      // ---- wording ----
      const wording = section('wording', 'Wording',
                              h('div', {class: 'pc-cards'}, record.wording.map((w) => h('article', {class: 'pc-card'},
                                h('h3', null, w.outlet),
                                (w.terms || []).length ? h('p', null, 'Distinctive: ', w.terms.map((t, k) => [k ? ', ' : '', h('em', {title: 'z ' + fmtScore(t.score)}, t.term), ' (' + t.count + ')'])) : null,
                                (w.attribution || []).length ? h('p', null, 'Attribution: ', w.attribution.map((v) => v.verb + ' \u00D7' + v.count).join(', ')) : null,
                                (w.hedges || []).length ? h('p', null, 'Hedges: ', w.hedges.map((ev, k) => [k ? ', ' : '', evLink(ev, short(evText(ev), 80))])) : null,
                                (w.scare_quotes || []).length ? h('p', null, 'Scare quotes: ', w.scare_quotes.map((ev, k) => [k ? ', ' : '', evLink(ev, short(evText(ev), 80))])) : null,
                                (w.labels || []).length ? h('p', null, 'Labels: ', w.labels.map((l, k) => [k ? '; ' : '', l.actor + ' \u2192 ', evLink(l.evidence, l.label)])) : null))));

      // ---- disagreements ----
      const disagreements = section('disagreements', 'Where the facts disagree',
                                    record.disagreements.length
                                        ? h('ul', {class: 'pc-list'}, record.disagreements.map((d) => {
                                            const c = d.about ? claimById.get(d.about) : null;
                                            return h('li', null, h('span', {class: 'pc-badge'}, d.kind), ' ',
                                                     c ? [h('span', {class: 'pc-claimid'}, d.about), ' ', short(c.text || '', 120), ': '] : '',
                                                     (d.values || []).map((v, k) => [k ? '; ' : '', h('strong', null, v.outlet), ' ', evLink(v.evidence, v.value)]));
                                          }))
                                        : h('p', null, 'No figures disagree.'));

      return [quotes, voices, omissions, wording, disagreements];
    }

    const tocEntries = [['headlines', 'Headlines'], ['claims', 'Claims'], ['quotes', 'Quotes by speaker'],
                        ['voices', 'Who gets a voice'], ['omissions', 'What each outlet leaves out'],
                        ['wording', 'Wording'], ['disagreements', 'Where the facts disagree']];
    const nav = h('nav', {class: 'pc-toc', 'aria-label': 'Sections'},
                  h('ul', null, tocEntries.map(([id, title]) => h('li', null, h('a', {href: '#' + uid + '-' + id}, title)))));
    const main = h('div', {class: 'pc-main'}, headlines, claims);
    const top = h('div', {class: 'pc-root'}, head, nav, h('div', {class: 'pc-layout'}, main, reader));
    // Evidence links drawn as HTML without an evidenceHref open the reader.
    top.addEventListener('click', (e) => {
      const link = e.target.closest && e.target.closest('a.pc-ev[data-reader]');
      if (!link) return;
      e.preventDefault();
      showEvidence({article: Number(link.dataset.article), start: Number(link.dataset.start),
                    end: Number(link.dataset.end)}, true);
    });
    root.appendChild(top);
    delete root.dataset.complete;
    const later = typeof requestAnimationFrame === 'function' && !opts.synchronous;
    const afterPaint = (fn) => requestAnimationFrame(() => setTimeout(fn, 0));
    const finish = () => {
      root.pcFirstFrameMs = performance.now();  // the first screen has been painted
      main.append(...restSections());
      if (record.claims.length > firstRows) {
        matrixBody.insertAdjacentHTML('beforeend', rowsHtml(firstRows, record.claims.length));
      }
      const done = () => {
        root.pcCompleteMs = performance.now();
        root.dataset.complete = '1';
      };
      if (later) afterPaint(done);
      else done();
    };
    if (later) afterPaint(finish);
    else finish();
    root.pcShowEvidence = showEvidence;
    return {showEvidence};
  }

  global.ParallaxCompare = {render, TextBytes, markedText, h, esc};
})(window);
