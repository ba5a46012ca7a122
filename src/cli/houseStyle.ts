import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { findConfigFile } from '../core/rules';
import { type HouseStyle, loadHouseStyle } from '../core/render';
import { nodeHost } from './nodeHost';

/**
 * The house style of the project in `dir` on the command line: the `style` section of the nearest
 * `.msp-docs.json` from `dir` up (the file the rule configuration comes from), with its problems as
 * `file:line:col: warning message [code]` lines for stderr. No file, no style.
 */
export async function houseStyleFor(dir: string): Promise<{ style?: HouseStyle; warnings: string[] }> {
  const host = { ...nodeHost, parentOf: (d: string) => path.dirname(d) };
  const file = await findConfigFile(host, path.resolve(dir)).catch(() => undefined);
  if (!file) return { warnings: [] };
  const loaded = await loadHouseStyle(file.text, file.path, {
    readBytes: (f) => fs.readFile(f).then((b) => new Uint8Array(b), () => undefined),
    resolve: (config, relative) => path.resolve(path.dirname(config), relative),
  });
  const shown = path.relative(process.cwd(), file.path) || file.path;
  const warnings = loaded.diagnostics.map((d) => `${shown}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.message} [${d.code}]`);
  return { style: loaded.style, warnings };
}
