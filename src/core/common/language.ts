/**
 * The two languages of the product, for the UI (through `t()`) and for what a project sends out
 * (the A4 proposal, templates, status updates: the project's `language` in `project.yaml`, see
 * `docs/FORMAT.md`).
 */

/** A language the product speaks: English or Dutch. */
export type Language = 'en' | 'nl';

/** The languages, English first (the default). */
export const LANGUAGES: readonly Language[] = ['en', 'nl'];

/** `value` when it is a supported language, else English (`project.yaml` without a valid `language`). */
export function languageOf(value: unknown): Language {
  return value === 'nl' ? 'nl' : 'en';
}
