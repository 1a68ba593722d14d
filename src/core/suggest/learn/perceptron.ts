// An averaged perceptron over string features: the learner of the model that learns from the annotator (Collins 2002; the tagger of Honnibal's "A good part-of-speech tagger in about 200 lines").
//
// Features are interned to row numbers and each row holds one weight per tag in a typed
// array, so a training step is array arithmetic, not string-keyed map traffic.

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
  private readonly rowOf = new Map<string, number>();
  private readonly featureNames: string[] = [];
  private weights: Float64Array[] = [];
  /** Running sums of each weight over time, and when each was last changed, for the average. */
  private totals: Float64Array[] = [];
  private stamps: Float64Array[] = [];
  private clock = 0;
  private readonly tagIndex: Map<string, number>;

  constructor(readonly tags: readonly string[]) {
    this.tagIndex = new Map(tags.map((t, i) => [t, i]));
  }

  private row(feature: string, create: boolean): number {
    let r = this.rowOf.get(feature);
    if (r === undefined && create) {
      r = this.weights.length;
      this.rowOf.set(feature, r);
      this.featureNames.push(feature);
      this.weights.push(new Float64Array(this.tags.length));
      this.totals.push(new Float64Array(this.tags.length));
      this.stamps.push(new Float64Array(this.tags.length));
    }
    return r ?? -1;
  }

  /** Each tag's score for the features, in the order of `tags`. */
  scores(features: readonly string[]): Float64Array {
    const out = new Float64Array(this.tags.length);
    for (const f of features) {
      const r = this.rowOf.get(f);
      if (r === undefined) continue;
      const w = this.weights[r]!;
      for (let t = 0; t < out.length; t++) out[t]! += w[t]!;
    }
    return out;
  }

  /** The best tag (ties go to the first tag, "O"), with the margin over the runner-up. */
  predict(features: readonly string[], allowed?: (tag: string) => boolean): { tag: string; margin: number } {
    const scores = this.scores(features);
    let best = -1;
    let bestScore = -Infinity;
    let second = -Infinity;
    for (let t = 0; t < scores.length; t++) {
      if (allowed && !allowed(this.tags[t]!)) continue;
      const s = scores[t]!;
      if (s > bestScore) {
        second = bestScore;
        bestScore = s;
        best = t;
      } else if (s > second) second = s;
    }
    return { tag: this.tags[best] ?? this.tags[0]!, margin: second === -Infinity ? bestScore : bestScore - second };
  }

  /** One training step: when `guess` is wrong, moves weight from it to `truth`. */
  update(truth: string, guess: string, features: readonly string[]): void {
    this.clock++;
    if (truth === guess) return;
    const ti = this.tagIndex.get(truth)!;
    const gi = this.tagIndex.get(guess)!;
    for (const f of features) {
      const r = this.row(f, true);
      this.bump(r, ti, 1);
      this.bump(r, gi, -1);
    }
  }

  private bump(r: number, t: number, by: number): void {
    const w = this.weights[r]!;
    this.totals[r]![t]! += (this.clock - this.stamps[r]![t]!) * w[t]!;
    this.stamps[r]![t] = this.clock;
    w[t]! += by;
  }

  /** Replaces every weight by its average over the training steps. Call once, after training. */
  average(): void {
    for (let r = 0; r < this.weights.length; r++) {
      const w = this.weights[r]!;
      for (let t = 0; t < w.length; t++) {
        const total = this.totals[r]![t]! + (this.clock - this.stamps[r]![t]!) * w[t]!;
        w[t] = this.clock ? total / this.clock : w[t]!;
      }
    }
    this.totals = [];
    this.stamps = [];
  }

  /** Number of features with a row of weights. */
  get size(): number {
    return this.weights.length;
  }

  toState(): PerceptronState {
    const weights: PerceptronState['weights'] = [];
    this.featureNames.forEach((f, r) => {
      const row: [string, number][] = [];
      this.weights[r]!.forEach((w, t) => w !== 0 && row.push([this.tags[t]!, w]));
      if (row.length) weights.push([f, row]);
    });
    return { tags: [...this.tags], weights };
  }

  static fromState(state: PerceptronState): Perceptron {
    const p = new Perceptron(state.tags);
    for (const [f, row] of state.weights) {
      const r = p.row(f, true);
      for (const [tag, w] of row) p.weights[r]![p.tagIndex.get(tag)!] = w;
    }
    p.totals = [];
    p.stamps = [];
    return p;
  }
}
