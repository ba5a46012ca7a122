// Quick feedback after New Project and Create Missing Document: `ProjectIndex.refreshNow` shows a
// project at once, also while a scan is still searching the workspace (here a scan whose search
// is held back until the test lets it go), and a scan that started before the project existed
// does not drop it. Waits for events with timeouts.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { createWorkspaceHost } from '../../../src/extension/common/workspaceHost';
import { ProjectIndex } from '../../../src/extension/projects/projectIndex';
import { DEKKER, fileUri, workspaceRoot } from './helpers';

describe('quick feedback: refreshNow beside a running scan', function () {
  it('shows the project before the scan has found anything, and keeps it when the scan ends without it', async function () {
    const log = vscode.window.createOutputChannel('MSP Docs refreshNow test', { log: true });
    let release!: (dirs: string[]) => void;
    let searching!: () => void;
    const started = new Promise<void>((resolve) => (searching = resolve));
    const search = new Promise<string[]>((resolve) => (release = resolve));
    const index = new ProjectIndex(createWorkspaceHost(log), () => [workspaceRoot().toString()], log, {
      find: () => {
        searching();
        return search;
      },
    });
    try {
      const dekker = fileUri(DEKKER).toString();
      const scan = index.rescanAll();
      await started;
      await index.refreshNow(dekker);
      const report = index.get(dekker);
      assert.ok(report, 'not shown while the scan searches');
      assert.equal(report.checking, undefined, 'a partial report');
      assert.ok(Object.values(report.documents).every((d) => d.exists));
      // The scan searched before the project existed: it finds nothing, and the project stays.
      release([]);
      await scan;
      await index.whenIdle();
      assert.ok(index.get(dekker), 'dropped by the scan that started before it');
    } finally {
      release([]);
      index.dispose();
      log.dispose();
    }
  });
});
