/** The demo page and its small controller script (served by serve-demo.ts; strict CSP, no inline script). */

export function renderDemoPage(options: { snippet: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ClipShelf widget demo</title>
<link rel="stylesheet" href="/demo.css">
<script type="module" src="/clip-shelf.js"></script>
<script type="module" src="/demo.js"></script>
</head>
<body>
<header class="page-header">
  <h1>ClipShelf widget demo</h1>
  <p>A shelf of saved articles with <strong>who said what</strong>, embedded with one script tag and fed by a
  feed the ClipShelf extension exports. The sample feed below was made from the articles the project ships,
  through the real capture and analysis pipeline.</p>
</header>
<main>
  <section aria-labelledby="try">
    <h2 id="try">Try it</h2>
    <form class="controls" id="controls">
      <label>View <select name="view"><option value="articles">Articles</option><option value="speakers">Speakers</option><option value="topics">Topics</option></select></label>
      <label>Layout <select name="layout"><option value="list">List</option><option value="compact">Compact</option><option value="cards">Cards</option></select></label>
      <label>Theme <select name="theme"><option value="auto">Auto</option><option value="light">Light</option><option value="dark">Dark</option></select></label>
    </form>
    <clip-shelf id="main-shelf" src="/feed.json" limit="10"></clip-shelf>
    <p class="events" aria-live="polite" id="events"></p>
  </section>
  <section aria-labelledby="views">
    <h2 id="views">Speakers and topics, side by side</h2>
    <div class="grid">
      <clip-shelf src="/feed.json" view="speakers" layout="compact" limit="5"></clip-shelf>
      <clip-shelf src="/feed.json" view="topics" theme="dark" limit="5"></clip-shelf>
    </div>
  </section>
  <section aria-labelledby="embed">
    <h2 id="embed">Embed it on your site</h2>
    <p>Export your feed from the ClipShelf library page ("Export feed"), upload it with <code>clip-shelf.js</code>,
    and paste this where the shelf should appear ("Copy embed code" gives you the same):</p>
    <pre><code id="snippet">${escapeHtml(options.snippet)}</code></pre>
    <button type="button" id="copy">Copy embed code</button>
    <p>Style it with <code>--clip-*</code> custom properties and <code>::part()</code>; see
    <a href="/custom-elements.json">custom-elements.json</a> for the full API.</p>
  </section>
</main>
</body>
</html>
`;
}

export const demoScript = `
const shelf = document.getElementById('main-shelf');
const form = document.getElementById('controls');
form.addEventListener('change', (event) => {
  const { name, value } = event.target;
  shelf.setAttribute(name, value);
});
const log = document.getElementById('events');
document.addEventListener('clip-topic-select', (e) => { log.textContent = 'clip-topic-select: ' + e.detail.topic; });
document.addEventListener('clip-speaker-select', (e) => { log.textContent = 'clip-speaker-select: ' + e.detail.speaker; });
document.getElementById('copy').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(document.getElementById('snippet').textContent);
    document.getElementById('copy').textContent = 'Copied';
  } catch {
    document.getElementById('copy').textContent = 'Select the code and copy it';
  }
});
`;

export const demoStyles = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
body { margin: 0 auto; max-width: 72rem; padding: 1rem 1.25rem 3rem; background: Canvas; color: CanvasText; }
h1 { margin: 0.5rem 0; }
section { margin-top: 2rem; }
.controls { display: flex; flex-wrap: wrap; gap: 0.75rem 1.25rem; margin-bottom: 0.75rem; }
.controls select { margin-left: 0.35rem; font: inherit; }
clip-shelf { border: 1px solid color-mix(in srgb, CanvasText 20%, transparent); }
.grid { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr)); align-items: start; }
pre { overflow-x: auto; padding: 0.75rem 1rem; background: color-mix(in srgb, CanvasText 7%, Canvas); border-radius: 6px; }
.events { min-height: 1.5em; font-size: 0.875rem; }
`;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
