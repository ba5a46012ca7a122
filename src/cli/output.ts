/**
 * Output formats of `msp-docs validate` (FORMAT.md "Diagnostics as the command line prints
 * them"): compiler-style text, a JSON array, and SARIF 2.1.0.
 */
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Severity } from '../core/common';
import { ruleHelp } from './ruleHelp';

/** One finding with the file it belongs to; `file` is the path as given or relative to the folder validated. */
export interface FileDiagnostic {
  file: string;
  diagnostic: Diagnostic;
}

/** The JSON shape of FORMAT.md: 1-based lines and columns, columns in UTF-16 code units, end exclusive. */
export interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
}

/** Converts to the JSON shape (1-based). */
export function toJson({ file, diagnostic: d }: FileDiagnostic): JsonDiagnostic {
  return {
    file,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: d.severity,
    code: d.code,
    message: d.message,
  };
}

/** `file:line:col: severity message [code]`, one line per finding, as compilers print. */
export function formatText(list: readonly FileDiagnostic[]): string {
  return list.map((f) => {
    const j = toJson(f);
    return `${j.file}:${j.line}:${j.column}: ${j.severity} ${j.message} [${j.code}]`;
  }).join('\n');
}

/** The JSON array of FORMAT.md, pretty-printed. */
export function formatJson(list: readonly FileDiagnostic[]): string {
  return JSON.stringify(list.map(toJson), null, 2);
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/**
 * A relative path as a URI reference: each segment percent-encoded on its own, so `#`, `?`, `%`
 * and spaces in folder names stay part of the path (RFC 3986 section 3.3).
 */
export function relativeUri(file: string): string {
  return file.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/');
}

/** Where a finding's file is: relative to `%SRCROOT%` when it lies inside it, else an absolute `file:` URI. */
function artifactLocation(file: string, root: string | undefined): { uri: string; uriBaseId?: string } {
  if (/^([\\/]|[A-Za-z]:)/.test(file)) return { uri: pathToFileURL(file).href };
  if (/^\.\.([\\/]|$)/.test(file)) return { uri: root ? new URL(relativeUri(file), root.endsWith('/') ? root : `${root}/`).href : pathToFileURL(file).href };
  return { uri: relativeUri(file), ...(root ? { uriBaseId: SARIF_ROOT } : {}) };
}

/** The `uriBaseId` of SARIF artifact locations: the folder validated (`originalUriBaseIds`). */
export const SARIF_ROOT = '%SRCROOT%';

/**
 * A SARIF 2.1.0 log with one run. File paths become relative URIs (forward slashes, each segment
 * percent-encoded), or absolute `file:` URIs for files outside `root`; each rule carries its
 * descriptions, help, `helpUri` and default level (`ruleHelp.ts`); regions are
 * 1-based with `columnKind: utf16CodeUnits`, matching the JSON format. With `root` (the absolute
 * `file:` URI of the folder the paths are relative to, ending in `/`), each location says
 * `uriBaseId: "%SRCROOT%"` and the run's `originalUriBaseIds` maps it to `root`, so code-scanning
 * tools can find the files.
 */
export function formatSarif(list: readonly FileDiagnostic[], tool: { name: string; version: string; informationUri?: string }, root?: string): string {
  const ruleIds = [...new Set(list.map((f) => f.diagnostic.code))].sort();
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            ...(tool.informationUri ? { informationUri: tool.informationUri } : {}),
            rules: ruleIds.map((id) => {
              const help = ruleHelp(id);
              return {
                id,
                name: id,
                shortDescription: { text: help.short },
                fullDescription: { text: help.full },
                help: { text: `${help.full} See ${help.helpUri}` },
                helpUri: help.helpUri,
                defaultConfiguration: { level: SARIF_LEVEL[help.defaultSeverity] },
              };
            }),
          },
        },
        ...(root ? { originalUriBaseIds: { [SARIF_ROOT]: { uri: root.endsWith('/') ? root : `${root}/` } } } : {}),
        columnKind: 'utf16CodeUnits',
        results: list.map((f) => {
          const j = toJson(f);
          return {
            ruleId: j.code,
            ruleIndex: ruleIds.indexOf(j.code),
            level: SARIF_LEVEL[j.severity],
            message: { text: j.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: artifactLocation(j.file, root),
                  region: { startLine: j.line, startColumn: j.column, endLine: j.endLine, endColumn: j.endColumn },
                },
              },
            ],
          };
        }),
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
