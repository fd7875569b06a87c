// Loads each HTML pack given on the command line in headless Chromium and runs axe-core's WCAG 2.0,
// 2.1 and 2.2 A and AA rules on it. Prints one JSON line per file: {"file", "violations": [...]}.
// With --screenshot FILE.html::CSS-SELECTOR=OUT.png, also saves a picture of the first element it selects.
// Exit 0 when it ran (violations or not), 2 when it could not run.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const files = [];
const shots = [];
for (let i = 2; i < process.argv.length; i++) {
  if (process.argv[i] === '--screenshot') {
    const spec = process.argv[++i];
    const target = spec.substring(0, spec.lastIndexOf('='));
    const out = spec.substring(spec.lastIndexOf('=') + 1);
    const at = target.indexOf('::');
    const file = target.substring(0, at);
    const selector = target.substring(at + 2);
    shots.push({ file, selector, out });
  } else {
    files.push(process.argv[i]);
  }
}
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
let browser;
try {
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  for (const file of files) {
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.addScriptTag({ content: axeSource });
    const results = await page.evaluate(async () => await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    }));
    const violations = results.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')), count: v.nodes.length,
    }));
    console.log(JSON.stringify({ file, axe: results.testEngine.version, violations }));
    for (const shot of shots.filter(s => s.file === file)) {
      await page.locator(shot.selector).first().screenshot({ path: shot.out });
    }
  }
} catch (e) {
  console.error('axe-check: ' + e.message);
  process.exit(2);
} finally {
  if (browser) await browser.close();
}
