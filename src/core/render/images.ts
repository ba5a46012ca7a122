/**
 * Local images of Markdown fields, embedded in the exported page as `data:` URLs (the page loads
 * nothing from anywhere, see `embed.ts`), or linked by the A4 preview as webview resources
 * (`src/extension/preview/previewImages.ts`). Plain Node (synchronous file reads, as the render is
 * synchronous): used by the command line and the extension.
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
 * The local image file a Markdown image shows, with its media type: `localImagePath`, of a known
 * type (PNG, JPEG, GIF, WebP, SVG), an existing file of at most `MAX_IMAGE_BYTES`; `undefined` for
 * anything the page shows as a placeholder. The export embeds these files and the preview links
 * them, so both show the same images. Never throws.
 */
export function localImageFile(src: string, projectDir: string, root: string): { file: string; type: string } | undefined {
  const file = localImagePath(src, projectDir, root);
  const type = file && TYPES[path.extname(file).toLowerCase()];
  if (!file || !type) return undefined;
  try {
    const stat = statSync(file);
    return stat.isFile() && stat.size <= MAX_IMAGE_BYTES ? { file, type } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A resolver (`withImages`, `RenderOptions.images`) that embeds the images `localImageFile`
 * accepts as `data:` URLs; anything else is left to the placeholder. Never throws.
 */
export function embeddedImages(projectDir: string, root: string): ImageResolver {
  return (src) => {
    const image = localImageFile(src, projectDir, root);
    if (!image) return undefined;
    try {
      return `data:${image.type};base64,${readFileSync(image.file).toString('base64')}`;
    } catch {
      return undefined;
    }
  };
}
