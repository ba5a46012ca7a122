// Generates `src/core/rules/fontCoverage.json`: the code points the proposal's text fonts can print,
// read from the character maps (cmap) of the bundled woff2 files themselves (fontkit), for the rule
// `project.glyphs-missing` (src/core/rules/glyphs.ts). A face prints a character when its file has a
// glyph for it AND its `unicode-range` (src/core/render/fonts.json) sends the character to it, so
// each face counts with cmap ∩ unicode-range. The families counted are those of the text stack
// (`generic: "sans-serif"`, the fallback families included: what `TEXT_FONT_STACK` names); all their
// weights and styles. `node scripts/build.mjs` regenerates the file; test/unit/glyphs.test.ts checks
// that the committed one is current.
'use strict';
const path = require('node:path');
const { readFileSync } = require('node:fs');
const fontkit = require('fontkit');

const ROOT = path.resolve(__dirname, '..');
/** Where the generated coverage goes (committed, so a clean clone type-checks and tests before a build). */
const OUT = path.join(ROOT, 'src', 'core', 'rules', 'fontCoverage.json');

/** `[lo, hi]` pairs of a CSS `unicode-range` (`U+0000-00FF,U+0131`). */
function cssRanges(unicodeRange) {
  return unicodeRange.split(',').map((part) => {
    const [lo, hi = lo] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(lo, 16), parseInt(hi, 16)];
  });
}

/** Sorted code points to `[lo, hi]` runs. */
function runs(points) {
  const out = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && p === last[1] + 1) last[1] = p;
    else out.push([p, p]);
  }
  return out;
}

/** The generated file's text: `{ "families": [...], "ranges": [[lo, hi], ...] }`, ranges sorted and disjoint. */
function generateCoverage() {
  const fonts = JSON.parse(readFileSync(path.join(ROOT, 'src', 'core', 'render', 'fonts.json'), 'utf8'));
  const points = new Set();
  const families = fonts.families.filter((f) => f.generic === 'sans-serif' || f.fallback);
  for (const family of families) {
    const id = family.package.replace(/^@fontsource\//, '');
    for (const [weight, style] of family.faces) {
      for (const subset of family.subsets) {
        const file = require.resolve(`${family.package}/files/${id}-${subset}-${weight}-${style}.woff2`, { paths: [ROOT] });
        const ranges = cssRanges(fonts.subsets[subset]);
        for (const cp of fontkit.create(readFileSync(file)).characterSet) {
          if (ranges.some(([lo, hi]) => cp >= lo && cp <= hi)) points.add(cp);
        }
      }
    }
  }
  const ranges = runs([...points].sort((a, b) => a - b));
  const body = ranges.map(([lo, hi]) => `[${lo},${hi}]`).join(',');
  return `{\n  "generatedBy": "scripts/fontCoverage.cjs (npm run build); do not edit",\n  "families": ${JSON.stringify(families.map((f) => f.family))},\n  "ranges": [${body}]\n}\n`;
}

module.exports = { generateCoverage, OUT };
