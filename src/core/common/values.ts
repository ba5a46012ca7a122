/**
 * Type-safe reads of parsed data. Documents are user input that may be half-written or
 * schema-invalid: a reader never trusts a value's type, it asks one of these and skips what does
 * not fit (the schema diagnostics report it).
 */

/** A plain mapping of parsed YAML or JSON. */
export type ValueRecord = Record<string, unknown>;

/** True when the value is a plain mapping (not a list, a scalar or `null`): `asRecord` as a type guard. */
export function isRecord(value: unknown): value is ValueRecord {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The value as a plain mapping, or `undefined` for anything else (lists, scalars, `null`). */
export function asRecord(value: unknown): ValueRecord | undefined {
  return isRecord(value) ? value : undefined;
}

/** The value as a list, or `undefined`. */
export function asList(value: unknown): readonly unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/** The value as text, or `undefined` (numbers and booleans are not text: the schema reports them). */
export function asText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The value as a finite number, or `undefined` (`NaN`, infinities and numeric text are not numbers). */
export function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
