/**
 * Where a YAML syntax error of the `yaml` package is shown, and in which words. The library's
 * position can sit on a comment or blank line above the real problem, or mark one character at
 * the start of a value; its sentences ("Nested mappings are not allowed in compact mappings") are
 * written for parser authors. Here every error lands on the offending token and covers it, and
 * every message is a plain sentence through `t()` (Dutch in `l10n/bundle.l10n.nl.json`).
 */
import type { Document, YAMLError } from 'yaml';
import { t } from '../common';
import { YamlIndex } from './yamlIndex';

/** A syntax error placed: `[start, end)` in UTF-16 code units of the parsed text, and its message. */
export interface PlacedError {
  start: number;
  end: number;
  message: string;
}

/** See the module comment. `text` is the text the document was parsed from. Never throws. */
export function placeSyntaxError(doc: Document.Parsed, text: string, error: YAMLError): PlacedError {
  let [start, end] = error.pos;
  start = clampOffset(start, text);
  end = Math.max(start, clampOffset(end, text));
  switch (error.code) {
    case 'TAB_AS_INDENT': {
      // The library's range covers the whole indentation; point at the tab itself.
      const tab = text.indexOf('\t', start);
      if (tab >= 0 && tab < Math.max(end, start + 1)) return { start: tab, end: tab + 1, message: t('A tab is used for indentation here; YAML allows only spaces. Replace the tab with spaces.') };
      return { start, end, message: t('A tab is used for indentation here; YAML allows only spaces. Replace the tab with spaces.') };
    }
    case 'DUPLICATE_KEY': {
      // The library marks only the key's first character; widen to the whole key node.
      const key = YamlIndex.of(doc).keyAt(start);
      if (key?.range) end = key.range[1];
      return { start, end, message: t('The key "{0}" appears twice in this mapping; keep one (YAML keeps only the last).', text.slice(start, end)) };
    }
    case 'BLOCK_AS_IMPLICIT_KEY': {
      // `title: Note: this`: the library marks the start of the value; cover the value to the end of its line.
      const token = tokenAt(text, start);
      const valueEnd = lineContentEnd(text, token);
      if (!/:(\s|$)/.test(text.slice(token, valueEnd))) {
        return { start: token, end: valueEnd, message: t('The lines below are indented under this value, which cannot hold keys; line them up with the key above it.') };
      }
      return {
        start: token,
        end: valueEnd,
        message: t('A colon followed by a space inside a value without quotes starts a new key; put the whole value in quotes: "{0}".', text.slice(token, valueEnd).replace(/"/g, '\\"')),
      };
    }
    case 'MISSING_CHAR':
      if (/quote/i.test(error.message)) {
        const quote = error.message.includes("'") ? "'" : '"';
        const open = text.lastIndexOf(quote, Math.max(0, Math.min(start, text.length - 1)));
        const from = open >= 0 ? open : tokenAt(text, start);
        return { start: from, end: lineContentEnd(text, from), message: t('This quoted value has no closing quote; add it where the value ends.') };
      }
      break;
  }
  const token = tokenAt(text, start);
  return { start: token, end: end > token && end > start + 1 && start === token ? end : tokenEnd(doc, text, token), message: syntaxMessage(error) };
}

/** A plain sentence for each kind of syntax error the `yaml` package reports. */
function syntaxMessage(error: YAMLError): string {
  const m = error.message;
  // An unclosed bracket is reported as indentation (`BAD_INDENT`) or a missing character.
  if (/\bflow\b/i.test(m) && /end with/i.test(m)) return t('A bracket or brace is not closed; add the closing ] or }.');
  switch (error.code) {
    case 'RESOURCE_EXHAUSTION':
      return t('This part is nested too deeply to be read; write it with fewer levels.');
    case 'BAD_INDENT':
      return t('This line is not indented like the lines around it; line it up with the other keys or items at its level (spaces only).');
    case 'MULTILINE_IMPLICIT_KEY':
      return t('A key must be on one line and end with a colon; this line or the one above it misses its colon.');
    case 'BAD_DQ_ESCAPE':
      return t('This backslash escape is not valid inside double quotes; write \\\\ for a backslash, or use single quotes.');
    case 'BAD_SCALAR_START':
      return t('A value cannot start with this character without quotes; put the value in quotes.');
    case 'BLOCK_IN_FLOW':
      return t('Inside brackets or braces the items stay on one level; close the brackets, or write the items as a list with "-".');
    case 'ALIAS_PROPS':
    case 'BAD_PROP_ORDER':
    case 'MULTIPLE_ANCHORS':
    case 'MULTIPLE_TAGS':
      return t('An anchor (&) or tag (!) is misplaced here: a value has at most one of each, written before the value.');
    case 'BAD_ALIAS':
      return t('This alias is not written correctly; an alias is * followed by the name of an anchor defined above.');
    case 'BAD_DIRECTIVE':
      return t('This line starting with % is not understood; remove it.');
    case 'KEY_OVER_1024_CHARS':
      return t('This key is longer than 1024 characters; make it shorter.');
    case 'TAG_RESOLVE_FAILED':
    case 'BAD_COLLECTION_TYPE':
      return t('This tag (!) is not known or does not fit the value; remove it.');
    case 'MISSING_CHAR':
      if (/between .* items|space after :/.test(m)) return t('Items inside brackets or braces are separated by commas, and a key from its value by a colon and a space; one of them is missing here.');
      if (/comment/i.test(m)) return t('A # starts a comment only after a space; put a space before it, or put the value in quotes.');
      if (/Tags and anchors/.test(m)) return t('An anchor (&) or tag (!) must be followed by a space before the value.');
      if (/Sequence item/.test(m)) return t('This list item has no "-" in front of it.');
      if (/flow|\]|\}/.test(m)) return t('A bracket or brace is not closed; add the closing ] or }.');
      break;
    case 'UNEXPECTED_TOKEN':
      return t('This is not expected here; check the indentation, and whether the value needs quotes.');
  }
  return t('This part of the file is not valid YAML; check its indentation, colons and quotes.');
}

