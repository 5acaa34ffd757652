import { createServer } from 'node:http';
import { buildAttackPages } from '../fixtures/attacks/attack-page';
import { ATTACK_VECTORS } from '../fixtures/attacks/vectors';
import { launchExtension } from './helpers/launch-extension';
const which = Number(process.argv[2] ?? 8);
const only = process.argv[3] ? process.argv[3].split(',').map(Number) : null;
const server = createServer((req, res) => { res.writeHead(200, { 'content-type': 'text/html' }).end(html); });
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${(server.address() as any).port}`;
let vs = buildAttackPages(ATTACK_VECTORS, 12, origin)[which - 1]!.vectors;
if (only) vs = ATTACK_VECTORS.filter(v => only.includes(v.id));
const { buildAttackPage } = await import('../fixtures/attacks/attack-page');
const html = buildAttackPage(vs, which, origin).html.replace('<head>', '<head><script>window.__clipCanary=function(){}</script>');
const s = await launchExtension();
s.serviceWorker.on('console', (m) => console.log('SW:', m.text()));
try {
  const tab = await s.context.newPage();
  const url = `${origin}/news/attack-${which}`;
  await tab.goto(url, { waitUntil: 'domcontentloaded' });
  await tab.bringToFront();
  const popup = await s.clickToolbar(url);
  for (let i = 0; i < 8; i++) {
    await new Promise((r) => setTimeout(r, 500));
    const st = await popup.evaluate(`(() => { const r = document.querySelector('clip-popup')?.shadowRoot; const s = r?.querySelector('.state'); return s ? s.dataset.kind + ' ' + s.textContent.trim().slice(0,200) : 'no state: ' + (r ? r.innerHTML.slice(0, 300) : document.body.innerHTML.slice(0,300)); })()`).catch((e) => 'ERR ' + e.message);
    console.log(i, st);
    if (typeof st === 'string' && /^(saved|failed|not-article|unsupported|updated)/.test(st)) break;
  }
} finally { await s.close(); server.close(); }
