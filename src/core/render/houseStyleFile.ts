/**
 * Reading the house style from `.msp-docs.json` (the types and what the A4 prints of it are in
 * `houseStyle.ts`). Apart from the renderer so `dist/render.js` does not carry the YAML parser.
 */
import { isMap, isScalar, parseDocument } from 'yaml';
import { bomLength, type Diagnostic, LineIndex, type StyleCode, stripBom, t } from '../common';
import type { HouseLogo, HouseStyle } from './houseStyle';

/** The file access `loadHouseStyle` needs. */
export interface HouseStyleHost {
  /** The bytes of a file, or `undefined` when it does not exist or cannot be read. */
  readBytes(file: string): Promise<Uint8Array | undefined>;
  /** The path of `relative` (the `logo` value) taken from the folder of the file `configPath`. */
  resolve(configPath: string, relative: string): string;
}

/** The house style of a configuration file, and its problems at the values (ranges in the file's text). */
export interface LoadedHouseStyle {
  /** `undefined` when the file has no usable `style` section. */
  style?: HouseStyle;
  diagnostics: Diagnostic[];
}

/** A logo file larger than this is refused (bytes): it would be copied into every export. */
export const MAX_LOGO_BYTES = 512 * 1024;
/** A logo wider than this many times its height does not fit the header (12 × 60 mm in Word). */
export const MAX_LOGO_ASPECT = 6;

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/**
 * Reads the `style` section of `.msp-docs.json` (`text`, the file at `configPath`): `company`,
 * `logo` (a PNG or SVG path relative to the file), `accentColor` (a CSS hex colour) and `footer`,
 * all optional. A bad value is left out of the style and becomes a diagnostic at the value (code
 * `style.*`, `STYLE_CODES` in `src/core/common/codes.ts`), so an export never breaks on it. Text that
 * is not JSON yields no style and no diagnostics (the rule configuration reports it). Never throws.
 */
export async function loadHouseStyle(text: string, configPath: string, host: HouseStyleHost): Promise<LoadedHouseStyle> {
  const bom = bomLength(text);
  const body = stripBom(text);
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(body, { uniqueKeys: false });
  } catch {
    return { diagnostics: [] };
  }
  if (doc.errors.length) return { diagnostics: [] };
  const section = doc.get('style', true);
  if (!isMap(section)) return { diagnostics: [] };
  const lines = new LineIndex(text);
  const diagnostics: Diagnostic[] = [];
  const style: HouseStyle = {};
  const problem = (node: { range?: [number, number, number] | null }, code: StyleCode, message: string, severity: Diagnostic['severity'] = 'warning') => {
    const [start, end] = node.range ?? [0, 0];
    diagnostics.push({ range: lines.rangeAt(start + bom, end + bom), severity, code, message });
  };
  const scalarText = (key: string) => {
    const node = section.get(key, true);
    if (node === undefined) return undefined;
    if (!isScalar(node) || typeof node.value !== 'string') {
      problem(node as { range?: [number, number, number] }, 'style.bad-value', t('"{0}" must be text.', key));
      return undefined;
    }
    return { node, value: node.value.trim() };
  };
  const company = scalarText('company');
  if (company?.value) style.company = company.value;
  const footer = scalarText('footer');
  if (footer?.value) style.footer = footer.value;
  const accent = scalarText('accentColor');
  if (accent) {
    if (HEX.test(accent.value)) {
      const hex = accent.value.slice(1).toLowerCase();
      style.accentColor = `#${hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex}`;
    } else {
      problem(accent.node, 'style.bad-color', t('{0} is not a colour; write a CSS hex colour such as #2c6aa0.', JSON.stringify(accent.value)));
    }
  }
  const logo = scalarText('logo');
  if (logo) {
    const loaded = await readLogo(logo.value, configPath, host);
    const code: Record<LogoProblem, StyleCode> = {
      missing: 'style.logo-missing',
      unreadable: 'style.logo-unreadable',
      'not-an-image': 'style.logo-unreadable',
      'too-large': 'style.logo-too-large',
      'too-wide': 'style.logo-too-large',
    };
    if (typeof loaded === 'string') problem(logo.node, code[loaded], logoMessage(loaded, logo.value));
    else style.logo = loaded;
  }
  return { style: Object.keys(style).length ? style : undefined, diagnostics };
}

type LogoProblem = 'missing' | 'unreadable' | 'not-an-image' | 'too-large' | 'too-wide';

function logoMessage(problem: LogoProblem, file: string): string {
  switch (problem) {
    case 'missing': return t('The logo {0} was not found next to .msp-docs.json.', file);
    case 'not-an-image': return t('The logo must be a PNG or SVG file: {0}', file);
    case 'unreadable': return t('The logo {0} cannot be read as a PNG or SVG image with a size.', file);
    case 'too-large': return t('The logo {0} is larger than {1} KB; use a smaller file.', file, MAX_LOGO_BYTES / 1024);
    case 'too-wide': return t('The logo {0} is more than {1} times as wide as it is high and does not fit the header.', file, MAX_LOGO_ASPECT);
  }
}

async function readLogo(file: string, configPath: string, host: HouseStyleHost): Promise<HouseLogo | LogoProblem> {
  const type = /\.png$/i.test(file) ? 'png' : /\.svg$/i.test(file) ? 'svg' : undefined;
  if (!file || !type) return 'not-an-image';
  const data = await host.readBytes(host.resolve(configPath, file)).catch(() => undefined);
  if (!data) return 'missing';
  if (data.length > MAX_LOGO_BYTES) return 'too-large';
  const size = type === 'png' ? pngSize(data) : svgSize(new TextDecoder().decode(data));
  if (!size || !(size.width > 0) || !(size.height > 0)) return 'unreadable';
  if (size.width / size.height > MAX_LOGO_ASPECT) return 'too-wide';
  return { data, type, ...size };
}

/** The size of a PNG from its IHDR chunk (PNG specification, section 11.2.2), or `undefined`. */
export function pngSize(data: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (data.length < 24 || signature.some((b, i) => data[i] !== b)) return undefined;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (String.fromCharCode(...data.subarray(12, 16)) !== 'IHDR') return undefined;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The size of an SVG from its root's `width`/`height` (plain or `px` numbers), else its `viewBox`. */
export function svgSize(text: string): { width: number; height: number } | undefined {
  const root = /<svg\b[^>]*>/i.exec(text)?.[0];
  if (!root) return undefined;
  const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(root)?.[1];
  const px = (v: string | undefined) => (v && /^\s*[\d.]+\s*(px)?\s*$/.test(v) ? parseFloat(v) : undefined);
  const width = px(attr('width'));
  const height = px(attr('height'));
  if (width && height) return { width, height };
  const box = attr('viewBox')?.trim().split(/[\s,]+/).map(Number);
  return box && box.length === 4 && box.every(Number.isFinite) ? { width: box[2], height: box[3] } : undefined;
}

