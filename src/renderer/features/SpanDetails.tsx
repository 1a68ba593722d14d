// The selected span's panel: label, text, attributes (fully by keyboard), comment and "unsure" flag, and relations,
// each change one undoable step.

import { forwardRef, useImperativeHandle, useRef } from 'react';
import type { AttrDef, LabelSchema } from '../../core/model/schema';
import { labelDef } from '../../core/model/schema';
import type { AttrValue, Relation, Span } from '../../core/model/types';
import { NotesFields } from './NotesFields';

/** Props of {@link SpanDetails}. */
export interface SpanDetailsProps {
  span: Span;
  schema: LabelSchema;
  relations: Relation[];
  /** Text of a span of the document by id (for relation rows). */
  describe: (id: string) => string;
  /** Canonical entity ids known in the corpus, for the autocomplete. */
  canonicalIds: string[];
  onAttr: (name: string, value: AttrValue | undefined) => void;
  onLabel: (label: string) => void;
  onDeleteRelation: (id: string) => void;
  onStartLink: (relation: string) => void;
  onSelectSpan: (id: string) => void;
  /** Gives the keyboard back to the document. */
  onDone: () => void;
  /** Stores the span's comment (normalized; `undefined` clears it). Without it the comment box is not shown. */
  onComment?: (comment: string | undefined) => void;
  /** Stores the span's "unsure" flag. Without it the flag is not shown. */
  onUnsure?: (unsure: boolean) => void;
}

/** What the app can ask of the panel. */
export interface SpanDetailsHandle {
  /** Moves the keyboard focus to the first attribute field. */
  focusFirstField(): void;
}

function parseValue(def: AttrDef, raw: string | boolean): AttrValue | undefined {
  if (def.type === 'boolean') return Boolean(raw);
  const text = String(raw);
  if (text.trim() === '') return undefined;
  if (def.type === 'number') {
    const n = Number(text.replace(/,/g, ''));
    return Number.isFinite(n) ? n : text;
  }
  return text;
}

/** The panel. Esc in any field hands the keyboard back to the document. */
export const SpanDetails = forwardRef<SpanDetailsHandle, SpanDetailsProps>(function SpanDetails(props, ref) {
  const { span, schema, relations } = props;
  const form = useRef<HTMLFormElement>(null);
  useImperativeHandle(ref, () => ({
    focusFirstField() {
      (form.current?.querySelector<HTMLElement>('[data-attr]') ?? form.current?.querySelector<HTMLElement>('select'))?.focus();
    },
  }));
  const def = labelDef(schema, span.label);
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      (e.target as HTMLElement).blur();
      props.onDone();
    }
  };
  return (
    <form ref={form} className="span-details" onKeyDown={onKeyDown} onSubmit={(e) => { e.preventDefault(); props.onDone(); }} aria-label="Selected span">
      <div className="field-row">
        <label>
          Label
          <select value={span.label} onChange={(e) => props.onLabel(e.target.value)} data-testid="span-label">
            {schema.labels.map((l) => <option key={l.name}>{l.name}</option>)}
            {def ? null : <option>{span.label}</option>}
          </select>
        </label>
        <span className="offsets">{span.start}–{span.end}</span>
      </div>
      <blockquote className="span-quote">{span.quote.exact}</blockquote>
      {(def?.attrs ?? []).map((a) => {
        const value = span.attrs[a.name];
        const id = `attr-${a.name}`;
        return (
          <label key={a.name} className="attr" htmlFor={id} title={a.help}>
            {a.name}
            {a.type === 'enum' ? (
              <select id={id} value={value == null ? '' : String(value)} onChange={(e) => props.onAttr(a.name, parseValue(a, e.target.value))} data-attr={a.name}>
                <option value="">—</option>
                {(a.values ?? []).map((v) => <option key={v}>{v}</option>)}
              </select>
            ) : a.type === 'boolean' ? (
              <input id={id} type="checkbox" checked={value === true} onChange={(e) => props.onAttr(a.name, e.target.checked)} data-attr={a.name} />
            ) : (
              <input
                id={id}
                key={`${span.id}-${a.name}-${String(value)}`}
                defaultValue={value == null ? '' : String(value)}
                inputMode={a.type === 'number' ? 'decimal' : undefined}
                list={a.type === 'entity' ? 'canonical-ids' : undefined}
                placeholder={a.type === 'entity' ? 'canonical id, e.g. chint-electric' : ''}
                onBlur={(e) => {
                  const next = parseValue(a, e.target.value);
                  if (next !== (value ?? undefined)) props.onAttr(a.name, next);
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
                }}
                data-attr={a.name}
              />
            )}
          </label>
        );
      })}
      {props.onComment || props.onUnsure ? (
        <NotesFields on="span" ownerId={span.id} notes={span} onComment={props.onComment} onUnsure={props.onUnsure} />
      ) : null}
      <datalist id="canonical-ids">
        {props.canonicalIds.map((c) => <option key={c} value={c} />)}
      </datalist>
      <div className="relations">
        <h3>Relations</h3>
        {relations.length === 0 ? <p className="empty">None yet.</p> : null}
        <ul>
          {relations.map((r) => {
            const out = r.head === span.id;
            const other = out ? r.tail : r.head;
            return (
              <li key={r.id} data-relation={r.id}>
                <button type="button" className="link" onClick={() => props.onSelectSpan(other)}>
                  {out ? '→' : '←'} {r.label}: {props.describe(other)}
                </button>
                <button type="button" aria-label={`Remove relation ${r.label}`} onClick={() => props.onDeleteRelation(r.id)}>
                  ×
                </button>
              </li>
            );
          })}
        </ul>
        <div className="link-buttons">
          {schema.relations.map((r) => (
            <button type="button" key={r.name} onClick={() => props.onStartLink(r.name)} title={`Link to a span (key ${r.hotkey})`}>
              <kbd>{r.hotkey}</kbd> {r.name}…
            </button>
          ))}
        </div>
      </div>
    </form>
  );
});
