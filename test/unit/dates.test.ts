import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addMonths,
  daysBetween,
  formatDate,
  formatDay,
  formatMonth,
  isDay,
  isDayShaped,
  isMonth,
  monthFromIndex,
  monthIndex,
  monthNames,
  monthOf,
  monthOfDay,
  monthSpan,
  todayIso,
} from '../../src/core/common/dates';

/** Months of the years 0000 to 9999 as indexes (`monthIndex`). */
const LAST_INDEX = 10_000 * 12 - 1;
const anyIndex = fc.integer({ min: 0, max: LAST_INDEX });
const anyMonth = anyIndex.map(monthFromIndex);

/** Days in a month of the proleptic Gregorian calendar, by the leap-year rule itself. */
function daysIn(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('common dates', () => {
  describe('month names from Intl', () => {
    it('gives the English names, long and short', () => {
      assert.deepEqual(monthNames('en'), ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']);
      assert.deepEqual(monthNames('en', 'short'), ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
    });

    it('gives the Dutch names in lower case, long and short', () => {
      assert.deepEqual(monthNames('nl'), ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december']);
      assert.deepEqual(monthNames('nl', 'short'), ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec']);
    });

    it('formats months, days and both in either language; anything else as written', () => {
      assert.equal(formatMonth('2026-09', 'en'), 'September 2026');
      assert.equal(formatMonth('2026-03', 'nl', true), 'mrt 2026');
      assert.equal(formatDay('2026-08-20', 'en'), '20 August 2026');
      assert.equal(formatDay('2026-08-02', 'nl'), '2 augustus 2026');
      assert.equal(formatDate('2026-10', 'nl', true), 'okt 2026');
      assert.equal(formatDate('2026-10-14', 'en', true), '14 Oct 2026');
      for (const odd of ['2026-13', '2026-00-10', 'soon', '']) assert.equal(formatDate(odd, 'en'), odd);
      assert.equal(formatDate(undefined, 'nl'), '');
    });
  });

  it('writes the local date of a moment as YYYY-MM-DD', () => {
    assert.equal(todayIso(new Date(2026, 0, 5)), '2026-01-05');
    assert.equal(todayIso(new Date(2027, 11, 31, 23, 59)), '2027-12-31');
    assert.match(todayIso(), /^\d{4}-\d{2}-\d{2}$/);
  });

  describe('days and months', () => {
    it('knows real calendar days, leap years included', () => {
      for (const day of ['2028-02-29', '2000-02-29', '2026-12-31', '0000-02-29']) assert.ok(isDay(day), day);
      for (const day of ['2027-02-29', '1900-02-29', '2026-04-31', '2026-02-30', '2026-13-01', '2026-01-00', '2026-1-01', '20260101', '']) assert.ok(!isDay(day), day);
      for (const value of [20260101, null, undefined, new Date(2026, 0, 1)]) assert.ok(!isDay(value));
    });

    it('agrees with the leap-year rule on every day shape of the years 0000 to 9999', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99 }), (year, month, day) => {
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          assert.ok(isDayShaped(text));
          assert.equal(isDay(text), day >= 1 && day <= daysIn(year, month), text);
        }),
      );
    });

    it('tells months, day shapes and the month a value stands for', () => {
      assert.ok(isMonth('2026-09'));
      for (const value of ['2026-9', '2026-13', '2026-09-01', 202609]) assert.ok(!isMonth(value), String(value));
      assert.ok(isDayShaped('2026-02-30'));
      assert.ok(!isDayShaped('2026-13-01'));
      assert.equal(monthOf('2026-09'), '2026-09');
      assert.equal(monthOf('2026-02-30'), '2026-02');
      for (const value of ['2026-13', 'September', 202609, undefined]) assert.equal(monthOf(value), undefined);
      assert.equal(monthOfDay('2026-11-29'), '2026-11');
    });

    it('counts days between two days', () => {
      assert.equal(daysBetween('2026-02-27', '2026-03-01'), 2);
      assert.equal(daysBetween('2028-02-27', '2028-03-01'), 3);
      assert.equal(daysBetween('2027-01-01', '2026-12-31'), -1);
    });
  });

  describe('month arithmetic', () => {
    it('steps over year ends both ways and counts months inclusively', () => {
      assert.equal(addMonths('2026-11', 2), '2027-01');
      assert.equal(addMonths('2026-01', -1), '2025-12');
      assert.equal(addMonths('2026-05', 0), '2026-05');
      assert.equal(monthSpan('2026-10', '2026-12'), 3);
      assert.equal(monthSpan('2026-10', '2026-10'), 1);
      assert.equal(monthSpan('2026-10', '2026-09'), 0);
      assert.equal(monthIndex('0000-01'), 0);
      assert.equal(monthFromIndex(2026 * 12 + 8), '2026-09');
    });

    it('a month index and its month round-trip, and every month written is valid', () => {
      fc.assert(
        fc.property(anyIndex, (index) => {
          const month = monthFromIndex(index);
          assert.ok(isMonth(month), month);
          assert.equal(monthIndex(month), index);
        }),
      );
    });

    it('adding months undoes, composes and agrees with monthSpan and string order', () => {
      fc.assert(
        fc.property(anyMonth, fc.integer({ min: -600, max: 600 }), fc.integer({ min: -600, max: 600 }), (month, a, b) => {
          fc.pre(monthIndex(month) + Math.min(0, a, b, a + b) >= 0 && monthIndex(month) + Math.max(0, a, b, a + b) <= LAST_INDEX);
          assert.equal(addMonths(addMonths(month, a), -a), month);
          assert.equal(addMonths(addMonths(month, a), b), addMonths(month, a + b));
          assert.equal(monthSpan(month, addMonths(month, a)), Math.max(0, a + 1));
          const later = addMonths(month, a);
          assert.equal(Math.sign(later.localeCompare(month)), Math.sign(a), 'YYYY-MM compares as a string');
        }),
      );
    });
  });
});
