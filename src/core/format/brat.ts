// brat standoff: a folder with NAME.txt and NAME.ann per document (T, A, R and # lines), an annotation.conf,
// and a manifest that keeps what brat has no place for. brat's server slices its Python str: offsets are code points.

import { plural } from '../text/plural';
import type { NativeLine } from './native';
import { ConvertError, type ExportOptions, type Exporter, type ImportContext, type OutputChunk } from './convert-types';
import { applyExportOptions } from './export-options';
import { buildNativeLine, normalizeImported, type ImportedRelation, type ImportedSpan } from './import-line';
import { requireText } from './spacy';
import { OffsetMap } from '../model/offsets';
import type { AttrValue, CodePoint } from '../model/types';

/** brat joins the pieces of a discontinuous span with one space (its DISCONT_SEP). */
const DISCONT_SEP = ' ';
/** Prefix of the AnnotatorNotes that carry what A lines cannot (ids, exact attribute values). */
export const NOTE_PREFIX = 'marginalia:';
/** The manifest: one JSON line per document with what .txt/.ann cannot hold. */
export const BRAT_MANIFEST = 'marginalia-manifest.jsonl';
/** brat's per-collection configuration of types. */
export const BRAT_CONF = 'annotation.conf';

/** A line of the manifest. */
export interface BratManifestEntry {
  file: string;
  doc_id: string;
  source: string;
  annotator: string;
  status: string;
  updated_at: string;
  /** The document's comment and unsure flag: brat has no place for them. */
  comment?: string;
  unsure?: boolean;
}

/**
 * The characters Python's str.splitlines() ends a line at, which is how brat reads .ann
 * files: one inside a T line's text or a note would cut the line in two.
 */
