/**
 * The yardstick: Red Hat's `yaml-language-server` validating a text against one of our JSON
 * Schemas through its language-service API, as the YAML extension does on every edit.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { getLanguageService } from 'yaml-language-server/lib/umd/languageservice/yamlLanguageService';
import type { JsonSchema } from '../src/core/document/schemas';

/** Validates texts against one schema; each call is a new version of the same document. */
export type LsValidator = (text: string) => Promise<Diagnostic[]>;

/**
 * A language service configured with `schema` for every file. The schema is given inline, so the
 * request service is never asked; it fails loudly if it is. Errors the service would only report
 * to telemetry are rethrown on the next call, so a broken setup cannot pass as "fast".
 */
export function yamlLsValidator(schema: JsonSchema, fileName: string): LsValidator {
  let failure: unknown;
  const service = getLanguageService({
    schemaRequestService: (uri) => Promise.reject(new Error(`unexpected schema request: ${uri}`)),
    workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).toString() },
    telemetry: {
      send: () => undefined,
      sendError: (_name: string, error: unknown) => (failure = error),
      sendTrack: () => undefined,
    } as never,
  });
  const uri = String(schema.$id ?? `https://msp-docs.invalid/${fileName}.schema.json`);
  service.configure({ validate: true, schemas: [{ uri, fileMatch: ['*'], schema }] });
  const documentUri = `file:///bench/${fileName}`;
  let version = 0;
  return async (text) => {
    // A new version defeats the service's parse cache (keyed by URI and version), as an edit does.
    const diagnostics = await service.doValidation(TextDocument.create(documentUri, 'yaml', ++version, text), false);
    if (failure) throw failure;
    return diagnostics;
  };
}
