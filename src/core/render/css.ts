/**
 * The proposal's CSS, one string for every embedding (webview and export), kept as a TS module so
 * that the core needs no file access or bundler loader to use it (CLI bundle, extension, mocha).
 *
 * On screen the sheet is drawn as an A4 page (210 mm wide, the page margins as padding); in print
 * the `@page` margins take over and the padding goes. The content is laid out at the same width
 * either way (the printable width), which is what makes the one-page check on screen valid for
 * the PDF.
 *
 * Fonts: only the ones bundled with the product (`fonts.ts`: Arimo for text, Cousine for code),
 * each followed by a generic family for characters they lack, so that the text takes the same
 * space on every machine and a proposal that fits on one page here fits there too. The
 * `@font-face` rules are not part of this sheet: each embedding adds them (`embed.ts`), as
 * webview URIs or as data: URLs. `text-rendering: geometricPrecision` keeps the machine's font
 * hinting settings out of the layout: Chromium on Linux then lays text out unhinted with
 * fractional advances (with full hinting from a bare fontconfig the sample was 4 mm longer).
 */
import { A4 } from './page';
import { SCOPE_PRESETS } from './scopeLayout';
import { CODE_FONT_STACK, TEXT_FONT_STACK } from './fonts';

const { margin } = A4;
const M = `${margin.topMm}mm ${margin.rightMm}mm ${margin.bottomMm}mm ${margin.leftMm}mm`;

