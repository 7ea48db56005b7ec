// The single-file report's start-up: reads the record embedded in the page and renders it.
(function () {
  'use strict';
  const root = document.getElementById('pc');
  const data = document.getElementById('parallax-record');
  let record = null;
  try {
    record = JSON.parse(data.textContent);
  } catch (e) {
    root.textContent = 'The embedded comparison record is not valid JSON: ' + e.message;
    return;
  }
  const outlets = Array.isArray(record.outlets) ? record.outlets : [];
  const first = (record.articles || [])[0];
  const title = first && first.headline ? first.headline : 'Comparison';
  document.title = 'parallax: ' + title;
  document.getElementById('report-title').textContent = title;
  document.getElementById('report-sub').textContent =
      'One story as told by ' + outlets.join(', ') + (record.story !== null && record.story !== undefined
                                                      ? ' (story ' + record.story + ')' : '');
  ParallaxCompare.render(root, record, {synchronous: true});
  document.body.dataset.ready = '1';
})();
