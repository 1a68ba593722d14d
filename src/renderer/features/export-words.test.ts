// Converter warnings reworded for the dialog: every real warning of the token formats loses its CLI flags.
import { describe, expect, it } from 'vitest';
import { exportAll } from '../../core/format/formats';
import type { NativeLine } from '../../core/format/native';
import type { ConvertWarning } from '../../core/format/convert-types';
import { warningInUiWords, warningsByDocument } from './export-words';

/** A command-line flag as the CLI writes one (`--alignment`). */
const CLI_FLAG = /(^|\s|\()--[a-z][a-z-]*/;

/** A native line with overlapping and mid-word spans: the token formats must warn about both. */
function troubleLine(): NativeLine {
  const text = 'Chint Electric raised 45.6 million yuan in Wenzhou.';
  const span = (id: string, start: number, end: number, label: string) => ({ id, start, end, label, text: [...text].slice(start, end).join(''), attrs: {} });
  return {
    format: 'marginalia/1', doc_id: 'sha256:abc', source: 'a.txt', text, annotator: 'alice', status: 'done', updated_at: '2026-01-01T00:00:00Z',
    spans: [span('s1', 0, 14, 'ORG'), span('s2', 0, 5, 'PERSON'), span('s3', 22, 38, 'FIGURE'), span('s4', 43, 47, 'LOC')],
    relations: [],
  } as unknown as NativeLine;
}

describe('warningInUiWords', () => {
  it('rewords every warning the token formats really give, leaving no command-line flag', () => {
    for (const format of ['conll', 'hf'] as const) {
      const warnings: ConvertWarning[] = [];
      exportAll(format, [troubleLine()], { warn: (w) => warnings.push(w) });
      expect(warnings.length).toBeGreaterThan(0);
      const raw = warnings.map((w) => w.message);
      expect(raw.some((m) => CLI_FLAG.test(m) || /alignment (strict|expand|contract)/.test(m))).toBe(true);
      for (const m of raw) {
        const ui = warningInUiWords(m);
        expect(ui).not.toMatch(CLI_FLAG);
        expect(ui).not.toMatch(/alignment (strict|expand|contract)/);
      }
    }
  });

  it('names the dialog’s own choices', () => {
    expect(warningInUiWords('ORG "Chint" overlaps FIGURE "5", which is kept (longest first): not tagged; pick a layer with --labels')).toBe(
      'ORG "Chint" overlaps FIGURE "5", which is kept (longest first): not tagged; to tag it too, export its label on its own (tick only that label under Labels)',
    );
    expect(warningInUiWords('x: tagged on tokens [0, 5) (alignment expand)')).toBe('x: tagged on tokens [0, 5) (widened to whole words)');
    expect(warningInUiWords('use --offsets utf16 or --without-text')).toBe('use UTF-16 offsets or “include the document text” unticked');
  });

  it('leaves a message without CLI words as it is', () => {
    const m = 'PERSON span "s2" has a boundary inside a grapheme cluster: doccano cannot place it; left out';
    expect(warningInUiWords(m)).toBe(m);
  });
});

describe('warningsByDocument', () => {
  it('groups by document path in the order they came, ids only where no path is known', () => {
    const groups = warningsByDocument(
      [
        { docId: 'sha256:a', message: 'one --labels' },
        { docId: 'sha256:b', message: 'two' },
        { docId: 'sha256:a', message: 'three' },
        { docId: '', message: '… and 4 more warnings' },
      ],
      (id) => (id === 'sha256:a' ? 'reports/a.txt' : undefined),
    );
    expect(groups).toEqual([
      { document: 'reports/a.txt', messages: ['one the Labels choice', 'three'] },
      { document: 'sha256:b', messages: ['two'] },
      { document: '', messages: ['… and 4 more warnings'] },
    ]);
  });
});
