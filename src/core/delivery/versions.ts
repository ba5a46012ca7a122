/**
 * Proposal versions (FORMAT.md `plan.version`: `^\d+\.\d+$`, e.g. `"0.3"`). A version is two
 * numbers, not a decimal: `0.10` comes after `0.9`. Method step 3 (docs/method-rules.md): the
 * proposal goes back and forth with the client a few times; every round is a new version with a
 * note of what changed.
 */
import { compareVersions, isVersion, t, VERSION_PATTERN } from '../common';

export { chronological, compareVersions, isNewestFirst, isVersion, newestIndex, VERSION_PATTERN } from '../common';

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
