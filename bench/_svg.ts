import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { CHROMIUM_ARGS, chromiumExecutable } from '../e2e/support/browser';
const b = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
const p = await b.newPage({ viewport: { width: 1000, height: 900 } });
await p.setContent(`<html><body style="margin:0">${readFileSync(process.argv[2]!, 'utf8')}</body></html>`);
await p.screenshot({ path: '/tmp/svg.png', fullPage: true });
await b.close();
