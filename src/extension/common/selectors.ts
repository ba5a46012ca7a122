/** Which editors the authoring features serve, and the language of their descriptions. */
import * as vscode from 'vscode';
import type { Language } from '../../core/common';

/** The project documents: the five YAML files by name, and the front matter of `intake.md`. */
export const PROJECT_DOCUMENTS: vscode.DocumentSelector = [
  { language: 'yaml', pattern: '**/{project,scope,plan,stakeholders,handover}.yaml' },
  { language: 'markdown', pattern: '**/intake.md' },
];

/** Descriptions follow VS Code's display language: Dutch for `nl` and `nl-*`, else English. */
export function uiLanguage(): Language {
  return vscode.env.language.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}
