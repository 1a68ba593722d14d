// The export dialog: format, documents by status, labels, annotator set, with or without text; a progress bar while it runs.
// It holds the keyboard while open (Tab cycles inside, Esc closes from anywhere) and speaks the dialog's words, not the CLI's.

import { useEffect, useRef, useState } from 'react';
import type { FormatName } from '../../core/format/convert-types';
import { FORMATS } from '../../core/format/formats';
import type { LabelSchema } from '../../core/model/schema';
import { DOC_STATUSES, type DocStatus } from '../../core/model/types';
import type { ExportChoice, ExportSummary } from './export';
import { warningsByDocument } from './export-words';
import { plural } from '../../core/text/plural';
import './panels.css';

/** Props of {@link ExportDialog}. */
export interface ExportDialogProps {
  schema: LabelSchema;
  /** Runs the export; reports progress; resolves to its summary. */
  run: (choice: ExportChoice, onProgress: (done: number, total: number) => void) => Promise<ExportSummary>;
  /** Where the file can be downloaded from (browser mode), if anywhere. */
  downloadUrl?: (summary: ExportSummary) => string | undefined;
  onClose: () => void;
  /** The path of a document by id, so warnings name files rather than `sha256:` ids. */
  documentName?: (docId: string) => string | undefined;
}

/** What can take the keyboard inside the dialog, for the Tab cycle. */
const FOCUSABLE = 'select:not(:disabled), input:not(:disabled), button:not(:disabled), a[href], summary, [tabindex]:not([tabindex="-1"])';

/** The dialog. */
export function ExportDialog({ schema, run, downloadUrl, onClose, documentName }: ExportDialogProps) {
  const [format, setFormat] = useState<FormatName>('native');
  const [statuses, setStatuses] = useState<DocStatus[]>([]);
  const [labels, setLabels] = useState<string[]>([]);
  const [annotatorSet, setAnnotatorSet] = useState<'mine' | 'adjudicated'>('mine');
  const [withText, setWithText] = useState(true);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [summary, setSummary] = useState<ExportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const info = FORMATS.find((f) => f.name === format)!;
  const modal = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;

  // Esc closes the dialog wherever the keyboard is, even after a click on its background or a button that went
  // disabled while the export ran; caught before the workbench's own keys see it.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      close.current();
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, []);

  // The keyboard stays in the dialog: focus that leaves it (or falls to the page) comes back.
  useEffect(() => {
    const el = modal.current;
    if (!el) return;
    if (!el.contains(document.activeElement)) el.querySelector<HTMLElement>('select')?.focus();
    const onFocusIn = (e: FocusEvent) => {
      if (!el.contains(e.target as Node)) el.focus();
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, []);
  useEffect(() => {
    // A button that went disabled (Export while running) drops the focus to the page: take it back.
    if (modal.current && !modal.current.contains(document.activeElement)) modal.current.focus();
  });

  const onTab = (e: React.KeyboardEvent) => {
    if (e.key !== 'Tab' || !modal.current) return;
    const items = [...modal.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((x) => x.offsetParent !== null);
    if (!items.length) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (e.shiftKey && (document.activeElement === first || document.activeElement === modal.current)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };
  const toggle = <T,>(list: T[], x: T) => (list.includes(x) ? list.filter((y) => y !== x) : [...list, x]);

  const start = async () => {
    setError(null);
    setSummary(null);
    setProgress({ done: 0, total: 0 });
    try {
      setSummary(await run({ format, statuses, labels, annotatorSet, withText: info.needsText ? true : withText }, (done, total) => setProgress({ done, total })));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setProgress(null);
    }
  };
  const url = summary && downloadUrl ? downloadUrl(summary) : undefined;

  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" aria-label="Export">
      <div className="modal export-dialog" data-no-hotkeys ref={modal} tabIndex={-1} onKeyDown={onTab}>
        <h2>Export</h2>
        <label>
          Format
          <select value={format} onChange={(e) => setFormat(e.target.value as FormatName)} aria-label="Format" autoFocus>
            {FORMATS.map((f) => <option key={f.name} value={f.name}>{f.title}</option>)}
          </select>
        </label>
        <fieldset>
          <legend>Documents</legend>
          <label className="inline"><input type="checkbox" checked={statuses.length === 0} onChange={() => setStatuses([])} /> every annotated document</label>
          {DOC_STATUSES.map((s) => (
            <label key={s} className="inline"><input type="checkbox" checked={statuses.includes(s)} onChange={() => setStatuses(toggle(statuses, s))} aria-label={`Status ${s}`} /> {s.replace('-', ' ')}</label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Labels</legend>
          <label className="inline"><input type="checkbox" checked={labels.length === 0} onChange={() => setLabels([])} /> all</label>
          {schema.labels.map((l) => (
            <label key={l.name} className="inline"><input type="checkbox" checked={labels.includes(l.name)} onChange={() => setLabels(toggle(labels, l.name))} aria-label={`Label ${l.name}`} /> {l.name}</label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Annotations</legend>
          <label className="inline"><input type="radio" name="set" checked={annotatorSet === 'mine'} onChange={() => setAnnotatorSet('mine')} /> mine</label>
          <label className="inline"><input type="radio" name="set" checked={annotatorSet === 'adjudicated'} onChange={() => setAnnotatorSet('adjudicated')} aria-label="adjudicated" /> adjudicated (gold)</label>
        </fieldset>
        <label className="inline">
          <input type="checkbox" checked={info.needsText || withText} disabled={info.needsText} onChange={(e) => setWithText(e.target.checked)} /> include the document text{info.needsText ? ' (this format needs it)' : ''}
        </label>
        {progress ? (
          <div className="export-progress">
            <progress max={progress.total || 1} value={progress.done} aria-label="Export progress" /> {progress.done} / {progress.total}
          </div>
        ) : null}
        {summary ? (
          <div className="export-summary" role="status" data-testid="export-summary">
            Exported {plural(summary.documents, 'document')} ({plural(summary.spans, 'span')}) to <code>{summary.path}</code>.
            {url ? <> <a href={url} download>Download</a></> : null}
            {summary.warnings.length ? (
              <details>
                <summary>{plural(summary.warnings.length, 'warning')}: what the format could not carry as it is</summary>
                <ul className="export-warnings" data-testid="export-warnings">
                  {warningsByDocument(summary.warnings, documentName).map((g) => (
                    <li key={g.document}>
                      {g.document ? <b>{g.document}</b> : null}
                      <ul>{g.messages.map((m, i) => <li key={i}>{m}</li>)}</ul>
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </div>
        ) : null}
        {error ? <p className="error" role="alert">{error}</p> : null}
        <div className="modal-actions">
          <button onClick={() => void start()} disabled={progress !== null} data-testid="run-export">Export</button>
          <button onClick={onClose}>Close</button>
        </div>
      </div>
    </div>
  );
}
