// Mocha entry for the real-VS-Code suite: VS Code's extension host calls run()
// (extensionTestsPath points at the compiled out/test/vscode/suite/index.js).
// Loads every *.test.js compiled next to this file. Environment:
//   MSP_DOCS_TEST_GREP       only run tests whose full title matches (mocha --grep)
//   MSP_DOCS_TEST_WORKSPACE  the temp copy of the fixture workspace (informative:
//                            vscode.workspace.workspaceFolders gives the same folder)
//   MSP_DOCS_TEST_RESTRICTED=1  run the Restricted Mode suite (restricted/*.test.js) instead of this
//                            folder's tests (test/vscode/run.mjs --restricted)
//   MSP_DOCS_TEST_EMPTY=1    run the suite of a workspace without projects (empty/*.test.js)
//                            instead (test/vscode/run.mjs --empty)
//   MSP_DOCS_TEST_SETTLE=1   wait until the extension's first scan has validated every project
//                            before loading mocha and the tests (bench/activation.mjs): loading
//                            them takes the extension host's main thread for about 0.4 s, which
//                            would otherwise land inside the start-up being measured
import * as fs from 'node:fs';
import * as path from 'node:path';

type MochaCtor = typeof import('mocha');

/** mocha 12 is an ES module; Node >= 20.19 require()s it and returns its namespace. */
function loadMocha(): MochaCtor {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('mocha') as MochaCtor & { default?: MochaCtor; Mocha?: MochaCtor };
  return mod.Mocha ?? mod.default ?? mod;
}

export async function run(): Promise<void> {
  if (process.env.MSP_DOCS_TEST_SETTLE) {
    // Loaded only here, so that nothing of `vscode` is touched before it is needed.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const vscode = require('vscode') as typeof import('vscode');
    const ext = vscode.extensions.getExtension<import('../../../src/extension/api').MspDocsApi>('msp-docs.msp-project-docs');
    if (ext) await (await ext.activate()).timings.validated;
  }
  const Mocha = loadMocha();
  const mocha = new Mocha({ ui: 'bdd', timeout: 20000, reporter: 'spec', color: false });
  const grep = process.env.MSP_DOCS_TEST_GREP;
  if (grep) {
    mocha.grep(grep);
  }
  const dir = process.env.MSP_DOCS_TEST_RESTRICTED ? path.join(__dirname, 'restricted') : process.env.MSP_DOCS_TEST_EMPTY ? path.join(__dirname, 'empty') : __dirname;
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort();
  if (files.length === 0) {
    throw new Error(`no *.test.js files in ${dir}`);
  }
  for (const f of files) {
    mocha.addFile(path.join(dir, f));
  }
  const failures = await new Promise<number>((resolve, reject) => {
    try {
      mocha.run(resolve);
    } catch (err) {
      reject(err);
    }
  });
  if (failures > 0) {
    throw new Error(`${failures} test(s) failed`);
  }
}
