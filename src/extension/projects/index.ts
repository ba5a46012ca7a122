/** src/extension/projects: public face of the group. */
export { registerDiagnostics } from './diagnostics';
export { registerHasProjectsContext } from './hasProjectsContext';
export { registerNewProjectCommand } from './newProject';
export { registerOpenDocumentCommand } from './openDocument';
export { registerProjectCommands } from './projectCommands';
export { ProjectCache, buildKey } from './projectCache';
export { createProjectFinder } from './projectFinder';
export { ProjectIndex } from './projectIndex';
export type { ProjectChange } from './projectIndex';
export { PROJECTS_VIEW_ID, ProjectsTreeProvider, registerProjectsTree } from './projectsTree';
export type { ProjectsTreeNode } from './projectsTree';
export { openEditorProjects, registerProjectWatchers } from './projectWatchers';
export { RuleConfigSource, registerRuleConfig } from './ruleConfig';
export { HouseStyleSource } from './houseStyle';
export { registerSampleCommand } from './sample';
export { registerUntitledDiagnostics } from './untitledDiagnostics';
export { registerWorkspaceCommands } from './workspaceCommands';
export { activeEditorProject, chooseProject } from './projectTarget';
