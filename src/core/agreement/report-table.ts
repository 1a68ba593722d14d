// Renders an agreement report as the plain-text tables `marginalia agreement` prints.

import { plural } from '../text/plural';
import type { AgreementFigures, AgreementReport } from './report';

/** Decimals printed: three tell 0.743 from 0.745, which is all agreement figures can claim. */
const DECIMALS = 3;

/** Documents listed under "lowest agreement": enough to start reading, few enough to read. */
const LOWEST_SHOWN = 10;

/** Characters of a doc_id shown: "sha256:" and 12 hex digits tell documents apart at a glance. */
const DOC_ID_SHOWN = 19;

function num(v: number | null | undefined): string {
  return v === null || v === undefined ? '-' : v.toFixed(DECIMALS);
}

/** Left-aligns the first `left` columns (names) and right-aligns the others (numbers). */
function table(header: readonly string[], rows: readonly (readonly string[])[], left = 1): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i < left ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

function kappaKey(report: AgreementReport): 'kappa_cohen' | 'kappa_fleiss' {
  return 'kappa_fleiss' in report.overall ? 'kappa_fleiss' : 'kappa_cohen';
}

function figureRow(name: string, f: AgreementFigures, kappa: 'kappa_cohen' | 'kappa_fleiss'): string[] {
  return [name, num(f.f1_exact), num(f.f1_overlap), num(f.alpha_u), num(f.alpha_label), num(f[kappa])];
}

/** The report as text: coverage, the label table, pairs, relations, attributes, the weakest documents, warnings. */
export function formatAgreementTable(report: AgreementReport): string {
  const out: string[] = [];
  const kappa = kappaKey(report);
  out.push(`Agreement of ${plural(report.annotators.length, 'annotator')} on ${plural(report.documents, 'document')}`);
  out.push('');
  out.push('Coverage');
  out.push(...table(['annotator', 'documents'], report.annotators.map((a) => [a, String(report.coverage[a]?.documents ?? 0)])).map((l) => '  ' + l));
  const partial = report.per_document.filter((d) => d.annotators.length < report.annotators.length).length;
  const single = report.per_document.filter((d) => d.annotators.length === 1).length;
  if (partial > 0) out.push(`  ${plural(partial, 'document')} not covered by every annotator (${single} by one annotator only)`);
  out.push('');
  const labels = Object.keys(report.labels);
  out.push(...table(['label', 'f1_exact', 'f1_overlap', 'alpha_u', 'alpha_label', kappa], [...labels.map((l) => figureRow(l, report.labels[l]!, kappa)), figureRow('overall', report.overall, kappa)]));
  out.push('');
  if (report.pairs.length > 0) {
    out.push('Pairs');
    out.push(...table(['a', 'b', 'documents', 'f1_exact', 'f1_overlap'], report.pairs.map((p) => [p.a, p.b, String(p.documents), num(p.f1_exact), num(p.f1_overlap)]), 2).map((l) => '  ' + l));
    out.push('');
  }
  if (report.relations.f1_exact !== null || report.relations.f1_overlap !== null) {
    out.push(`Relations: f1_exact ${num(report.relations.f1_exact)}, f1_overlap ${num(report.relations.f1_overlap)}`);
    out.push('');
  }
  const attrRows: string[][] = [];
  for (const [label, byKey] of Object.entries(report.attributes)) {
    for (const [key, a] of Object.entries(byKey)) {
      const extra = (['ordinal', 'interval', 'ratio'] as const).filter((l) => a[`alpha_${l}`] !== undefined).map((l) => `${l} ${num(a[`alpha_${l}`])}`);
      attrRows.push([`${label}.${key}`, String(a.units), num(a.alpha_nominal), extra.join(', ')]);
    }
  }
  if (attrRows.length > 0) {
    out.push('Attributes (alpha over spans matched exactly)');
    out.push(...table(['attribute', 'units', 'nominal', 'other levels'], attrRows).map((l) => '  ' + l));
    out.push('');
  }
  const ranked = report.per_document.filter((d) => d.overall.f1_overlap !== null).sort((a, b) => a.overall.f1_overlap! - b.overall.f1_overlap! || (a.doc_id < b.doc_id ? -1 : 1));
  if (ranked.length > 1) {
    const shown = ranked.slice(0, LOWEST_SHOWN);
    out.push(`Lowest agreement (f1_overlap), ${shown.length} of ${ranked.length} documents`);
    out.push(
      ...table(
        ['source', 'doc_id', 'f1_overlap', 'alpha_u', 'alpha_label'],
        shown.map((d) => [d.source || '-', d.doc_id.length > DOC_ID_SHOWN ? d.doc_id.slice(0, DOC_ID_SHOWN) + '…' : d.doc_id, num(d.overall.f1_overlap), num(d.overall.alpha_u), num(d.overall.alpha_label)]),
        2,
      ).map((l) => '  ' + l),
    );
    out.push('');
  }
  for (const c of report.source_conflicts) {
    out.push(`Warning: source ${c.source} has ${c.documents.length} different texts (kept apart, not merged): ${c.documents.map((d) => `${d.doc_id} (${d.annotators.join(', ')})`).join('; ')}`);
  }
  if (report.documents_without_text.length > 0) out.push(`Note: ${report.documents_without_text.length} document(s) without text are left out of alpha_u`);
  if (report.annotators.length < 2) out.push('Note: agreement needs at least two annotators; the figures are undefined (-)');
  while (out[out.length - 1] === '') out.pop();
  return out.join('\n') + '\n';
}
