// Edits the corpus's label schema (labels, groups, colours, hotkeys, attributes, relations); saved to .marginalia/schema.json.

import { useState } from 'react';
import type { AttrDef, LabelDef, LabelGroup, LabelSchema, RelationDef } from '../../core/model/schema';
import { validateSchema } from '../../core/model/schema-validate';

/** Props of {@link SchemaEditor}. */
export interface SchemaEditorProps {
  schema: LabelSchema;
  /** Saves a valid schema; rejects with a readable message when the host cannot write it. */
  onSave: (schema: LabelSchema) => Promise<void>;
  onClose: () => void;
}

const GROUPS: LabelGroup[] = ['claim', 'figure', 'entity'];

/** Attributes as one line of text: `name:type` or `name:enum:a|b|c`, comma separated. */
function attrsToText(attrs: AttrDef[]): string {
  return attrs.map((a) => (a.type === 'enum' ? `${a.name}:enum:${(a.values ?? []).join('|')}` : `${a.name}:${a.type}`)).join(', ');
}

function textToAttrs(text: string, previous: AttrDef[]): AttrDef[] {
  return text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const [name = '', type = 'text', values] = p.split(':').map((x) => x.trim());
      const old = previous.find((a) => a.name === name);
      const def: AttrDef = { name, type: type as AttrDef['type'] };
      if (type === 'enum') def.values = (values ?? '').split('|').map((v) => v.trim()).filter(Boolean);
      if (old?.help) def.help = old.help;
      return def;
    });
}

/** The editor: a row per label, a row per relation; errors name the field. */
export function SchemaEditor({ schema, onSave, onClose }: SchemaEditorProps) {
  const [labels, setLabels] = useState<LabelDef[]>(schema.labels.map((l) => ({ ...l })));
  const [attrText, setAttrText] = useState<string[]>(schema.labels.map((l) => attrsToText(l.attrs)));
  const [relations, setRelations] = useState<RelationDef[]>(schema.relations.map((r) => ({ ...r })));
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);

  const draft = (): unknown => ({
    version: 1,
    labels: labels.map((l, i) => ({ ...l, attrs: textToAttrs(attrText[i] ?? '', l.attrs) })),
    relations,
  });
  const setLabel = (i: number, patch: Partial<LabelDef>) => setLabels((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const setRelation = (i: number, patch: Partial<RelationDef>) => setRelations((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const save = async () => {
    const result = validateSchema(draft());
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setSaving(true);
    try {
      await onSave(result.schema);
      setErrors([]);
      onClose();
    } catch (e) {
      setErrors([(e as Error).message]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" aria-label="Label schema">
      <div className="modal schema-editor" data-no-hotkeys onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <h2>Label schema</h2>
        <p className="hint">Saved with the corpus in <code>.marginalia/schema.json</code>, so the team shares it by sharing the folder.</p>
        <table>
          <thead>
            <tr><th>Label</th><th>Group</th><th>Colour</th><th>Key</th><th>Attributes (name:type, name:enum:a|b)</th><th>Help</th><th /></tr>
          </thead>
          <tbody>
            {labels.map((l, i) => (
              <tr key={i} data-schema-row={i}>
                <td><input value={l.name} onChange={(e) => setLabel(i, { name: e.target.value.toUpperCase() })} aria-label={`Label ${i + 1} name`} size={9} /></td>
                <td>
                  <select value={l.group} onChange={(e) => setLabel(i, { group: e.target.value as LabelGroup })} aria-label={`Label ${i + 1} group`}>
                    {GROUPS.map((g) => <option key={g}>{g}</option>)}
                  </select>
                </td>
                <td><input type="color" value={l.color} onChange={(e) => setLabel(i, { color: e.target.value })} aria-label={`Label ${i + 1} colour`} /></td>
                <td><input value={l.hotkey} maxLength={1} size={2} onChange={(e) => setLabel(i, { hotkey: e.target.value.toLowerCase() })} aria-label={`Label ${i + 1} key`} /></td>
                <td><input value={attrText[i] ?? ''} onChange={(e) => setAttrText((a) => a.map((x, j) => (j === i ? e.target.value : x)))} aria-label={`Label ${i + 1} attributes`} size={28} /></td>
                <td><input value={l.help} onChange={(e) => setLabel(i, { help: e.target.value })} aria-label={`Label ${i + 1} help`} size={24} /></td>
                <td><button onClick={() => { setLabels((ls) => ls.filter((_, j) => j !== i)); setAttrText((a) => a.filter((_, j) => j !== i)); }} aria-label={`Remove label ${l.name}`}>×</button></td>
              </tr>
            ))}
          </tbody>
        </table>
        <button onClick={() => { setLabels((ls) => [...ls, { name: 'NEW', group: 'entity', color: '#888888', hotkey: '', help: '', attrs: [] }]); setAttrText((a) => [...a, '']); }}>
          Add label
        </button>
        <h3>Relations</h3>
        <table>
          <tbody>
            {relations.map((r, i) => (
              <tr key={i}>
                <td><input value={r.name} onChange={(e) => setRelation(i, { name: e.target.value })} aria-label={`Relation ${i + 1} name`} size={10} /></td>
                <td>from <input value={r.head.join(' ')} onChange={(e) => setRelation(i, { head: e.target.value.split(/\s+/).filter(Boolean) as LabelGroup[] })} aria-label={`Relation ${i + 1} head groups`} size={12} /></td>
                <td>to <input value={r.tail.join(' ')} onChange={(e) => setRelation(i, { tail: e.target.value.split(/\s+/).filter(Boolean) as LabelGroup[] })} aria-label={`Relation ${i + 1} tail groups`} size={12} /></td>
                <td>key <input value={r.hotkey} maxLength={1} size={2} onChange={(e) => setRelation(i, { hotkey: e.target.value })} aria-label={`Relation ${i + 1} key`} /></td>
                <td><button onClick={() => setRelations((rs) => rs.filter((_, j) => j !== i))} aria-label={`Remove relation ${r.name}`}>×</button></td>
              </tr>
            ))}
          </tbody>
        </table>
        <button onClick={() => setRelations((rs) => [...rs, { name: 'new', head: [], tail: [], hotkey: '' }])}>Add relation</button>
        {errors.length ? (
          <ul className="error" role="alert" data-testid="schema-errors">
            {errors.map((e) => <li key={e}>{e}</li>)}
          </ul>
        ) : null}
        <div className="modal-actions">
          <button onClick={() => void save()} disabled={saving}>{saving ? 'Saving…' : 'Save schema'}</button>
          <button onClick={onClose}>Cancel</button>
        </div>
      </div>
    </div>
  );
}
