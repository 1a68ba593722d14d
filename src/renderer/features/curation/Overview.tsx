// The team lead's overview of a merge: the files read, what was wrong with them, coverage, agreement per label and per pair, and the documents to curate first.

import { useMemo, useState, type ReactNode } from 'react';
import { METHOD, type AgreementFigures, type AgreementReport, type Corpus, type CurationState, type InputFile } from '../../../core/agreement';
import { walkSteps } from '../../../core/agreement/curation-walk';
import { fmt, inkOn, scaleColor, shortDocId } from './figures';
import { plural } from '../../../core/text/plural';

/** Rows shown at first in the long tables (documents, coverage, errors of one file): enough to read, few enough to render at once. */
const FIRST_ROWS = 200;

/** Errors listed per file before "and N more": a file of garbage would otherwise list every line. */
const ERRORS_PER_FILE = 20;

/** Props of {@link Overview}. */
export interface OverviewProps {
  files: readonly InputFile[];
  corpus: Corpus;
  report: AgreementReport;
  state: CurationState;
  /** Doc ids by disagreement, most first. */
  order: readonly string[];
  onCurate: (docId: string) => void;
  onRemoveFile: (name: string) => void;
  /** Opens the file picker. */
  onAdd: () => void;
  /** The "Clear…" control (with its confirmation), owned by the view. */
  clear: ReactNode;
}

/** The overview: files, problems, agreement, documents by disagreement, coverage. */
export function Overview({ files, corpus, report, state, order, onCurate, onRemoveFile, onAdd, clear }: OverviewProps) {
  return (
    <div className="cur-overview" data-testid="curation-overview">
      <div className="cur-overview-grid">
        <FilesSection files={files} corpus={corpus} onRemove={onRemoveFile} onAdd={onAdd} clear={clear} />
        <ProblemsSection corpus={corpus} />
      </div>
      <AgreementSection report={report} />
      <DocumentsSection report={report} state={state} order={order} onCurate={onCurate} />
      <CoverageSection corpus={corpus} />
    </div>
  );
}

