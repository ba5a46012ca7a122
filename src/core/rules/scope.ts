/**
 * Method rules of the Scope Canvas (`scope.yaml`). Method step 2 (docs/method-rules.md): a concrete
 * canvas with what we will do, what we will not do, and what may come later; being explicit about
 * what is out prevents "oh, that was also supposed to be in" moments.
 */
import { asList, asRecord, asText, type Range, t } from '../common';
import type { Rule, RuleDocument, RuleFinding } from './framework';
import { itemOffsets, keyRange, lineOf, rootOf, saysNothing, valueRange } from './nodes';

/** The three columns of the canvas, as keys of `scope.yaml`. */
const COLUMNS = ['in_scope', 'out_of_scope', 'later'] as const;
type Column = (typeof COLUMNS)[number];

/** One item of a column, with what the duplicate rules compare. */
interface Item {
  column: Column;
  index: number;
  id?: string;
  title?: string;
  /** Offset of the item in the text: items are compared in the order the reader sees them. */
  offset: number;
}

/** Items of all three columns in source order; items that are not mappings are skipped. */
function items(doc: RuleDocument): Item[] {
  const root = rootOf(doc);
  const out: Item[] = [];
  for (const column of COLUMNS) {
    const offsets = itemOffsets(doc, [column]);
    asList(root?.[column])?.forEach((value, index) => {
      const item = asRecord(value);
      if (!item) return;
      const offset = offsets[index] ?? Number.MAX_SAFE_INTEGER;
      out.push({ column, index, id: asText(item.id), title: asText(item.title), offset });
    });
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** A title as people compare them: case, spacing and a final full stop do not matter. */
function normalTitle(title: string | undefined): string | undefined {
  const s = title?.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[.!]+$/, '');
  return s || undefined;
}

/**
 * The same thing in two columns, or two different items sharing an id. One analysis for both
 * rules, so that each problem gets exactly one of the two codes:
 * - same id in the same column: `duplicate-id`;
 * - same id in another column, with the same title (or a title missing): `duplicate-item`, on the id;
 * - same id in another column, different titles: `duplicate-id` (two items, one id);
 * - another id, same title in another column: `duplicate-item`, on the title.
 */
function duplicates(doc: RuleDocument): Duplicate[] {
  // Both duplicate rules ask; the document is analysed once.
  let found = analysed.get(doc);
  if (!found) analysed.set(doc, (found = findDuplicates(doc)));
  return found;
}

/** One finding of `duplicates`. */
interface Duplicate {
  kind: 'item' | 'id';
  item: Item;
  first: Item;
  on: 'id' | 'title';
}

const analysed = new WeakMap<RuleDocument, Duplicate[]>();

function findDuplicates(doc: RuleDocument): Duplicate[] {
  const byId = new Map<string, Item>();
  const byTitle = new Map<string, Item>();
  const found: Duplicate[] = [];
  for (const item of items(doc)) {
    const title = normalTitle(item.title);
    const sameId = item.id !== undefined ? byId.get(item.id) : undefined;
    const sameTitle = title !== undefined ? byTitle.get(title) : undefined;
    if (sameId) {
      const firstTitle = normalTitle(sameId.title);
      const sameThing = sameId.column !== item.column && (title === undefined || firstTitle === undefined || title === firstTitle);
      found.push({ kind: sameThing ? 'item' : 'id', item, first: sameId, on: 'id' });
    } else if (sameTitle && sameTitle.column !== item.column) {
      found.push({ kind: 'item', item, first: sameTitle, on: 'title' });
    }
    if (item.id !== undefined && !byId.has(item.id)) byId.set(item.id, item);
    if (title !== undefined && !byTitle.has(title)) byTitle.set(title, item);
  }
  return found;
}

function startOf(doc: RuleDocument, item: Item): Range | undefined {
  return valueRange(doc, [item.column, item.index, 'id']) ?? keyRange(doc, [item.column, item.index]);
}

/** `out_of_scope` is an empty list: say what you will not do. Reported on the `out_of_scope` key. */
export const noOutOfScope: Rule = {
  code: 'scope.no-out-of-scope',
  document: 'scope',
  defaultSeverity: 'warning',
  check(doc) {
    const out = asList(rootOf(doc)?.out_of_scope);
    if (!out || out.length) return [];
    const range = keyRange(doc, ['out_of_scope']);
    return range
      ? [{ range, message: t('Nothing is out of scope yet. Say what you will not do: it prevents "oh, that was also supposed to be in" moments later.') }]
      : [];
  },
};

/**
 * The same item in two columns (by id with the same title, or by title). Reported on the second
 * occurrence in the text: its `id` value, or its `title` value when the titles matched.
 */
export const duplicateItem: Rule = {
  code: 'scope.duplicate-item',
  document: 'scope',
  defaultSeverity: 'error',
  check(doc) {
    const out: RuleFinding[] = [];
    for (const d of duplicates(doc)) {
      if (d.kind !== 'item') continue;
      const range = valueRange(doc, [d.item.column, d.item.index, d.on]);
      const first = startOf(doc, d.first);
      if (!range || !first) continue;
      out.push({
        range,
        message: t('This item is also in {0} (line {1}). An item belongs in one column only: decide whether you will do it, will not do it, or may do it later.', d.first.column, lineOf(first)),
        data: { column: d.first.column, line: lineOf(first) },
      });
    }
    return out;
  },
};

/** Two different items with the same id (ids are unique in the file, FORMAT.md). Reported on the second id value. */
export const duplicateId: Rule = {
  code: 'scope.duplicate-id',
  document: 'scope',
  defaultSeverity: 'error',
  check(doc) {
    const out: RuleFinding[] = [];
    for (const d of duplicates(doc)) {
      if (d.kind !== 'id' || d.item.id === undefined) continue;
      const range = valueRange(doc, [d.item.column, d.item.index, 'id']);
      const first = startOf(doc, d.first);
      if (!range || !first) continue;
      out.push({ range, message: t('The id "{0}" is already used on line {1}. Give each item its own id.', d.item.id, lineOf(first)), data: { id: d.item.id } });
    }
    return out;
  },
};

/**
 * A `later` item whose `trigger` says nothing (empty, `TBD`, `?`). A missing `trigger` is already a
 * schema error (FORMAT.md requires it), so this rule covers what the schema lets through.
 * Reported on the `trigger` value.
 */
export const laterWithoutTrigger: Rule = {
  code: 'scope.later-without-trigger',
  document: 'scope',
  defaultSeverity: 'info',
  check(doc) {
    const out: RuleFinding[] = [];
    asList(rootOf(doc)?.later)?.forEach((value, index) => {
      const trigger = asText(asRecord(value)?.trigger);
      if (trigger === undefined || !saysNothing(trigger)) return;
      const range = valueRange(doc, ['later', index, 'trigger']);
      if (range) out.push({ range, message: t('This trigger says nothing yet. Write when or on what condition this item comes back: a month, an event or a decision.') });
    });
    return out;
  },
};

/** The scope rules, in the order they run. */
export const SCOPE_RULES: readonly Rule[] = [noOutOfScope, duplicateItem, duplicateId, laterWithoutTrigger];
