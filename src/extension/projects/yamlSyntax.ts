/**
 * Side by side with Red Hat YAML: which YAML syntax errors this extension publishes. Red Hat YAML
 * (`redhat.vscode-yaml`) parses every `.yaml` file and reports its syntax errors; the same error
 * from both would be shown twice. With `mspDocs.validation.yamlSyntax` at `auto` (the default) the
 * syntax errors of the five YAML documents are left to Red Hat YAML while it is installed and
 * enabled; schema, rule and this extension's own `yaml.*` findings stay, and so does everything in
 * `intake.md` (Red Hat YAML does not read front matter). `always` and `never` decide alone.
 *
 * Only types come from `vscode`: the host is injected, so unit tests decide without VS Code.
 */
import type * as vscode from 'vscode';
import type { Diagnostic, DocumentKind } from '../../core/common';
import { isYamlSyntaxCode } from '../../core/document';
import type { YAML_SYNTAX_MODES } from '../common';

/** A value of `mspDocs.validation.yamlSyntax`. */
export type YamlSyntaxMode = (typeof YAML_SYNTAX_MODES)[number];

/** What the filter reads from VS Code: the setting, whether Red Hat YAML is active, and when either changes. */
export interface YamlSyntaxHost {
  /** The setting's value as read (anything unknown counts as `auto`). */
  mode(): unknown;
  /** True while `redhat.vscode-yaml` is installed and enabled. */
  redHatActive(): boolean;
  /** Fires when the setting or the installed extensions may have changed. */
  onDidChange(listener: () => void): vscode.Disposable;
}

/** Whether YAML syntax errors are published under `mode`, with Red Hat YAML active or not. */
export function publishesYamlSyntax(mode: unknown, redHatActive: boolean): boolean {
  if (mode === 'always') return true;
  if (mode === 'never') return false;
  return !redHatActive;
}

/** The decision of `publishesYamlSyntax`, kept current from a host; `filter` applies it to a document's diagnostics. */
export class YamlSyntaxFilter implements vscode.Disposable {
  private publish: boolean;
  private readonly listeners = new Set<() => void>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly host: YamlSyntaxHost) {
    this.publish = this.decide();
    this.subscription = host.onDidChange(() => {
      const next = this.decide();
      if (next === this.publish) return;
      this.publish = next;
      for (const listener of [...this.listeners]) listener();
    });
  }

  /** True when YAML syntax errors are published now. */
  get publishesSyntax(): boolean {
    return this.publish;
  }

  /** Calls `listener` when the decision flips (the caller publishes again). */
  onDidChange(listener: () => void): vscode.Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** The diagnostics of a document of `kind` to publish: all of them, or all but the YAML syntax errors of a `.yaml` document. */
  filter<T extends Pick<Diagnostic, 'code'>>(kind: DocumentKind, diagnostics: readonly T[]): T[] {
    if (this.publish || kind === 'intake') return [...diagnostics];
    return diagnostics.filter((d) => !isYamlSyntaxCode(d.code));
  }

  dispose(): void {
    this.subscription.dispose();
    this.listeners.clear();
  }

  private decide(): boolean {
    return publishesYamlSyntax(this.host.mode(), this.host.redHatActive());
  }
}
