// An averaged perceptron over string features: the learner of the model that learns from the annotator (Collins 2002; the tagger of Honnibal's "A good part-of-speech tagger in about 200 lines").

/** Weights of one feature: tag → weight. */
type Row = Map<string, number>;

/** A serializable form of trained weights (for a worker message or storage). */
export interface PerceptronState {
  tags: string[];
  weights: [string, [string, number][]][];
}

/**
 * A multi-class averaged perceptron. `update` after each prediction on training data;
 * `average()` once at the end of training replaces each weight by its average over all
 * updates, which generalizes far better than the last weights.
 */
export class Perceptron {
  private weights = new Map<string, Row>();
  /** Running sums of each weight over time, and when each was last changed, for the average. */
  private totals = new Map<string, number>();
  private stamps = new Map<string, number>();
  private clock = 0;

  constructor(readonly tags: readonly string[]) {}

  /** Each tag's score for the features. */
  scores(features: readonly string[]): Map<string, number> {
    const out = new Map<string, number>(this.tags.map((t) => [t, 0]));
    for (const f of features) {
      const row = this.weights.get(f);
      if (!row) continue;
      for (const [tag, w] of row) out.set(tag, (out.get(tag) ?? 0) + w);
    }
    return out;
  }

  /** The best tag (ties go to the first tag, "O"), with the margin over the runner-up. */
  predict(features: readonly string[], allowed?: (tag: string) => boolean): { tag: string; margin: number } {
    let best = '';
    let bestScore = -Infinity;
    let second = -Infinity;
    for (const [tag, s] of this.scores(features)) {
      if (allowed && !allowed(tag)) continue;
      if (s > bestScore) {
        second = bestScore;
        bestScore = s;
        best = tag;
      } else if (s > second) second = s;
    }
    return { tag: best, margin: second === -Infinity ? bestScore : bestScore - second };
  }

  /** One training step: when `guess` is wrong, moves weight from it to `truth`. */
  update(truth: string, guess: string, features: readonly string[]): void {
    this.clock++;
    if (truth === guess) return;
    for (const f of features) {
      this.bump(f, truth, 1);
      this.bump(f, guess, -1);
    }
  }

  private bump(feature: string, tag: string, by: number): void {
    let row = this.weights.get(feature);
    if (!row) this.weights.set(feature, (row = new Map()));
    const key = `${feature}\u0000${tag}`;
    const w = row.get(tag) ?? 0;
    this.totals.set(key, (this.totals.get(key) ?? 0) + (this.clock - (this.stamps.get(key) ?? 0)) * w);
    this.stamps.set(key, this.clock);
    row.set(tag, w + by);
  }

  /** Replaces every weight by its average over the training steps. Call once, after training. */
  average(): void {
    for (const [feature, row] of this.weights) {
      for (const [tag, w] of row) {
        const key = `${feature}\u0000${tag}`;
        const total = (this.totals.get(key) ?? 0) + (this.clock - (this.stamps.get(key) ?? 0)) * w;
        const avg = this.clock ? total / this.clock : w;
        if (avg === 0) row.delete(tag);
        else row.set(tag, avg);
      }
      if (!row.size) this.weights.delete(feature);
    }
    this.totals.clear();
    this.stamps.clear();
  }

  /** Number of features with a weight. */
  get size(): number {
    return this.weights.size;
  }

  toState(): PerceptronState {
    return { tags: [...this.tags], weights: [...this.weights].map(([f, row]) => [f, [...row]]) };
  }

  static fromState(state: PerceptronState): Perceptron {
    const p = new Perceptron(state.tags);
    for (const [f, row] of state.weights) p.weights.set(f, new Map(row));
    return p;
  }
}
