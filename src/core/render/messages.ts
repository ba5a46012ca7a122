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

/** Result of the one-page check, in millimetres of the printed page. */
export interface A4Measurement {
  /** True when the laid-out content fits the printable area of one A4 page. */
  fits: boolean;
  /** How far the content runs past the printable area (0 when it fits), to 0.1 mm. */
  overflowMm: number;
  /** `overflowMm` as a percentage of the printable height, to 0.1 %. */
  overflowPercent: number;
  /** Height of the laid-out content. */
  contentHeightMm: number;
  /** Height of the printable area (297 mm minus the top and bottom margins). */
  availableHeightMm: number;
  /** Height of each section of the sheet (`data-section`), in document order. */
  sections: Array<{ id: string; heightMm: number }>;
}

/** Name of the global function the measurement script defines: `(doc?: Document) => A4Measurement | null`. */
export const MEASURE_FUNCTION = 'mspMeasureA4';

/** Messages from the extension host to the preview webview. */
export type HostToPreviewMessage =
  /**
   * A new render: replace the sheet (`RenderedProposal.html`) and measure it. `project` is the
   * project folder (URI string) the webview keeps in its state, so the panel can be restored.
   */
  | { type: 'update'; renderId: number; project: string; html: string; title: string; language: 'en' | 'nl' }
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
  | { type: 'measured'; renderId: number; measurement: A4Measurement }
  | { type: 'openLink'; href: string };

/** What the webview keeps with `setState` so the panel comes back after a reload. */
export interface PreviewState {
  /** The project folder shown (a URI string on the extension side). */
  project: string;
  zoom?: number;
  scrollY?: number;
}

function isMeasurement(value: unknown): value is A4Measurement {
  const m = value as A4Measurement | null;
  return (
    !!m &&
    typeof m.fits === 'boolean' &&
    [m.overflowMm, m.overflowPercent, m.contentHeightMm, m.availableHeightMm].every((n) => typeof n === 'number' && Number.isFinite(n)) &&
    Array.isArray(m.sections) &&
    m.sections.every((s) => !!s && typeof s.id === 'string' && typeof s.heightMm === 'number')
  );
}

/** Checks a message that claims to come from the webview (the host trusts no shape blindly). */
export function isPreviewToHostMessage(value: unknown): value is PreviewToHostMessage {
  const m = value as { type?: unknown } | null;
  if (!m || typeof m !== 'object') return false;
  switch (m.type) {
    case 'ready':
      return true;
    case 'measured': {
      const v = m as { renderId?: unknown; measurement?: unknown };
      return typeof v.renderId === 'number' && isMeasurement(v.measurement);
    }
    case 'openLink':
      return typeof (m as { href?: unknown }).href === 'string';
    default:
      return false;
  }
}
