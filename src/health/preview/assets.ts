/**
 * The page's stylesheet and script, served as files (the page's Content-Security-Policy allows
 * scripts and styles from itself only, so nothing inline, a note's included, can ever run).
 * Colours and sizes follow each client's look: Discord's embed (a card with a 4 px coloured left
 * bar, title, description, fields, footer) and Telegram's channel message bubble.
 */

export const PAGE_CSS = `
:root { color-scheme: light; --bg: #f6f7f9; --fg: #1f2328; --muted: #59636e; --line: #d0d7de; --accent: #5865f2;
  --dc-bg: #ffffff; --dc-embed: #f2f3f5; --dc-text: #313338; --dc-head: #060607; --dc-muted: #5c5e66; --dc-link: #006ce7; --dc-code: #ebedef; --dc-quote: #c4c9ce;
  --tg-bg: #99ba92; --tg-bubble: #ffffff; --tg-text: #000000; --tg-link: #3390ec; --tg-muted: #8d969c; --tg-author: #3390ec; --tg-code: #f0f2f4; --tg-spoil: #d7dbe0; }
:root[data-theme="dark"] { color-scheme: dark; --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #30363d;
  --dc-bg: #313338; --dc-embed: #2b2d31; --dc-text: #dbdee1; --dc-head: #f2f3f5; --dc-muted: #949ba4; --dc-link: #00a8fc; --dc-code: #1e1f22; --dc-quote: #4e5058;
  --tg-bg: #0e1621; --tg-bubble: #182533; --tg-text: #f5f5f5; --tg-link: #71baf2; --tg-muted: #6d7f8f; --tg-author: #71baf2; --tg-code: #0f1b27; --tg-spoil: #3a4b5c; }
@media (prefers-color-scheme: dark) { :root:not([data-theme="light"]) { color-scheme: dark; --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #30363d;
  --dc-bg: #313338; --dc-embed: #2b2d31; --dc-text: #dbdee1; --dc-head: #f2f3f5; --dc-muted: #949ba4; --dc-link: #00a8fc; --dc-code: #1e1f22; --dc-quote: #4e5058;
  --tg-bg: #0e1621; --tg-bubble: #182533; --tg-text: #f5f5f5; --tg-link: #71baf2; --tg-muted: #6d7f8f; --tg-author: #71baf2; --tg-code: #0f1b27; --tg-spoil: #3a4b5c; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 14px/1.4 system-ui, -apple-system, "Segoe UI", "Noto Sans", sans-serif; }
.bar { position: sticky; top: 0; z-index: 1; display: flex; gap: 12px; align-items: center; padding: 10px 16px; background: var(--bg); border-bottom: 1px solid var(--line); }
.bar h1 { font-size: 16px; margin: 0; }
.bar input { flex: 1; max-width: 420px; padding: 6px 10px; border: 1px solid var(--line); border-radius: 6px; background: transparent; color: var(--fg); }
.bar button { padding: 6px 10px; border: 1px solid var(--line); border-radius: 6px; background: transparent; color: var(--fg); cursor: pointer; }
#count, #live { color: var(--muted); font-size: 12px; }
main { padding: 8px 16px 40px; }
.note { margin: 16px 0 28px; }
.note-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 12px; margin-bottom: 8px; }
.note-title { font-size: 15px; margin: 0; }
.note-facts { color: var(--muted); font-size: 12px; }
.badge { font-size: 11px; padding: 1px 6px; border-radius: 8px; background: #d29922; color: #000; }
.note-error, .tg-error { color: #cf222e; font-size: 13px; }
.route-name { font-size: 12px; color: var(--muted); margin: 10px 0 4px; }
.panes { display: flex; flex-wrap: wrap; gap: 12px; align-items: flex-start; }
.pane { flex: 1 1 420px; max-width: 600px; border-radius: 8px; padding: 8px 12px 14px; }
.pane-label { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; margin-bottom: 6px; opacity: .7; }
.pane.discord { background: var(--dc-bg); color: var(--dc-text); font-family: "gg sans", "Noto Sans", "Helvetica Neue", Helvetica, Arial, sans-serif; }
.pane.telegram { background: var(--tg-bg); color: var(--tg-text); font-family: Roboto, -apple-system, "Segoe UI", "Noto Sans", sans-serif; }
.pane.discord .pane-label { color: var(--dc-muted); } .pane.telegram .pane-label { color: #fff; }
.dc-message { display: flex; gap: 16px; }
.dc-avatar { flex: none; width: 40px; height: 40px; border-radius: 50%; background: var(--accent); color: #fff; display: flex; align-items: center; justify-content: center; font-weight: 700; }
.dc-body { min-width: 0; flex: 1; }
.dc-head { display: flex; align-items: center; gap: 6px; }
.dc-name { font-weight: 600; color: var(--dc-head); font-size: 15px; }
.dc-app { background: #5865f2; color: #fff; font-size: 10px; font-weight: 600; padding: 0 4px; border-radius: 3px; line-height: 15px; }
.dc-time { color: var(--dc-muted); font-size: 12px; }
.dc-content { white-space: pre-wrap; overflow-wrap: anywhere; }
.dc-embed { margin-top: 4px; max-width: 516px; background: var(--dc-embed); border-left: 4px solid #1e1f22; border-radius: 4px; }
.dc-embed-grid { padding: 8px 16px 16px 12px; display: grid; gap: 8px; }
.dc-embed-title { font-weight: 600; font-size: 16px; color: var(--dc-head); overflow-wrap: anywhere; }
.dc-embed-title a, .dc-message a { color: var(--dc-link); text-decoration: none; }
.dc-embed-description, .dc-field-value { font-size: 14px; white-space: pre-wrap; overflow-wrap: anywhere; }
.dc-fields { display: grid; gap: 8px; }
.dc-field-name { font-weight: 600; font-size: 14px; margin-bottom: 2px; }
.dc-footer { font-size: 12px; color: var(--dc-muted); display: flex; gap: 4px; }
.dc-message code.inline { background: var(--dc-code); padding: 0 .2em; border-radius: 3px; font-size: 85%; font-family: Consolas, "Andale Mono", monospace; white-space: pre-wrap; }
.dc-message pre.codeblock { background: var(--dc-code); border: 1px solid var(--dc-quote); border-radius: 4px; padding: .5em; margin: 4px 0; white-space: pre-wrap; font-size: 12px; }
.dc-message blockquote { margin: 0; padding: 0 8px 0 12px; border-left: 4px solid var(--dc-quote); border-radius: 4px; }
.dc-message h1, .dc-message h2, .dc-message h3 { margin: 8px 0 4px; color: var(--dc-head); line-height: 1.25; }
.dc-message h1 { font-size: 24px; } .dc-message h2 { font-size: 20px; } .dc-message h3 { font-size: 16px; }
.dc-message small.subtext { display: block; font-size: 12px; color: var(--dc-muted); }
.dc-message ul, .dc-message ol { margin: 4px 0 4px 16px; padding-left: 16px; white-space: normal; }
.dc-message li.nested { margin-left: 16px; }
.dc-message .spoiler, .tg-message .spoiler { background: #1e1f22; color: transparent; border-radius: 3px; cursor: pointer; }
.dc-message .spoiler.revealed { background: rgba(128,128,128,.2); color: inherit; }
.tg-message .spoiler { background: var(--tg-spoil); }
.tg-message .spoiler.revealed { background: transparent; color: inherit; }
.tg-message { display: flex; }
.tg-bubble { position: relative; max-width: 480px; background: var(--tg-bubble); border-radius: 12px 12px 12px 4px; padding: 6px 10px 18px; box-shadow: 0 1px 2px rgba(16,35,47,.15); font-size: 15px; line-height: 1.35; }
.tg-author { color: var(--tg-author); font-weight: 600; font-size: 14px; margin-bottom: 2px; }
.tg-text { white-space: pre-wrap; overflow-wrap: anywhere; }
.tg-text a { color: var(--tg-link); text-decoration: none; }
.tg-text code.inline { font-family: "Roboto Mono", Menlo, monospace; font-size: 14px; color: inherit; }
.tg-text pre.codeblock { background: var(--tg-code); padding: 6px 8px; border-radius: 6px; white-space: pre-wrap; margin: 4px 0; }
.tg-text blockquote { margin: 2px 0; padding: 2px 8px; border-left: 3px solid var(--tg-link); border-radius: 4px; background: color-mix(in srgb, var(--tg-link) 10%, transparent); }
.tg-preview { margin-top: 6px; padding: 2px 8px; border-left: 3px solid var(--tg-link); border-radius: 4px; background: color-mix(in srgb, var(--tg-link) 10%, transparent); font-size: 13px; }
.tg-preview-site { color: var(--tg-link); font-weight: 600; }
.tg-preview-url { color: var(--tg-muted); overflow-wrap: anywhere; }
.tg-time { position: absolute; right: 10px; bottom: 3px; font-size: 12px; color: var(--tg-muted); }
.note[hidden] { display: none; }
`;

