// The workbench's top bar: corpus name, corpus search, curation, shortcuts, font, annotator, schema, export.

import type { CorpusInfo } from '../../core/ipc/contract';
import { FONT_STACKS } from './fonts';
import { keyHint } from './key-labels';

/** Props of {@link TopBar}. */
export interface TopBarProps {
  corpus: CorpusInfo | null;
  annotator: string;
  font: string;
  onFont: (font: string) => void;
  onSearch: () => void;
  onCurate: () => void;
  onShortcuts: () => void;
  onRename: () => void;
  onSchema: () => void;
  onExport: () => void;
}

/** The bar. */
export function TopBar(props: TopBarProps) {
  const { corpus } = props;
  return (
    <header className="topbar">
      <h1>Marginalia</h1>
      <span className="corpus-name" title={corpus?.root}>{corpus ? corpus.name : 'No corpus'}</span>
      <span className="spacer" />
      <button onClick={props.onSearch} title={`Find across the corpus${keyHint('search-corpus')}`}>Search corpus</button>
      <button onClick={props.onCurate} title="Merge annotators' exports, agreement, adjudication" data-testid="open-curation">Curation</button>
      <button onClick={props.onShortcuts} title={`Keyboard shortcuts${keyHint('shortcuts')}`}>?</button>
      <label className="font-choice">
        Font{' '}
        <select value={props.font} onChange={(e) => props.onFont(e.target.value)}>
          {Object.keys(FONT_STACKS).map((f) => <option key={f}>{f}</option>)}
        </select>
      </label>
      <button className="annotator" onClick={props.onRename} title="Change the annotator name" data-testid="annotator">
        Annotator: {props.annotator}
      </button>
      <button onClick={props.onSchema} title="Edit the label schema">Schema</button>
      <button onClick={props.onExport} disabled={!corpus} data-testid="export" title={`Export${keyHint('export')}`}>
        Export…
      </button>
    </header>
  );
}
