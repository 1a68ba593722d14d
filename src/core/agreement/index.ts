// The public API of agreement and merge: what the CLI and the curation view import.

export { collectCorpus, CorpusBuilder, corpusFromFiles, coverage, type Annotation, type InputFile, type Corpus, type CorpusDocument, type SourceConflict } from './corpus';
export { krippendorffAlpha, krippendorffAlphaOfMatrix, MEASUREMENT_LEVELS, type AlphaResult, type CodeValue, type MaybeValue, type MeasurementLevel } from './krippendorff';
export { cohenKappa, cohenKappaOfPairs, fleissKappa, type CohenResult, type FleissResult } from './kappa';
export { unitizingAlpha, unitizingDisagreement, type Continuum, type UnitizingFigure, type UnitizingResult, type UnitizingUnit } from './unitizing';
export { matchOverlapping, overlapLength, type Extent, type MatchPair } from './matching';
export { AgreementAccumulator, computeAgreement, METHOD, type AgreementFigures, type AgreementOptions, type AgreementReport, type AttributeAgreement, type DocumentAgreement, type PairFigures } from './report';
export { formatAgreementTable } from './report-table';
export {
  buildCuration,
  DEFAULT_LABEL_OVERLAP,
  defaultGroupOf,
  MERGE_STRATEGIES,
  thresholdFor,
  type Candidate,
  type Conflict,
  type ConflictKind,
  type CurationState,
  type DocumentCuration,
  type MergeOptions,
  type MergeStrategy,
  type RelationCandidate,
  type SpanEdit,
  type SupportingSpan,
} from './merge';
export {
  acceptedSides,
  conflictOptions,
  CurationError,
  curationProgress,
  editGoldSpan,
  findConflict,
  goldRelations,
  goldSpans,
  isDecided,
  resolveConflict,
  undecidedConflicts,
  type ConflictChoice,
  type ConflictOption,
} from './curation';
export { ADJUDICATED, goldLine, goldLines, serializeGold, serializeGoldLines } from './gold';
export { conflictCounts, mergeReport, type MergeReport, type ReportedConflict, type ReportedSide } from './merge-report';
export { goldRelationId, goldSpanId } from './ids';
