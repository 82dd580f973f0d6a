import { chromium } from '@playwright/test';
const base = 'http://localhost:3290';
const pages = JSON.parse(process.argv[2]);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (const [name, who, path] of pages) {
  const token = (await (await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: who, password: 'Konkurs-demo-2026' }) })).json()).token;
  for (const width of [1280, 390]) {
    const ctx = await browser.newContext({ viewport: { width, height: 900 } });
    await ctx.addInitScript((t) => localStorage.setItem('konkurs.token', t), token);
    const page = await ctx.newPage();
    await page.goto(base + path);
    await page.waitForTimeout(2500);
    await page.screenshot({ path: `/tmp/shots/${name}-${width}.png`, fullPage: true });
    const sw = await page.evaluate(() => document.documentElement.scrollWidth);
    console.log(name, width, 'scrollWidth', sw);
    await ctx.close();
  }
}
await browser.close();
