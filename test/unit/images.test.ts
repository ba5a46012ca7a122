import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { run } from '../../src/cli/main';
import { embeddedImages, localImagePath, MAX_IMAGE_BYTES } from '../../src/core/render/images';
import { markdown, withImages } from '../../src/core/render/markdown';
import { SAMPLE, writeSampleWithPlan } from './renderFixtures';

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('images and tables in Markdown fields', () => {
  let tmp: string;
  let project: string;

  before(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'msp-images-'));
    project = path.join(tmp, 'ws', 'project');
    mkdirSync(path.join(project, 'img'), { recursive: true });
    mkdirSync(path.join(tmp, 'ws', 'shared'), { recursive: true });
    writeFileSync(path.join(project, 'img', 'a.png'), PNG);
    writeFileSync(path.join(tmp, 'ws', 'shared', 'b.png'), PNG);
    writeFileSync(path.join(tmp, 'outside.png'), PNG);
    writeFileSync(path.join(project, 'img', 'big.png'), Buffer.alloc(MAX_IMAGE_BYTES + 1));
  });

  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('finds local images relative to the project folder, with backslashes, .. and file: URLs, only inside the root', () => {
    const root = path.join(tmp, 'ws');
    const a = path.join(project, 'img', 'a.png');
    assert.equal(localImagePath('./img/a.png', project, root), a);
    assert.equal(localImagePath('img\\a.png', project, root), a);
    assert.equal(localImagePath('../shared/b.png', project, root), path.join(root, 'shared', 'b.png'));
    assert.equal(localImagePath(pathToFileURL(a).href, project, root), a);
    assert.equal(localImagePath('../../outside.png', project, root), undefined);
    assert.equal(localImagePath(pathToFileURL(path.join(tmp, 'outside.png')).href, project, root), undefined);
    assert.equal(localImagePath('https://example.com/a.png', project, root), undefined);
    assert.equal(localImagePath('//example.com/a.png', project, root), undefined);
  });

  it('embeds local images as data: URLs and shows every other image as a placeholder, never fetched', () => {
    const images = embeddedImages(project, path.join(tmp, 'ws'));
    const data = `data:image/png;base64,${PNG.toString('base64')}`;
    const html = withImages(images, () => markdown('![A](./img/a.png) ![B](..\\shared\\b.png) ![R](https://example.com/r.png) ![Big](img/big.png) ![O](../../outside.png)'));
    assert.equal((html.match(new RegExp(`<img class="md-image" src="${data.replace(/[+/]/g, '\\$&')}" alt="[AB]">`, 'g')) ?? []).length, 2, html);
    for (const alt of ['R', 'Big', 'O']) assert.match(html, new RegExp(`<span class="md-image-missing" title="[^"]*">${alt}</span>`));
    assert.doesNotMatch(html, /src="(?!data:image\/png;base64,)/);
    // Without a resolver (the preview today), a local image is a placeholder too.
    assert.equal(markdown('![A](./img/a.png)'), '<span class="md-image-missing" title="./img/a.png">A</span>');
    assert.doesNotMatch(withImages(() => 'javascript:alert(1)', () => markdown('![x](./img/a.png)')), /<img/);
  });

  it('renders Markdown tables, with alignment as classes and no style attributes', () => {
    const html = markdown('| Item | Cost |\n|:-----|-----:|\n| Licences | €4,000 |');
    assert.match(html, /^<table>\n<thead>\n<tr>\n<th class="md-left">Item<\/th>\n<th class="md-right">Cost<\/th>/);
    assert.match(html, /<td class="md-right">€4,000<\/td>/);
    assert.doesNotMatch(html, /style=/);
  });

  it('embeds the images in the exported HTML on the command line, allowed by its CSP', async () => {
    const plan = parse(readFileSync(path.join(SAMPLE, 'plan.yaml'), 'utf8')) as Record<string, unknown>;
    writeSampleWithPlan(project, { ...plan, summary: 'Overview: ![Architecture](./img/a.png) ![Remote](https://example.com/r.png)\n\n| Wave | Month |\n|---|---|\n| 1 | Oct |' });
    const out = path.join(tmp, 'out');
    const result = await run(['render', path.join(tmp, 'ws'), '--out', out, '--browser', '/nonexistent/chromium', '--lang', 'en']);
    assert.equal(result.exitCode, 0, result.stderr);
    const html = readFileSync(path.join(out, 'dekker-m365-v0.3.html'), 'utf8');
    assert.match(html, /<img class="md-image" src="data:image\/png;base64,[^"]+" alt="Architecture">/);
    assert.match(html, /<span class="md-image-missing" title="https:\/\/example\.com\/r\.png">Remote<\/span>/);
    assert.match(html, /<td>Oct<\/td>/);
    assert.match(html, /Content-Security-Policy" content="[^"]*img-src data:/);
  });
});
