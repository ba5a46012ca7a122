/**
 * Deterministic inputs for the benchmark: a seeded PRNG, generated `scope.yaml` and
 * `stakeholders.yaml` texts of a given size, and a generated workspace of projects on disk.
 * The same seed gives byte-identical texts on every machine, so runs can be compared.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** mulberry32: a tiny 32-bit PRNG, good enough to vary benchmark inputs reproducibly. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];

const WORDS = [
  'mailbox', 'tenant', 'laptop', 'policy', 'backup', 'restore', 'identity', 'firewall', 'license', 'teams',
  'sharepoint', 'onedrive', 'intune', 'conditional', 'access', 'archive', 'migration', 'wave', 'users', 'client',
  'partner', 'training', 'adoption', 'security', 'baseline', 'server', 'printer', 'network', 'wifi', 'vpn',
  'monitoring', 'patching', 'compliance', 'retention', 'phishing', 'awareness', 'office', 'branch', 'warehouse', 'desk',
];

function sentence(rng: Rng, min: number, max: number): string {
  const n = min + Math.floor(rng() * (max - min + 1));
  const words = Array.from({ length: n }, () => pick(rng, WORDS));
  const text = words.join(' ');
  return text[0].toUpperCase() + text.slice(1) + '.';
}

/** A plain scalar that YAML reads back as the same string (our sentences never need quotes). */
const plain = (s: string): string => s;

/** A folded block scalar (`>-`) over two indented lines, as people write longer descriptions. */
function folded(rng: Rng, indent: string): string {
  return `>-\n${indent}  ${sentence(rng, 8, 14)}\n${indent}  ${sentence(rng, 6, 12)}`;
}

/**
 * Planted schema errors: one entry in every `PLANT_EVERY` (at least one per file) carries one
 * error, so both validators go through their error paths and the bench can check that each of
 * them reports what was planted. Real files being edited usually have a few errors too.
 */
export const PLANT_EVERY = 100;

/** Indices of the entries that carry a planted error among `n` entries. */
export function plantedIndices(n: number): number[] {
  const list: number[] = [];
  for (let i = PLANT_EVERY / 2; i < n; i += PLANT_EVERY) list.push(Math.floor(i));
  if (!list.length) list.push(Math.floor(n / 2));
  return list;
}

/**
 * A `scope.yaml` with `items` items in total: half in scope, three tenths out of scope, the rest
 * later, plus a few assumptions, constraints and acceptance criteria. Planted errors alternate
 * between a misspelt key (`titel`) and a `priority: urgent` (an enum error in scope, an unknown
 * key out of scope and later).
 */
export function generateScope(items: number, seed: number): string {
  const rng = prng(seed);
  const inCount = Math.round(items * 0.5);
  const outCount = Math.round(items * 0.3);
  const laterCount = items - inCount - outCount;
  const planted = new Set(plantedIndices(items));
  const lines: string[] = ['# Generated Scope Canvas for the benchmark.'];
  let index = 0;
  const section = (key: string, count: number, third: 'description' | 'reason' | 'trigger') => {
    lines.push(`${key}:`);
    for (let i = 0; i < count; i++, index++) {
      const plant = planted.has(index) ? (index / PLANT_EVERY) % 2 < 1 ? 'key' : 'enum' : undefined;
      lines.push(`  - id: ${key.replace(/_/g, '-')}-${i + 1}`);
      lines.push(`    ${plant === 'key' ? 'titel' : 'title'}: ${plain(sentence(rng, 2, 5))}`);
      if (third === 'description') {
        lines.push(`    priority: ${plant === 'enum' ? 'urgent' : pick(rng, ['must', 'should', 'could'])}`);
        lines.push(`    description: ${folded(rng, '    ')}`);
      } else {
        lines.push(`    ${third}: ${rng() < 0.5 ? plain(sentence(rng, 5, 10)) : folded(rng, '    ')}`);
      }
      if (plant === 'enum' && third !== 'description') lines.push('    priority: urgent');
    }
  };
  section('in_scope', inCount, 'description');
  section('out_of_scope', outCount, 'reason');
  section('later', laterCount, 'trigger');
  for (const key of ['assumptions', 'constraints', 'acceptance_criteria']) {
    lines.push(`${key}:`);
    for (let i = 0; i < 5; i++) lines.push(`  - ${sentence(rng, 6, 12)}`);
  }
  return lines.join('\n') + '\n';
}

