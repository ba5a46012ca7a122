/**
 * Proposal versions (FORMAT.md `plan.version`: `^\d+\.\d+$`, e.g. `"0.3"`). A version is two
 * numbers, not a decimal: `0.10` comes after `0.9`. Method step 3 (docs/method-rules.md): the
 * proposal goes back and forth with the client a few times; every round is a new version with a
 * note of what changed.
 */
import { t } from '../common';

/** The shape of a proposal version. */
export const VERSION_PATTERN = /^(\d+)\.(\d+)$/;

/** True for a version string such as `0.3` or `1.12`. */
export function isVersion(value: unknown): value is string {
  return typeof value === 'string' && VERSION_PATTERN.test(value);
}

/**
 * The next minor version: `0.3` → `0.4`, `0.9` → `0.10`, `1.12` → `1.13` (the minor number counts
 * on, it never carries into the major). Throws `RangeError` for a string that is not a version.
 */
export function bumpVersion(version: string): string {
  const m = VERSION_PATTERN.exec(version.trim());
  if (!m) throw new RangeError(`not a version (major.minor): ${JSON.stringify(version)}`);
  return `${Number(m[1])}.${Number(m[2]) + 1}`;
}

/** The version a snapshot proposes: the bump of `current`, or `0.1` when there is no valid version yet. */
export function nextVersion(current: string | undefined): string {
  return current !== undefined && isVersion(current.trim()) ? bumpVersion(current) : '0.1';
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

/**
 * Why `input` cannot be the new version of a proposal whose version is `current` (a message in the
 * UI language), or `undefined` when it can: it must have the `major.minor` shape and come after
 * `current` (any version will do when `current` is missing or invalid).
 */
export function newVersionProblem(input: string, current: string | undefined): string | undefined {
  const value = input.trim();
  if (!isVersion(value)) return t('Write the version as two numbers with a dot, for example {0}.', current && isVersion(current) ? bumpVersion(current) : '0.1');
  if (current && isVersion(current) && compareVersions(value, current) <= 0) {
    return t('The new version must come after the current version {0}.', current);
  }
  return undefined;
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
