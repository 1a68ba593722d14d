// The corpus sidebar: open or reopen a corpus, scan progress, corpus progress, filters, the document list, skipped files.

import type { CurvePoint } from '../../core/suggest/learn/learning-curve';
import type { CorpusEntry, CorpusInfo, HostInfo, ScanProgress } from '../../core/ipc/contract';
import type { LabelSchema } from '../../core/model/schema';
import type { DocStatus } from '../../core/model/types';
import type { DocState } from '../db/db';
import { DocList } from '../features/DocList';
import { ProgressPanel } from '../features/ProgressPanel';

/** The document list's filters. */
export interface DocFilters {
  status: DocStatus | '';
  label: string;
}

/** Props of {@link Sidebar}. */
export interface SidebarProps {
  /** The model's learning curve, shown in the progress panel. */
  curve?: CurvePoint[] | null;
  hostInfo: HostInfo | null;
  corpus: CorpusInfo | null;
  scan: ScanProgress | null;
  recent: string[];
  onOpenCorpus: (path?: string) => void;
  states: Map<string, DocState>;
  schema: LabelSchema;
  filters: DocFilters;
  onFilters: (filters: DocFilters) => void;
  /** The documents after the filters. */
  documents: CorpusEntry[];
  activePath: string | null;
  onOpen: (entry: CorpusEntry) => void;
  onEncoding: (entry: CorpusEntry) => void;
}

/** The documents the list shows, after the status and label filters. */
export function filterDocuments(corpus: CorpusInfo | null, states: Map<string, DocState>, filters: DocFilters): CorpusEntry[] {
  if (!corpus) return [];
  return corpus.documents.filter((d) => {
    const st = states.get(d.docId);
    if (filters.status && (st?.status ?? 'todo') !== filters.status) return false;
    if (filters.label && !(st?.labelCounts?.[filters.label] ?? 0)) return false;
    return true;
  });
}

/** The sidebar. */
export function Sidebar(props: SidebarProps) {
  const { corpus, scan, filters } = props;
  return (
    <aside className="sidebar">
      <div className="sidebar-head">
        {props.hostInfo?.kind === 'electron' ? <button onClick={() => props.onOpenCorpus()}>Open folder…</button> : null}
        <select aria-label="Recent corpora" value="" onChange={(e) => e.target.value && props.onOpenCorpus(e.target.value)}>
          <option value="">Recent corpora…</option>
          {props.recent.map((r) => <option key={r} value={r}>{r}</option>)}
        </select>
      </div>
      {corpus ? (
        <>
          {corpus.scanning || (scan && scan.phase !== 'done' && scan.root === corpus.root) ? (
            <div className="scan-progress" role="status" data-testid="scan-progress">
              <progress max={scan?.total || 1} value={scan?.done ?? 0} /> Scanning {scan?.phase === 'listing' ? `(${scan.done} files found)` : `${scan?.done ?? 0} of ${scan?.total ?? '…'}`}
            </div>
          ) : null}
          {corpus.warnings?.map((w) => <p key={w} className="warning">{w}</p>)}
          <ProgressPanel documents={corpus.documents} states={props.states} schema={props.schema} curve={props.curve} />
          <div className="filters">
            <select aria-label="Filter by status" value={filters.status} onChange={(e) => props.onFilters({ ...filters, status: e.target.value as DocStatus | '' })} data-testid="status-filter">
              <option value="">All statuses</option>
              <option value="todo">todo</option>
              <option value="in-progress">in progress</option>
              <option value="done">done</option>
              <option value="skipped">skipped</option>
            </select>
            <select aria-label="Filter by label" value={filters.label} onChange={(e) => props.onFilters({ ...filters, label: e.target.value })} data-testid="label-filter">
              <option value="">All labels</option>
              {props.schema.labels.map((l) => <option key={l.name}>{l.name}</option>)}
            </select>
          </div>
          <DocList documents={props.documents} states={props.states} activePath={props.activePath} onOpen={props.onOpen} onEncoding={props.onEncoding} />
          {corpus.skipped.length ? (
            <details className="skipped">
              <summary>{corpus.skipped.length} skipped files</summary>
              <ul>{corpus.skipped.map((s) => <li key={s.path}><code>{s.path}</code>: {s.reason}</li>)}</ul>
            </details>
          ) : null}
        </>
      ) : null}
    </aside>
  );
}
