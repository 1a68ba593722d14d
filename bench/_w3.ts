import { w3 } from './workloads/w3-store';
import { closeBrowser } from './lib/browser';
const smoke = process.argv.includes('--smoke');
const r = await w3.run({ smoke, log: (l) => console.error(l) });
console.log(JSON.stringify(r.metrics.map(m => [m.key, m.summary?.median, m.summary?.runs])));
await closeBrowser();
