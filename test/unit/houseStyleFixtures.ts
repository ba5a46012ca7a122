/** House style fixtures: a real PNG built in memory, an SVG, and a sample copy with a `.msp-docs.json`. */
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { SAMPLE } from './renderFixtures';
import { solidPng } from './png';

export { solidPng };


export const STYLE = { company: 'Noordlicht IT', logo: 'logo.png', accentColor: '#AA3300', footer: 'Noordlicht IT · Zwolle' };

/** Copies the sample into `dir/project` with `.msp-docs.json` (`config`) and `logo.png` (120 × 40) in `dir`. */
export function styledSample(dir: string, config: unknown = { style: STYLE }): string {
  const project = path.join(dir, 'project');
  mkdirSync(project, { recursive: true });
  for (const name of readdirSync(SAMPLE)) copyFileSync(path.join(SAMPLE, name), path.join(project, name));
  writeFileSync(path.join(dir, 'logo.png'), solidPng(120, 40));
  writeFileSync(path.join(dir, '.msp-docs.json'), typeof config === 'string' ? config : JSON.stringify(config, null, 2));
  return project;
}
