/**
 * The method-rule configuration in the editor: the `mspDocs.rules` setting (per resource) merged
 * with the nearest `.msp-docs.json` from the project folder up (the file wins per code, as in
 * `rules/config.ts`), the same file the command line reads. Problems in either go to the log.
 */
import * as vscode from 'vscode';
import { RULE_CODES, findConfigFile, mergeRuleConfigs, parseConfigFile, parseRuleConfig, type RuleConfig } from '../../core/rules';
import type { WorkspaceHost } from '../../core/project';
import { SETTINGS } from '../common';
import type { ProjectIndex } from './projectIndex';

/**
 * How long a configuration read is reused, in milliseconds. Changes inside the workspace invalidate
 * it at once (watcher, setting); this bound is for a `.msp-docs.json` above the workspace folders,
 * which VS Code does not watch. An older read is still served (a keystroke never waits for the
 * file walk up the folders) while it is read again in the background; when that read differs,
 * `onDidChange` fires and every project is checked again.
 */
const MAX_AGE_MS = 5000;

/** Reads and caches the configuration per project folder; forgets it when the setting or a file changes. */
export class RuleConfigSource implements vscode.Disposable {
  private readonly cache = new Map<string, { rules: Promise<RuleConfig>; at: number; refreshing?: boolean }>();
  /** Problems already logged since the last change, so that projects sharing a file log it once. */
  private readonly logged = new Set<string>();
  private readonly changeEmitter = new vscode.EventEmitter<void>();

  /** Fires when the configuration may have changed: every project must be checked again. */
  readonly onDidChange: vscode.Event<void> = this.changeEmitter.event;

  constructor(
    private readonly host: WorkspaceHost,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The rule configuration of the project in `dir` (a URI string). Never rejects. */
  rulesFor(dir: string): Promise<RuleConfig> {
    const cached = this.cache.get(dir);
    if (cached && Date.now() - cached.at >= MAX_AGE_MS && !cached.refreshing) this.refresh(dir, cached);
    if (cached) return cached.rules;
    const rules = this.safeRead(dir);
    this.cache.set(dir, { rules, at: Date.now() });
    return rules;
  }

  /** Reads the configuration of `dir` again behind `entry`, which is served meanwhile; fires `onDidChange` when it differs. */
  private refresh(dir: string, entry: { rules: Promise<RuleConfig>; at: number; refreshing?: boolean }): void {
    entry.refreshing = true;
    void Promise.all([entry.rules, this.safeRead(dir)]).then(([before, after]) => {
      // Invalidated meanwhile: that invalidation already told the listeners.
      if (this.cache.get(dir) !== entry) return;
      this.cache.set(dir, { rules: Promise.resolve(after), at: Date.now() });
      if (JSON.stringify(before) !== JSON.stringify(after)) this.changeEmitter.fire();
    });
  }

  private safeRead(dir: string): Promise<RuleConfig> {
    return this.read(dir).catch((error) => {
      this.log.error(`Cannot read the rule configuration for ${dir}:`, error);
      return {};
    });
  }

  /** Forgets every cached configuration and tells the listeners. */
  invalidate(): void {
    this.cache.clear();
    this.logged.clear();
    this.changeEmitter.fire();
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }

  private async read(dir: string): Promise<RuleConfig> {
    const setting = vscode.workspace.getConfiguration(undefined, vscode.Uri.parse(dir)).get<unknown>(SETTINGS.rules);
    const fromSetting = parseRuleConfig(setting, RULE_CODES);
    for (const problem of fromSetting.problems) this.warn(`${SETTINGS.rules}: ${problem}`);
    const file = await findConfigFile({ readFile: (f) => this.host.readFile(f), join: (d, n) => this.host.join(d, n), parentOf }, dir);
    if (!file) return fromSetting.rules;
    const fromFile = parseConfigFile(file.text, RULE_CODES);
    const shown = vscode.workspace.asRelativePath(vscode.Uri.parse(file.path));
    if (fromFile.error) {
      this.warn(`${shown}: ${fromFile.error} ${vscode.l10n.t('The file is ignored.')}`);
      return fromSetting.rules;
    }
    for (const problem of fromFile.problems) this.warn(`${shown}: ${problem}`);
    return mergeRuleConfigs(fromSetting.rules, fromFile.rules);
  }

  private warn(message: string): void {
    if (this.logged.has(message)) return;
    this.logged.add(message);
    this.log.warn(message);
  }
}

/** The folder above a URI string; the root is its own parent. */
function parentOf(dir: string): string {
  return vscode.Uri.joinPath(vscode.Uri.parse(dir), '..').toString();
}

/**
 * Re-validates every project when `mspDocs.rules` changes or a `.msp-docs.json` is created, changed
 * or deleted (inside the workspace: VS Code watches only there).
 */
export function registerRuleConfig(source: RuleConfigSource, index: ProjectIndex): vscode.Disposable[] {
  const watcher = vscode.workspace.createFileSystemWatcher('**/.msp-docs.json');
  const changed = (): void => source.invalidate();
  return [
    source,
    watcher,
    watcher.onDidCreate(changed),
    watcher.onDidChange(changed),
    watcher.onDidDelete(changed),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SETTINGS.rules)) changed();
    }),
    source.onDidChange(() => {
      for (const project of index.projects()) index.invalidate(project.dir, 0);
    }),
  ];
}
