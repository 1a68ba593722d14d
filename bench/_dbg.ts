import { closeBrowser } from './lib/browser';
import { openSeededApp, timedOpen } from './lib/marginalia-page';
import { w1Fixture } from './lib/w1-fixture';
import { keyboardOps } from './workloads/w1-long-document';
const f = w1Fixture(20000, 400);
const app = await openSeededApp(f, [f.long]);
const page = app.page;
page.on('pageerror', (e) => console.log('pageerror', e.message));
console.log(await timedOpen(page, f.long, app.served));
const ops = { create: [], relabel: [], delete: [] };
try { await keyboardOps(page, 3, ops); } catch (e) { console.log('ERR', (e as Error).message); await page.screenshot({ path: '/tmp/dbg.png' }); }
console.log(ops);
await app.close(); await closeBrowser();
