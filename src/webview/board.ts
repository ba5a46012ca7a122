/**
 * The script inside a board webview (Scope Canvas board, stakeholder grid). It draws the host's
 * `model` and turns drags, keys, forms and context menu commands into `edit` messages
 * (`src/core/webview/boardMessages.ts`); it never edits anything itself: the host applies the edit
 * to the text document and sends the new model. No VS Code API but `acquireVsCodeApi`; texts come
 * from the host in the UI language. Each card carries its `data-vscode-context`
 * (`src/core/webview/boardMenu.ts`) for VS Code's context menu; the host sends the command chosen
 * back as a `menu` message, which runs the card's own action (`CardActions`).
 */
import { BOARD_LISTS, FORM_CONTEXT, QUADRANTS, cardContext, itemPath, quadrantFields, type BoardItem, type BoardModel, type BoardOperation, type BoardProblem, type HostToBoardMessage, type ItemRef, type MenuAction } from '../core/webview';
import { markdownNodes } from './boardMarkdown';

interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;
const vscode = acquireVsCodeApi();

const root = document.getElementById('board') as HTMLElement;
const status = document.getElementById('status') as HTMLElement;
const kind = document.body.dataset.kind === 'stakeholders' ? 'stakeholders' : 'scope';
let model: BoardModel | undefined;
let problems: BoardProblem[] = [];
let strings: Record<string, string> = {};
let version = 0;
/** The card to focus after the next model (by id), so keyboard users keep their place. */
let focusId: string | undefined;

/** What can be done with one card: the same functions for its buttons, keys and the context menu. */
interface CardActions {
  edit(): void;
  remove(): void;
  /** Move within the column by `by` places (scope board). */
  step(by: -1 | 1): void;
  /** Move to column `to`, asking first for what it needs (scope board). */
  moveTo(to: string): void;
  /** Move into a quadrant (stakeholder grid). */
  quadrant(name: string): void;
}
/** The actions of the cards drawn, by item path (`itemPath`). */
const actions = new Map<string, CardActions>();

const s = (key: string, arg?: string) => (strings[key] ?? key).replace('{0}', arg ?? '');
const LEVELS = ['low', 'medium', 'high'] as const;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

/** When the drop being handled happened (`Date.now()`), so its edit message carries the drop's time. */
let dropAt: number | undefined;

/** Posts `op`, stamped with the time of the user's action: the drop being handled, else now (a key, a click, a submit). */
function send(op: BoardOperation): void {
  if (op.type !== 'add') focusId = op.item.id;
  vscode.postMessage({ type: 'edit', version, op, at: dropAt ?? Date.now() });
}

function problemList(list: BoardProblem[]): HTMLElement | string {
  if (!list.length) return '';
  return el('ul', { class: 'problems' }, ...list.map((p) => el('li', { class: `problem ${p.severity}` }, p.message, p.fix === undefined ? '' : fixButton(p.fix, p.message))));
}

/** A button that asks the host to apply the quick fix of problem `fix` (the text editor's fix). */
function fixButton(fix: number, message: string): HTMLElement {
  const b = el('button', { type: 'button', class: 'fix', 'data-fix': String(fix), title: s('fix'), 'aria-label': `${s('fix')}: ${message}` }, s('fix'));
  b.addEventListener('click', (e) => {
    e.stopPropagation();
    vscode.postMessage({ type: 'fix', version, problem: fix });
  });
  return b;
}

