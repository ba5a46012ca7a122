/**
 * What contributing the schemas through `yamlValidation` would show: Red Hat's
 * `yaml-language-server` (the engine of Red Hat YAML, `./yamlLanguageServer.ts`) validates each YAML
 * document of the broken fixture project and of the sample against the extension's own schema
 * (`schemas/<kind>.schema.json`, as `yamlValidation` would hand it over), and its findings are set
 * beside the extension's `schema.*` findings of the same documents (`msp-docs validate --format
 * json`). Prints, per document, how many findings each reports and how many share a line (the ones
 * the Problems panel would list twice). Usage: `npx tsx bench/yamlValidationOverlap.ts`.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { run } from '../src/cli/main';
import { SCHEMAS } from '../src/core/document/schemas';
import type { DocumentKind } from '../src/core/common';
import { yamlLsValidator } from './yamlLanguageServer';

const ROOT = path.join(__dirname, '..');
const PROJECTS = ['test/fixtures/workspace/broken/hartman-logistics', 'samples/dekker-accountants'];
const KINDS: DocumentKind[] = ['project', 'scope', 'plan', 'stakeholders', 'handover'];

interface Finding {
  file: string;
  line: number;
  column: number;
  code: string;
}

async function main(): Promise<void> {
  let [ours, theirs, shared] = [0, 0, 0];
  for (const project of PROJECTS) {
    const dir = path.join(ROOT, project);
    const json = JSON.parse((await run(['validate', dir, '--format', 'json'])).stdout || '[]') as Finding[];
    for (const kind of KINDS) {
      const file = `${kind}.yaml`;
      // (A document name of its own per project: the service caches parses by name and version.)
      const mine = json.filter((f) => path.basename(f.file) === file && f.code.startsWith('schema.'));
      const ls = (await yamlLsValidator(SCHEMAS[kind], `${project}/${file}`)(readFileSync(path.join(dir, file), 'utf8'))).filter((d) => d.severity === 1 || d.severity === 2);
      const lines = new Set(mine.map((f) => f.line));
      const both = ls.filter((d) => lines.has(d.range.start.line + 1)).length;
      [ours, theirs, shared] = [ours + mine.length, theirs + ls.length, shared + both];
      console.log(`${project}/${file}: msp-docs ${mine.length} schema findings, yaml-language-server ${ls.length}, ${both} of those on a line msp-docs also marks`);
      for (const d of ls) console.log(`    yaml-language-server ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message.split('\n')[0]}`);
      for (const f of mine) console.log(`    msp-docs             ${f.line}:${f.column} [${f.code}]`);
    }
  }
  console.log(`total: msp-docs ${ours} schema findings, yaml-language-server ${theirs}, ${shared} twice (same line)`);
}

void main();
