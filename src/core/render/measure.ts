/**
 * The one-page check as it runs inside a page: a small script (plain ES2017, no imports) that
 * measures the laid-out sheet against the printable area of one A4 page. The same source runs in
 * the webview (inlined with the CSP nonce, see `webviewHtml`) and in headless Chromium for the
 * command line (`measureLoadedPage` in `./browser.ts`), so both report the same numbers.
 *
 * Lengths are converted with a probe element 100 mm high inside the sheet. The preview scales the
 * sheet with a `transform` (see `src/webview/preview.ts`), which leaves its layout as it prints; it
 * is lifted while measuring, so the result is exact to the last rounding (lifting a transform needs
 * no new layout). A CSS `zoom` on the sheet is lifted too: zoom scales the font sizes before
 * Chromium rounds the fonts' metrics, which moved the sample's height by up to 4 mm between zoom
 * levels, and lifting it costs a layout. Both are set through the CSSOM, which a CSP without
 * `'unsafe-inline'` allows.
 */
import type { A4Measurement } from '../common';
import { MEASURE_FUNCTION } from '../webview';
import { PRINTABLE_HEIGHT_MM, PRINTABLE_WIDTH_MM } from './page';

/**
 * Content may exceed the printable height or width by this much and still fit: only the noise of
 * converting layout units to millimetres (Chromium lays out in 1/64 px, 0.004 mm). It errs on the
 * safe side: Chromium's PDF page is whole points (a little over 297 mm), so content up to about
 * 0.13 mm too long still prints on one page, while 0.15 mm prints on two (`test/browser/` checks
 * both against the PDF); a tolerance that accepted the second would be a wrong "fits".
 */
export const FIT_TOLERANCE_MM = 0.01;

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
    var availableWidth = parseFloat(sheet.getAttribute('data-printable-width-mm')) || ${PRINTABLE_WIDTH_MM};
    var zoom = sheet.style.zoom;
    var transform = sheet.style.transform;
    if (zoom) sheet.style.zoom = '';
    if (transform) sheet.style.transform = 'none';
    try {
      return measureLaidOut(doc, sheet, content, available, availableWidth);
    } finally {
      if (zoom) sheet.style.zoom = zoom;
      if (transform) sheet.style.transform = transform;
    }
  }
  // Round up: a page that does not fit never reads "0.0 mm too long".
  function roundUp(n) { return Math.ceil(n * 10 - 1e-9) / 10; }
  // The right edge of the rightmost element or text in the content (text can run past its box),
  // and the section it is in.
  function rightmost(doc, content) {
    var edge = { right: content.getBoundingClientRect().right, node: null };
    function consider(rect, node) {
      if (rect.width > 0 && rect.right > edge.right) { edge.right = rect.right; edge.node = node; }
    }
    var walker = doc.createTreeWalker(content, 5 /* SHOW_ELEMENT | SHOW_TEXT */);
    var range = doc.createRange();
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === 1) consider(node.getBoundingClientRect(), node);
      else if (node.nodeValue && node.nodeValue.trim()) { range.selectNodeContents(node); consider(range.getBoundingClientRect(), node.parentNode); }
    }
    var section = edge.node && edge.node.closest ? edge.node.closest('[data-section]') : null;
    return { right: edge.right, section: section ? section.getAttribute('data-section') : undefined };
  }
  function measureLaidOut(doc, sheet, content, available, availableWidth) {
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
    var box = content.getBoundingClientRect();
    var edge = rightmost(doc, content);
    var width = Math.max(box.width, edge.right - box.left) / pxPerMm;
    var overflow = height - available;
    var overflowWidth = width - availableWidth;
    var tooLong = overflow > ${FIT_TOLERANCE_MM};
    var tooWide = overflowWidth > ${FIT_TOLERANCE_MM};
    var result = {
      fits: !tooLong && !tooWide,
      overflowMm: tooLong ? roundUp(overflow) : 0,
      overflowPercent: tooLong ? roundUp((overflow / available) * 100) : 0,
      contentHeightMm: round(height),
      availableHeightMm: available,
      contentWidthMm: round(width),
      availableWidthMm: availableWidth,
      overflowWidthMm: tooWide ? roundUp(overflowWidth) : 0,
      sections: sections
    };
    if (tooWide && edge.section) result.widestSection = edge.section;
    return result;
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
