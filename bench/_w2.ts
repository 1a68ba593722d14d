import { w2 } from './workloads/w2-corpus';
const smoke = process.argv.includes('--smoke');
const r = await w2.run({ smoke, log: (l) => console.error(l) });
console.log(JSON.stringify(r.metrics.map(m => [m.key, m.summary?.median, m.summary?.runs, m.na]), null, 0));
