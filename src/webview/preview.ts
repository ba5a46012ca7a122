/**
 * The A4 preview's script, running inside the webview (bundled by esbuild into `media/preview.js`;
 * no VS Code API but `acquireVsCodeApi`, no imports at run time). It swaps in each new sheet the
 * host sends, measures it with the renderer's `mspMeasureA4` (inlined in the page with the CSP
 * nonce), reports the result, zooms the sheet, keeps its state for a reload, and hands every link
 * click to the host instead of navigating.
 *
 * The message contract (both directions) is `src/core/webview/messages.ts`.
 */
import type { A4Measurement } from '../core/common';
import { MEASURE_FUNCTION, type HostToPreviewMessage, type PreviewState, type PreviewToHostMessage } from '../core/webview';

interface VsCodeApi {
  postMessage(message: PreviewToHostMessage): void;
  getState(): PreviewState | undefined;
  setState(state: PreviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

type Measure = (doc?: Document) => A4Measurement | null;

const vscode = acquireVsCodeApi();
const PX_PER_MM = 96 / 25.4;
const ZOOM_MIN = 0.25;
const ZOOM_MAX = 3;
/** Fit-to-width never enlarges past this: a wide panel would otherwise show huge type. */
const FIT_MAX = 1.5;
const ZOOM_STEP = 1.1;

let state: PreviewState = vscode.getState() ?? { project: '' };
/** `undefined` zoom means fit to width. */
let zoom: number | undefined = typeof state.zoom === 'number' ? state.zoom : undefined;
let renderId = -1;
let restoreScroll = typeof state.scrollY === 'number';

const byId = <T extends HTMLElement>(id: string): T | null => document.getElementById(id) as T | null;

function post(message: PreviewToHostMessage): void {
  vscode.postMessage(message);
}

function save(patch: Partial<PreviewState>): void {
  state = { ...state, ...patch };
  vscode.setState(state);
}

function sheet(): HTMLElement | null {
  return document.querySelector<HTMLElement>('.sheet');
}

function fitZoom(): number {
  const page = sheet();
  const widthMm = Number(page?.getAttribute('data-page-width-mm')) || 210;
  const available = document.documentElement.clientWidth - 24;
  return Math.min(FIT_MAX, Math.max(ZOOM_MIN, available / (widthMm * PX_PER_MM)));
}

/**
 * The frame around the sheet (made once, `#msp-page`): as large as the sheet looks at the current
 * zoom, so the panel scrolls over exactly the visible page. New sheets go inside it.
 */
function frame(): HTMLElement {
  let box = byId('msp-page');
  if (!box) {
    box = document.createElement('div');
    box.id = 'msp-page';
    document.body.insertBefore(box, sheet() ?? byId('msp-after'));
    const page = sheet();
    if (page) box.appendChild(page);
  }
  return box;
}

/**
 * Applies the zoom through the CSSOM (allowed by the CSP, unlike a `style` attribute). The sheet is
 * scaled with a `transform`, not CSS `zoom`: a transform leaves the layout as it prints, so a new
 * sheet is laid out once (measured and shown), where `zoom` needed a second layout at zoom 1 for
 * every measurement (see `src/core/render/measure.ts`).
 */
function applyZoom(): void {
  const page = sheet();
  const value = zoom ?? fitZoom();
  if (page) {
    page.style.transformOrigin = '0 0';
    page.style.transform = value === 1 ? '' : `scale(${value})`;
    // offsetWidth/Height are the layout's size, which a transform does not change.
    const box = frame();
    box.style.width = `${page.offsetWidth * value}px`;
    box.style.height = `${page.offsetHeight * value}px`;
  }
  const label = byId('msp-zoom-value');
  if (label) label.textContent = `${Math.round(value * 100)} %`;
  byId('msp-zoom-fit')?.setAttribute('aria-pressed', String(zoom === undefined));
}

function setZoom(next: number | undefined): void {
  zoom = next === undefined ? undefined : Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, Math.round(next * 100) / 100));
  save({ zoom });
  applyZoom();
}

