/**
 * Numbers and money in a project's language, through `Intl.NumberFormat` (Node's and Electron's
 * built-in ICU data, the same on every machine): British English and Dutch (Netherlands) style,
 * whole units, as the A4 proposal, its text export and the status updates print them.
 */
import type { Language } from './language';

/** The `Intl` locale of each language's numbers: `12,346` / `12.346`. */
const NUMBER_LOCALE: Readonly<Record<Language, string>> = { en: 'en-GB', nl: 'nl-NL' };

/** `n` rounded to a whole number with the language's grouping: `12,346` (en), `12.346` (nl). */
export function formatNumber(n: number, language: Language): string {
  return new Intl.NumberFormat(NUMBER_LOCALE[language], { maximumFractionDigits: 0 }).format(n);
}

/** A currency code as `Intl` takes it: three ASCII letters, any case (ISO 4217 codes are upper case). */
const CURRENCY_CODE = /^[A-Za-z]{3}$/;

/**
 * An amount of money in whole units: with a currency code (`EUR`, `eur`; the format's
 * `budget.currency`, `docs/FORMAT.md`) the language's currency style, `€12,346` (en) or
 * `€ 12.346` (nl); without one, the number alone. A bad code (anything but three ASCII letters,
 * such as `euro` or `€`) is never an error: the number is followed by the code as written,
 * `12.346 euro`. A well-formed code that ISO 4217 does not know (`XYZ`) is shown as `Intl` shows
 * it, `XYZ 12,346`. Never throws.
 */
export function formatMoney(amount: number, currency: string | undefined, language: Language): string {
  if (currency && CURRENCY_CODE.test(currency)) {
    const options = { style: 'currency', currency: currency.toUpperCase(), maximumFractionDigits: 0, minimumFractionDigits: 0 } as const;
    return new Intl.NumberFormat(NUMBER_LOCALE[language], options).format(amount);
  }
  return [formatNumber(amount, language), currency].filter(Boolean).join(' ');
}

/**
 * Points as thousands separators, the Dutch way of writing numbers: `48.300`, `1.200`, `1.200.000`.
 * The first group has one to three digits and does not start with 0 (`0.500` is a decimal).
 */
const POINT_GROUPED = /^[1-9]\d{0,2}(?:\.\d{3})+$/;

/**
 * The whole number a plain YAML scalar means when its points are thousands separators: `48.300` →
 * 48300, `1.200.000` → 1200000; `undefined` for any other text (`48.3`, `48300`, `0.500`, `48,300`).
 * YAML reads `48.300` as the number 48.3 (`docs/FORMAT.md`: YAML 1.2 core schema), so a budget
 * written that way is a thousand times too small (`plan.number-looks-like-thousands`).
 */
export function thousandsReading(source: string): number | undefined {
  return POINT_GROUPED.test(source) ? Number(source.replace(/\./g, '')) : undefined;
}
