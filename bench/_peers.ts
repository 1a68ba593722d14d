import { peers } from './workloads/peers';
import { closeBrowser } from './lib/browser';
const smoke = process.argv.includes('--smoke');
const r = await peers.run({ smoke, log: (l) => console.error(l) });
console.log(JSON.stringify([r.status, r.metrics.map(m => [m.key, m.summary?.median, m.summary?.runs, m.na, m.note]), r.details], null, 0));
await closeBrowser();
