/**
 * Comparing proposal versions (FORMAT.md `plan.version`: `^\d+\.\d+$`, e.g. `"0.3"`). A version is
 * two numbers, not a decimal: `0.10` comes after `0.9`. Here in `common` so that the renderer (the
 * A4's revision line) and the delivery texts take the newest version the same way: by comparison,
 * never by list position. `src/core/delivery/versions.ts` re-exports them and adds bumping and the new-version check.
 */

/** The shape of a proposal version. */
export const VERSION_PATTERN = /^(\d+)\.(\d+)$/;

/** True for a version string such as `0.3` or `1.12`. */
export function isVersion(value: unknown): value is string {
  return typeof value === 'string' && VERSION_PATTERN.test(value);
}

/**
 * Compares two versions numerically, major first: negative when `a` comes before `b`, 0 when equal
 * (`0.3` and `0.03` are equal), positive after. Throws `RangeError` for a string that is not a version.
 */
export function compareVersions(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  return pa[0] - pb[0] || pa[1] - pb[1];
}

function parts(version: string): [number, number] {
  const m = VERSION_PATTERN.exec(version.trim());
  if (!m) throw new RangeError(`not a version (major.minor): ${JSON.stringify(version)}`);
  return [Number(m[1]), Number(m[2])];
}

/** A history entry's version as text: a string as is, an unquoted number by its value (`0.3`). */
function versionText(value: unknown): string | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : undefined;
  return isVersion(text) ? text : undefined;
}

/**
 * The position of the newest version in `versions` (history order; strings or unquoted numbers),
 * by `compareVersions`, not by position: a list written newest first has it at the top. Of equal
 * versions the later entry wins. `-1` when none is a valid version.
 */
export function newestIndex(versions: readonly unknown[]): number {
  let best = -1;
  let bestText: string | undefined;
  versions.forEach((value, i) => {
    const text = versionText(value);
    if (text !== undefined && (bestText === undefined || compareVersions(text, bestText) >= 0)) {
      best = i;
      bestText = text;
    }
  });
  return best;
}

/**
 * True when a history runs newest first: its first valid version comes after its last one (at
 * least two valid versions). A new entry then goes at the top, in the list's own order.
 */
export function isNewestFirst(versions: readonly unknown[]): boolean {
  const valid = versions.map(versionText).filter((v): v is string => v !== undefined);
  return valid.length >= 2 && compareVersions(valid[0], valid[valid.length - 1]) > 0;
}

/**
 * A history oldest first, whatever order it is written in: reversed when it runs newest first
 * (`isNewestFirst`), else as written. Returns a new array.
 */
export function chronological<T extends { version?: string }>(history: readonly T[]): T[] {
  return isNewestFirst(history.map((h) => h.version)) ? [...history].reverse() : [...history];
}