/** A form for fields of `list`; `done` gets the changed values, or nothing on cancel. */
function form(list: string, values: Record<string, string | boolean>, only: readonly string[] | undefined, done: (fields?: Record<string, string | boolean | null>) => void): HTMLElement {
  const spec = BOARD_LISTS[kind][list].fields;
  const names = only ?? Object.keys(spec).filter((f) => f !== 'id' || !values.id);
  const f = el('form', { class: 'edit-form', 'data-vscode-context': JSON.stringify(FORM_CONTEXT) });
  const inputs = new Map<string, HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>();
  for (const name of names) {
    const kindOf = spec[name];
    const id = `f-${name}-${Math.random().toString(36).slice(2)}`;
    let input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
    if (kindOf === 'bool') {
      input = el('input', { type: 'checkbox', id });
      (input as HTMLInputElement).checked = values[name] === true;
    } else if (Array.isArray(kindOf)) {
      input = el('select', { id }, el('option', { value: '' }, '—'), ...kindOf.map((v) => el('option', { value: v }, v)));
      input.value = String(values[name] ?? '');
    } else if (name === 'description' || name === 'reason' || name === 'trigger' || name === 'concerns') {
      input = el('textarea', { id, rows: '3' });
      input.value = String(values[name] ?? '');
    } else {
      input = el('input', { type: 'text', id });
      input.value = String(values[name] ?? '');
    }
    inputs.set(name, input);
    f.append(el('label', { for: id }, s(`field_${name}`)), input);
  }
  const save = el('button', { type: 'submit' }, s('save'));
  const cancel = el('button', { type: 'button' }, s('cancel'));
  cancel.addEventListener('click', () => done());
  f.append(el('div', { class: 'form-buttons' }, save, cancel));
  f.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') done();
    e.stopPropagation();
  });
  f.addEventListener('submit', (e) => {
    e.preventDefault();
    const out: Record<string, string | boolean | null> = {};
    for (const [name, input] of inputs) {
      const value = input instanceof HTMLInputElement && input.type === 'checkbox' ? input.checked : input.value;
      if (value === (values[name] ?? (typeof value === 'boolean' ? false : ''))) continue;
      out[name] = value === '' ? null : value;
    }
    done(out);
  });
  queueMicrotask(() => inputs.values().next().value?.focus());
  return f;
}

/** Moves `item` of `list` to `to` at `index`, asking first for what `to` needs. */
function move(list: string, item: BoardItem, to: string, index: number, host: HTMLElement): void {
  if (to === list) return send({ type: 'move', item: { list, index: item.index, id: item.id }, to, index });
  const needed = BOARD_LISTS[kind][to].required.filter((f) => item.fields[f] === undefined);
  if (!needed.length) return send({ type: 'move', item: { list, index: item.index, id: item.id }, to, index });
  const prefill: Record<string, string> = {};
  const text = item.fields.description ?? item.fields.reason ?? item.fields.trigger;
  for (const f of needed) if (typeof text === 'string') prefill[f] = text;
  status.textContent = s('needs', needed.map((f) => s(`field_${f}`)).join(', '));
  const f = form(to, prefill, needed, (fields) => {
    if (!fields) return draw();
    const given = { ...prefill, ...fields } as Record<string, string>;
    send({ type: 'move', item: { list, index: item.index, id: item.id }, to, index, fields: Object.fromEntries(needed.map((n) => [n, given[n] ?? ''])) });
  });
  host.replaceChildren(f);
}

/** Why the board cannot edit list `key` (flow style, anchors: `BoardList.readOnly`), or undefined when it can. */
function lockedReason(key: string): string | undefined {
  return model?.lists.find((l) => l.key === key)?.readOnly;
}

/** Shows why a change on list `key` is not offered, and changes nothing. */
function refuseLocked(key: string): void {
  status.textContent = s('readOnly', lockedReason(key) ?? '');
}

