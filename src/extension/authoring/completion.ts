/**
 * Completion and hover in the project documents, from the schemas (core `completions.ts` and
 * `hover.ts`): property names with descriptions, enum values, list-item skeletons, stakeholder and
 * stage ids, and the snippets where they fit (core `snippetCompletions.ts`); hover with
 * description, allowed values and an example, in the UI language.
 */
import * as vscode from 'vscode';
import { type CompletionEntry, completionsAt, hoverAt, snippetsAt } from '../../core/authoring';
import { documentKindOf } from '../../core/document';
import type { ProjectIndex } from '../projects';
import { parentOf, PROJECT_DOCUMENTS, uiLanguage } from '../common';

const KINDS: Readonly<Record<CompletionEntry['kind'], vscode.CompletionItemKind>> = {
  property: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.EnumMember,
  item: vscode.CompletionItemKind.Snippet,
  reference: vscode.CompletionItemKind.Reference,
  snippet: vscode.CompletionItemKind.Snippet,
};

/**
 * Registers the completion provider (triggered by typing, by a space after `key:` and by the `-` of
 * a snippet prefix `msp-`; the snippets of `snippets/` come from it, scoped to their document and
 * place) and the hover provider.
 */
export function registerCompletion(index: ProjectIndex, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const completion: vscode.CompletionItemProvider = {
    provideCompletionItems(document, position, _token, context) {
      const kind = documentKindOf(document.uri.path);
      if (!kind) return [];
      try {
        const text = document.getText();
        const offset = document.offsetAt(position);
        const options = { language: uiLanguage(), stakeholders: stakeholdersOf(index, document.uri) };
        const snippets = snippetsAt(kind, text, offset, options);
        // `-` is a trigger only so that `msp-` opens the snippets (Markdown and YAML values have no quick suggestions).
        if (context.triggerCharacter === '-') return /(^|\s)msp-[\w-]*$/.test(document.lineAt(position.line).text.slice(0, position.character)) ? snippets.map((entry) => toItem(document, entry)) : [];
        return [...snippets, ...completionsAt(kind, text, offset, options)].map((entry) => toItem(document, entry));
      } catch (error) {
        log.error('Completion failed:', error);
        return [];
      }
    },
  };
  const hover: vscode.HoverProvider = {
    provideHover(document, position) {
      const kind = documentKindOf(document.uri.path);
      if (!kind) return undefined;
      try {
        const info = hoverAt(kind, document.getText(), document.offsetAt(position), uiLanguage());
        if (!info) return undefined;
        return new vscode.Hover(new vscode.MarkdownString(info.markdown), new vscode.Range(document.positionAt(info.range.start), document.positionAt(info.range.end)));
      } catch (error) {
        log.error('Hover failed:', error);
        return undefined;
      }
    },
  };
  return [vscode.languages.registerCompletionItemProvider(PROJECT_DOCUMENTS, completion, ' ', '-'), vscode.languages.registerHoverProvider(PROJECT_DOCUMENTS, hover)];
}

function toItem(document: vscode.TextDocument, entry: CompletionEntry): vscode.CompletionItem {
  const item = new vscode.CompletionItem(entry.label, KINDS[entry.kind]);
  item.insertText = entry.snippet ? new vscode.SnippetString(entry.insertText) : entry.insertText;
  item.range = new vscode.Range(document.positionAt(entry.range.start), document.positionAt(entry.range.end));
  item.detail = entry.detail;
  if (entry.documentation) item.documentation = new vscode.MarkdownString(entry.documentation);
  item.sortText = entry.sortText;
  // Skeletons start with "- "; filter on what the user types, not on the label.
  if (entry.kind === 'item') item.filterText = document.getText(item.range) || entry.label;
  return item;
}

/** The stakeholders of the project holding `uri`, from its register, for stage owners. */
function stakeholdersOf(index: ProjectIndex, uri: vscode.Uri): Array<{ id: string; name?: string }> {
  const data = index.get(parentOf(uri))?.documents.stakeholders.data as { stakeholders?: unknown } | undefined;
  const list = Array.isArray(data?.stakeholders) ? data.stakeholders : [];
  return list.flatMap((s: { id?: unknown; name?: unknown } | null) =>
    s && typeof s.id === 'string' ? [{ id: s.id, name: typeof s.name === 'string' ? s.name : undefined }] : [],
  );
}
