// Records the replay codec's round-trip corpus in Chromium with the real recorder (rrweb under
// Spoor's privacy rules) and writes it to packages/replay/test/corpus/<name>.json.gz.
// Run from the repository root: `node packages/replay/scripts/record-corpus.mjs` (about a minute).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { launchChromium } from '../../../test-utils/chromium-launch.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const outDir = join(root, 'packages/replay/test/corpus');
const { renderShop, renderProducts } = await import(join(root, 'bench/page/shop.mjs'));

const recorderJs = (
  await build({
    stdin: {
      contents: `import { createPrivacy } from '@spoor/core';
import { createRrwebRecorder } from './packages/replay/src/index.ts';
window.__corpus = [];
const recording = createRrwebRecorder().start({
  window, document, privacy: createPrivacy(), blockMedia: false,
  emit: (event) => window.__corpus.push(JSON.parse(JSON.stringify(event))),
  reportError: (error) => console.error(error),
});
window.__stopCorpus = () => recording.stop();`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2020',
    conditions: ['@spoor/source'],
    logLevel: 'silent',
  })
).outputFiles[0].text;

const page = (body, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Corpus</title>${head}</head><body>${body}</body></html>`;

const PAGES = {
  '/storm': page('<h1>Storm</h1><ul id="list"></ul>'),
  '/styles': page(
    '<h1 id="title" class="a">Styles</h1><div id="box" style="width:10px">box</div><svg id="svg" width="40" height="40"><circle id="c" cx="10" cy="10" r="5"/></svg>',
    '<style id="sheet">.a{color:red}</style>',
  ),
  '/iframe': page(
    '<h1>Outer</h1><iframe id="frame" src="/frame-inner" width="300" height="120"></iframe><p id="after">after</p>',
  ),
  '/frame-inner': page('<p id="inner">Inside the frame</p><input id="frame-input"><ul id="frame-list"></ul>'),
  '/shadow': page('<h1>Shadow</h1><div id="host"></div><div id="host2"></div>'),
  '/form': page(`<h1>Long form</h1><form id="f">${Array.from(
    { length: 12 },
    (_, i) =>
      `<label>Field ${i} <input id="f${i}" name="f${i}" ${i % 4 === 3 ? 'type="email"' : ''}></label>`,
  ).join('')}
<select id="sel"><option>One</option><option>Two</option><option>Three</option></select>
<label><input id="cb" type="checkbox"> Agree</label><label><input type="radio" name="r" id="r1"> A</label>
<label><input type="radio" name="r" id="r2"> B</label><textarea id="ta"></textarea>
<div id="editor" contenteditable="true">Edit me</div><button type="submit">Send</button></form><p id="status"></p>`),
};

const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
let staticDir = '';
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (path === '/recorder.js') return res.writeHead(200, { 'content-type': MIME['.js'] }).end(recorderJs);
  if (path === '/shop' || path.startsWith('/category/'))
    return res.writeHead(200, { 'content-type': MIME['.html'] }).end(renderShop());
  if (PAGES[path]) return res.writeHead(200, { 'content-type': MIME['.html'] }).end(PAGES[path]);
  if (path.startsWith('/v1/')) return res.writeHead(204).end();
  // An example's build: its files, and index.html for every client-side route.
  const file = normalize(join(staticDir, path));
  let body;
  for (const candidate of [file, join(staticDir, 'index.html')]) {
    try {
      if (body === undefined && candidate.startsWith(staticDir) && staticDir) {
        body = [readFileSync(candidate), MIME[extname(candidate)] ?? 'application/octet-stream'];
      }
    } catch {}
  }
  if (body) res.writeHead(200, { 'content-type': body[1] }).end(body[0]);
  else res.writeHead(404).end();
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launchChromium();

async function record(name, path, scenario) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 700 } });
  const tab = await context.newPage();
  tab.on('pageerror', (error) => console.error(`${name}: ${error.message}`));
  await tab.goto(base + path);
  await tab.addScriptTag({ url: '/recorder.js' });
  await tab.waitForFunction(() => window.__corpus.some((event) => event.type === 2));
  await scenario(tab);
  await tab.waitForTimeout(300);
  const events = await tab.evaluate(() => {
    window.__stopCorpus();
    return window.__corpus;
  });
  await context.close();
  const json = JSON.stringify(events);
  writeFileSync(join(outDir, `${name}.json.gz`), gzipSync(json, { level: 9 }));
  console.log(`${name}: ${events.length} events, ${Math.round(json.length / 1024)} KB raw`);
}

const moveAround = async (tab, steps = 30) => {
  for (let i = 0; i < steps; i++) {
    await tab.mouse.move(50 + ((i * 97) % 900), 60 + ((i * 53) % 600));
    await tab.waitForTimeout(16);
  }
};

mkdirSync(outDir, { recursive: true });

await record('bench-shop', '/shop', async (tab) => {
  for (let s = 0; s < 3; s++) {
    await moveAround(tab, 20);
    await tab.mouse.wheel(0, 400);
    await tab.click('#grid .add');
    await tab.evaluate(() => window.__bench.mutate(40));
    await tab.fill('#checkout input', `hello ${s}`);
    await tab.evaluate(([c, html]) => window.__bench.navigate(c, html), [s + 1, renderProducts(s + 1)]);
    await tab.waitForTimeout(200);
  }
});

await record('mutation-storm', '/storm', async (tab) => {
  await tab.evaluate(async () => {
    const list = document.getElementById('list');
    for (let round = 0; round < 10; round++) {
      for (let i = 0; i < 80; i++) {
        const li = document.createElement('li');
        li.className = `item i${i % 3}`;
        li.innerHTML = `<span>Row ${round}-${i}</span> <b data-n="${i}">${i * round}</b>`;
        list.appendChild(li);
      }
      for (let i = 0; i < 30; i++) list.firstElementChild?.remove();
      list.children[round]?.before(document.createTextNode(`text ${round}`));
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
  });
});

await record('style-attributes', '/styles', async (tab) => {
  await tab.evaluate(async () => {
    const box = document.getElementById('box');
    const sheet = document.getElementById('sheet').sheet;
    for (let i = 0; i < 40; i++) {
      box.style.width = `${10 + i}px`;
      box.style.setProperty('--hue', String(i * 9));
      if (i % 5 === 0) box.style.removeProperty('color');
      else box.style.color = `rgb(${i}, 0, 0)`;
      document.getElementById('title').className = i % 2 ? 'a b' : 'a';
      document.getElementById('title').setAttribute('data-step', String(i));
      if (i % 7 === 0) document.getElementById('title').removeAttribute('data-step');
      document.getElementById('c').setAttribute('r', String(5 + (i % 10)));
      if (i % 4 === 0) sheet.insertRule(`.r${i}{margin:${i}px}`, sheet.cssRules.length);
      if (i % 8 === 4) sheet.deleteRule(0);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
});

await record('iframe', '/iframe', async (tab) => {
  const frame = tab.frameLocator('#frame');
  await frame.locator('#frame-input').fill('typed in a frame');
  await tab.evaluate(() => {
    const doc = document.getElementById('frame').contentDocument;
    for (let i = 0; i < 10; i++)
      doc
        .getElementById('frame-list')
        .append(Object.assign(doc.createElement('li'), { textContent: `frame item ${i}` }));
    document.getElementById('after').textContent = 'changed after';
  });
  await moveAround(tab, 10);
});

await record('shadow-dom', '/shadow', async (tab) => {
  await tab.evaluate(async () => {
    const root = document.getElementById('host').attachShadow({ mode: 'open' });
    root.innerHTML = '<style>p{color:blue}</style><p id="sp">In the shadow</p><input id="si">';
    const inner = root.appendChild(document.createElement('div')).attachShadow({ mode: 'open' });
    inner.innerHTML = '<span>Nested shadow</span>';
    await new Promise((resolve) => setTimeout(resolve, 50));
    for (let i = 0; i < 10; i++) {
      root.getElementById('sp').textContent = `Shadow text ${i}`;
      root.appendChild(document.createElement('em')).textContent = `em ${i}`;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    document.getElementById('host2').attachShadow({ mode: 'open' }).innerHTML = '<b>late shadow</b>';
  });
  await moveAround(tab, 10);
});

await record('long-form', '/form', async (tab) => {
  for (let i = 0; i < 12; i++) {
    await tab.click(`#f${i}`);
    await tab.keyboard.type(`value ${i} typed`, { delay: 5 });
    await moveAround(tab, 3);
  }
  await tab.selectOption('#sel', 'Three');
  await tab.check('#cb');
  await tab.check('#r2');
  await tab.fill('#ta', 'A longer note\nover two lines');
  await tab.click('#editor');
  await tab.keyboard.type(' and more', { delay: 5 });
  for (let i = 0; i < 6; i++) await tab.mouse.wheel(0, i % 2 ? -200 : 300);
  await tab.evaluate(() => {
    document.getElementById('status').textContent = 'Sent';
  });
});

