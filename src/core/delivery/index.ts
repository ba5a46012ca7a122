/** src/core/delivery: public face of the group. */
export { handoverChecklist } from './handover';
export type { ChecklistId } from './handover';
export { handoverDocument, handoverFileName } from './handoverDocument';
export { PlanEditError, planVersion, snapshotEdits } from './historyEdit';
export { PORTFOLIO_SORTS, UNKNOWN, groupPortfolio, isPortfolioSort, portfolioEntry } from './portfolio';
export type { PortfolioEntry, PortfolioGroup, PortfolioSort } from './portfolio';
export { htmlToText, proposalText } from './proposalText';
export type { ProjectStatus } from './reportWords';
export { AUDIENCES, statusUpdate } from './statusUpdate';
export type { Audience } from './statusUpdate';
export { compareVersions, isNewestFirst, isVersion, newestIndex, newVersionProblem, nextVersion } from './versions';
export { CHECKLIST_IDS } from './handover';
