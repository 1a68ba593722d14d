import { w5 } from './workloads/w5-merge';
const smoke = process.argv.includes('--smoke');
const r = await w5.run({ smoke, log: (l) => console.error(l) });
console.log(JSON.stringify([r.status, r.sizes, r.metrics.map(m => [m.key, m.summary?.median, m.summary?.runs, m.na])], null, 0));
