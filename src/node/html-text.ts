// Extracts the readable text of an HTML page for annotation: paragraphs from block elements, line breaks from <br>,
// entities decoded, scripts and styles dropped. Parsed with htmlparser2 as data only: nothing in the page runs.

import { Parser } from 'htmlparser2';

/** Elements whose content is never text for a reader. */
const DROPPED = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas', 'select', 'head']);

/** Elements that end a line but not a paragraph (list items, table rows, definition terms). */
const LINE_BLOCKS = new Set(['li', 'tr', 'dt', 'dd', 'option', 'caption', 'figcaption', 'summary']);

/** Elements that stand as their own paragraphs, separated by a blank line. */
const PARAGRAPH_BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'ul', 'ol', 'dl', 'table', 'thead', 'tbody', 'tfoot', 'blockquote', 'pre', 'figure', 'hr', 'address', 'details',
  'form', 'fieldset', 'legend', 'body', 'html', 'center', 'hgroup', 'menu',
]);

/** Table cells are separated by a tab so columns stay apart. */
const CELLS = new Set(['td', 'th']);

/** Elements whose white space is kept as written. */
const PREFORMATTED = new Set(['pre', 'textarea', 'listing', 'plaintext', 'xmp']);

/** Bytes searched for a `<meta charset>` declaration, as browsers do (HTML § 13.2.3.2 prescans 1024 bytes). */
const PRESCAN_BYTES = 1024;

/** The text of a page and its `<title>`. */
export interface HtmlText {
  text: string;
  /** The `<title>`, white space collapsed; null when absent or empty. */
  title: string | null;
}

/** The charset a page declares in its first 1024 bytes (`<meta charset>` or `http-equiv` content type), or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1');
  const m = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head);
  return m?.[1] ?? null;
}

/**
 * The readable text of an HTML document: block elements become paragraphs separated by
 * a blank line, list items and table rows lines, `<br>` a line break, table cells are
 * tab-separated; runs of white space collapse to one space outside `<pre>`; scripts,
 * styles, templates, `<noscript>` and the `<head>` (except the title) are dropped.
 */
export function htmlToText(html: string): HtmlText {
  let out = '';
  /** The break owed before the next text: 0 none, 1 a line, 2 a paragraph. */
  let pending = 0;
  let dropDepth = 0;
  let preDepth = 0;
  let inTitle = false;
  let title = '';
  /** Whether the last thing written was white space (or nothing on this line). */
  let atSpace = true;

  /** Drops spaces and tabs at the end of the output (a loop, not a regex: a `$` regex rescans the whole string). */
  const trimEnd = () => {
    let i = out.length;
    while (i > 0 && (out[i - 1] === ' ' || out[i - 1] === '\t')) i--;
    if (i < out.length) out = out.slice(0, i);
  };
  const requestBreak = (level: 1 | 2) => {
    if (out.length > 0) pending = Math.max(pending, level);
  };
  const write = (s: string) => {
    if (pending) {
      trimEnd();
      out += pending === 2 ? '\n\n' : '\n';
      pending = 0;
      atSpace = true;
    }
    out += s;
    atSpace = /\s$/.test(s);
  };

  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'title') inTitle = true;
        if (DROPPED.has(name)) dropDepth++;
        if (dropDepth > 0) return;
        if (PREFORMATTED.has(name)) preDepth++;
        if (name === 'br') {
          // A <br> is a line break even when nothing follows on the line.
          if (pending) write('');
          trimEnd();
          out += '\n';
          atSpace = true;
        } else if (PARAGRAPH_BLOCKS.has(name)) requestBreak(2);
        else if (LINE_BLOCKS.has(name)) requestBreak(1);
        else if (CELLS.has(name) && !atSpace && !pending) write('\t');
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (DROPPED.has(name)) {
          dropDepth = Math.max(0, dropDepth - 1);
          return;
        }
        if (dropDepth > 0) return;
        if (PREFORMATTED.has(name)) preDepth = Math.max(0, preDepth - 1);
        if (PARAGRAPH_BLOCKS.has(name)) requestBreak(2);
        else if (LINE_BLOCKS.has(name)) requestBreak(1);
      },
      ontext(data) {
        if (inTitle) {
          title += data;
          return;
        }
        if (dropDepth > 0) return;
        if (preDepth > 0) {
          write(data);
          return;
        }
        let s = data.replace(/[ \t\n\r\f]+/g, ' ');
        if (atSpace || pending || out.length === 0 || out.endsWith('\n')) s = s.replace(/^ /, '');
        if (s) write(s);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  const text = out
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/^\n+|\n+$/g, '')
    .replace(/\n{3,}/g, '\n\n');
  const t = title.replace(/\s+/g, ' ').trim();
  return { text, title: t || null };
}
