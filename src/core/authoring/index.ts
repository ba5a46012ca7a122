/** src/core/authoring: public face of the group. */
export { completionsAt } from './completions';
export type { CompletionEntry } from './completions';
export type { ContentLanguage } from './contentText';
export { FIXABLE_CODES, quickFixes } from './fixes';
export { hoverAt } from './hover';
export { documentTemplate, isoDay, projectSlug, projectTemplates } from './templates';
