/**
 * Local images of Markdown fields in the A4 preview: the same files the export embeds
 * (`localImageFile` in `src/core/render/images.ts`: inside the project's workspace folder, of a
 * known type, at most 2 MB), linked as webview resources (`Webview.asWebviewUri`) rather than
 * copied into every update. Remote images stay placeholders, as in the export.
 */
import * as vscode from 'vscode';
import { type ImageResolver, localImageFile } from '../../core/render';

/**
 * The image resolver for the project in `dir` (a URI string), or `undefined` (every image a
 * placeholder) when the project is not in a workspace folder on disk. Makes the workspace folder
 * one of the webview's `localResourceRoots` when it is not yet.
 */
export function webviewImages(webview: vscode.Webview, dir: string): ImageResolver | undefined {
  const dirUri = vscode.Uri.parse(dir);
  const root = vscode.workspace.getWorkspaceFolder(dirUri)?.uri;
  if (dirUri.scheme !== 'file' || !root || root.scheme !== 'file') return undefined;
  allowResourceRoot(webview, root);
  return (src) => {
    const image = localImageFile(src, dirUri.fsPath, root.fsPath);
    return image && webview.asWebviewUri(vscode.Uri.file(image.file)).toString();
  };
}

/** Adds `root` to the webview's `localResourceRoots` unless it is there. */
function allowResourceRoot(webview: vscode.Webview, root: vscode.Uri): void {
  const roots = webview.options.localResourceRoots ?? [];
  if (roots.some((r) => r.toString() === root.toString())) return;
  webview.options = { ...webview.options, localResourceRoots: [...roots, root] };
}
