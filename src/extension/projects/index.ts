/** src/extension/projects: public face of the group. */
export { registerDiagnostics } from './diagnostics';
export { registerHasProjectsContext } from './hasProjectsContext';
export { registerNewProjectCommand } from './newProject';
export { registerOpenDocumentCommand } from './openDocument';
export { registerProjectCommands } from './projectCommands';
export { ProjectCache, buildKey } from './projectCache';
export { createProjectFinder } from './projectFinder';
export { createFirstLook } from './firstLook';
export { ProjectIndex } from './projectIndex';
export type { ProjectChange } from './projectIndex';
export { PROJECTS_VIEW_ID, ProjectsTreeProvider, registerProjectsTree } from './projectsTree';
export type { ProjectsTreeNode } from './projectsTree';
export { openEditorProjects, registerProjectWatchers } from './projectWatchers';
export { RuleConfigSource, registerRuleConfig } from './ruleConfig';
export { registerSampleCommand } from './sample';
export { registerWorkspaceCommands } from './workspaceCommands';
export { activeEditorProject, chooseProject } from './projectTarget';
