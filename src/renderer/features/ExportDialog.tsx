// The export dialog: format, documents by status, labels, annotator set, with or without text; a progress bar while it runs.

import { useState } from 'react';
import type { FormatName } from '../../core/format/convert-types';
import { FORMATS } from '../../core/format/formats';
import type { LabelSchema } from '../../core/model/schema';
import { DOC_STATUSES, type DocStatus } from '../../core/model/types';
import type { ExportChoice, ExportSummary } from './export';

/** Props of {@link ExportDialog}. */
export interface ExportDialogProps {
  schema: LabelSchema;
  /** Runs the export; reports progress; resolves to its summary. */
  run: (choice: ExportChoice, onProgress: (done: number, total: number) => void) => Promise<ExportSummary>;
  /** Where the file can be downloaded from (browser mode), if anywhere. */
  downloadUrl?: (summary: ExportSummary) => string | undefined;
  onClose: () => void;
}

/** The dialog. */
export function ExportDialog({ schema, run, downloadUrl, onClose }: ExportDialogProps) {
  const [format, setFormat] = useState<FormatName>('native');
  const [statuses, setStatuses] = useState<DocStatus[]>([]);
  const [labels, setLabels] = useState<string[]>([]);
  const [annotatorSet, setAnnotatorSet] = useState<'mine' | 'adjudicated'>('mine');
  const [withText, setWithText] = useState(true);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [summary, setSummary] = useState<ExportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const info = FORMATS.find((f) => f.name === format)!;
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
      <div className="modal export-dialog" data-no-hotkeys onKeyDown={(e) => e.key === 'Escape' && onClose()}>
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
            Exported {summary.documents} documents ({summary.spans} spans) to <code>{summary.path}</code>.
            {url ? <> <a href={url} download>Download</a></> : null}
            {summary.warnings.length ? (
              <details>
                <summary>{summary.warnings.length} warnings</summary>
                <ul>{summary.warnings.map((w, i) => <li key={i}>{w.message}</li>)}</ul>
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
