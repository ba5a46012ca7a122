/** src/extension/delivery: public face of the group. */
export { registerCompareCommand } from './compare';
export { registerHandoverCommand } from './handoverCommand';
export { PortfolioProvider, registerPortfolio } from './portfolioView';
export type { PortfolioNode } from './portfolioView';
export { registerSnapshotCommand } from './snapshot';
export { registerStatusDraftCommand } from './statusDraft';
