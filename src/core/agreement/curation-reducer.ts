// The curation view's state and every change to it as one pure reducer: the view dispatches actions and saves what comes out, in one place.
//
// The state holds the corpus and its agreement report (read once per set of inputs), the
// curation (a persistent value: decisions and edits make new ones, unchanged documents are
// shared), where the curator is, and the undo history of curations (core/model/undo-stack).
// Nothing here touches the DOM or the store: the view's one save effect writes the session and
// the gold of the documents whose value changed between two states ({@link changedDocuments}).

import type { AttrValue } from '../model/types';
import { emptyUndo, pushUndo, redoStep, undoStep, type UndoStack } from '../model/undo-stack';
import type { Corpus } from './corpus';
import { acceptedSides, chooseAttribute, CurationError, editGoldSpan, goldSpans, isDecided, relationKey, resolveConflict, type ConflictChoice } from './curation';
import { decideRelation } from './curation-relations';
import { DEFAULT_CHOICE, disagreementOrder, rebuild, storedDocuments, type StrategyChoice } from './curation-session';
import { isRelationStep, stepFrom, walkProgress, walkSteps, type Place } from './curation-walk';
import { goldSpanId } from './ids';
import type { CurationState, DocumentCuration } from './merge';
import type { AgreementReport } from './report';
import { plural } from '../text/plural';

/** The two tabs of the view. */
export type CurationTab = 'overview' | 'curate';

/** A message for the curator, new with each action that says something. */
export interface CurationMessage {
  readonly kind: 'info' | 'error';
  readonly text: string;
}

/** The whole state of the curation view. A persistent value. */
export interface CurationModel {
  readonly corpus: Corpus | null;
  readonly report: AgreementReport | null;
  /** Doc ids, most disagreement first: the order of the walk. */
  readonly order: readonly string[];
  readonly choice: StrategyChoice;
  readonly curation: CurationState | null;
  readonly place: Place | null;
  readonly view: CurationTab;
  /** The selected gold span's id (edits applied). */
  readonly selectedGold: string | null;
  /** After a decision, move on to the next open step (off by default: `j` does it, and says where it goes). */
  readonly advance: boolean;
  readonly history: UndoStack<CurationState>;
  /** Whether the curation came from the store as it is (nothing to write) rather than from an action. */
  readonly fromStore: boolean;
  readonly message: CurationMessage | null;
}

/** What the curator decides on the current step: a span conflict's choice, an annotator's version (1…9), or back to the proposal (null). */
export type StepChoice = ConflictChoice | { readonly kind: 'annotator'; readonly index: number } | null;

/** A gold span correction: move an edge, relabel, or undo the correction. */
export type GoldEdit = { readonly kind: 'move'; readonly edge: 'start' | 'end'; readonly by: number } | { readonly kind: 'relabel'; readonly label: string } | { readonly kind: 'reset' };

/** Every change the view can make. */
export type CurationAction =
  /** New inputs (or the stored ones at start-up): the curation is rebuilt, keeping every decision that still applies. */
  | { readonly type: 'setInputs'; readonly corpus: Corpus; readonly report: AgreementReport | null; readonly choice?: StrategyChoice; readonly stored?: Parameters<typeof rebuild>[2]; readonly place?: Place | null; readonly view?: CurationTab; readonly fromStore?: boolean; readonly message?: string }
  | { readonly type: 'setStrategy'; readonly choice: StrategyChoice }
  | { readonly type: 'decide'; readonly choice: StepChoice }
  | { readonly type: 'decideRelation'; readonly docId: string; readonly key: string; readonly take: boolean | null }
  | { readonly type: 'edit'; readonly edit: GoldEdit }
  /** Chooses the selected gold span's value of an attribute its annotators differ on (undefined: back to the vote). */
  | { readonly type: 'chooseAttribute'; readonly key: string; readonly value: AttrValue | undefined }
  | { readonly type: 'goTo'; readonly place: Place | null; readonly view?: CurationTab }
  | { readonly type: 'openDocument'; readonly docId: string }
  | { readonly type: 'step'; readonly by: 1 | -1; readonly openOnly: boolean }
  | { readonly type: 'selectGold'; readonly id: string | null }
  | { readonly type: 'stepGold'; readonly by: 1 | -1 }
  | { readonly type: 'undo' }
  | { readonly type: 'redo' }
  | { readonly type: 'setView'; readonly view: CurationTab }
  | { readonly type: 'setAdvance'; readonly advance: boolean }
  | { readonly type: 'clear'; readonly message?: string }
  | { readonly type: 'say'; readonly message: CurationMessage | null };