function FilesSection({ files, corpus, onRemove, onAdd, clear }: { files: readonly InputFile[]; corpus: Corpus; onRemove: (name: string) => void; onAdd: () => void; clear: ReactNode }) {
  const perFile = useMemo(() => {
    const m = new Map<string, { lines: number; annotators: Set<string>; errors: number }>();
    for (const f of files) m.set(f.file, { lines: 0, annotators: new Set(), errors: 0 });
    for (const d of corpus.documents) {
      for (const a of d.annotations) {
        const e = m.get(a.file);
        if (e) {
          e.lines++;
          e.annotators.add(a.annotator);
        }
      }
    }
    for (const err of corpus.errors) {
      const e = m.get(err.file);
      if (e) e.errors++;
    }
    return m;
  }, [files, corpus]);
  return (
    <section className="cur-card" data-testid="input-files">
      <div className="card-head">
        <h2>Exports read</h2>
        <span className="card-actions">
          <button onClick={onAdd}>Add…</button>
          {clear}
        </span>
      </div>
      <table className="cur-table compact">
        <thead>
          <tr><th>file</th><th>annotators</th><th className="num">lines used</th><th className="num">problems</th><th /></tr>
        </thead>
        <tbody>
          {files.map((f) => {
            const e = perFile.get(f.file);
            return (
              <tr key={f.file} data-file={f.file}>
                <td className="file-name" title={f.file}>{f.file}</td>
                <td>{e ? [...e.annotators].sort().join(', ') || '–' : '–'}</td>
                <td className="num">{e?.lines ?? 0}</td>
                <td className={`num${e?.errors ? ' bad' : ''}`}>{e?.errors ?? 0}</td>
                <td><button className="icon" onClick={() => onRemove(f.file)} title={`Remove ${f.file} from the merge`} aria-label={`Remove ${f.file}`}>×</button></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted">
        {plural(corpus.documents.length, 'document')} (matched by doc_id) from {plural(corpus.annotators.length, 'annotator')}: {corpus.annotators.join(', ')}
      </p>
    </section>
  );
}

function ProblemsSection({ corpus }: { corpus: Corpus }) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const byFile = useMemo(() => {
    const m = new Map<string, { line: number; message: string }[]>();
    for (const e of corpus.errors) {
      let list = m.get(e.file);
      if (!list) m.set(e.file, (list = []));
      list.push({ line: e.line, message: e.message });
    }
    for (const list of m.values()) list.sort((a, b) => a.line - b.line);
    return m;
  }, [corpus]);
  const none = corpus.errors.length === 0 && corpus.sourceConflicts.length === 0;
  return (
    <section className={`cur-card${none ? '' : ' warn'}`} data-testid="input-problems">
      <h2>Problems</h2>
      {none ? <p className="ok-line">Every line read is valid; no source has two different texts.</p> : null}
      {corpus.sourceConflicts.length ? (
        <div data-testid="source-conflicts">
          <h3>Same source, different text (kept apart, never merged)</h3>
          <ul className="problems">
            {corpus.sourceConflicts.map((c) => (
              <li key={c.source} data-source={c.source}>
                <b>{c.source}</b>: {c.documents.length} versions —{' '}
                {c.documents.map((d, i) => (
                  <span key={d.docId}>
                    {i ? '; ' : ''}
                    <code title={d.docId}>{shortDocId(d.docId)}</code> by {d.annotators.join(', ')}
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {corpus.errors.length ? (
        <div data-testid="input-errors">
          <h3>
            {plural(corpus.errors.length, 'line')} left out (the valid rest is loaded)
          </h3>
          {[...byFile.entries()].map(([file, list]) => {
            const all = open.has(file);
            const shown = all ? list : list.slice(0, ERRORS_PER_FILE);
            return (
              <ul key={file} className="problems">
                {shown.map((e, i) => (
                  <li key={i} data-error-file={file} data-error-line={e.line}>
                    <code>{e.line > 0 ? `${file}:${e.line}` : file}</code> {e.message}
                  </li>
                ))}
                {list.length > shown.length ? (
                  <li>
                    <button className="link-like" onClick={() => setOpen(new Set([...open, file]))}>
                      … and {list.length - shown.length} more in {file}
                    </button>
                  </li>
                ) : null}
              </ul>
            );
          })}
        </div>
      ) : null}
    </section>
  );
}

function kappaKey(report: AgreementReport): 'kappa_fleiss' | 'kappa_cohen' {
  return 'kappa_fleiss' in report.overall ? 'kappa_fleiss' : 'kappa_cohen';
}

/** The report's figures, in the CLI table's column order. */
const FIGURES = ['f1_exact', 'f1_overlap', 'alpha_u', 'alpha_label'] as const;

function FigureCell({ name, value }: { name: string; value: number | null | undefined }) {
  return (
    <td className="num fig" data-figure={name} data-value={value ?? ''} style={{ ['--tint' as string]: scaleColor(value) }}>
      {fmt(value)}
    </td>
  );
}

function AgreementSection({ report }: { report: AgreementReport }) {
  const kappa = kappaKey(report);
  const labels = Object.keys(report.labels);
  const row = (name: string, f: AgreementFigures, overall = false) => (
    <tr key={name} data-label={name} className={overall ? 'overall' : ''}>
      <th scope="row">{name}</th>
      {FIGURES.map((k) => <FigureCell key={k} name={k} value={f[k]} />)}
      <FigureCell name={kappa} value={f[kappa]} />
    </tr>
  );
  return (
    <section className="cur-card" data-testid="agreement">
      <h2>
        Agreement of {plural(report.annotators.length, 'annotator')} on {plural(report.documents, 'document')}
      </h2>
      {report.annotators.length < 2 ? <p className="muted">Agreement needs at least two annotators; the figures are undefined (-).</p> : null}
      <div className="agreement-row">
        <table className="cur-table figures" data-testid="agreement-table">
          <thead>
            <tr>
              <th>label</th>
              {FIGURES.map((k) => <th key={k} className="num" title={METHOD[k]}>{k}</th>)}
              <th className="num" title={METHOD[kappa]}>{kappa}</th>
            </tr>
          </thead>
          <tbody>
            {labels.map((l) => row(l, report.labels[l]!))}
            {row('overall', report.overall, true)}
          </tbody>
        </table>
        <Heatmap report={report} />
      </div>
      <p className="muted legend">
        <span className="scale" aria-hidden="true" /> 0 · 0.667 tentative · 0.8 reliable · 1 — the same figures as <code>marginalia agreement --json</code> on the same files; hover a column for its method.
        {report.relations.f1_exact !== null || report.relations.f1_overlap !== null ? ` Relations: f1_exact ${fmt(report.relations.f1_exact)}, f1_overlap ${fmt(report.relations.f1_overlap)}.` : ''}
      </p>
    </section>
  );
}

function Heatmap({ report }: { report: AgreementReport }) {
  const [which, setWhich] = useState<'f1_overlap' | 'f1_exact'>('f1_overlap');
  const pair = useMemo(() => {
    const m = new Map<string, { value: number | null; documents: number }>();
    for (const p of report.pairs) {
      m.set(`${p.a}|${p.b}`, { value: p[which], documents: p.documents });
      m.set(`${p.b}|${p.a}`, { value: p[which], documents: p.documents });
    }
    return m;
  }, [report, which]);
  if (report.annotators.length < 2) return null;
  return (
    <div className="heatmap-wrap">
      <div className="heatmap-head">
        <b>Pairwise</b>
        <select aria-label="Pairwise figure" value={which} onChange={(e) => setWhich(e.target.value as typeof which)}>
          <option value="f1_overlap">F1 overlap</option>
          <option value="f1_exact">F1 exact</option>
        </select>
      </div>
      <table className="heatmap" data-testid="heatmap">
        <thead>
          <tr>
            <th />
            {report.annotators.map((a) => <th key={a} title={a}><span>{a}</span></th>)}
          </tr>
        </thead>
        <tbody>
          {report.annotators.map((a) => (
            <tr key={a}>
              <th scope="row" title={a}>{a}</th>
              {report.annotators.map((b) => {
                if (a === b) return <td key={b} className="self" />;
                const p = pair.get(`${a}|${b}`);
                const v = p?.value ?? null;
                return (
                  <td
                    key={b}
                    data-pair={`${a}|${b}`}
                    data-value={v ?? ''}
                    style={{ background: scaleColor(v), color: inkOn(v) }}
                    title={`${a} × ${b}: ${which} ${fmt(v)} over ${plural(p?.documents ?? 0, 'shared document')}`}
                  >
                    {fmt(v)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DocumentsSection({ report, state, order, onCurate }: { report: AgreementReport; state: CurationState; order: readonly string[]; onCurate: (docId: string) => void }) {
  const [all, setAll] = useState(false);
  const figures = useMemo(() => new Map(report.per_document.map((d) => [d.doc_id, d])), [report]);
  const docs = useMemo(() => new Map(state.documents.map((d) => [d.docId, d])), [state]);
  const shown = all ? order : order.slice(0, FIRST_ROWS);
  return (
    <section className="cur-card" data-testid="documents-by-disagreement">
      <h2>Documents by disagreement</h2>
      <table className="cur-table docs">
        <thead>
          <tr>
            <th>source</th>
            <th>doc_id</th>
            <th className="num">annotators</th>
            <th className="num" title={METHOD.f1_overlap}>f1_overlap</th>
            <th className="num" title={METHOD.alpha_u}>alpha_u</th>
            <th className="num">conflicts</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {shown.map((id) => {
            const f = figures.get(id);
            const d = docs.get(id)!;
            // Span conflicts and contested relations: the steps the adjudication tab walks.
            const steps = walkSteps(d);
            const decided = steps.filter((x) => x.decided).length;
            return (
              <tr key={id} data-doc-id={id} className="clickable" onClick={() => onCurate(id)}>
                <td className="file-name">{d.source || '–'}</td>
                <td><code title={id}>{shortDocId(id)}</code></td>
                <td className="num">{d.annotators.length}</td>
                <FigureCell name="f1_overlap" value={f?.overall.f1_overlap} />
                <FigureCell name="alpha_u" value={f?.overall.alpha_u} />
                <td className="num">{steps.length ? `${decided} / ${steps.length}` : '–'}</td>
                <td><button onClick={(e) => (e.stopPropagation(), onCurate(id))}>Curate</button></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {order.length > shown.length ? <button className="link-like" onClick={() => setAll(true)}>Show all {order.length} documents</button> : null}
    </section>
  );
}

function CoverageSection({ corpus }: { corpus: Corpus }) {
  const [all, setAll] = useState(false);
  const conflicted = useMemo(() => new Set(corpus.sourceConflicts.flatMap((c) => c.documents.map((d) => d.docId))), [corpus]);
  const docs = all ? corpus.documents : corpus.documents.slice(0, FIRST_ROWS);
  const totals = corpus.annotators.map((a) => corpus.documents.filter((d) => d.annotators.includes(a)).length);
  return (
    <section className="cur-card" data-testid="coverage">
      <h2>Coverage</h2>
      <table className="cur-table coverage">
        <thead>
          <tr>
            <th>source</th>
            <th>doc_id</th>
            {corpus.annotators.map((a) => <th key={a} className="center">{a}</th>)}
          </tr>
        </thead>
        <tbody>
          {docs.map((d) => (
            <tr key={d.docId} data-doc-id={d.docId} className={conflicted.has(d.docId) ? 'flagged' : ''}>
              <td className="file-name">
                {d.source || '–'}
                {conflicted.has(d.docId) ? <span className="flag" title="Another document has this source with a different text">text differs</span> : null}
              </td>
              <td><code title={d.docId}>{shortDocId(d.docId)}</code></td>
              {corpus.annotators.map((a) => (
                <td key={a} className="center" data-covered={d.annotators.includes(a) ? a : undefined}>
                  {d.annotators.includes(a) ? <span className="tick" aria-label="covered">●</span> : <span className="gap" aria-label="not covered">·</span>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th colSpan={2}>documents covered</th>
            {totals.map((n, i) => <td key={corpus.annotators[i]} className="center">{n}</td>)}
          </tr>
        </tfoot>
      </table>
      {corpus.documents.length > docs.length ? <button className="link-like" onClick={() => setAll(true)}>Show all {corpus.documents.length} documents</button> : null}
    </section>
  );
}
