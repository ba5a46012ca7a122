// Smoke test: the extension is installed in the test host and activates.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'msp-docs.msp-project-docs';

describe('smoke', () => {
  it(`finds and activates ${EXTENSION_ID}`, async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed in the extension host`);
    await ext.activate();
    assert.equal(ext.isActive, true);
  });
});
