/**
 * Local images of Markdown fields, embedded in the exported page as `data:` URLs (the page loads
 * nothing from anywhere, see `embed.ts`). Plain Node (synchronous file reads, as the render is
 * synchronous): used by the command line and the extension's export.
 */
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isRemoteImage } from './html';
import type { ImageResolver } from './markdown';

/** Largest image file embedded; a larger one becomes a placeholder. */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

/** Media types by file extension, the image formats every Chromium shows. */
const TYPES: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp', '.svg': 'image/svg+xml' };

/**
 * The absolute path of a local image source: relative to `projectDir` (backslashes read as
 * slashes, `..` kept, percent-escapes decoded) or a `file:` URL; `undefined` for a remote source
 * or one outside `root` (the workspace folder, or the folder the command line was given).
 */
export function localImagePath(src: string, projectDir: string, root: string): string | undefined {
  const text = src.trim();
  if (!text || isRemoteImage(text)) return undefined;
  let file: string;
  try {
    file = /^file:/i.test(text) ? fileURLToPath(text) : path.resolve(projectDir, decodeURI(text).replace(/\\/g, '/'));
  } catch {
    return undefined;
  }
  const relative = path.relative(path.resolve(root), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? file : undefined;
}

/**
 * A resolver (`withImages`, `RenderOptions.images`) that embeds local images of known types up to
 * `MAX_IMAGE_BYTES` as `data:` URLs; anything else is left to the placeholder. Never throws.
 */
export function embeddedImages(projectDir: string, root: string): ImageResolver {
  return (src) => {
    const file = localImagePath(src, projectDir, root);
    const type = file && TYPES[path.extname(file).toLowerCase()];
    if (!file || !type) return undefined;
    try {
      if (statSync(file).size > MAX_IMAGE_BYTES) return undefined;
      return `data:${type};base64,${readFileSync(file).toString('base64')}`;
    } catch {
      return undefined;
    }
  };
}