/** The state before anything is loaded. */
export const INITIAL_CURATION: CurationModel = {
  corpus: null,
  report: null,
  order: [],
  choice: DEFAULT_CHOICE,
  curation: null,
  place: null,
  view: 'overview',
  selectedGold: null,
  advance: false,
  history: emptyUndo(),
  fromStore: false,
  message: null,
};

const info = (text: string): CurationMessage => ({ kind: 'info', text });

function docOf(state: CurationState | null, docId: string | undefined): DocumentCuration | undefined {
  return docId === undefined ? undefined : state?.documents.find((d) => d.docId === docId);
}

/** The gold id (edits applied) of the first side a conflict accepts, to select on arriving at it. */
export function goldOfStep(doc: DocumentCuration, stepId: string | null): string | null {
  const conflict = stepId ? doc.conflicts.find((c) => c.id === stepId) : undefined;
  if (!conflict) return null;
  const gold = goldSpans(doc);
  for (const id of acceptedSides(doc, conflict)) {
    const g = gold.find((s) => (s.editedFrom ?? s.id) === id);
    if (g) return g.id;
  }
  return null;
}

/** The state at a place (selecting its gold span). */
function at(model: CurationModel, place: Place | null, curation = model.curation): CurationModel {
  const doc = docOf(curation, place?.docId);
  return { ...model, place, selectedGold: doc && place ? goldOfStep(doc, place.conflictId) : null };
}

/** A new curation from an action: onto the undo history. */
function commit(model: CurationModel, next: CurationState): CurationModel {
  return { ...model, curation: next, history: pushUndo(model.history, model.curation!), fromStore: false };
}

/** The document's name for messages. */
function nameOf(doc: DocumentCuration | undefined): string {
  return doc ? doc.source || doc.docId.slice(0, 19) : 'another document';
}

/** A step of the walk, saying when it moves to another document. */
function step(model: CurationModel, by: 1 | -1, openOnly: boolean): CurationModel {
  if (!model.curation) return model;
  const found = stepFrom(model.curation, model.order, model.place, by, openOnly);
  if (!found) return { ...model, message: info(openOnly ? 'Every conflict is decided.' : 'No conflict to go to.') };
  const moved = at(model, found.place);
  if (!found.otherDocument) return { ...moved, message: null };
  const rank = model.order.indexOf(found.place.docId) + 1;
  const what = openOnly ? 'Next open conflict' : by === 1 ? 'Next conflict' : 'Previous conflict';
  return { ...moved, message: info(`${what} is in ${nameOf(docOf(model.curation, found.place.docId))} (document ${rank} of ${model.order.length}): moved there.`) };
}

