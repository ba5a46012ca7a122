/**
 * The proposal as a Word document. `loadWord().proposalDocx(project, { date, style })` resolves to
 * the `.docx` bytes and its file name (`<id>-v<version>.docx`); the module and the `docx` package
 * are loaded on the first call (`load.ts`), so import only this index.
 */
export type { DocxOptions, DocxProposal } from './proposalDocx';
export { loadWord } from './load';
