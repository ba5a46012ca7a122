/** src/core/authoring: public face of the group. */
export { completionsAt } from './completions';
export type { CompletionEntry } from './completions';
export { FIXABLE_CODES, isFixable, quickFixes } from './fixes';
export type { FixableCode, QuickFix } from './fixes';
export { hoverAt } from './hover';
export { documentTemplate, projectSlug, projectTemplates } from './templates';
export { ALL_SNIPPETS, prefixOf, SNIPPET_PLACES, snippetsAt } from './snippetCompletions';
