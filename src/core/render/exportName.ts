// The export's file name, apart from `proposal.ts` so it is known without loading the renderer.

/**
 * Longest id part of an export's name, in characters (ASCII after cleaning): file systems allow 255
 * bytes per name, and the PDF's temporary `.<pid>.partial` name must fit as well.
 */
export const MAX_EXPORT_ID_LENGTH = 120;

/** Longest version part of an export's name, in characters. */
const MAX_EXPORT_VERSION_LENGTH = 40;

/**
 * `<id>-v<version>.html`, with anything unsafe for a file name replaced by `-`, and the id and the
 * version cut to `MAX_EXPORT_ID_LENGTH` and 40 characters so the name stays under the 255-byte
 * limit of common file systems whatever the project says.
 */
export function exportFileName(id: string | undefined, version: string | undefined): string {
  const clean = (s: string, max = MAX_EXPORT_ID_LENGTH) => s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '').slice(0, max) || 'proposal';
  return `${clean(id ?? 'proposal')}-v${version ? clean(version, MAX_EXPORT_VERSION_LENGTH) : '0.0'}.html`;
}
