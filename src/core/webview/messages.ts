/**
 * The one message contract between the extension host and the A4 preview webview, and the
 * result of the one-page check. Both sides import these types (the webview script through the
 * build); nothing here depends on `vscode` or the DOM.
 *
 * Flow: the webview posts `ready` once its script runs; the host answers with `update` (and again
 * after every debounced edit); the webview swaps in the sheet, measures it and posts `measured`
 * with the same `renderId`, so the host can drop results of renders that were superseded. Links
 * are never followed inside the webview: it posts `openLink` and the host opens http(s)/mailto
 * links externally after checking them again with `isSafeLink`.
 */
import { isA4Measurement, type A4Measurement, type Language } from '../common';

/** Name of the global function the measurement script defines: `(doc?: Document) => A4Measurement | null`. */
export const MEASURE_FUNCTION = 'mspMeasureA4';

/** Messages from the extension host to the preview webview. */
export type HostToPreviewMessage =
  /**
   * A new render: replace the sheet (`RenderedProposal.html`) and measure it. `project` is the
   * project folder (URI string) the webview keeps in its state, so the panel can be restored.
   */
  | { type: 'update'; renderId: number; project: string; html: string; title: string; language: Language }
  /** Measure the current sheet again (e.g. after a zoom change), answering with `renderId`. */
  | { type: 'measure'; renderId: number }
  /**
   * The host's verdict on the measurement of `renderId`, in the UI language (`describeMeasurement`):
   * the webview shows `text` in its status line, and as a banner when `fits` is false.
   */
  | { type: 'check'; renderId: number; fits: boolean; text: string };

/** Messages from the preview webview to the extension host. */
export type PreviewToHostMessage =
  | { type: 'ready' }
  | {
      type: 'measured';
      renderId: number;
      measurement: A4Measurement;
      /**
       * The webview's clock (`Date.now()`, ms since the epoch) when the new sheet was laid out and
       * measured, just before it is painted: how long an edit takes to show, timed where it shows
       * (the host hears of it one message trip later). Optional; not trusted for anything else.
       */
      shownAt?: number;
    }
  | { type: 'openLink'; href: string };

/** What the webview keeps with `setState` so the panel comes back after a reload. */
export interface PreviewState {
  /** The project folder shown (a URI string on the extension side). */
  project: string;
  zoom?: number;
  scrollY?: number;
}

/** Checks a message that claims to come from the webview (the host trusts no shape blindly). */
export function isPreviewToHostMessage(value: unknown): value is PreviewToHostMessage {
  const m = value as { type?: unknown } | null;
  if (!m || typeof m !== 'object') return false;
  switch (m.type) {
    case 'ready':
      return true;
    case 'measured': {
      const v = m as { renderId?: unknown; measurement?: unknown; shownAt?: unknown };
      return typeof v.renderId === 'number' && isA4Measurement(v.measurement) && (v.shownAt === undefined || Number.isFinite(v.shownAt));
    }
    case 'openLink':
      return typeof (m as { href?: unknown }).href === 'string';
    default:
      return false;
  }
}
