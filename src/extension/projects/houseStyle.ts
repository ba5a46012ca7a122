/**
 * The house style in the editor: the `style` section of the nearest `.msp-docs.json` from a project
 * folder up (the file the rule configuration comes from, `ruleConfig.ts`), read with
 * `loadHouseStyle` (`src/core/render/houseStyleFile.ts`). Its problems are diagnostics on
 * `.msp-docs.json` at the value. Read again when a `.msp-docs.json` changes (the rule
 * configuration's watcher); the preview re-renders on `onDidChange`.
 */
import * as vscode from 'vscode';
import { type HouseStyle, loadHouseStyle } from '../../core/render';
import { findConfigFile } from '../../core/rules';
import type { WorkspaceHost } from '../../core/project';
import { toVscodeDiagnostic } from '../common';
import type { RuleConfigSource } from './ruleConfig';

/** Reads, caches and reports the house style per project folder. */
export class HouseStyleSource implements vscode.Disposable {
  private readonly cache = new Map<string, Promise<HouseStyle | undefined>>();
  /** One read per configuration file and text, shared by every project under it (logo read once). */
  private readonly byFile = new Map<string, { text: string; style: Promise<HouseStyle | undefined> }>();
  private readonly known = new Map<string, HouseStyle | undefined>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('msp-docs-style');
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[];

  /** Fires when a style read finished with a different result, or the files changed. */
  readonly onDidChange: vscode.Event<void> = this.changeEmitter.event;

  constructor(
    private readonly host: WorkspaceHost,
    ruleConfig: RuleConfigSource,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions = [
      ruleConfig.onDidChange(() => {
        this.cache.clear();
        this.byFile.clear();
        this.diagnostics.clear();
        this.changeEmitter.fire();
        // Read again at once, so the diagnostics on the changed file come back.
        for (const dir of this.known.keys()) void this.styleFor(dir);
      }),
    ];
  }

  /** The style of the project in `dir` (URI string), reading it when needed. Never rejects. */
  styleFor(dir: string): Promise<HouseStyle | undefined> {
    let pending = this.cache.get(dir);
    if (!pending) {
      pending = this.read(dir).catch((error) => {
        this.log.error(`Cannot read the house style for ${dir}:`, error);
        return undefined;
      });
      this.cache.set(dir, pending);
      void pending.then((style) => {
        const changed = this.known.get(dir) !== style;
        this.known.set(dir, style);
        if (changed) this.changeEmitter.fire();
      });
    }
    return pending;
  }

  /** The style last read for `dir`, at once (the preview renders synchronously); starts a read when there is none. */
  current(dir: string): HouseStyle | undefined {
    void this.styleFor(dir);
    return this.known.get(dir);
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.diagnostics.dispose();
    this.changeEmitter.dispose();
  }

  private async read(dir: string): Promise<HouseStyle | undefined> {
    const parentOf = (d: string) => vscode.Uri.joinPath(vscode.Uri.parse(d), '..').toString();
    const file = await findConfigFile({ readFile: (f) => this.host.readFile(f), join: (d, n) => this.host.join(d, n), parentOf }, dir);
    if (!file) return undefined;
    const known = this.byFile.get(file.path);
    if (known?.text === file.text) return known.style;
    const style = this.load(file.path, file.text);
    this.byFile.set(file.path, { text: file.text, style });
    return style;
  }

  /** Reads the style of one configuration file (and its logo) and publishes its diagnostics. */
  private async load(path: string, text: string): Promise<HouseStyle | undefined> {
    const loaded = await loadHouseStyle(text, path, {
      readBytes: (f) => Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.parse(f))).catch(() => undefined),
      resolve: (config, relative) => vscode.Uri.joinPath(vscode.Uri.parse(config), '..', relative).toString(),
    });
    this.diagnostics.set(vscode.Uri.parse(path), loaded.diagnostics.map(toVscodeDiagnostic));
    return loaded.style;
  }
}