/** `offset` inside `[0, text.length]` and not between the two halves of a surrogate pair. */
function clampOffset(offset: number, text: string): number {
  const o = Math.max(0, Math.min(Number.isFinite(offset) ? offset : 0, text.length));
  return isLowSurrogate(text.charCodeAt(o)) && isHighSurrogate(text.charCodeAt(o - 1)) ? o - 1 : o;
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * The offending token at or after `offset`: comments, blank lines and spaces are skipped (the
 * library often reports the gap before the token). At the end of the text, the last token before it.
 */
function tokenAt(text: string, offset: number): number {
  let i = offset;
  // Inside a comment: skip to its end.
  const lineStart = text.lastIndexOf('\n', i - 1) + 1;
  const hash = commentStart(text.slice(lineStart, i + 1));
  if (hash >= 0 && lineStart + hash <= i) i = lineEnd(text, i);
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') i++;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) i = lineEnd(text, i);
    else return i;
  }
  // Nothing after the offset: the last visible character before it.
  let j = Math.min(offset, text.length);
  while (j > 0 && /\s/.test(text[j - 1])) j--;
  if (j === 0) return Math.min(offset, text.length);
  const lineOfJ = text.lastIndexOf('\n', j - 1) + 1;
  const hashJ = commentStart(text.slice(lineOfJ, j));
  return hashJ >= 0 ? Math.max(lineOfJ, lineOfJ + hashJ) : j - 1 - (isLowSurrogate(text.charCodeAt(j - 1)) && j >= 2 ? 1 : 0);
}

/** End of the token starting at `start`: a mapping key's whole node, else the run of characters up to a space. */
function tokenEnd(doc: Document.Parsed, text: string, start: number): number {
  const key = YamlIndex.of(doc).keyAt(start);
  if (key?.range && key.range[1] > start) return key.range[1];
  let i = start;
  while (i < text.length && !/\s/.test(text[i])) i++;
  return Math.max(i, Math.min(start + 1, text.length));
}

function lineEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** End of a line's content from `offset`: before a trailing comment and trailing spaces. */
function lineContentEnd(text: string, offset: number): number {
  const end = lineEnd(text, offset);
  const line = text.slice(offset, end);
  const hash = commentStart(line);
  const content = (hash >= 0 ? line.slice(0, hash) : line).trimEnd();
  return Math.max(offset + content.length, Math.min(offset + 1, text.length));
}

/**
 * Start of a `#` comment in a line (a `#` at the start or after a space, outside quotes that
 * open at the start or after a space or `:[{,-`), or -1. Offsets are UTF-16 code units of `line`.
 */
export function commentStart(line: string): number {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if ((c === '"' || c === "'") && (i === 0 || /[\s:[{,-]/.test(line[i - 1]))) {
      quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) {
      return i;
    }
  }
  return -1;
}
