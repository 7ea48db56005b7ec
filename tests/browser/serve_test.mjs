// Browser test of `parallax serve`: Debian's Chromium (headless) driven by playwright-core.
// Ingests the example corpus and a story of 10 articles from 10 fictional outlets
// (fixtures/story10), starts the server on a free loopback port, and walks the app as a reader
// would: stories list, a story with its outlets and quotes, a claim followed to its sentence in
// the article page, a search, the single-file report (opened from disk). Saves screenshots,
// measures the story page's render time (navigation start -> comparison painted) for the first
// visit after the server started and for repeat visits, and fails if any request leaves
// 127.0.0.1. The 300 ms target fails the test only with PARALLAX_STRICT_TIMING=1 (otherwise a
// warning: shared machines are loaded). Run by run.sh (which sets the environment below).
//
//   PARALLAX_BIN=build/release/apps/cli/parallax PARALLAX_SOURCE_DIR=. \
//   ARTIFACTS=build/release/test-artifacts/browser node serve_test.mjs
import {spawn, execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {chromium} from 'playwright-core';

const bin = process.env.PARALLAX_BIN;
const src = process.env.PARALLAX_SOURCE_DIR;
const artifacts = process.env.ARTIFACTS;
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
if (!bin || !src || !artifacts) {
  console.error('serve_test: set PARALLAX_BIN, PARALLAX_SOURCE_DIR and ARTIFACTS');
  process.exit(2);
}
fs.mkdirSync(artifacts, {recursive: true});
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-browser-'));
const failures = [];
const check = (ok, what) => {
  if (ok) console.log('ok: ' + what);
  else {
    console.error('FAIL: ' + what);
    failures.push(what);
  }
};
const shots = [];
async function shot(page, name, fullPage = true) {
  const file = path.join(artifacts, name + '.png');
  await page.screenshot({path: file, fullPage});
  shots.push(file);
}

// 1. The example corpus in a fresh database, through `parallax ingest`.
const db = path.join(work, 'corpus.db');
execFileSync(bin, ['ingest', '--db', db, '--outlet-map', path.join(src, 'examples/outlets.csv'),
                   path.join(src, 'examples/corpus')], {stdio: ['ignore', 'inherit', 'inherit']});
// ... and one story told by 10 outlets (fictional articles written for this test).
const fixtures = path.join(src, 'tests/browser/fixtures');
execFileSync(bin, ['ingest', '--db', db, '--outlet-map', path.join(fixtures, 'story10_outlets.csv'),
                   path.join(fixtures, 'story10')], {stdio: ['ignore', 'inherit', 'inherit']});

// 2. The server on a free loopback port (--port 0); it prints the URL.
const server = spawn(bin, ['serve', '--db', db, '--host', '127.0.0.1', '--port', '0'],
                     {stdio: ['ignore', 'pipe', 'inherit']});
const base = await new Promise((resolve, reject) => {
  let out = '';
  const timer = setTimeout(() => reject(new Error('server did not start: ' + out)), 15000);
  server.stdout.on('data', (d) => {
    out += d;
    const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
    if (m) {
      clearTimeout(timer);
      resolve(m[0].replace(/\/$/, ''));
    }
  });
  server.on('exit', (code) => reject(new Error('server exited with ' + code + ': ' + out)));
});
console.log('server: ' + base);
// The 10-article story's id (this list request does not compute any comparison).
const big = (await (await fetch(base + '/api/stories?limit=200&min_articles=10')).json()).stories;
const story10 = big.find((s) => s.article_count === 10 && s.outlet_count === 10);

let context;
let exitCode = 0;
try {
  // 3. Chromium with a fresh profile and everything that would phone home switched off.
  context = await chromium.launchPersistentContext(path.join(work, 'profile'), {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: {width: 1366, height: 900},
  });
  // Every request must go to the server or stay inside the page (data:, blob:).
  const outside = [];
  const allowed = (u) => u.startsWith(base + '/') || u === base || u.startsWith('data:') ||
                         u.startsWith('blob:') || u.startsWith('file:') || u === 'about:blank';
  context.on('request', (r) => {
    if (!allowed(r.url())) outside.push(r.url());
  });
  const page = context.pages()[0] || (await context.newPage());
  const consoleErrors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  const ready = () => page.waitForSelector('body[data-ready="1"]', {timeout: 15000});
  const complete = () => page.waitForSelector('#comparison[data-complete="1"]', {timeout: 15000});

  // 4a. Render time of the 10-article story page: a full page load, navigation start -> first
  // screen of the comparison painted (parallaxDrawnMs), and -> every section painted. The first
  // visit to the story after the server started, then repeat visits. Before them the browser
  // opens the app once (the stories list, which computes no comparison), as a reader would: a
  // fresh browser profile's first page pays for starting Chromium's disk cache, not for us.
  check(story10 !== undefined, 'the 10 fixture articles form one story of 10 outlets');
  const appStart = Date.now();
  await page.goto(base + '/');
  await ready();
  console.log('fresh browser, first page of the app (stories list): ' + (Date.now() - appStart) + ' ms');
  const visit = async () => {
    await page.goto(base + '/story/' + story10.id);
    await page.waitForSelector('body[data-drawn="1"]', {timeout: 30000});
    await complete();
    return page.evaluate(() => {
      const api = performance.getEntriesByType('resource').find((e) => /\/api\/stories\/\d+$/.test(e.name));
      const cmp = document.getElementById('comparison');
      const end = (re) => {
        const e = performance.getEntriesByType('resource').find((x) => re.test(x.name));
        return e ? Math.round(e.responseEnd) : -1;
      };
      const nav = performance.getEntriesByType('navigation')[0];
      // When the server drew the first screen, the browser's Element Timing of it: paint (the
      // figure used, as the frame-based one of a script-drawn page) and on screen (presented).
      const sp = window.parallaxServerPaint;
      return {drawn: window.parallaxDrawnMs, complete: cmp.pcCompleteMs,
              serverPaint: sp ? 'server-drawn first screen: painted ' + Math.round(sp.paint) + ' ms' +
                                (sp.present ? ', on screen ' + Math.round(sp.present) + ' ms' : '') + '; '
                              : 'drawn by the script; ',
              phases: 'page ' + Math.round(nav.responseEnd) + ', bundle.js ' + end(/bundle\.js/) + ', API ' +
                      end(/\/api\/stories\/\d+$/) + ', DOM built ' + Math.round(window.parallaxRenderMs) + ' ms',
              server: api ? api.serverTiming.map((t) => t.name + (t.duration ? '=' + t.duration.toFixed(1) : '') + (t.description ? ':' + t.description : '')).join(' ') : '?',
              bytes: api ? api.encodedBodySize : 0};
    });
  };
  const first = await visit();
  const repeats = [];
  for (let i = 0; i < 7; ++i) repeats.push(await visit());
  const drawn = repeats.map((r) => r.drawn).sort((a, b) => a - b);
  const completeMs = repeats.map((r) => r.complete).sort((a, b) => a - b);
  const medianMs = drawn[Math.floor(drawn.length / 2)];
  const load = os.loadavg()[0].toFixed(1);
  console.log('story page, 10 articles, 10 outlets, API payload ' + first.bytes + ' bytes; load average ' + load);
  console.log('  first visit after server start: drawn ' + first.drawn.toFixed(0) + ' ms, complete ' +
              first.complete.toFixed(0) + ' ms (' + first.serverPaint + 'server: ' + first.server + '; ' + first.phases + ')');
  console.log('  repeat visits: drawn ms ' + drawn.map((x) => x.toFixed(0)).join(' ') + '; median ' + medianMs.toFixed(0) +
              ', max ' + drawn[drawn.length - 1].toFixed(0) + '; complete median ' +
              completeMs[Math.floor(completeMs.length / 2)].toFixed(0) + ' (server: ' + repeats[0].server + '; ' + repeats[0].phases + ')');
  if (process.env.PARALLAX_STRICT_TIMING === '1') {
    check(first.drawn < 300, 'first visit of the story page draws in under 300 ms (' + first.drawn.toFixed(0) + ' ms)');
    check(medianMs < 300, 'the story page draws in under 300 ms (median ' + medianMs.toFixed(0) + ' ms)');
  } else if (first.drawn >= 300 || medianMs >= 300) {
    console.log('WARN: story page over the 300 ms target: first ' + first.drawn.toFixed(0) + ' ms, median ' +
                medianMs.toFixed(0) + ' ms (load average ' + load + '; PARALLAX_STRICT_TIMING=1 makes this fail)');
  }
  await shot(page, 'story10');

  // From here on a request to anywhere else is also aborted. (Not before the timing: routing
  // every request through playwright turns off Chromium's HTTP cache and adds a round trip to
  // each request; the listener above sees every request either way.)
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (allowed(u)) return route.continue();
    outside.push(u);
    return route.abort();
  });

  // 4. Stories page.
  await page.goto(base + '/');
  await ready();
  const storyLinks = await page.locator('.storylist .story h2 a').count();
  check(storyLinks >= 1, 'stories page lists stories (' + storyLinks + ')');
  check(await page.locator('.timeline .tl-dot').count() >= 1, 'stories show a coverage timeline');
  await shot(page, 'stories');

  // 5. The story with the most outlets, opened by clicking it.
  const list = await (await fetch(base + '/api/stories?limit=200')).json();
  const story = list.stories.slice().sort((a, b) => b.outlet_count - a.outlet_count || b.article_count - a.article_count)[0];
  check(story && story.outlet_count >= 2, 'a story with two outlets exists');
  const clickedAt = Date.now();
  await page.click(`.storylist a[href="/story/${story.id}"]`);
  await ready();
  const clickMs = Date.now() - clickedAt;
  await complete();
  console.log('story page opened from the list (click -> drawn): ' + clickMs + ' ms');
  check(page.url() === base + '/story/' + story.id, 'clicking a story opens its page');
  const cards = await page.locator('.pc-card-outlet').allTextContents();
  for (const o of story.outlets.slice(0, 2)) check(cards.includes(o), 'story page shows outlet ' + o);
  const quoteCount = await page.locator('.pc-quote').count();
  check(quoteCount >= 1, 'story page shows quotes (' + quoteCount + ')');
  check(await page.locator('.pc-matrix tbody tr').count() >= 1, 'story page shows the claim matrix');
  await shot(page, 'story');

  // A matrix cell opens the evidence in the built-in reader (keyboard: focus + Enter).
  const cell = page.locator('.pc-cellbtn').first();
  await cell.focus();
  await page.keyboard.press('Enter');
  const hl = page.locator('.pc-reader .pc-hl');
  check(await hl.count() === 1 && (await hl.textContent()).length > 0, 'a matrix cell highlights its sentence in the reader');

  // Phone-sized view of the same page.
  await page.setViewportSize({width: 390, height: 844});
  await shot(page, 'story-phone', false);
  await page.setViewportSize({width: 1366, height: 900});

  // 6. Follow a claim to its sentence in the article page.
  const claimLink = page.locator('.pc-claimtext a.pc-ev').first();
  const href = await claimLink.getAttribute('href');
  const m = /^\/article\/([0-9a-f]{16})#s=(\d+)-(\d+)$/.exec(href || '');
  check(m !== null, 'a claim links to /article/ID#s=START-END (' + href + ')');
  const record = await (await fetch(base + '/api/stories/' + story.id)).json();
  const art = record.comparison.articles.find((a) => a.id === m[1]);
  const expected = Buffer.from(art.text, 'utf8').subarray(Number(m[2]), Number(m[3])).toString('utf8');
  await claimLink.click();
  await ready();
  check(page.url() === base + href, 'the claim link opens the article page');
  const target = page.locator('#doc .target');
  const got = (await target.allTextContents()).join('');
  check(got === expected, 'the article page highlights the claim\'s sentence');
  const box = await target.first().boundingBox();
  check(box !== null && box.y >= 0 && box.y < 900, 'the highlighted sentence is scrolled into view');
  check(await page.locator('#doc .q').count() >= 1, 'the article page highlights quotes');
  check(await page.locator('#doc .ent').count() >= 1, 'the article page highlights entities');
  check(await page.locator('.meta').textContent().then((t) => t.includes('found by')), 'metadata names the rule that found the date');
  await shot(page, 'article');
  const boiler = await page.locator('details.boiler').count();
  if (boiler > 0) {
    await page.click('button.toggle');
    check(!(await page.locator('details.boiler').first().isVisible()), 'boilerplate can be hidden');
  }

  // 7. Search for a word from the top search box.
  await page.fill('#top-q', 'strike');
  await page.press('#top-q', 'Enter');
  await ready();
  const hits = await page.locator('.hits li').count();
  check(hits >= 1 && (await page.locator('.hits mark').count()) >= 1, 'search finds "strike" with marked snippets (' + hits + ')');
  await shot(page, 'search');

  // Outlet and speaker pages.
  await page.goto(base + '/outlet/' + encodeURIComponent(story.outlets[0]));
  await ready();
  check((await page.locator('h1').textContent()) === story.outlets[0], 'outlet page opens');
  const speakerLink = page.locator('a[href^="/speaker/"]').first();
  if (await speakerLink.count()) {
    await speakerLink.click();
    await ready();
    check(await page.locator('.quote-link').count() >= 1, 'speaker page lists quotes');
    await shot(page, 'speaker');
  }

  // Unknown pages and ids are errors the page shows, not blank screens. (Chromium logs the
  // 404 of the API call as a console error: expected here, so not counted.)
  const errorsBefore = consoleErrors.length;
  await page.goto(base + '/story/999999');
  await ready();
  check(await page.locator('[role="alert"]').count() === 1, 'an unknown story shows an error');
  consoleErrors.length = errorsBefore;

  // 8. The single-file report, saved and opened from disk: it must need nothing else.
  const report = await fetch(base + '/report/story/' + story.id);
  const reportFile = path.join(artifacts, 'report.html');
  fs.writeFileSync(reportFile, Buffer.from(await report.arrayBuffer()));
  await page.goto(pathToFileURL(reportFile).href);
  await page.waitForSelector('body[data-ready="1"]');
  check(await page.locator('.pc-card').count() >= 2, 'the standalone report draws the comparison');
  await page.locator('.pc-cellbtn').first().click();
  check(await page.locator('.pc-reader .pc-hl').count() === 1, 'the report highlights evidence in its own text');
  await shot(page, 'report');
  // Print layout renders too.
  await page.emulateMedia({media: 'print'});
  await shot(page, 'report-print');
  await page.emulateMedia({media: 'screen'});

  check(outside.length === 0, 'no request left 127.0.0.1' + (outside.length ? ': ' + outside.slice(0, 5).join(' ') : ''));
  check(consoleErrors.length === 0, 'no script errors' + (consoleErrors.length ? ': ' + consoleErrors.slice(0, 3).join(' | ') : ''));
  console.log(JSON.stringify({story10_first_visit_ms: Math.round(first.drawn), story10_render_ms_median: Math.round(medianMs),
                              story10_render_ms: drawn.map(Math.round), story10_complete_ms: completeMs.map(Math.round),
                              story10_payload_bytes: first.bytes, load_average: Number(load),
                              screenshots: shots, report: reportFile}));
  for (const s of shots) console.log('screenshot: ' + s);
} catch (e) {
  console.error('FAIL: ' + (e && e.stack ? e.stack : e));
  exitCode = 1;
} finally {
  if (context) await context.close().catch(() => {});
  server.kill('SIGTERM');
  fs.rmSync(work, {recursive: true, force: true});
}
if (failures.length > 0) exitCode = 1;
console.log(exitCode === 0 ? 'all browser checks passed' : failures.length + ' browser check(s) failed');
process.exit(exitCode);
