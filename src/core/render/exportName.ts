// The export's file name, apart from `proposal.ts` so it is known without loading the renderer.

/** `<id>-v<version>.html`, with anything unsafe for a file name replaced by `-`. */
export function exportFileName(id: string | undefined, version: string | undefined): string {
  const clean = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') || 'proposal';
  return `${clean(id ?? 'proposal')}-v${version ? clean(version) : '0.0'}.html`;
}
