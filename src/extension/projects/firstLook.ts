/**
 * The first look of the first scan: a few projects near the workspace roots (and the open editors'
 * projects), found by reading a bounded number of folders directly, so that the first project's
 * diagnostics do not wait for `workspace.findFiles`. VS Code's file search answers slowly while the
 * window starts (1 to 1.7 s in the real VS Code of `npm run test:vscode`, against about 30 ms for
 * reading the folders of a small workspace; docs/benchmarks.md, "Activation"). The file search
 * (`projectFinder.ts`) stays the authority: `ProjectIndex` drops a project it does not confirm.
 *
 * The look honours `files.exclude` and `search.exclude` as the file search does, and looks nowhere
 * when a pattern is one it cannot decide exactly (several path segments, character classes), so that
 * no excluded project shows diagnostics for a moment.
 */
import { DOCUMENT_FILES } from '../../core/document';
import { isSkippedFolder, type WorkspaceHost } from '../../core/project';
import { isAtOrUnder } from '../common';
import { excludePatterns } from './projectFinder';

/** Folders read at most by one look. */
export const FIRST_LOOK_FOLDERS = 48;
/** How deep below a root the look reads (the root is depth 0: `root/client/project` is 2). */
export const FIRST_LOOK_DEPTH = 3;
/** Folders read at once. */
const IN_FLIGHT = 8;

/** What a look needs: the host's `readDirectory` and `join`. */
export type LookHost = Pick<WorkspaceHost, 'readDirectory' | 'join'>;

/**
 * Whether a path below a root (its `/`-separated segments, the file's name last) is excluded by the
 * glob patterns of `files.exclude`/`search.exclude`; `undefined` when one of the patterns cannot be
 * decided segment by segment. Understood: `name`, `name/**` (a top-level entry), `**\/name` and
 * `**\/name/**` (an entry anywhere), where `name` may hold `*` and `?`. Patterns with braces are
 * skipped, as `excludeGlob` leaves them out of the file search too.
 */
export function segmentExcluder(patterns: readonly string[]): ((segments: readonly string[]) => boolean) | undefined {
  const anywhere: RegExp[] = [];
  const topLevel: RegExp[] = [];
  for (const pattern of patterns) {
    if (/[{}]/.test(pattern)) continue;
    let rest = pattern.replace(/^\.\//, '');
    const deep = rest.startsWith('**/');
    if (deep) rest = rest.slice(3);
    rest = rest.replace(/\/\*\*$/, '').replace(/\/$/, '');
    if (!rest || /[/[\]\\]/.test(rest) || rest.includes('**')) return undefined;
    const source = rest.replace(/[.+^$()|]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
    (deep ? anywhere : topLevel).push(new RegExp(`^${source}$`));
  }
  return (segments) => (segments.length > 0 && topLevel.some((re) => re.test(segments[0]))) || segments.some((s) => anywhere.some((re) => re.test(s)));
}

/**
 * Project folders (URI strings) found by reading at most `FIRST_LOOK_FOLDERS` folders breadth-first
 * under `roots` (URI strings), to `FIRST_LOOK_DEPTH`, skipping what the core's walk skips
 * (`isSkippedFolder`) and what `exclude` excludes; the `preferred` folders (the open editors'
 * projects) under a root come first, without reading anything (`ProjectIndex.load` drops a folder
 * without `project.yaml`). Stops once it has `limit` folders. Never rejects: a folder that cannot
 * be read is left out. Returns `[]` when `exclude` is `undefined`.
 */
export async function firstLook(host: LookHost, roots: readonly string[], limit: number, exclude: ((segments: readonly string[]) => boolean) | undefined, preferred: Iterable<string> = []): Promise<string[]> {
  if (!exclude || limit < 1) return [];
  const found: string[] = [];
  const relative = (root: string, dir: string): string[] => dir.slice(root.replace(/\/+$/, '').length).split('/').filter(Boolean).map(decodeURIComponent);
  for (const dir of preferred) {
    if (found.length >= limit) return found;
    const root = roots.find((r) => isAtOrUnder(dir, r));
    const segments = root === undefined ? undefined : relative(root, dir);
    if (segments && !found.includes(dir) && !segments.some(isSkippedFolder) && !exclude([...segments, DOCUMENT_FILES.project])) found.push(dir);
  }
  let level = roots.map((root) => ({ root, dir: root, depth: 0 }));
  let budget = FIRST_LOOK_FOLDERS;
  while (level.length && budget > 0 && found.length < limit) {
    const next: typeof level = [];
    for (let i = 0; i < level.length && budget > 0 && found.length < limit; i += IN_FLIGHT) {
      const slice = level.slice(i, i + Math.min(IN_FLIGHT, budget));
      budget -= slice.length;
      const listed = await Promise.all(slice.map(async (at) => ({ at, entries: await host.readDirectory(at.dir).catch(() => []) })));
      for (const { at, entries } of listed) {
        const segments = relative(at.root, at.dir);
        const isProject = entries.some((e) => e.type === 'file' && e.name === DOCUMENT_FILES.project) && !exclude([...segments, DOCUMENT_FILES.project]);
        if (isProject && found.length < limit && !found.includes(at.dir)) found.push(at.dir);
        if (at.depth >= FIRST_LOOK_DEPTH) continue;
        const subfolders = entries.filter((e) => e.type === 'directory' && !isSkippedFolder(e.name) && !exclude([...segments, e.name])).map((e) => e.name).sort();
        next.push(...subfolders.map((name) => ({ root: at.root, dir: host.join(at.dir, name), depth: at.depth + 1 })));
      }
    }
    level = next;
  }
  return found;
}

/** The look `ProjectIndex` runs on its first scan, with the current exclude settings. */
export function createFirstLook(host: LookHost, preferred: () => Iterable<string>): (roots: readonly string[], limit: number) => Promise<string[]> {
  return (roots, limit) => firstLook(host, roots, limit, segmentExcluder(excludePatterns()), preferred());
}
