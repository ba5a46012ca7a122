/**
 * What a board shows of a document: its lists, each item's simple fields and the lines it
 * occupies (so diagnostics can be put on the card they concern), and whether the board may edit
 * each list. A document with errors is read as far as it goes; a list the edit engine cannot
 * handle (flow style, anchors) is shown read-only.
 */
import { isMap, isPair, isScalar, isSeq, type Pair } from 'yaml';
import { validateDocument } from '../document';
import { BoardEditError, seqLayout, topPair } from './layout';
import { BOARD_LISTS, type BoardKind, type BoardList, type BoardModel } from '../webview';

/** Reads `text` (optional BOM, any line endings) for a board. Never throws. */
export function readBoard(kind: BoardKind, text: string): BoardModel {
  const result = validateDocument(kind, text);
  const problems = result.diagnostics.filter((d) => d.severity === 'error');
  const doc = result.yaml?.doc;
  const lines = result.yaml?.lines;
  const lists: BoardList[] = [];
  for (const key of Object.keys(BOARD_LISTS[kind])) {
    const list: BoardList = { key, items: [] };
    lists.push(list);
    if (!doc || !lines || !isMap(doc.contents)) continue;
    let pair: Pair | undefined;
    try {
      pair = topPair(doc, key);
    } catch (e) {
      list.readOnly = e instanceof BoardEditError ? e.message : String(e);
    }
    const seq = pair?.value;
    if (!pair || !isSeq(seq)) continue;
    const keyRange = (pair.key as { range?: number[] }).range;
    try {
      const layout = seqLayout(doc, lines, key);
      layout?.items.forEach((item, index) => {
        list.items.push({ index, ...fieldsOf(item.map.items as Pair[]), startLine: lines.positionAt(item.start).line, endLine: lines.positionAt(Math.max(item.start, item.end - 1)).line });
      });
    } catch (e) {
      list.readOnly = e instanceof BoardEditError ? e.message : String(e);
      seq.items.forEach((node, index) => {
        const range = (node as { range?: number[] }).range ?? [0, 0];
        const fields = isMap(node) ? fieldsOf(node.items as Pair[]) : { id: '', fields: {} };
        list.items.push({ index, ...fields, startLine: lines.positionAt(range[0]).line, endLine: lines.positionAt(range[1]).line });
      });
    }
    if (keyRange) {
      list.startLine = lines.positionAt(keyRange[0]).line;
      list.endLine = Math.max(list.startLine, ...list.items.map((i) => i.endLine));
    }
  }
  return { kind, lists, problems };
}

function fieldsOf(pairs: Pair[]): { id: string; fields: Record<string, string | boolean> } {
  const fields: Record<string, string | boolean> = {};
  for (const pair of pairs) {
    if (!isPair(pair) || !isScalar(pair.key) || !isScalar(pair.value)) continue;
    const value = pair.value.value;
    if (typeof value === 'string' || typeof value === 'boolean') fields[String(pair.key.value)] = value;
    else if (typeof value === 'number') fields[String(pair.key.value)] = String(value);
  }
  return { id: typeof fields.id === 'string' ? fields.id : '', fields };
}
