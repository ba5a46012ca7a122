/**
 * The one-page check as it runs inside a page: a small script (plain ES2017, no imports) that
 * measures the laid-out sheet against the printable area of one A4 page. The same source runs in
 * the webview (inlined with the CSP nonce, see `webviewHtml`) and in headless Chromium for the
 * command line (`measureLoadedPage` in `./browser.ts`), so both report the same numbers.
 *
 * Lengths are converted with a probe element 100 mm high inside the sheet, so a transform on the
 * preview does not change the result. A CSS `zoom` on the sheet (the preview's zoom) is lifted
 * while measuring: zoom scales the font sizes before Chromium rounds the fonts' metrics, which
 * moved the sample's height by up to 4 mm between zoom levels; at zoom 1 the sheet is laid out as
 * it prints. The probe and the zoom are set through the CSSOM, which a CSP without
 * `'unsafe-inline'` allows.
 */
import type { A4Measurement } from '../common';
import { MEASURE_FUNCTION } from '../webview';
import { PRINTABLE_HEIGHT_MM } from './page';

/** Content may exceed the printable height by this much (rounding of layout units) and still fit. */
export const FIT_TOLERANCE_MM = 0.2;

/** Defines `window.mspMeasureA4(doc?)`, returning an `A4Measurement` or `null` without a sheet. */
export const MEASURE_SCRIPT = `(function () {
  'use strict';
  function round(n) { return Math.round(n * 10) / 10; }
  function measure(doc) {
    doc = doc || document;
    var sheet = doc.querySelector('.sheet');
    var content = sheet && sheet.querySelector('.sheet-content');
    if (!sheet || !content) return null;
    var available = parseFloat(sheet.getAttribute('data-printable-height-mm')) || ${PRINTABLE_HEIGHT_MM};
    var zoom = sheet.style.zoom;
    if (zoom) sheet.style.zoom = '';
    try {
      return measureLaidOut(doc, sheet, content, available);
    } finally {
      if (zoom) sheet.style.zoom = zoom;
    }
  }
  function measureLaidOut(doc, sheet, content, available) {
    var probe = doc.createElement('div');
    probe.setAttribute('aria-hidden', 'true');
    probe.style.position = 'absolute';
    probe.style.visibility = 'hidden';
    probe.style.left = '0';
    probe.style.top = '0';
    probe.style.width = '1px';
    probe.style.height = '100mm';
    sheet.appendChild(probe);
    var pxPerMm = probe.getBoundingClientRect().height / 100;
    sheet.removeChild(probe);
    if (!(pxPerMm > 0)) pxPerMm = 96 / 25.4;
    var height = content.getBoundingClientRect().height / pxPerMm;
    var sections = [];
    var nodes = content.querySelectorAll('[data-section]');
    for (var i = 0; i < nodes.length; i++) {
      sections.push({ id: nodes[i].getAttribute('data-section'), heightMm: round(nodes[i].getBoundingClientRect().height / pxPerMm) });
    }
    var overflow = height - available;
    var fits = overflow <= ${FIT_TOLERANCE_MM};
    return {
      fits: fits,
      overflowMm: fits ? 0 : round(overflow),
      overflowPercent: fits ? 0 : round((overflow / available) * 100),
      contentHeightMm: round(height),
      availableHeightMm: available,
      sections: sections
    };
  }
  window.${MEASURE_FUNCTION} = measure;
})();`;

/** Attribute on `<html>` where `MEASURE_RUNNER` leaves its result, URI-encoded JSON. */
export const MEASURE_RESULT_ATTRIBUTE = 'data-msp-measure';

/**
 * For a page dumped with `chromium --dump-dom`: measures once the page's web fonts have loaded and
 * leaves the result on `<html>` (read back with `parseMeasureResult`). There is no earlier pass: a
 * measurement in a fallback font would be wrong. The export and the command line measure through
 * the DevTools protocol instead (`measureLoadedPage` in `browser.ts`), which waits for the same
 * `document.fonts.ready`.
 */
export const MEASURE_RUNNER = `(function () {
  function done() {
    var result = window.${MEASURE_FUNCTION}(document);
    document.documentElement.setAttribute('${MEASURE_RESULT_ATTRIBUTE}', encodeURIComponent(JSON.stringify(result)));
  }
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(done, done);
  else done();
})();`;

/** Reads the result `MEASURE_RUNNER` left in a dumped DOM, or `undefined` when there is none. */
export function parseMeasureResult(dom: string): A4Measurement | undefined {
  const m = new RegExp(`${MEASURE_RESULT_ATTRIBUTE}="([^"]*)"`).exec(dom);
  if (!m) return undefined;
  try {
    const value = JSON.parse(decodeURIComponent(m[1])) as A4Measurement | null;
    return value ?? undefined;
  } catch {
    return undefined;
  }
}
