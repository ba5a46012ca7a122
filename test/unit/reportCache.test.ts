/** The project cache's files (`src/core/project/reportCache.ts`): round trip, values read late, nothing corrupt trusted. */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { nodeHost } from '../../src/cli/nodeHost';
import { DOCUMENT_KINDS } from '../../src/core/document';
import { decodeCache, encodeCache, FileStamps, projectStamp, type CacheEntry } from '../../src/core/project/reportCache';
import { loadProject, type ProjectReport } from '../../src/core/project/workspace';

const SAMPLE = path.join(__dirname, '..', '..', 'samples', 'dekker-accountants');
const BROKEN = path.join(__dirname, '..', '..', 'test', 'fixtures', 'workspace', 'broken', 'hartman-logistics');

/** A report as plain JSON data: what a consumer can read of it. */
const plain = (report: ProjectReport): unknown => JSON.parse(JSON.stringify(report));

describe('the project cache files', () => {
  let entries: Map<string, CacheEntry>;

  before(async () => {
    entries = new Map([
      [SAMPLE, { stamp: 'stamp-a', report: await loadProject(nodeHost, SAMPLE) }],
      [BROKEN, { stamp: 'stamp-b', report: await loadProject(nodeHost, BROKEN) }],
    ]);
  });

  it('gives back every report as it was, values included, and reads the values file only when a value is used', () => {
    const texts = encodeCache('build-1', entries);
    let reads = 0;
    const decoded = decodeCache(texts.index, 'build-1', () => (reads++, texts.values));
    assert.ok(decoded);
    assert.deepEqual([...decoded.keys()], [SAMPLE, BROKEN]);
    const sample = decoded.get(SAMPLE)!;
    // What the tree, Problems and the Portfolio need comes from the index alone.
    assert.equal(sample.report.title, 'Move to Microsoft 365');
    assert.equal((sample.report.documents.project.data as { status?: string }).status, 'on-track');
    assert.deepEqual(decoded.get(BROKEN)!.report.documents.plan.diagnostics, entries.get(BROKEN)!.report.documents.plan.diagnostics);
    assert.equal(reads, 0);
    // The first value used reads the values file, once for all projects.
    assert.deepEqual(sample.report.documents.scope.data, entries.get(SAMPLE)!.report.documents.scope.data);
    assert.equal(reads, 1);
    for (const [dir, entry] of decoded) assert.deepEqual(plain(entry.report), plain(entries.get(dir)!.report), dir);
    assert.equal(reads, 1);
  });

  it('keeps the index small: the documents other than project.yaml keep their values apart', () => {
    const texts = encodeCache('build-1', entries);
    assert.ok(texts.index.length * 3 < texts.values.length, `index ${texts.index.length} vs values ${texts.values.length} characters`);
    assert.ok(!texts.index.includes('Exchange Online'), 'a scope item title is in the index');
  });

  it('writes back an entry it read without parsing its values, unchanged', () => {
    const texts = encodeCache('build-1', entries);
    const decoded = decodeCache(texts.index, 'build-1', () => texts.values)!;
    const again = encodeCache('build-1', decoded);
    assert.equal(again.index, texts.index);
    assert.equal(again.values, texts.values);
  });

  it('ignores an index of another build or format, or one that does not parse', () => {
    const texts = encodeCache('build-1', entries);
    assert.equal(decodeCache(texts.index, 'build-2', () => texts.values), undefined);
    assert.equal(decodeCache(texts.index.replace('"format":2', '"format":1'), 'build-1', () => texts.values), undefined);
    assert.equal(decodeCache(texts.index.slice(0, -10), 'build-1', () => texts.values), undefined);
  });

  it('leaves out an entry that is not a complete report', () => {
    const texts = encodeCache('build-1', entries);
    const index = JSON.parse(texts.index) as { projects: Record<string, { report: { checking?: boolean; documents: Record<string, unknown> } }> };
    index.projects[SAMPLE].report.checking = true;
    delete index.projects[BROKEN].report.documents.handover;
    assert.equal(decodeCache(JSON.stringify(index), 'build-1', () => texts.values)!.size, 0);
  });

  for (const [name, values] of [
    ['is missing', () => undefined],
    ['does not parse', (v: string) => v.slice(0, v.length / 2)],
    ['belongs to another build', (v: string) => v.replace('"build":"build-1"', '"build":"build-0"')],
    ['holds the project under another stamp', (v: string) => v.replace('"stamp":"stamp-a"', '"stamp":"stamp-x"')],
    ['holds a value that does not parse', (v: string) => v.replace(/"scope":"\{/, '"scope":"{{')],
  ] as Array<[string, (values: string) => string | undefined]>) {
    it(`reports the project as corrupt, once, and gives no value it cannot vouch for, when the values file ${name}`, () => {
      const texts = encodeCache('build-1', entries);
      const corrupt: string[] = [];
      const decoded = decodeCache(texts.index, 'build-1', () => values(texts.values), (dir) => corrupt.push(dir))!;
      const report = decoded.get(SAMPLE)!.report;
      assert.equal(report.documents.scope.data, undefined);
      for (const kind of DOCUMENT_KINDS) void report.documents[kind].data;
      assert.deepEqual(corrupt, [SAMPLE]);
    });
  }

  it('keeps a null value as null', () => {
    const report = structuredClone(entries.get(SAMPLE)!.report);
    report.documents.handover.data = null;
    const texts = encodeCache('b', new Map([[SAMPLE, { stamp: 's', report }]]));
    const corrupt: string[] = [];
    const decoded = decodeCache(texts.index, 'b', () => texts.values, (dir) => corrupt.push(dir))!;
    assert.equal(decoded.get(SAMPLE)!.report.documents.handover.data, null);
    assert.deepEqual(corrupt, []);
  });
});

describe('project stamps', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'msp-stamp-'));
    writeFileSync(path.join(dir, 'a.yaml'), 'a: 1\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('stats files by size and time, a missing one as undefined', async () => {
    const [a, missing] = await new FileStamps().of([path.join(dir, 'a.yaml'), path.join(dir, 'nothing.yaml')]);
    assert.equal(a?.size, 5);
    assert.ok(a && a.mtime > 0);
    assert.equal(missing, undefined);
  });

  it('changes with a file, its absence and the rule configuration', async () => {
    const files = new FileStamps();
    const before = projectStamp(await files.of([path.join(dir, 'a.yaml')]), {});
    writeFileSync(path.join(dir, 'a.yaml'), 'a: 12\n');
    const after = projectStamp(await files.of([path.join(dir, 'a.yaml')]), {});
    assert.notEqual(after, before);
    assert.notEqual(projectStamp([undefined], {}), projectStamp([{ size: 0, mtime: 0 }], {}));
    assert.notEqual(projectStamp([undefined], { 'scope.empty-out-of-scope': 'off' }), projectStamp([undefined], {}));
    assert.equal(projectStamp([undefined], { x: 1 }), projectStamp([undefined], { x: 1 }));
  });
});
