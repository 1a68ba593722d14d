import { w1 } from './workloads/w1-long-document';
import { closeBrowser } from './lib/browser';
const smoke = process.argv.includes('--smoke');
const r = await w1.run({ smoke, log: (l) => console.error(l) });
console.log(JSON.stringify(r, null, 1));
await closeBrowser();
