// What JSON.parse hides from a validator: how a number was written (17.0 and 1.7e1 parse as 17, but Python's
// json.loads reads floats and `text[start:end]` raises) and lone surrogate escapes ("\ud800" is no Unicode text).

/** Cheap test first: only a line where an offset key meets a fraction or an exponent is scanned. */
const SUSPECT_OFFSET = /"(?:start|end)"\s*:\s*-?\d+[.eE]|\\u/;

/** One open object or array while scanning, with the key (object) or index (array) being read. */
interface Frame {
  array: boolean;
  key: string;
  index: number;
}

/** The key as JSON.parse would read it: escapes decoded. */
function keyOf(rawInner: string): string {
  if (!rawInner.includes('\\')) return rawInner;
  try {
    return JSON.parse(`"${rawInner}"`) as string;
  } catch {
    return rawInner;
  }
}

/**
 * The spans whose `start` or `end` is not written as a JSON integer (`17.0`, `1.7e1`), as
 * messages naming the field and the literal. Only `spans[i].start` and `spans[i].end` of the
 * line object are offsets; attribute values may be any number.
 */
export function nonIntegerOffsetProblems(raw: string): string[] {
  if (!SUSPECT_OFFSET.test(raw)) return [];
  const out: string[] = [];
  const stack: Frame[] = [];
  let lastString = '';
  let i = 0;
  while (i < raw.length) {
    const c = raw[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < raw.length && raw[j] !== '"') j += raw[j] === '\\' ? 2 : 1;
      lastString = keyOf(raw.slice(i + 1, j));
      i = j + 1;
    } else if (c === '{' || c === '[') {
      stack.push({ array: c === '[', key: '', index: 0 });
      i++;
    } else if (c === '}' || c === ']') {
      stack.pop();
      i++;
    } else if (c === ':') {
      const top = stack[stack.length - 1];
      if (top) top.key = lastString;
      i++;
    } else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top?.array) top.index++;
      i++;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      let j = i + 1;
      while (j < raw.length && /[-+0-9.eE]/.test(raw[j]!)) j++;
      const literal = raw.slice(i, j);
      const [root, list, span] = stack;
      if (/[.eE]/.test(literal) && stack.length === 3 && root!.key === 'spans' && list!.array && !span!.array && (span!.key === 'start' || span!.key === 'end')) {
        out.push(`spans[${list!.index}].${span!.key}: written ${literal}, not as an integer (Python's json.loads reads a float, and text[start:end] raises)`);
      }
      i = j;
    } else i++;
  }
  return out;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when `s` holds a surrogate code unit that is not half of a pair. */
export function hasLoneSurrogate(s: string): boolean {
  return LONE_SURROGATE.test(s);
}

/**
 * The strings of a parsed line that hold a lone surrogate (only possible through a `\uD800`
 * style escape, so lines without one are not walked), named by path.
 */
export function loneSurrogateProblems(raw: string, value: unknown): string[] {
  if (!/\\u[dD][89a-fA-F]/.test(raw)) return [];
  const out: string[] = [];
  const walk = (v: unknown, path: string): void => {
    if (typeof v === 'string') {
      if (hasLoneSurrogate(v)) out.push(`${path || 'line'}: holds a lone surrogate (an escape such as \\ud800 without its pair): text must be Unicode scalar values, which Python and UTF-8 writers refuse otherwise`);
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (typeof v === 'object' && v !== null) {
      for (const [k, x] of Object.entries(v)) {
        if (hasLoneSurrogate(k)) out.push(`${path || 'line'}: key ${JSON.stringify(k)} holds a lone surrogate`);
        walk(x, /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? (path ? `${path}.${k}` : k) : `${path}[${JSON.stringify(k)}]`);
      }
    }
  };
  walk(value, '');
  return out;
}