function card(list: string, item: BoardItem, listIndex: number, lists: string[]): HTMLElement {
  const locked = lockedReason(list) !== undefined;
  const mine = problems.filter((p) => p.list === list && p.index === item.index);
  const title = String(item.fields.title ?? item.fields.name ?? item.id);
  const count = model?.lists.find((l) => l.key === list)?.items.length ?? 0;
  const ref: ItemRef = { list, index: item.index, id: item.id };
  const node = el('li', {
    class: `card${mine.some((p) => p.severity === 'error') ? ' has-error' : mine.length ? ' has-warning' : ''}`,
    tabindex: '0',
    draggable: locked ? 'false' : 'true',
    'data-id': item.id,
    'aria-label': title,
    'data-vscode-context': JSON.stringify(cardContext(kind, list, item, count, model?.lists.filter((l) => l.readOnly !== undefined).map((l) => l.key))),
  });
  if (locked) node.classList.add('locked');
  const body: Array<Node | string> = [el('div', { class: 'card-title' }, title)];
  if (kind === 'scope') {
    if (item.fields.priority) body.push(el('span', { class: `badge priority-${String(item.fields.priority)}` }, String(item.fields.priority).toUpperCase()));
    // The description is Markdown (docs/FORMAT.md), shown as the A4 shows it; a reason and a trigger are plain text.
    if (typeof item.fields.description === 'string') body.push(el('div', { class: 'card-description' }, ...markdownNodes(item.fields.description)));
    for (const f of ['reason', 'trigger']) if (typeof item.fields[f] === 'string') body.push(el('div', { class: `card-${f}` }, `${s(`field_${f}`)}: `, String(item.fields[f])));
  } else {
    body.push(el('div', { class: 'card-role' }, String(item.fields.role ?? '')));
    if (item.fields.decision_maker === true) body.push(el('span', { class: 'badge decision' }, s('decisionMaker')));
    if (item.fields.attitude) body.push(el('span', { class: `badge attitude-${String(item.fields.attitude)}` }, String(item.fields.attitude)));
  }
  const buttons = el('div', { class: 'card-buttons' });
  const button = (label: string, text: string, run: () => void) => {
    const b = el('button', { type: 'button', title: label, 'aria-label': `${label}: ${title}` }, text);
    b.addEventListener('click', (e) => {
      e.stopPropagation();
      run();
    });
    buttons.append(b);
  };
  // A card in a list the board cannot edit offers no change: each action says why instead.
  const act: CardActions = locked
    ? { edit: () => refuseLocked(list), remove: () => refuseLocked(list), step: () => refuseLocked(list), moveTo: () => refuseLocked(list), quadrant: () => refuseLocked(list) }
    : {
        edit: () => node.replaceChildren(form(list, item.fields, undefined, (fields) => (fields && Object.keys(fields).length ? send({ type: 'edit', item: ref, fields }) : draw()))),
        remove: () => send({ type: 'remove', item: ref }),
        step: (by) => {
          if (item.index + by >= 0) send({ type: 'move', item: ref, to: list, index: item.index + by });
        },
        moveTo: (to) => (lockedReason(to) !== undefined ? refuseLocked(to) : move(list, item, to, 99_999, node)),
        quadrant: (name) => {
          const fields = quadrantFields(item, name);
          if (fields) send({ type: 'edit', item: ref, fields });
        },
      };
  actions.set(itemPath(ref), act);
  if (kind === 'scope' && !locked) {
    if (listIndex > 0 && lockedReason(lists[listIndex - 1]) === undefined) button(s('moveLeft'), '←', () => act.moveTo(lists[listIndex - 1]));
    if (listIndex < lists.length - 1 && lockedReason(lists[listIndex + 1]) === undefined) button(s('moveRight'), '→', () => act.moveTo(lists[listIndex + 1]));
  }
  if (!locked) {
    button(s('edit'), '✎', act.edit);
    button(s('remove'), '✕', act.remove);
  }
  node.append(...body, problemList(mine), buttons);
  node.addEventListener('dragstart', (e) => {
    e.dataTransfer?.setData('text/plain', JSON.stringify({ list, index: item.index, id: item.id }));
    node.classList.add('dragging');
  });
  node.addEventListener('keydown', (e) => {
    if (e.target !== node) return;
    if (e.key === 'Enter') {
      // Without this the Enter's keypress reaches the form's first field, focused meanwhile, and submits it at once.
      e.preventDefault();
      act.edit();
    } else if (e.key === 'Delete') act.remove();
    else if (e.altKey && e.key.startsWith('Arrow')) {
      e.preventDefault();
      if (kind === 'stakeholders') return nudge(item, e.key);
      if (e.key === 'ArrowUp') act.step(-1);
      if (e.key === 'ArrowDown') act.step(1);
      if (e.key === 'ArrowLeft' && listIndex > 0) act.moveTo(lists[listIndex - 1]);
      if (e.key === 'ArrowRight' && listIndex < lists.length - 1) act.moveTo(lists[listIndex + 1]);
    }
  });
  return node;
}

