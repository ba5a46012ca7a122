/**
 * The A4 proposal: rendering, embeddings, the one-page check and the webview message contract.
 *
 * Export (command line, extension): `renderProposal(project)` → `standaloneHtml(rendered)` →
 * write `exports/${rendered.fileName}`; then one `BrowserSession` (`session.ts`) loads it, `measureLoadedPage`
 * and `printLoadedPage` (`browser.ts`) measure and print it.
 *
 * Webview preview (extension): `webviewHtml(rendered, { nonce, cspSource, fontUri, styleUris, scriptUris })`
 * once per panel; afterwards post `{ type: 'update', renderId, project, html: rendered.html, ... }`
 * (`HostToPreviewMessage`) and let the webview script swap the `.sheet` element, call
 * `window.mspMeasureA4()` and post `measured` back; answer with `check` (`describeMeasurement`) and
 * hand the measurement to validation, where the rule `plan.overflows-a4` turns it into the
 * plan.yaml warning (`src/extension/preview/`, the script `src/webview/preview.ts`). Check incoming messages with
 * `isPreviewToHostMessage` and links with `isSafeLink` before `openExternal`.
 */
// Types only: the renderer itself is loaded on first use through `loadRender` (see load.ts).
export type { RenderedProposal, RenderOptions, SectionId } from './proposal';
export { standaloneHtml, webviewHtml, type StandaloneOptions, type WebviewEmbedding } from './embed';
export { BUNDLED_FACES, CODE_FONT_STACK, TEXT_FONT_STACK, embeddedFontCss, facesFor, fontFaceCss, type BundledFace } from './fonts';
export { MEASURE_SCRIPT, MEASURE_RUNNER, FIT_TOLERANCE_MM, parseMeasureResult } from './measure';
export { A4, PRINTABLE_HEIGHT_MM, PRINTABLE_WIDTH_MM } from './page';
export { isSafeLink, escapeHtml } from './html';
export { exportFileName } from './exportName';
export { budgetLine, proposalLabels } from './labels';
export { describeMeasurement } from './report';
export { BrowserNotFoundError, BrowserRunError, BrowserSession, findBrowser, measureInBrowser, measureLoadedPage, placeFile, printLoadedPage, printToPdf, stopBrowsers } from './browser';
export { STEP_TIMEOUT_MS } from './session';
export type { FoundBrowser } from './browser';
export type { ProposalLabels } from './labels';
export { loadRender } from './load';
export { timelineMonths } from './timeline';
export { quadrantOf, type Quadrant } from './grid';
export type { HouseLogo, HouseStyle } from './houseStyle';
export { loadHouseStyle, MAX_LOGO_ASPECT, MAX_LOGO_BYTES, pngSize, svgSize, type HouseStyleHost, type LoadedHouseStyle } from './houseStyleFile';
export { embeddedImages, localImageFile, localImagePath, MAX_IMAGE_BYTES } from './images';
export type { ImageResolver } from './markdown';
