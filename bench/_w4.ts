import { w4 } from './workloads/w4-export';
const smoke = process.argv.includes('--smoke');
const r = await w4.run({ smoke, log: (l) => console.error(l) });
console.log(JSON.stringify(r.metrics.map(m => [m.key, m.summary?.median, m.summary?.runs]), null, 0));