/** Alt+Arrow on a stakeholder: up/down one level of power, right/left one level of interest. */
function nudge(item: BoardItem, key: string): void {
  const step = (v: unknown, by: number) => LEVELS[Math.max(0, Math.min(2, LEVELS.indexOf((v as (typeof LEVELS)[number]) ?? 'low') + by))];
  const fields: Record<string, string> = {};
  if (key === 'ArrowUp' || key === 'ArrowDown') fields.power = step(item.fields.power, key === 'ArrowUp' ? 1 : -1);
  else fields.interest = step(item.fields.interest, key === 'ArrowRight' ? 1 : -1);
  send({ type: 'edit', item: { list: 'stakeholders', index: item.index, id: item.id }, fields });
}

/** Where in `ul` a drop at `y` lands: the number of cards above it (the dragged card not counted). */
function dropIndex(ul: HTMLElement, y: number): number {
  const cards = Array.from(ul.querySelectorAll<HTMLElement>('.card:not(.dragging)'));
  return cards.filter((c) => c.getBoundingClientRect().top + c.getBoundingClientRect().height / 2 < y).length;
}

/**
 * Makes `zone` take dropped cards; for a list the board cannot edit (`locked`), it takes none (the
 * pointer shows that nothing can be dropped) and says why while a card is dragged over it.
 */
function dropTarget(zone: HTMLElement, onDrop: (from: { list: string; index: number; id: string }, e: DragEvent) => void, locked?: string): void {
  if (locked !== undefined) {
    zone.addEventListener('dragenter', () => refuseLocked(locked));
    return;
  }
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('drop');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('drop'));
  zone.addEventListener('drop', (e) => {
    dropAt = Date.now();
    e.preventDefault();
    zone.classList.remove('drop');
    try {
      onDrop(JSON.parse(e.dataTransfer?.getData('text/plain') ?? ''), e);
    } catch {
      /* not a card */
    } finally {
      dropAt = undefined;
    }
  });
}

function drawScope(m: BoardModel): HTMLElement {
  const lists = m.lists.map((l) => l.key);
  const board = el('div', { class: 'columns' });
  m.lists.forEach((list, listIndex) => {
    const ul = el('ul', { class: 'cards', role: 'list', 'aria-label': s(list.key) });
    for (const item of list.items) ul.append(card(list.key, item, listIndex, lists));
    const add: HTMLElement | string = list.readOnly ? '' : el('button', { type: 'button', class: 'add' }, `+ ${s('add')}`);
    const column = el('section', { class: `column column-${list.key}`, 'aria-label': s(list.key) }, el('h2', {}, s(list.key), el('span', { class: 'count' }, ` ${list.items.length}`)));
    column.append(problemList(problems.filter((p) => p.list === list.key && p.index === undefined)));
    if (list.readOnly) column.append(el('p', { class: 'readonly' }, s('readOnly', list.readOnly)));
    column.append(ul, add);
    if (typeof add !== 'string') add.addEventListener('click', () => {
      const holder = el('li', { class: 'card' });
      ul.append(holder);
      holder.append(
        form(list.key, {}, undefined, (fields) => {
          if (!fields) return draw();
          const title = String(fields.title ?? 'item');
          const base = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'item';
          const used = new Set(m.lists.flatMap((l) => l.items.map((i) => i.id)));
          let id = base;
          for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
          send({ type: 'add', list: list.key, fields: { id, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null)) } });
        }),
      );
    });
    dropTarget(
      column,
      (from, e) => {
        const item = m.lists.find((l) => l.key === from.list)?.items[from.index];
        if (item && item.id === from.id && lockedReason(from.list) === undefined) move(from.list, item, list.key, dropIndex(ul, e.clientY), column.querySelector('.cards') ?? column);
      },
      list.readOnly === undefined ? undefined : list.key,
    );
    board.append(column);
  });
  return board;
}