const FIRST = ['Marieke', 'Hans', 'Annemiek', 'Peter', 'Sanne', 'Joost', 'Fatima', 'Ahmed', 'Lotte', 'Daan', 'Eva', 'Bram'];
const LAST = ['Dekker', 'Verbeek', 'de Wit', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder'];
const ROLES = ['Managing partner', 'Office manager', 'Tax advisor', 'External IT support', 'Team lead', 'Service desk', 'Security officer'];

/**
 * A `stakeholders.yaml` with `entries` stakeholders using every field. Planted errors alternate
 * between a value outside an enum (`attitude: hostile`) and an invalid e-mail address.
 */
export function generateStakeholders(entries: number, seed: number): string {
  const rng = prng(seed);
  const planted = new Set(plantedIndices(entries));
  const lines: string[] = ['# Generated stakeholder register for the benchmark.', 'stakeholders:'];
  for (let i = 0; i < entries; i++) {
    const plant = planted.has(i) ? (i / PLANT_EVERY) % 2 < 1 ? 'enum' : 'email' : undefined;
    const first = pick(rng, FIRST);
    const last = pick(rng, LAST);
    lines.push(`  - id: person-${i + 1}`);
    lines.push(`    name: ${first} ${last}`);
    lines.push(`    role: ${pick(rng, ROLES)}`);
    lines.push(`    organisation: ${pick(rng, ['client', 'msp', 'supplier', 'other'])}`);
    lines.push(`    power: ${pick(rng, ['low', 'medium', 'high'])}`);
    lines.push(`    interest: ${pick(rng, ['low', 'medium', 'high'])}`);
    lines.push(`    attitude: ${plant === 'enum' ? 'hostile' : pick(rng, ['champion', 'supporter', 'neutral', 'critical', 'opponent'])}`);
    lines.push(`    steering_group: ${rng() < 0.2}`);
    lines.push(`    decision_maker: ${rng() < 0.1}`);
    lines.push('    communication:');
    lines.push(`      channel: ${pick(rng, ['meeting', 'call', 'email', 'demo', 'newsletter', 'chat'])}`);
    lines.push(`      frequency: ${pick(rng, ['weekly', 'biweekly', 'monthly', 'per-milestone', 'ad-hoc'])}`);
    const mail = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
    lines.push(`    email: ${plant === 'email' ? `${mail}-at-example.nl` : `${mail}${i}@example.nl`}`);
    lines.push(`    concerns: ${rng() < 0.5 ? sentence(rng, 5, 12) : folded(rng, '    ')}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * Writes a workspace of `count` projects under `root`, each a copy of the sample project's
 * documents made unique, spread over client folders (ten projects per client), as an MSP's
 * portfolio repository would hold them. Returns the project folders.
 */
export async function writeWorkspace(root: string, count: number, sample: Record<string, string>): Promise<string[]> {
  const dirs: string[] = [];
  for (let i = 0; i < count; i++) {
    const dir = path.join(root, `client-${String(Math.floor(i / 10)).padStart(4, '0')}`, `project-${String(i).padStart(4, '0')}`);
    dirs.push(dir);
  }
  await Promise.all(
    dirs.map(async (dir, i) => {
      await fs.mkdir(dir, { recursive: true });
      for (const [name, text] of Object.entries(sample)) {
        // Every file differs from every other (its own id, a trailing comment), as in a real
        // portfolio: no cache keyed by content may answer for another project's file.
        const own = name === 'project.yaml' ? text.replace(/^id: .*$/m, `id: project-${i}`) : text;
        const content = name.endsWith('.md') ? `${own}\n<!-- copy ${i} -->\n` : `${own}# copy ${i}\n`;
        await fs.writeFile(path.join(dir, name), content);
      }
    }),
  );
  return dirs;
}

/** The manifest the hostile inputs below extend. */
const MANIFEST = 'id: acme\ntitle: Move to Microsoft 365\nclient: Acme\nproject_manager: Sam\nphase: scope\n';

/** `project.yaml` with `n` more copies of one key: `n` duplicate-key errors (`yaml.duplicate-key`). */
export function generateDuplicateKeys(n: number): string {
  return MANIFEST + 'client: Acme\n'.repeat(n);
}

/** `project.yaml` with `n` keys the schema does not know: `n` `schema.additionalProperties` errors. */
export function generateUnknownKeys(n: number): string {
  return MANIFEST + Array.from({ length: n }, (_, i) => `extra-${i}: value\n`).join('');
}

/**
 * `plan.yaml` with `n` stages that each merge (`<<: *stage`) one anchored mapping holding a wrong
 * value (`type: bogus`): one error, reached through `n` merges. With `withError` false the value is
 * right (`type: migration`) and the schema finds nothing.
 */
export function generateMerges(n: number, withError = true): string {
  let text = `method: hybrid\nversion: "0.3"\ngoal: Work securely from anywhere.\nx-stage: &stage\n  approach: prince2\n  type: ${withError ? 'bogus' : 'migration'}\n  start: 2026-09\n  end: 2026-10\n  deliverables: [Design]\nstages:\n`;
  for (let i = 0; i < n; i++) text += `  - <<: *stage\n    id: stage-${i}\n    name: Stage ${i}\n`;
  return text;
}
