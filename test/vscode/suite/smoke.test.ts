// Smoke test: the extension is installed in the test host and activates; it reports how long
// start-up took (docs/benchmarks.md: activate() and until the Projects tree first has its children).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MspDocsApi } from '../../../src/extension/api';
import { EXTENSION_ID } from './helpers';

describe('smoke', () => {
  it(`finds and activates ${EXTENSION_ID}, and reports its start-up time`, async () => {
    const ext = vscode.extensions.getExtension<MspDocsApi>(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed in the extension host`);
    const api = await ext.activate();
    assert.equal(ext.isActive, true);
    const treeReadyMs = await api.timings.treeReady;
    const roots = await api.tree.getChildren();
    assert.ok(roots && roots.length >= 2, 'the Projects tree has the fixture projects once ready');
    assert.ok(api.timings.activateMs > 0 && api.timings.activateMs <= treeReadyMs, `${api.timings.activateMs} / ${treeReadyMs}`);
    // The walkthrough's pages are %keys% of package.nls*.json (Dutch pages in media/walkthrough/nl/): VS Code resolves them.
    const pages = (ext.packageJSON as { contributes: { walkthroughs: Array<{ steps: Array<{ media: { markdown: string } }> }> } }).contributes.walkthroughs[0].steps.map((s) => s.media.markdown);
    assert.deepEqual(pages, ['create-project', 'scope-canvas', 'a4-plan', 'stakeholders', 'delivery'].map((name) => `media/walkthrough/${name}.md`));
    // Printed for the benchmark table (docs/benchmarks.md); not a timed assertion.
    console.log(`      [timing] activate(): ${api.timings.activateMs.toFixed(1)} ms; Projects tree ready: ${treeReadyMs.toFixed(1)} ms`);
  });
});