function decide(model: CurationModel, choice: StepChoice): CurationModel {
  const { curation, place } = model;
  if (!curation || !place?.conflictId) return model;
  const doc = docOf(curation, place.docId)!;
  let next: CurationState;
  try {
    if (isRelationStep(place.conflictId)) {
      const row = doc.relations.find((r) => relationKey(doc, r) === place.conflictId);
      if (!row) return model;
      const take =
        choice === null ? null : choice.kind === 'all' ? true : choice.kind === 'none' ? false : choice.kind === 'annotator' ? row.sources.includes(doc.annotators[choice.index] ?? '') : null;
      if (choice !== null && take === null) return model;
      if (choice?.kind === 'annotator' && !doc.annotators[choice.index]) return model;
      next = decideRelation(curation, place.docId, place.conflictId, take);
    } else {
      const conflict = doc.conflicts.find((c) => c.id === place.conflictId);
      if (!conflict) return model;
      let c: ConflictChoice | null = choice as ConflictChoice | null;
      if (choice?.kind === 'annotator') {
        const who = doc.annotators[choice.index];
        if (!who) return model;
        c = { kind: 'sides', sides: [...(conflict.byAnnotator[who] ?? [])] };
      }
      next = resolveConflict(curation, place.conflictId, c);
    }
  } catch (e) {
    return { ...model, message: { kind: 'error', text: (e as Error).message } };
  }
  const committed = commit(model, next);
  const out = choice !== null && model.advance ? step(committed, 1, true) : { ...at(committed, place, next), message: null };
  const before = walkProgress(curation);
  const after = walkProgress(next);
  if (choice !== null && after.decided === after.steps && before.decided < after.steps) {
    return { ...out, message: info(`All ${plural(after.steps, 'conflict')} are resolved: export the gold when you are ready.`) };
  }
  return out;
}

function edit(model: CurationModel, change: GoldEdit): CurationModel {
  const { curation, place, selectedGold } = model;
  const doc = docOf(curation, place?.docId);
  if (!curation || !doc || !selectedGold) return model;
  const g = goldSpans(doc).find((s) => s.id === selectedGold);
  if (!g) return model;
  const original = g.editedFrom ?? g.id;
  let next = curation;
  // Correcting a span of an open conflict decides the conflict as it stands.
  const owner = doc.conflicts.find((c) => c.sides.some((s) => s.id === original));
  if (owner && !isDecided(doc, owner.id)) next = resolveConflict(next, owner.id, { kind: 'sides', sides: [...acceptedSides(doc, owner)] });
  const e =
    change.kind === 'reset' ? null : change.kind === 'relabel' ? { start: g.start, end: g.end, label: change.label } : { start: g.start + (change.edge === 'start' ? change.by : 0), end: g.end + (change.edge === 'end' ? change.by : 0), label: g.label };
  try {
    next = editGoldSpan(next, doc.docId, original, e);
  } catch (err) {
    if (err instanceof CurationError) return model; // at the text's edge, or an empty span: nothing to do
    throw err;
  }
  return { ...commit(model, next), selectedGold: e ? goldSpanId(doc.docId, e.start, e.end, e.label) : original, message: null };
}

function stepGold(model: CurationModel, by: 1 | -1): CurationModel {
  const doc = docOf(model.curation, model.place?.docId);
  if (!doc) return model;
  const gold = goldSpans(doc);
  if (!gold.length) return model;
  const i = model.selectedGold ? gold.findIndex((g) => g.id === model.selectedGold) : -1;
  let next = gold[(i + by + gold.length) % gold.length]!;
  if (i < 0) {
    const conflict = doc.conflicts.find((c) => c.id === model.place?.conflictId);
    const from = conflict?.start ?? 0;
    next = (by === 1 ? gold.find((g) => g.start >= from) : [...gold].reverse().find((g) => g.start < from)) ?? next;
  }
  return { ...model, selectedGold: next.id };
}

function history(model: CurationModel, which: 'undo' | 'redo'): CurationModel {
  if (!model.curation) return model;
  const moved = (which === 'undo' ? undoStep : redoStep)(model.history, model.curation);
  if (!moved) return { ...model, message: info(`Nothing to ${which}.`) };
  const out: CurationModel = { ...model, curation: moved.value, history: moved.stack, fromStore: false, message: null };
  const doc = docOf(moved.value, model.place?.docId);
  return doc ? { ...out, selectedGold: goldOfStep(doc, model.place?.conflictId ?? null) } : out;
}