export const PROPOSAL_CSS = `
@page { size: A4; margin: ${M}; }
.sheet, .sheet * { box-sizing: border-box; }
.sheet {
  --ink: #1b2632; --muted: #56626e; --faint: #8a96a2; --rule: #d5dce3; --tint: #f2f5f8;
  --navy: #1c3a5e; --accent: #2c6aa0; --prince2: #2f5b8a; --agile: #13857a; --milestone: #c25710;
  --in: #1e7048; --out: #9d3a36; --later: #8a6410;
  --org-client: #1c3a5e; --org-supplier: #b0711c; --org-other: #6b7785; --org-msp: #13857a;
  font-family: ${TEXT_FONT_STACK};
  font-size: 8.2pt; line-height: 1.28; color: var(--ink); background: #fff;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
  text-align: left; hyphens: manual; overflow-wrap: anywhere; text-rendering: geometricPrecision;
}
/* Nothing is wider than its column: a long word, URL or address breaks anywhere (overflow-wrap
   above, which also lowers the min-content width that grid and flex columns start from), and no
   grid or flex child insists on its content's width. */
.sheet-content * { min-width: 0; }
@media screen {
  body:has(> .sheet) { margin: 0; padding: 8mm 0; background: #e4e8ec; }
  .sheet { width: ${A4.widthMm}mm; min-height: ${A4.heightMm}mm; padding: ${M}; margin: 0 auto; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.18); }
}
@media print {
  html, body { margin: 0; padding: 0; background: #fff; }
  .sheet { width: auto; min-height: 0; padding: 0; margin: 0; box-shadow: none; }
}
.sheet-content { display: flow-root; }
.sheet h1, .sheet h2, .sheet h3, .sheet p, .sheet ul, .sheet ol, .sheet dl, .sheet dd, .sheet figure, .sheet blockquote { margin: 0; padding: 0; }
.sheet ul, .sheet ol { list-style: none; }
.sheet li, .sheet tr, .goal, .title-meta, .sec-revisions li { break-inside: avoid; }
.sheet a { color: var(--accent); text-decoration: underline; text-decoration-thickness: 0.5pt; text-underline-offset: 1pt; }
.sheet strong { font-weight: 700; }
.sheet .placeholder { color: var(--faint); font-style: italic; font-weight: 400; }
.sheet .md p + p, .sheet .md p + ul, .sheet .md ul + p { margin-top: 0.8mm; }
.sheet .md ul, .sheet .md ol { padding-left: 3.2mm; list-style: disc; }
.sheet .md ol { list-style: decimal; }
.sheet .md h1, .sheet .md h2, .sheet .md h3, .sheet .md h4, .sheet .md h5, .sheet .md h6 { font-size: 1em; font-weight: 700; text-transform: none; letter-spacing: 0; border: 0; margin: 0; padding: 0; color: inherit; }
.sheet .md code { font-family: ${CODE_FONT_STACK}; font-size: 0.92em; }
.sheet .md blockquote { border-left: 1.5pt solid var(--rule); padding-left: 2mm; }
.sheet .md-image { display: block; max-width: 100%; max-height: 60mm; height: auto; margin: 0.8mm 0; }
.sheet .md-image-missing { color: var(--muted); font-style: italic; }
.sheet .md-image-missing::before { content: "["; } .sheet .md-image-missing::after { content: "]"; }
.sheet .md table { width: 100%; table-layout: fixed; border-collapse: collapse; margin: 0.8mm 0; font-size: 0.95em; }
.sheet .md th, .sheet .md td { border-bottom: 0.5pt solid var(--rule); padding: 0.3mm 1mm 0.3mm 0; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
.sheet .md th { font-weight: 700; }
.sheet .md .md-center { text-align: center; } .sheet .md .md-right { text-align: right; }

.sec + .sec { margin-top: 2.1mm; }
.sheet h2 {
  font-size: 7pt; font-weight: 700; letter-spacing: 0.09em; text-transform: uppercase; color: var(--navy);
  border-bottom: 0.75pt solid var(--rule); padding-bottom: 0.6mm; margin-bottom: 1.2mm;
}
.sheet h2, .sheet h3 { break-after: avoid; }
.sheet h3 { font-size: 7.4pt; font-weight: 700; color: var(--navy); margin-bottom: 1mm; }

/* Title block */
.sec-title { display: flex; justify-content: space-between; align-items: flex-end; gap: 8mm; padding-bottom: 2.2mm; border-bottom: 1.6pt solid var(--navy); }
.sec-title .eyebrow { font-size: 7pt; font-weight: 700; letter-spacing: 0.16em; text-transform: uppercase; color: var(--accent); margin-bottom: 1mm; }
.sec-title .house { display: inline-flex; align-items: center; gap: 1.6mm; margin-right: 2.4mm; vertical-align: middle; }
.sec-title .house-logo { height: 4.2mm; width: auto; max-width: 30mm; }
.sec-title .house-name { color: var(--navy); letter-spacing: 0.08em; }
.sec-title h1 { font-size: 17pt; line-height: 1.1; font-weight: 700; color: var(--navy); letter-spacing: -0.01em; }
.sec-title .client { font-size: 10.5pt; color: var(--ink); margin-top: 0.8mm; }
.title-main { flex: 1 1 auto; }
.title-meta { display: grid; grid-template-columns: auto auto auto; column-gap: 5mm; row-gap: 1.2mm; flex: none; max-width: 55%; }
.title-meta dt { font-size: 6.4pt; letter-spacing: 0.08em; text-transform: uppercase; color: var(--muted); }
.title-meta dd { font-size: 8.4pt; font-weight: 700; }
.title-meta dd.placeholder { font-weight: 400; }

/* Background and goal */
.sec-background { display: grid; grid-template-columns: 1.9fr 1fr; gap: 6mm; align-items: stretch; }
.bg-text { padding-top: 2mm; }
.bg-text > h2, .goal h2 { display: inline; border: 0; padding: 0; margin: 0 1.5mm 0 0; }
.bg-text > h2 + .request { display: inline; }
.bg-text > h2 + .summary, .bg-text > h2 + .summary > p:first-child { display: inline; }
.request blockquote { font-style: italic; color: var(--ink); }
.request blockquote::before { content: "\\201C"; } .request blockquote::after { content: "\\201D"; }
.request blockquote, .request blockquote p, .request figcaption { display: inline; }
.request figcaption { color: var(--muted); font-size: 7.4pt; margin-left: 1mm; }
.request figcaption::before { content: "\\2014\\00a0"; }
.request + .summary { margin-top: 1.4mm; }
.goal { background: var(--tint); border-left: 2.4pt solid var(--accent); padding: 2mm 3mm 2.2mm; }
.goal h2 { color: var(--accent); }
.goal h2 + .md { display: inline; }
.goal .md p { display: inline; }
.goal .md { font-size: 8.8pt; line-height: 1.3; font-weight: 700; color: var(--navy); }

/* Scope Canvas */
.scope-canvas { display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 4mm; }
${SCOPE_PRESETS.map(([name, fr]) => `.scope-canvas.${name} { grid-template-columns: ${fr.map((x) => `${x}fr`).join(' ')}; }`).join('\n')}
.scope-col h3 { border-top: 2pt solid currentColor; padding-top: 1mm; font-size: 7.4pt; letter-spacing: 0.04em; text-transform: uppercase; }
.scope-in h3 { color: var(--in); } .scope-out h3 { color: var(--out); } .scope-later h3 { color: var(--later); }
.scope-col li { font-size: 7.8pt; }
.scope-col li + li { margin-top: 1.1mm; }
.scope-col .item-text { color: #38444f; }
.prio { display: inline-block; font-size: 5.6pt; font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase; color: var(--in); border: 0.6pt solid currentColor; border-radius: 1.2mm; padding: 0 0.8mm; line-height: 1.35; vertical-align: 0.4pt; }
.prio-should { color: var(--muted); } .prio-could { color: var(--faint); }

/* Approach: method, timeline, deliverables, milestones */

.timeline-figure svg { display: block; width: 100%; height: auto; overflow: visible; }
.timeline-figure .timeline-drawing { position: absolute; width: 0; height: 0; overflow: hidden; }
.timeline-figure .timeline-slice { overflow: hidden; }
/* The sliced timeline (timelineRows.ts): breaks only between rows; the axis (thead) repeats on a new page. */
.timeline-table { width: 100%; table-layout: fixed; border-collapse: collapse; border-spacing: 0; }
.timeline-table td { padding: 0; }
.timeline-table tr { break-inside: avoid; }
.timeline-table thead { display: table-header-group; }
/* The drawing is shown through <use> (timelineRows.ts): document rules reach its copies only by
   their own classes, so the timeline's rules name tl-* classes, not .timeline ancestors. */
.timeline, .timeline-slice { fill: var(--ink); }
.tl-name { font-size: 10px; font-weight: 700; }
.tl-meta { font-size: 8.4px; fill: var(--muted); }
.tl-year { font-size: 8.4px; font-weight: 700; fill: var(--navy); }
.timeline text { font-family: inherit; }
.tl-month, .tl-quarter, .tl-years { font-size: 8.4px; fill: var(--muted); }
.tl-zebra { fill: #f3f5f8; }
.tl-grid { stroke: #e2e6eb; stroke-width: 0.6; }
.tl-year-line { stroke: #9aa6b2; stroke-width: 0.8; }
.tl-axis { stroke: #9aa6b2; stroke-width: 0.8; }
.tl-prince2 { fill: var(--prince2); }
.tl-agile { fill: var(--agile); }
.tl-milestone path { fill: var(--milestone); stroke: #fff; stroke-width: 1; }
.tl-milestone text { font-size: 7px; font-weight: 700; fill: #fff; }
.legend { display: flex; flex-wrap: wrap; gap: 1mm 4mm; font-size: 6.8pt; color: var(--muted); margin-top: 1mm; }
.legend .method { flex: 1 1 auto; color: var(--ink); font-size: 7.6pt; }
.legend-items { display: flex; flex-wrap: wrap; gap: 1mm 4mm; margin-left: auto; }
.timeline-figure .legend { align-items: baseline; }
.lg::before { content: ""; display: inline-block; width: 3.2mm; height: 2mm; border-radius: 0.4mm; margin-right: 1.2mm; vertical-align: -0.2mm; background: var(--faint); }
.lg-prince2::before { background: var(--prince2); }
.lg-agile::before { background: linear-gradient(90deg, var(--agile) 0 44%, transparent 44% 56%, var(--agile) 56%); }
.lg-milestone::before { width: 2.3mm; height: 2.3mm; border-radius: 0; background: var(--milestone); transform: rotate(45deg) scale(0.85); }
.milestones { margin-top: 1.6mm; }
.milestones h3 { display: none; }
.milestones ol { display: grid; grid-template-columns: repeat(2, 1fr); gap: 0.5mm 4mm; font-size: 7.6pt; }
.milestones li { display: flex; align-items: flex-start; gap: 1.4mm; }
.ms-num { flex: none; display: inline-block; width: 3.5mm; height: 3.5mm; line-height: 3.5mm; margin-top: 0.1mm; text-align: center; font-size: 5.8pt; font-weight: 700; color: #fff; background: var(--milestone); clip-path: polygon(50% 0, 100% 50%, 50% 100%, 0 50%); }
.ms-month { color: var(--muted); white-space: nowrap; }

/* Stakeholders */
.stakeholders-row { display: grid; grid-template-columns: auto 1.25fr 1fr; gap: 4.5mm; align-items: start; }
.grid-figure svg { display: block; width: 48mm; height: auto; }
.grid .grid-q { stroke: #fff; stroke-width: 1.5; fill: #f1f4f7; }
.grid .grid-q-manageClosely { fill: #e3ecf5; }
.grid .grid-q-monitor { fill: #f7f8fa; }
.grid text { font-family: inherit; }
.grid .grid-q-label { font-size: 7px; font-weight: 700; fill: #7b8794; letter-spacing: 0.02em; }
.grid .grid-axis { font-size: 7.4px; fill: var(--muted); }
.grid .grid-arrow { fill: none; stroke: var(--muted); stroke-width: 0.8; }
.grid .grid-dot circle { fill: var(--org-other); stroke: #fff; stroke-width: 1; }
.grid .grid-dot text { font-size: 6.6px; font-weight: 700; fill: #fff; }
.grid .org-client circle { fill: var(--org-client); } .grid .org-supplier circle { fill: var(--org-supplier); }
.grid .grid-legend circle { stroke: none; }
.grid .grid-legend text { font-size: 7.4px; fill: var(--muted); }
.grid .grid-legend.org-other circle { fill: var(--org-other); }
.people li { display: flex; gap: 1.6mm; align-items: flex-start; }
.people li + li { margin-top: 1.2mm; }
.badge { flex: none; width: 4.2mm; height: 4.2mm; border-radius: 50%; background: var(--org-other); color: #fff; font-size: 5.2pt; font-weight: 700; line-height: 4.2mm; text-align: center; margin-top: 0.2mm; }
.badge.org-client { background: var(--org-client); } .badge.org-supplier { background: var(--org-supplier); }
.badge.badge-none { background: transparent; }
.who .role { color: var(--muted); }
.who .how { display: block; }
.people .who { font-size: 7.9pt; }
.who .how { font-size: 7.2pt; color: var(--faint); }
.tag { font-size: 5.6pt; font-weight: 700; letter-spacing: 0.05em; text-transform: uppercase; color: #fff; background: var(--accent); border-radius: 1mm; padding: 0.1mm 0.9mm; vertical-align: 0.5pt; }
.more { color: var(--muted); font-style: italic; margin-top: 1mm; font-size: 7.4pt; }

/* Risks */
.sec-risks ol { display: grid; grid-template-columns: 1fr 1fr; gap: 1.2mm 6mm; counter-reset: risk; font-size: 7.8pt; }
.sec-risks li { counter-increment: risk; padding-left: 3.6mm; position: relative; }
.sec-risks li::before { content: counter(risk); position: absolute; left: 0; top: 0; font-weight: 700; color: var(--out); }
.sec-risks .risk { font-weight: 700; }
.sec-risks .mitigation { color: #38444f; }
.sec-risks .arrow { display: inline-block; width: 2.5mm; height: 1.8mm; vertical-align: 0; fill: none; stroke: var(--in); stroke-width: 1.5; }
.sec-risks .md p { display: inline; }

/* Revision line */
.sec-revisions { border-top: 0.75pt solid var(--rule); padding-top: 1.4mm; display: flex; gap: 4mm; font-size: 6.7pt; line-height: 1.25; color: var(--muted); }
.sec-revisions h2 { border: 0; padding: 0; margin: 0; font-size: 6.4pt; flex: none; padding-top: 0.3mm; color: var(--muted); }
.sec-revisions ul { flex: 1; }
.sec-revisions li { display: grid; grid-template-columns: 7mm 19mm 1fr; }
.rev-version { font-weight: 700; color: var(--ink); }
`;
