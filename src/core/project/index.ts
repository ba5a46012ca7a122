/** src/core/project: public face of the group. */
export { proposalModel } from './model';
export type { Availability, Level, Milestone, ProposalModel, ScopeItem, Stage, Stakeholder } from './model';
export { checkAdvance, phaseValueRange } from './phases';
export { MAX_PROJECT_DEPTH, UnreadableFileError, findProjects, isSkippedFolder, loadProject, manifestReport, readProject, validateProject } from './workspace';
export type { ProjectOptions, ProjectReport, ProjectTexts, WorkspaceHost } from './workspace';
export { CACHE_FORMAT, decodeCache, encodeCache, FileStamps, projectStamp } from './reportCache';
export type { CacheEntry, CacheTexts, FileStamp } from './reportCache';
