// The benchmark's seeded generator is the core's (src/core/model/prng.ts), so bench data and the model's shuffle share one.
export * from '../../src/core/model/prng';
