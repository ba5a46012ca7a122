/**
 * Calendar arithmetic on the format's strings: days `YYYY-MM-DD` and months `YYYY-MM`
 * (`docs/FORMAT.md`). Both compare correctly as strings. Everything is calendar-only (no time
 * zones): "today" is the local date of the machine, which is what a project manager means by it.
 */
import type { Language } from './language';

/** A month `YYYY-MM` (exactly the format's `$defs/month` pattern in `schemas/*.schema.json`). */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
/** A day `YYYY-MM-DD` by shape only (`2027-02-30` matches); `isDay` also checks that the day exists. Groups: year, month, day. */
export const DAY_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])-(\d{2})$/;

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

const two = (n: number): string => String(n).padStart(2, '0');

/** The local date of `now` (default: the current moment) as `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/**
 * True for a real calendar day `YYYY-MM-DD` of the proleptic Gregorian calendar, years 0000 to
 * 9999 (`2027-02-30` is not one, `2028-02-29` is).
 */
export function isDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DAY_PATTERN.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // setUTCFullYear, unlike Date.UTC, does not read the years 0-99 as 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** True for a day by shape `YYYY-MM-DD` (month 01-12, any two-digit day, so also `2026-02-30`). */
export function isDayShaped(value: unknown): value is string {
  return typeof value === 'string' && DAY_PATTERN.test(value);
}

/** True for a month `YYYY-MM`. */
export function isMonth(value: unknown): value is string {
  return typeof value === 'string' && MONTH_PATTERN.test(value);
}

/** The month `YYYY-MM` of a day `YYYY-MM-DD` (or of a month itself); no check. */
export function monthOfDay(day: string): string {
  return day.slice(0, 7);
}

/**
 * The month a value stands for: a month `YYYY-MM` itself, or the month of a day-shaped
 * `YYYY-MM-DD` (`isDayShaped`); `undefined` for anything else, including non-strings.
 */
export function monthOf(value: unknown): string | undefined {
  if (isMonth(value)) return value;
  return isDayShaped(value) ? monthOfDay(value) : undefined;
}

/** A month `YYYY-MM` as a number of months since January of year 0 (`0000-01` is 0), so months can be counted. */
export function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/** The month `YYYY-MM` of a `monthIndex` (0 to 119999, years 0000 to 9999). */
export function monthFromIndex(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${two((index % 12) + 1)}`;
}

/** The month `n` months after `month` (negative: before). */
export function addMonths(month: string, n: number): string {
  return monthFromIndex(monthIndex(month) + n);
}

/** Number of months from `from` to `to` counting both: `2026-10`..`2026-12` is 3; 0 when `to` is before `from`. */
export function monthSpan(from: string, to: string): number {
  return Math.max(0, monthIndex(to) - monthIndex(from) + 1);
}

/** Whole days from day `from` to day `to` (negative when `to` is earlier); both `YYYY-MM-DD`. */
export function daysBetween(from: string, to: string): number {
  const ms = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((ms(to) - ms(from)) / 86_400_000);
}

/** `2026-09` → `September 2026` / `september 2026` (`short`: `Sep 2026`); anything that is not a month as written. */
export function formatMonth(month: string | undefined, language: Language, short = false): string {
  if (!month || !isMonth(month)) return month ?? '';
  return `${monthNames(language, short ? 'short' : 'long')[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** `2026-08-20` → `20 August 2026` / `20 augustus 2026`; anything that is not day-shaped as written. */
export function formatDay(day: string | undefined, language: Language, short = false): string {
  if (!day || !isDayShaped(day)) return day ?? '';
  return `${Number(day.slice(8, 10))} ${formatMonth(monthOfDay(day), language, short)}`;
}

/** A day as `formatDay`, a month as `formatMonth`; anything else as written. */
export function formatDate(value: string | undefined, language: Language, short = false): string {
  return isMonth(value) ? formatMonth(value, language, short) : formatDay(value, language, short);
}
