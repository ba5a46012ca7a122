import { measureInBrowser, printToPdf } from '../src/core/render/browser';
import { renderProposal } from '../src/core/render/proposal';
import { loadProject } from '../src/core/project/workspace';
import { nodeHost } from '../src/cli/nodeHost';
import { standaloneHtml } from '../src/core/render/embed';
import { sampleWithStages } from './unit/renderFixtures';
import { writeFileSync } from 'node:fs';
(async () => {
  const r = renderProposal(await loadProject(nodeHost, 'samples/dekker-accountants'), { date: '2026-08-20' });
  console.log((await measureInBrowser({ browser: '/usr/bin/chromium', rendered: r })).contentHeightMm);
  writeFileSync('/tmp/i10b-s.html', standaloneHtml(r));
  await printToPdf({ browser: '/usr/bin/chromium', htmlFile: '/tmp/i10b-s.html', pdfFile: '/tmp/i10b-s.pdf' });
  const l = renderProposal(sampleWithStages(40), { date: '2026-08-20' });
  writeFileSync('/tmp/i10b-l.html', standaloneHtml(l));
  await printToPdf({ browser: '/usr/bin/chromium', htmlFile: '/tmp/i10b-l.html', pdfFile: '/tmp/i10b-l.pdf' });
})().catch((e) => console.error('ERR', e));