function drawGrid(m: BoardModel): HTMLElement {
  const list = m.lists[0];
  const grid = el('div', { class: 'grid', role: 'group', 'aria-label': `${s('power')} / ${s('interest')}` });
  for (const [name, highPower, highInterest] of QUADRANTS) {
    const ul = el('ul', { class: 'cards', role: 'list', 'aria-label': s(name) });
    for (const item of list.items) if ((item.fields.power === 'high') === highPower && (item.fields.interest === 'high') === highInterest) ul.append(card(list.key, item, 0, [list.key]));
    const q = el('section', { class: `quadrant quadrant-${name}`, 'aria-label': s(name) }, el('h2', {}, s(name)), ul);
    dropTarget(q, (from) => actions.get(itemPath(from))?.quadrant(name), list.readOnly === undefined ? undefined : list.key);
    grid.append(q);
  }
  const axes = el('div', { class: 'axes' }, el('span', { class: 'axis-y' }, `↑ ${s('power')}`), el('span', { class: 'axis-x' }, `${s('interest')} →`));
  // A register the board cannot edit (flow style) is shown with the reason, and nothing to add.
  if (list.readOnly !== undefined) return el('div', { class: 'grid-wrap' }, el('p', { class: 'readonly' }, s('readOnly', list.readOnly)), axes, grid);
  const add = el('button', { type: 'button', class: 'add' }, `+ ${s('add')}`);
  add.addEventListener('click', () =>
    add.replaceWith(
      form(list.key, { power: 'medium', interest: 'medium', attitude: 'neutral' }, undefined, (fields) => {
        if (!fields) return draw();
        const base = String(fields.name ?? 'person').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'person';
        send({ type: 'add', list: list.key, fields: { id: base, power: 'medium', interest: 'medium', attitude: 'neutral', ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null)) } });
      }),
    ),
  );
  return el('div', { class: 'grid-wrap' }, axes, grid, add);
}

function draw(): void {
  if (!model) return;
  actions.clear();
  const general = problems.filter((p) => p.list === undefined);
  root.replaceChildren(
    el('p', { class: 'help' }, s('keyboardHelp')),
    general.length ? el('section', { class: 'general', 'aria-label': s('problems') }, el('h2', {}, s('problems')), problemList(general)) : '',
    kind === 'scope' ? drawScope(model) : drawGrid(model),
  );
  // Reading a layout property lays the new cards out; the time after it is when they are ready to paint.
  void root.offsetHeight;
  vscode.postMessage({ type: 'rendered', version, cards: root.querySelectorAll('.card[data-id]').length, drawnAt: Date.now() });
  // Only while the board has the focus: a redraw for typing in the text beside must not take it.
  if (focusId && document.hasFocus()) root.querySelector<HTMLElement>(`.card[data-id="${CSS.escape(focusId)}"]`)?.focus();
}

/** Runs a context menu command on the card `item` names (the host checked it against the document). */
function runMenu(item: ItemRef, action: MenuAction): void {
  const act = actions.get(itemPath(item));
  if (!act) {
    status.textContent = s('gone', item.id);
    return;
  }
  if (action.type === 'move') act.moveTo(action.to);
  else if (action.type === 'up') act.step(-1);
  else if (action.type === 'down') act.step(1);
  else if (action.type === 'quadrant') act.quadrant(action.quadrant);
  else if (action.type === 'edit') act.edit();
  else if (action.type === 'remove') act.remove();
}

window.addEventListener('message', (event: MessageEvent<HostToBoardMessage>) => {
  const m = event.data;
  if (m?.type === 'model') {
    model = m.model;
    problems = m.problems;
    strings = m.strings;
    version = m.version;
    document.title = strings.title ?? document.title;
    draw();
  } else if (m?.type === 'refused') {
    status.textContent = m.message;
    draw();
  } else if (m?.type === 'menu') {
    runMenu(m.item, m.action);
  }
});
vscode.postMessage({ type: 'ready' });