export const PAGE_JS = `
(() => {
  'use strict';
  const root = document.documentElement;
  const notes = document.getElementById('notes');
  const q = document.getElementById('q');
  const count = document.getElementById('count');
  const live = document.getElementById('live');
  const themeButton = document.getElementById('theme');

  function applyFilter() {
    const words = q.value.toLowerCase().split(/\\s+/).filter(Boolean);
    let shown = 0, all = 0;
    for (const s of notes.querySelectorAll('section.note')) {
      all++;
      const hay = s.dataset.search || '';
      const ok = words.every((w) => hay.includes(w));
      s.hidden = !ok;
      if (ok) shown++;
    }
    count.textContent = shown + ' of ' + all + ' notes';
  }
  // The embed's bar colour comes from the payload's colour (a number the server formats as #rrggbb).
  function applyColours() {
    for (const e of notes.querySelectorAll('.dc-embed[data-color]')) {
      if (/^#[0-9a-f]{6}$/.test(e.dataset.color)) e.style.borderLeftColor = e.dataset.color;
    }
  }
  function setTheme(t) {
    if (t) root.dataset.theme = t; else delete root.dataset.theme;
    try { if (t) localStorage.setItem('notecast-theme', t); else localStorage.removeItem('notecast-theme'); } catch (e) {}
    themeButton.textContent = 'Theme: ' + (t || 'system');
  }
  themeButton.addEventListener('click', () => {
    const now = root.dataset.theme || (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
    setTheme(now === 'dark' ? 'light' : 'dark');
  });
  let saved = null;
  try { saved = localStorage.getItem('notecast-theme'); } catch (e) {}
  setTheme(saved === 'dark' || saved === 'light' ? saved : null);
  notes.addEventListener('click', (ev) => {
    const s = ev.target.closest && ev.target.closest('.spoiler');
    if (s) s.classList.toggle('revealed');
  });
  q.addEventListener('input', applyFilter);
  applyFilter();
  applyColours();

  let fetching = Promise.resolve();
  function refresh(version) {
    fetching = fetching.then(() => fetch(location.pathname.replace(/\\/$/, '') + '/cards', { cache: 'no-store' }))
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(String(r.status)))))
      .then((html) => {
        // The fragment is the server's own escaped markup (tree.ts), as the first page was.
        notes.innerHTML = html;
        applyFilter();
        applyColours();
        root.dataset.version = String(version);
        live.textContent = 'updated ' + new Date().toLocaleTimeString();
      })
      .catch((e) => { live.textContent = 'update failed: ' + e.message; });
  }
  const events = new EventSource(location.pathname.replace(/\\/$/, '') + '/events');
  events.addEventListener('hello', (ev) => {
    live.textContent = 'live';
    if (root.dataset.version !== ev.data) refresh(ev.data);
  });
  events.addEventListener('notes', (ev) => refresh(ev.data));
  events.onerror = () => { live.textContent = 'reconnecting…'; };
})();
`;