function setInputs(model: CurationModel, a: Extract<CurationAction, { type: 'setInputs' }>): CurationModel {
  const choice = a.choice ?? model.choice;
  const stored = a.stored ?? (model.curation ? storedDocuments(model.curation) : {});
  const { state, kept, dropped } = rebuild(a.corpus, choice, stored);
  const order = a.report ? disagreementOrder(a.report, state) : state.documents.map((d) => d.docId);
  const wanted = a.place !== undefined ? a.place : model.place;
  const doc = docOf(state, wanted?.docId);
  const place = doc ? { docId: doc.docId, conflictId: wanted!.conflictId && (doc.conflicts.some((c) => c.id === wanted!.conflictId) || doc.relations.some((r) => relationKey(doc, r) === wanted!.conflictId)) ? wanted!.conflictId : (doc.conflicts[0]?.id ?? null) } : null;
  const view = a.view === 'curate' && !place ? 'overview' : (a.view ?? model.view);
  const keptText = kept || dropped ? (a.fromStore ? (dropped ? `${plural(dropped, 'stored decision')} no longer match the inputs and were set aside.` : '') : `${plural(kept, 'decision')} kept${dropped ? `, ${dropped} no longer apply` : ''}.`) : '';
  const text = [a.message ?? '', keptText].filter(Boolean).join(' ');
  const out: CurationModel = { ...model, corpus: a.corpus, report: a.report, order, choice, curation: state, view, history: emptyUndo(), fromStore: a.fromStore ?? false, message: text ? info(text) : null };
  return at(out, place, state);
}

/** The reducer: the next state of the view after an action. Never changes `model`. */
export function curationReducer(model: CurationModel, a: CurationAction): CurationModel {
  switch (a.type) {
    case 'setInputs':
      return setInputs(model, a);
    case 'setStrategy': {
      if (!model.corpus) return { ...model, choice: a.choice };
      const how = a.choice.strategy === 'majority' ? (a.choice.min === null ? ' (more than half)' : ` (at least ${a.choice.min})`) : '';
      return setInputs(model, { type: 'setInputs', corpus: model.corpus, report: model.report, choice: a.choice, message: `Strategy: ${a.choice.strategy}${how}.` });
    }
    case 'decide':
      return decide(model, a.choice);
    case 'decideRelation': {
      if (!model.curation) return model;
      try {
        return { ...commit(model, decideRelation(model.curation, a.docId, a.key, a.take)), message: null };
      } catch (e) {
        return { ...model, message: { kind: 'error', text: (e as Error).message } };
      }
    }
    case 'edit':
      return edit(model, a.edit);
    case 'chooseAttribute': {
      const doc = docOf(model.curation, model.place?.docId);
      const g = doc && model.selectedGold ? goldSpans(doc).find((s) => s.id === model.selectedGold) : undefined;
      if (!doc || !g) return model;
      try {
        return { ...commit(model, chooseAttribute(model.curation!, doc.docId, g.editedFrom ?? g.id, a.key, a.value)), message: null };
      } catch (e) {
        return { ...model, message: { kind: 'error', text: (e as Error).message } };
      }
    }
    case 'goTo':
      return { ...at(model, a.place), view: a.view ?? model.view };
    case 'openDocument': {
      const doc = docOf(model.curation, a.docId);
      if (!doc) return model;
      const steps = walkSteps(doc);
      const first = steps.find((s) => !s.decided) ?? steps[0];
      return { ...at(model, { docId: doc.docId, conflictId: first?.id ?? null }), view: 'curate' };
    }
    case 'step':
      return step(model, a.by, a.openOnly);
    case 'selectGold':
      return { ...model, selectedGold: a.id };
    case 'stepGold':
      return stepGold(model, a.by);
    case 'undo':
    case 'redo':
      return history(model, a.type);
    case 'setView':
      return { ...model, view: a.view };
    case 'setAdvance':
      return { ...model, advance: a.advance };
    case 'clear':
      return { ...INITIAL_CURATION, advance: model.advance, message: a.message ? info(a.message) : null };
    case 'say':
      return { ...model, message: a.message };
  }
}

/** The doc ids whose curation differs between two states (by identity: unchanged documents are shared), for the save effect. */
export function changedDocuments(before: CurationState | null, after: CurationState): string[] {
  if (!before) return after.documents.map((d) => d.docId);
  const old = new Map(before.documents.map((d) => [d.docId, d]));
  return after.documents.filter((d) => old.get(d.docId) !== d).map((d) => d.docId);
}