export const BRAT_LINE_BREAKS = /[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/u;
const BRAT_CUT = /[\n\t\r\v\f\x1c-\x1e\x85\u2028\u2029]/u;

/** JSON with the line breaks JSON.stringify leaves raw (U+0085, U+2028, U+2029) escaped, so it stays on one brat line. */
export function bratJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\x85\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Characters an annotator folder name keeps as they are; everything else is %-encoded (UTF-8 bytes). */
const FOLDER_KEEP = /^[\p{L}\p{N}_-]$/u;
/** Longest folder name, in UTF-16 units (about 255 bytes in CJK is the usual limit of a name). */
const FOLDER_MAX = 80;

/**
 * The folder of an annotator's brat files: the name with every character but letters,
 * digits, `_` and `-` written as %XX of its UTF-8 bytes, so that "j.smith" and "j.doe"
 * stay apart and {@link annotatorFromFolder} reads the name back. Names too long for a file
 * system are refused (the manifest would still map them, but two could clash).
 */
export function annotatorFolder(name: string): string {
  let out = '';
  for (const ch of name) {
    if (FOLDER_KEEP.test(ch)) out += ch;
    else for (const b of new TextEncoder().encode(ch)) out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  if (out === '') throw new ConvertError('an empty annotator name has no brat folder');
  if (out.length > FOLDER_MAX) throw new ConvertError(`annotator ${JSON.stringify(name)} is too long for a brat folder name (${out.length} characters once encoded, at most ${FOLDER_MAX})`);
  return out;
}

/** The annotator a brat folder name stands for ({@link annotatorFolder} reversed); the name as is when it is not one of ours. */
export function annotatorFromFolder(folder: string): string {
  if (!folder.includes('%')) return folder;
  try {
    return decodeURIComponent(folder);
  } catch {
    return folder;
  }
}

/** How a file system that ignores case and Unicode normalization (macOS, Windows) sees a path. */
function pathKey(path: string): string {
  return path.normalize('NFC').toLowerCase();
}

/** A file name piece from a path or name: no folders, no characters that file systems or brat refuse. */
export function safeName(s: string): string {
  const cleaned = s
    .replace(/\.[^./\\]*$/, '')
    .replace(/[\\/:*?"<>|\s\x00-\x1f]+/g, '_')
    .replace(/^[._]+/, '');
  // 100 code points keeps NAME.ann well under common 255-byte name limits even in CJK (3 bytes each).
  return Array.from(cleaned).slice(0, 100).join('');
}

/** A brat type name: brat splits on whitespace, so none may be inside. */
function bratType(label: string): string {
  return label.replace(/\s+/g, '_');
}

/** Attribute values an A line can hold: one token, nothing annotation.conf's `Value:a|b` syntax or brat's line split would cut. */
const A_VALUE = /^[^\s,|\x1c-\x1e\x85]+$/u;

/**
 * The fragments of [start, end): cut at LF and TAB as brat's own editor does, and at every
 * other character brat's line split ends a line at ({@link BRAT_LINE_BREAKS}), empty pieces dropped.
 */
export function fragments(text: string, map: OffsetMap, start: number, end: number): Array<[number, number]> {
  const s = text.slice(map.toUtf16(start as CodePoint), map.toUtf16(end as CodePoint));
  const out: Array<[number, number]> = [];
  let at = start;
  let from = start;
  for (const ch of s) {
    if (BRAT_CUT.test(ch)) {
      if (at > from) out.push([from, at]);
      from = at + 1;
    }
    at++;
  }
  if (at > from) out.push([from, at]);
  return out;
}

/**
 * Exporter to a brat folder: `ANNOTATOR/NAME.txt` and `ANNOTATOR/NAME.ann` per
 * line (so several annotators' views of one document sit side by side), plus
 * `annotation.conf` and the manifest at the root.
 */
export function bratExporter(options: ExportOptions = {}): Exporter {
  const used = new Map<string, string>(); // path key → doc_id, to keep names unique
  const folders = new Map<string, string>(); // folder key → annotator: two annotators never share one
  const entities = new Set<string>();
  const relations = new Set<string>();
  const attributes = new Map<string, Set<string> | null>(); // name → values (null: binary)
  return {
    layout: 'folder',
    write(raw): OutputChunk[] {
      const line = applyExportOptions(raw, options);
      const text = requireText(line, 'brat');
      const hex = line.doc_id.replace(/^sha256:/, '');
      const dir = annotatorFolder(line.annotator);
      const owner = folders.get(pathKey(dir));
      if (owner !== undefined && owner !== line.annotator) {
        throw new ConvertError(`annotators ${JSON.stringify(owner)} and ${JSON.stringify(line.annotator)} would share the brat folder ${dir} on a file system that ignores case: nothing is overwritten; rename one of them`);
      }
      folders.set(pathKey(dir), line.annotator);
      let stem = safeName(line.source.split('/').pop() ?? '') || hex.slice(0, 12);
      const taken = (st: string) => used.has(pathKey(`${dir}/${st}`)) && used.get(pathKey(`${dir}/${st}`)) !== line.doc_id;
      if (taken(stem)) stem = `${stem}-${hex.slice(0, 8)}`;
      if (taken(stem)) stem = `${stem}-${hex.slice(8, 24)}`;
      if (taken(stem)) throw new ConvertError(`two documents of ${JSON.stringify(line.annotator)} would both be written as ${dir}/${stem}.txt: nothing is overwritten`);
      used.set(pathKey(`${dir}/${stem}`), line.doc_id);
      const map = new OffsetMap(text);
      const warn = (spanId: string, message: string) => options.warn?.({ docId: line.doc_id, annotator: line.annotator, spanId, message });
      const ann: string[] = [];
      const tOf = new Map<string, string>();
      let a = 0;
      let note = 0;
      line.spans.forEach((s, i) => {
        const t = `T${i + 1}`;
        tOf.set(s.id, t);
        const type = bratType(s.label);
        if (type !== s.label) warn(s.id, `label ${JSON.stringify(s.label)} has whitespace, which brat types cannot: written as ${type}`);
        entities.add(type);
        const frags = fragments(text, map, s.start, s.end);
        if (frags.length === 0) {
          warn(s.id, `${s.label} span ${JSON.stringify(s.id)} holds only line breaks and tabs: brat cannot show it; left out`);
          return;
        }
        const first = frags[0]![0];
        const last = frags[frags.length - 1]![1];
        if (first !== s.start || last !== s.end) {
          warn(s.id, `${s.label} span ${JSON.stringify(s.id)} begins or ends with a line break or tab: brat keeps [${first}, ${last})`);
        }
        const odd = [...s.text].filter((ch) => BRAT_LINE_BREAKS.test(ch) && ch !== '\n');
        if (odd.length > 0) {
          warn(s.id, `${s.label} span ${JSON.stringify(s.id)} holds ${[...new Set(odd)].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(', ')}, which brat reads as a line break: written as ${plural(frags.length, 'fragment')} around ${odd.length === 1 ? 'it' : 'them'}`);
        }
        const fragText = frags.map(([x, y]) => text.slice(map.toUtf16(x as CodePoint), map.toUtf16(y as CodePoint))).join(DISCONT_SEP);
        ann.push(`${t}\t${type} ${frags.map(([x, y]) => `${x} ${y}`).join(';')}\t${fragText}`);
        for (const [name, value] of Object.entries(s.attrs)) {
          if (value === false || value === null || /\s/.test(name)) continue;
          if (value === true) {
            ann.push(`A${++a}\t${name} ${t}`);
            if (!attributes.has(name)) attributes.set(name, null);
          } else if (A_VALUE.test(String(value))) {
            ann.push(`A${++a}\t${name} ${t} ${String(value)}`);
            const seen = attributes.get(name) ?? new Set<string>();
            seen.add(String(value));
            attributes.set(name, seen);
          }
        }
        const carried: Record<string, unknown> = { id: s.id, attrs: s.attrs };
        if (s.sources) carried.sources = s.sources;
        if (s.comment !== undefined) carried.comment = s.comment;
        if (s.unsure) carried.unsure = true;
        ann.push(`#${++note}\tAnnotatorNotes ${t}\t${NOTE_PREFIX}${bratJson(carried)}`);
      });
      line.relations.forEach((r, i) => {
        const head = tOf.get(r.head);
        const tail = tOf.get(r.tail);
        if (!head || !tail) return;
        const type = bratType(r.label);
        relations.add(type);
        ann.push(`R${i + 1}\t${type} Arg1:${head} Arg2:${tail}`);
        ann.push(`#${++note}\tAnnotatorNotes R${i + 1}\t${NOTE_PREFIX}${bratJson({ id: r.id })}`);
      });
      const file = `${dir}/${stem}`;
      const entry: BratManifestEntry = {
        file: `${file}.txt`,
        doc_id: line.doc_id,
        source: line.source,
        annotator: line.annotator,
        status: line.status,
        updated_at: line.updated_at,
        ...(line.comment !== undefined ? { comment: line.comment } : {}),
        ...(line.unsure ? { unsure: true } : {}),
      };
      return [
        { file: `${file}.txt`, data: text, complete: true },
        { file: `${file}.ann`, data: ann.map((l) => l + '\n').join(''), complete: true },
        { file: BRAT_MANIFEST, data: bratJson(entry) + '\n' },
      ];
    },
    end() {
      const conf = [
        '# Written by Marginalia for the exported labels; see FORMAT.md.',
        '[entities]',
        ...[...entities].sort(),
        '',
        '[relations]',
        ...[...relations].sort().map((r) => `${r} Arg1:<ENTITY>, Arg2:<ENTITY>`),
        '# Marginalia spans may overlap and nest.',
        '<OVERLAP> Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>',
        '',
        '[events]',
        '',
        '[attributes]',
        ...[...attributes.keys()].sort().map((name) => {
          const values = attributes.get(name);
          return values ? `${name} Arg:<ENTITY>, Value:${[...values].sort().join('|')}` : `${name} Arg:<ENTITY>`;
        }),
        '',
      ].join('\n');
      return [{ file: BRAT_CONF, data: conf, complete: true }];
    },
  };
}

/** Where one brat document came from, as the folder and the manifest tell. */
export interface BratDocumentMeta {
  /** Path of the .txt inside the folder. */
  file: string;
  annotator?: string;
  manifest?: Partial<BratManifestEntry>;
}

/**
 * The native line of one brat document. brat reads .txt with universal
 * newlines, so its offsets count the text with CRLF already made LF. T lines
 * with several fragments become one span from the first start to the last
 * end; when the gaps hold more than whitespace, that is reported. Event (E),
 * normalization (N) and equivalence (*) lines are reported and skipped.
 */
export function fromBrat(txt: string, ann: string, meta: BratDocumentMeta, ctx: ImportContext): NativeLine {
  const norm = normalizeImported(txt.replace(/\r\n?/g, '\n'));
  const text = norm.text;
  const map = new OffsetMap(text);
  const where = meta.file;
  const warn = (message: string, spanId?: string) => ctx.warn?.({ docId: where, spanId, message });
  const spans = new Map<string, ImportedSpan>();
  const relations: Array<ImportedRelation & { bratId: string }> = [];
  const notes = new Map<string, string>();
  const attrs: Array<{ target: string; name: string; value: AttrValue }> = [];
  ann.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const [id = '', body = '', tail] = raw.split('\t');
    const fail = (why: string) => {
      throw new ConvertError(`${where.replace(/\.txt$/, '.ann')}:${i + 1}: ${why}`);
    };
    switch (id[0]) {
      case 'T': {
        const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(body);
        if (!m) return fail(`cannot read text-bound annotation ${JSON.stringify(raw)}`);
        const frags = m[2]!.split(';').map((f) => f.split(' ').map(Number) as [number, number]);
        const start = Math.min(...frags.map((f) => f[0]));
        const end = Math.max(...frags.map((f) => f[1]));
        if (frags.length > 1) {
          const sorted = [...frags].sort((x, y) => x[0] - y[0]);
          for (let k = 1; k < sorted.length; k++) {
            // Offsets count the .txt as brat reads it (a BOM included): map them onto the normalized text first.
            const gap = text.slice(map.toUtf16(norm.map(sorted[k - 1]![1]) as CodePoint), map.toUtf16(norm.map(sorted[k]![0]) as CodePoint));
            if (/\S/u.test(gap)) {
              warn(`${id} is discontinuous (${m[2]}): imported as one span [${start}, ${end}) that includes ${JSON.stringify(gap)}`, id);
              break;
            }
          }
        }
        if (typeof tail === 'string' && end <= map.codePointLength) {
          const expected = frags.map(([x, y]) => text.slice(map.toUtf16(norm.map(x) as CodePoint), map.toUtf16(norm.map(y) as CodePoint))).join(DISCONT_SEP);
          if (expected !== tail) warn(`${id}: its text ${JSON.stringify(tail)} is not the text at ${m[2]} (${JSON.stringify(expected)})`, id);
        }
        spans.set(id, { id, start: norm.map(start), end: norm.map(end), label: m[1]! });
        return;
      }
      case 'A':
      case 'M': {
        const [name, target, value] = body.split(' ');
        if (!name || !target) return fail(`cannot read attribute ${JSON.stringify(raw)}`);
        attrs.push({ target, name, value: value === undefined ? true : value });
        return;
      }
      case 'R': {
        const m = /^(\S+) Arg1:(\S+) Arg2:(\S+)$/.exec(body);
        if (!m) return fail(`cannot read relation ${JSON.stringify(raw)}`);
        relations.push({ bratId: id, label: m[1]!, head: m[2]!, tail: m[3]! });
        return;
      }
      case '#': {
        const m = /^AnnotatorNotes (\S+)$/.exec(body);
        if (m && typeof tail === 'string') notes.set(m[1]!, tail);
        return;
      }
      default:
        warn(`${id}: ${id[0] === 'E' ? 'events' : id[0] === 'N' ? 'normalizations' : 'this kind of line'} cannot be carried into Marginalia: skipped`);
    }
  });
  for (const { target, name, value } of attrs) {
    const s = spans.get(target);
    if (!s) continue;
    s.attrs = Object.assign(Object.create(null) as Record<string, AttrValue>, s.attrs, { [name]: value });
  }
  // Notes carry the native id and exact attribute values; they win over A lines.
  const newId = new Map<string, string>();
  for (const [bratId, s] of spans) {
    const note = notes.get(bratId);
    const carried = note?.startsWith(NOTE_PREFIX) ? (safeJson(note.slice(NOTE_PREFIX.length)) as Record<string, unknown> | null) : null;
    if (carried) {
      if (typeof carried.id === 'string') s.id = carried.id;
      if (typeof carried.attrs === 'object' && carried.attrs !== null) s.attrs = carried.attrs as Record<string, AttrValue>;
      if (Array.isArray(carried.sources)) s.sources = carried.sources.filter((x): x is string => typeof x === 'string');
      if (typeof carried.comment === 'string') s.comment = carried.comment;
      if (carried.unsure === true) s.unsure = true;
    } else if (note !== undefined) {
      // A note written in brat by a person: the span's comment.
      s.comment = note;
    }
    newId.set(bratId, s.id!);
  }
  const rels: ImportedRelation[] = relations.map((r) => {
    const carried = notes.get(r.bratId);
    const parsed = carried?.startsWith(NOTE_PREFIX) ? (safeJson(carried.slice(NOTE_PREFIX.length)) as Record<string, unknown> | null) : null;
    return {
      id: typeof parsed?.id === 'string' ? parsed.id : undefined,
      label: r.label,
      head: newId.get(r.head) ?? r.head,
      tail: newId.get(r.tail) ?? r.tail,
    };
  });
  const m = meta.manifest ?? {};
  return buildNativeLine(
    {
      text,
      annotator: m.annotator ?? meta.annotator,
      source: m.source ?? meta.file,
      status: m.status,
      updatedAt: m.updated_at,
      spans: [...spans.values()],
      relations: rels,
      comment: m.comment,
      unsure: m.unsure,
    },
    ctx,
  );
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}