// The three example shops, built as users ship them; browsed without consent (their own tracker
// stays off, the corpus recorder records).
const { build: viteBuild } = await import('vite');
for (const example of ['react-vite', 'vue-vite', 'svelte-vite']) {
  const dir = join(root, 'examples', example);
  staticDir = mkdtempSync(join(tmpdir(), `corpus-${example}-`));
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  process.env.VITE_SPOOR_ENDPOINT = `${base}/v1/collect`;
  await viteBuild({
    root: dir,
    configFile: join(dir, 'vite.config.ts'),
    mode: 'production',
    logLevel: 'warn',
    build: { outDir: staticDir, emptyOutDir: true },
  });
  process.env.NODE_ENV = previous;
  await record(`example-${example}`, '/', async (tab) => {
    const link = async (name, heading) => {
      await tab.getByRole('link', { name, exact: true }).first().click();
      await tab.getByRole('heading', { level: 1, name: heading }).waitFor();
    };
    // Declined: the example's own tracker stays off.
    await tab.getByRole('dialog', { name: 'Cookie consent' }).getByRole('button').nth(1).click();
    await link('Products', 'Products');
    await moveAround(tab, 10);
    await link('Trail mug', 'Trail mug');
    await tab.getByRole('button', { name: 'Add to cart' }).click();
    await link('Go to checkout', 'Checkout');
    const form = tab.getByRole('form', { name: 'Checkout' });
    await form.getByLabel('Full name').fill('Ada Lovelace');
    await form.getByLabel('E-mail').fill('ada@example.com');
    await form.getByLabel('Card number').fill('4242 4242 4242 4242');
    await form.getByLabel('Quantity').fill('3');
    await form.getByLabel('How did you hear about us?').selectOption('podcast');
    await form.getByRole('button', { name: 'Place order' }).click();
    await tab.getByRole('heading', { level: 1, name: 'Thank you!' }).waitFor();
  });
  rmSync(staticDir, { recursive: true, force: true });
}

await browser.close();
server.close();
