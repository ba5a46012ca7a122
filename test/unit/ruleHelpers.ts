import type { RuleConfig } from '../../src/core/rules';
import type { A4Measurement } from '../../src/core/common';
import type { DocumentKind } from '../../src/core/common/types';
import { validateProject } from '../../src/core/project/workspace';
import { at } from './helpers';

/**
 * A small project whose documents pass the schema and every method rule. Tests vary one document
 * with `edit` and compare the findings exactly. Line numbers in the comments are 1-based.
 */
export const BASE: Readonly<Record<DocumentKind, string>> = {
  project: ['id: acme-m365', 'title: Move to Microsoft 365', 'client: Acme', 'project_manager: Sam', 'phase: approach', ''].join('\n'),
  intake: ['---', 'client: Acme', 'contact: Marieke, managing partner', 'date: 2026-06-18', 'request: We want to work safely from home.', '---', '', '## Goals', '', 'No data leaks.', '', '## Current situation', '', 'Twenty laptops and a file server.', '', '## Earlier attempts', '', 'None yet.', ''].join('\n'),
  scope: [
    'in_scope:', //                              1
    '  - id: mail', //                           2
    '    title: Mail to Exchange Online', //     3
    '    description: Move all mailboxes.', //   4
    'out_of_scope:', //                          5
    '  - id: phones', //                         6
    '    title: Telephony', //                   7
    '    reason: Another supplier.', //          8
    'later:', //                                 9
    '  - id: copilot', //                        10
    '    title: Copilot pilot', //               11
    '    trigger: After tax season.', //         12
    '',
  ].join('\n'),
  stakeholders: [
    'stakeholders:', //                                               1
    '  - id: sponsor', //                                             2
    '    name: Marieke', //                                           3
    '    role: Managing partner', //                                  4
    '    power: high', //                                             5
    '    interest: high', //                                          6
    '    attitude: supporter', //                                     7
    '    steering_group: true', //                                    8
    '    decision_maker: true', //                                    9
    '    communication: { channel: meeting, frequency: biweekly }', // 10
    '  - id: it', //                                                  11
    '    name: Peter', //                                             12
    '    role: External IT', //                                       13
    '    power: medium', //                                           14
    '    interest: high', //                                          15
    '    attitude: opponent', //                                      16
    '  - id: pm', //                                                  17
    '    name: Lotte', //                                             18
    '    role: Project manager', //                                   19
    '    power: medium', //                                           20
    '    interest: high', //                                          21
    '    attitude: champion', //                                      22
    '    steering_group: true', //                                    23
    '',
  ].join('\n'),
  plan: [
    'method: hybrid', //              1
    'version: "0.2"', //              2
    'goal: Work safely.', //          3
    'stages:', //                     4
    '  - id: init', //                5
    '    name: Initiation', //        6
    '    start: 2026-09', //          7
    '    end: 2026-09', //            8
    '    approach: prince2', //       9
    '    type: initiation', //        10
    '    deliverables: [Brief]', //   11
    '    owner: pm', //               12
    '  - id: migrate', //             13
    '    name: Migration', //         14
    '    start: 2026-10', //          15
    '    end: 2026-12', //            16
    '    approach: prince2', //       17
    '    type: migration', //         18
    '    deliverables: [Mailboxes]', // 19
    '    owner: it', //               20
    'milestones:', //                 21
    '  - name: Design approved', //   22
    '    month: 2026-09', //          23
    '    stage: init', //             24
    '  - name: All migrated', //      25
    '    month: 2026-12', //          26
    'history:', //                    27
    '  - version: "0.1"', //          28
    '    date: 2026-06-25', //        29
    '    changes: First draft.', //   30
    '  - version: "0.2"', //          31
    '    date: 2026-07-09', //        32
    '    changes: Pilot added.', //   33
    '',
  ].join('\n'),
  handover: [
    'operations:', //                                  1
    '  team: Service desk', //                         2
    'shadow_period:', //                               3
    '  start: 2027-04-01', //                          4
    '  end: 2027-04-14', //                            5
    'service_desk:', //                                6
    '  how: Call 030 700 12 34.', //                   7
    'lessons_learned:', //                             8
    '  - observation: Demos convinced the partners.', // 9
    '    kind: went-well', //                          10
    'evaluation:', //                                  11
    '  date: 2027-04-20', //                           12
    '  went_well: [No lost working days]', //          13
    '',
  ].join('\n'),
};

/** Replaces one exact line (1-based) of a text by zero or more lines; throws when the line is not what the test expects. */
export function edit(text: string, line: number, expected: string, ...replacement: string[]): string {
  const lines = text.split('\n');
  if (lines[line - 1] !== expected) throw new Error(`line ${line} is ${JSON.stringify(lines[line - 1])}, not ${JSON.stringify(expected)}`);
  lines.splice(line - 1, 1, ...replacement);
  return lines.join('\n');
}

/** Texts of a project: `BASE` with some documents replaced, or left out with `undefined`. */
export type Texts = Partial<Record<DocumentKind, string | undefined>>;

/**
 * Validates a project (BASE overridden by `texts`, with the A4 `measurement` when given) and returns
 * every finding as `[kind, code, range]`.
 */
export function check(texts: Texts = {}, rules?: RuleConfig, measurement?: A4Measurement): Array<[DocumentKind, string, string]> {
  return diagnostics(texts, rules, measurement).map(({ kind, d }) => [kind, d.code, at(d)]);
}

/** Like `check`, with the diagnostics themselves (message, severity, data). */
export function diagnostics(texts: Texts = {}, rules?: RuleConfig, measurement?: A4Measurement) {
  const merged: Texts = { ...BASE, ...texts };
  const input: Parameters<typeof validateProject>[1] = {};
  for (const [kind, text] of Object.entries(merged) as Array<[DocumentKind, string | undefined]>) {
    if (text !== undefined) input[kind] = { path: `p/${kind}`, text };
  }
  const report = validateProject('p', input, (kind) => `p/${kind}`, { rules, measurement });
  return Object.values(report.documents).flatMap((doc) => doc.diagnostics.map((d) => ({ kind: doc.kind, d })));
}

/** The one finding of a project; fails the test with the full list when there is not exactly one. */
export function single(texts: Texts, rules?: RuleConfig) {
  const list = diagnostics(texts, rules);
  if (list.length !== 1) throw new Error(`expected one finding, got ${JSON.stringify(list.map(({ kind, d }) => [kind, d.code, at(d), d.message]), null, 1)}`);
  return list[0].d;
}
