/**
 * Calendar arithmetic on the format's strings: days `YYYY-MM-DD` and months `YYYY-MM` (FORMAT.md).
 * Both compare correctly as strings. Everything is calendar-only (no time zones): "today" is the
 * local date of the machine, which is what a project manager means by it.
 */
import type { Language } from './language';

/** A month `YYYY-MM` (the format's `$defs/month` pattern, `schemas/*.schema.json`). */
export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** A day `YYYY-MM-DD` by shape only; `isDay` also checks that the day exists. */
export const DAY_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])-(\d{2})$/;
const MONTH = MONTH_PATTERN;
const DAY = DAY_PATTERN;

const monthNameCache = new Map<string, readonly string[]>();

/**
 * The twelve month names in `language`, January first, from `Intl.DateTimeFormat` (Node's and
 * Electron's built-in ICU data, the same on every machine): `long` gives `September` / `september`,
 * `short` gives `Sep` / `sep`.
 */
export function monthNames(language: Language, width: 'long' | 'short' = 'long'): readonly string[] {
  const key = `${language}:${width}`;
  let names = monthNameCache.get(key);
  if (!names) {
    const format = new Intl.DateTimeFormat(language, { month: width, timeZone: 'UTC' });
    names = Object.freeze(Array.from({ length: 12 }, (_, i) => format.format(Date.UTC(2000, i, 1))));
    monthNameCache.set(key, names);
  }
  return names;
}

/** The local date of `now` as `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** True for a real calendar day `YYYY-MM-DD` (`2027-02-30` is not one). */
export function isDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DAY.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCDate() === Number(m[3]) && d.getUTCMonth() === Number(m[2]) - 1;
}

/** True for a month `YYYY-MM`. */
export function isMonth(value: unknown): value is string {
  return typeof value === 'string' && MONTH.test(value);
}

/** The month `YYYY-MM` of a day `YYYY-MM-DD` (or of a month itself). */
export function monthOfDay(day: string): string {
  return day.slice(0, 7);
}

/** The month `n` months after `month` (negative: before). */
export function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Number of months from `from` to `to` counting both: `2026-10`..`2026-12` is 3; 0 when `to` is before `from`. */
export function monthSpan(from: string, to: string): number {
  const a = Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7));
  const b = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7));
  return Math.max(0, b - a + 1);
}

/** Whole days from day `from` to day `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const ms = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((ms(to) - ms(from)) / 86_400_000);
}

/** `2026-09` → `September 2026` / `september 2026`; anything that is not a month as written. */
export function formatMonth(month: string | undefined, language: Language, short = false): string {
  if (!month || !isMonth(month)) return month ?? '';
  return `${monthNames(language, short ? 'short' : 'long')[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** `2026-08-20` → `20 August 2026` / `20 augustus 2026`; anything that is not a day as written. */
export function formatDay(day: string | undefined, language: Language, short = false): string {
  if (!day || !DAY.test(day)) return day ?? '';
  return `${Number(day.slice(8, 10))} ${formatMonth(day.slice(0, 7), language, short)}`;
}
