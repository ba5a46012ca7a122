/** src/extension/authoring: public face of the group. */
export { registerCompletion } from './completion';
export { registerQuickFixes } from './quickFixes';
