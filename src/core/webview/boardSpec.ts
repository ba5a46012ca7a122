/**
 * What the two boards edit: the lists of `scope.yaml` and `stakeholders.yaml` and the fields an
 * item of each list may have, as in `schemas/scope.schema.json` and
 * `schemas/stakeholders.schema.json` (docs/FORMAT.md). Keys starting with `x-` are kept as they
 * are and never written by a board.
 */

/** The documents that have a board. */
export type BoardKind = 'scope' | 'stakeholders';

/** How a board may write a field: any text, yes/no, or one of a few words. */
export type FieldKind = 'text' | 'bool' | readonly string[];

/** One list of a board document. */
export interface ListSpec {
  /** Fields an item may have, with how they are written; `id` always among them. */
  fields: Readonly<Record<string, FieldKind>>;
  /** Fields an item must have (besides `id`). */
  required: readonly string[];
}

const LEVEL = ['low', 'medium', 'high'] as const;

/** The lists of each board, in the order the board shows them. */
export const BOARD_LISTS: Readonly<Record<BoardKind, Readonly<Record<string, ListSpec>>>> = {
  scope: {
    in_scope: { fields: { id: 'text', title: 'text', description: 'text', priority: ['must', 'should', 'could'] }, required: ['title', 'description'] },
    out_of_scope: { fields: { id: 'text', title: 'text', reason: 'text' }, required: ['title', 'reason'] },
    later: { fields: { id: 'text', title: 'text', trigger: 'text' }, required: ['title', 'trigger'] },
  },
  stakeholders: {
    stakeholders: {
      fields: {
        id: 'text',
        name: 'text',
        role: 'text',
        organisation: ['client', 'msp', 'supplier', 'other'],
        power: LEVEL,
        interest: LEVEL,
        attitude: ['champion', 'supporter', 'neutral', 'critical', 'opponent'],
        steering_group: 'bool',
        decision_maker: 'bool',
        email: 'text',
        concerns: 'text',
      },
      required: ['name', 'role', 'power', 'interest', 'attitude'],
    },
  },
};

/** The scope board's columns: will do, will not do, later. */
export const SCOPE_COLUMNS = ['in_scope', 'out_of_scope', 'later'] as const;
export type ScopeColumn = (typeof SCOPE_COLUMNS)[number];

/** Whether `value` may be written to `field` of an item of `list` (`null` removes an optional field). */
export function fieldAllowed(kind: BoardKind, list: string, field: string, value: unknown): boolean {
  const spec = BOARD_LISTS[kind][list]?.fields[field];
  if (!Object.prototype.hasOwnProperty.call(BOARD_LISTS[kind][list]?.fields ?? {}, field) || !spec) return false;
  if (value === null) return field !== 'id' && !BOARD_LISTS[kind][list].required.includes(field);
  if (spec === 'bool') return typeof value === 'boolean';
  if (spec === 'text') return typeof value === 'string' && (field !== 'id' || /^[^\s]{1,100}$/.test(value)) && value.length <= 10_000;
  return typeof value === 'string' && spec.includes(value);
}