function measureAndReport(id: number): void {
  const measure = (window as unknown as Record<string, Measure | undefined>)[MEASURE_FUNCTION];
  const measurement = measure?.(document);
  if (measurement) post({ type: 'measured', renderId: id, measurement, shownAt: Date.now() });
}

/** The sheet's images still loading (an image has no height before it loaded). */
function loadingImages(): HTMLImageElement[] {
  return Array.from(document.querySelectorAll<HTMLImageElement>('.sheet img')).filter((img) => !img.complete);
}

/** Resolves when each of `images` has loaded or failed. */
function settled(images: readonly HTMLImageElement[]): Promise<unknown> {
  return Promise.all(images.map((img) => new Promise((done) => {
    img.addEventListener('load', done, { once: true });
    img.addEventListener('error', done, { once: true });
  })));
}

/**
 * Measures now, unless the bundled fonts or the sheet's images are still loading (the
 * measurement's layout starts the font loads; a measurement in the fallback font, or without an
 * image's height, would be wrong), and again once they have loaded.
 */
function measureSoon(id: number): void {
  const measure = (window as unknown as Record<string, Measure | undefined>)[MEASURE_FUNCTION];
  const measurement = measure?.(document);
  const images = loadingImages();
  if (measurement && document.fonts?.status !== 'loading' && !images.length) post({ type: 'measured', renderId: id, measurement, shownAt: Date.now() });
  void Promise.all([document.fonts?.ready, settled(images)]).then(() => {
    if (id !== renderId) return;
    measureAndReport(id);
    applyZoom(); // the frame follows the sheet's height, which loaded images and fonts change
  });
}

function update(message: Extract<HostToPreviewMessage, { type: 'update' }>): void {
  const template = document.createElement('template');
  template.innerHTML = message.html;
  const next = template.content.querySelector('.sheet');
  const current = sheet();
  if (!next) return;
  if (current) current.replaceWith(next);
  else frame().appendChild(next);
  renderId = message.renderId;
  document.title = message.title;
  document.documentElement.lang = message.language;
  save({ project: message.project });
  // Measure first: the one layout of the new sheet serves the measurement and the zoomed view.
  measureSoon(message.renderId);
  applyZoom();
  if (restoreScroll) {
    restoreScroll = false;
    window.scrollTo(0, state.scrollY ?? 0);
  }
}

function check(message: Extract<HostToPreviewMessage, { type: 'check' }>): void {
  if (message.renderId !== renderId) return;
  const status = byId('msp-status');
  if (status) status.textContent = message.fits ? message.text : '';
  const banner = byId('msp-banner');
  if (banner) {
    banner.textContent = message.fits ? '' : message.text;
    banner.hidden = message.fits;
  }
  document.body.classList.toggle('msp-overflows', !message.fits);
}

window.addEventListener('message', (event: MessageEvent<HostToPreviewMessage>) => {
  const message = event.data;
  switch (message?.type) {
    case 'update':
      update(message);
      break;
    case 'measure':
      if (message.renderId === renderId) measureAndReport(renderId);
      break;
    case 'check':
      check(message);
      break;
  }
});

/** Every link goes to the host (which opens safe ones externally); the webview never navigates. */
function interceptLinks(event: MouseEvent): void {
  const link = (event.target as Element | null)?.closest?.('a');
  if (!link) return;
  event.preventDefault();
  const href = link.getAttribute('href');
  if (href && event.type === 'click') post({ type: 'openLink', href });
}
document.addEventListener('click', interceptLinks, true);
document.addEventListener('auxclick', interceptLinks, true);

byId('msp-zoom-in')?.addEventListener('click', () => setZoom((zoom ?? fitZoom()) * ZOOM_STEP));
byId('msp-zoom-out')?.addEventListener('click', () => setZoom((zoom ?? fitZoom()) / ZOOM_STEP));
byId('msp-zoom-fit')?.addEventListener('click', () => setZoom(undefined));
window.addEventListener('resize', () => {
  if (zoom === undefined) applyZoom();
});
let scrollTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('scroll', () => {
  clearTimeout(scrollTimer);
  scrollTimer = setTimeout(() => save({ scrollY: Math.round(window.scrollY) }), 200);
});

applyZoom();
// The handshake: the host sends the current render only once this script listens.
post({ type: 'ready' });
