// roneo studio: the page. Plain JavaScript, nothing fetched from elsewhere.
'use strict';

const params = new URLSearchParams(location.search);
const token = params.get('token') || '';
const $ = (id) => document.getElementById(id);
let S = {};            // the page's strings, in the browser's language
let controller = null; // the render under way, aborted when a new one starts
let timer = 0;
let urls = [];
let kind = 'flyer';
let csvFile = null;    // the batch's CSV file, dropped or chosen
let layouts = [];
let errorLine = 0;     // the line of the copy's error, marked beside the text
let usedLayout = '';   // the layout the last check used: the copy's, else the default
// a tract's copy (flyer and batch) and a banner's slogan, each kept when the other is shown
const texts = { copy: '# Sauvons nos guichets\n\nLe bureau de poste du quartier ferme le samedi matin.\n',
                banner: 'Ça coûte cher\n' };
const names = { copy: 'tract.md', banner: 'slogan.txt' };
let shown = 'copy';
let unsaved = false;   // the copy typed since it was opened or saved
// each language in its own words, as language pickers say them
const endonyms = { fr: 'français', en: 'English', de: 'Deutsch' };

function api(path, options = {}) {
  options.headers = Object.assign({ 'Authorization': 'Bearer ' + token }, options.headers || {});
  return fetch(path, options);
}

// "%u sheets, %u rows" with 54, 4; "%s" with a text
function fmt(text, ...values) {
  let i = 0;
  return text.replace(/%[us]/g, () => String(values[i++]));
}

function say(key, fallback, ...values) { return fmt(S[key] || fallback, ...values); }

function query(extra) {
  const q = new URLSearchParams(extra);
  q.set('kind', kind);
  if ($('layout').value) q.set('layout', $('layout').value);
  if ($('lang').value) q.set('lang', $('lang').value);
  if ($('name').value) q.set('name', $('name').value);
  if (kind === 'banner') {
    q.set('size', $('size').value.replace(/\s+/g, ''));
    q.set('sheet', $('sheet').value);
    if ($('margin').value.trim()) q.set('printer-margin', $('margin').value.trim());
  }
  if (kind === 'batch') q.set('copies', $('copies').value || '1');
  return q;
}

function body() {
  if (kind !== 'batch' || !csvFile) return $('copy').value;
  const form = new FormData();
  form.append('copy', $('copy').value);
  form.append('csv', csvFile);
  return form;
}

/* --- the copy's lines: selected, and the error's marked ------------------- */

function lineRange(text, line) {
  let start = 0;
  for (let i = 1; i < line; i++) {
    const next = text.indexOf('\n', start);
    if (next < 0) break;
    start = next + 1;
  }
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  return [start, end];
}

function showLine(line) {
  const [start, end] = lineRange($('copy').value, line);
  $('copy').focus();
  $('copy').setSelectionRange(start, end);
  // scroll the line into view: the share of the text before it
  const before = $('copy').value.slice(0, start).split('\n').length - 1;
  const lines = $('copy').value.split('\n').length;
  $('copy').scrollTop = Math.max(0, $('copy').scrollHeight * before / lines - 40);
  syncBackdrop();
}

// The backdrop behind the (transparent) textarea: the same text, wrapped the
// same way, with the error's line marked.
function paintBackdrop() {
  const text = $('copy').value;
  const box = $('backdrop');
  box.replaceChildren();
  if (!errorLine) return;
  const [start, end] = lineRange(text, errorLine);
  const mark = document.createElement('mark');
  mark.textContent = text.slice(start, end) || ' ';
  box.append(text.slice(0, start), mark, text.slice(end) + '\n');
  syncBackdrop();
}

function syncBackdrop() {
  $('backdrop').style.width = $('copy').clientWidth + 'px';
  $('backdrop').scrollTop = $('copy').scrollTop;
}

/* --- the check: problems, counts, fields ---------------------------------- */

function problemItem(w) {
  const li = document.createElement('li');
  li.className = w.error ? 'error' : 'warning';
  const tag = document.createElement('span');
  tag.className = 'tag';
  tag.textContent = w.error ? say('error', 'Error') : say('warning', 'Warning');
  const where = document.createElement('span');
  where.className = 'where';
  where.textContent = w.line ? say('line_label', 'line %u:', w.line) : '';
  li.append(tag, ' ', where, w.line ? ' ' : '', w.message);
  if (w.line) {
    li.classList.add('has-line');
    li.dataset.line = w.line;
    li.tabIndex = 0;
    li.addEventListener('click', () => showLine(w.line));
    li.addEventListener('keydown', (e) => { if (e.key === 'Enter') showLine(w.line); });
  }
  return li;
}

function listProblems(check) {
  const items = check.warnings.slice();
  if (check.error) items.unshift(Object.assign({ error: true }, check.error));
  const list = items.map(problemItem);
  if (!items.length) {
    const li = document.createElement('li');
    li.className = 'none';
    li.textContent = say('no_warnings', 'No warnings');
    list.push(li);
  }
  $('warnings').replaceChildren(...list);
  errorLine = check.error && check.error.line ? check.error.line : 0;
  const problem = $('problem');
  problem.hidden = !check.error;
  if (check.error)
    problem.textContent = errorLine ? say('error_at', 'Error at line %u: see below the copy', errorLine)
                                    : say('error_here', 'Error: see below the copy');
  $('copy-box').classList.toggle('has-error', !!check.error);
  paintBackdrop();
}

function countWords(check) {
  if (kind === 'banner')
    return check.rows === 1 ? say('sheets_row', '%u sheets, 1 row', check.pages)
                            : say('sheets_rows', '%u sheets, %u rows', check.pages, check.rows);
  const one = kind === 'flyer' ? say('one_page', '1 page') : say('one_sheet', '1 sheet');
  const many = kind === 'flyer' ? S.pages || '%u pages' : S.sheets || '%u sheets';
  return check.pages === 1 ? one : fmt(many, check.pages);
}

function showFields(check) {
  const chips = (check.fields || []).map((name) => {
    const chip = document.createElement('span');
    chip.className = 'chip';
    chip.textContent = name;
    return chip;
  });
  $('fields').replaceChildren(...chips);
  $('chips-row').hidden = !chips.length;
}

/* --- the preview ---------------------------------------------------------- */

function caption(page) {
  if (kind === 'banner')
    return page === 1 ? say('banner_caption', 'The banner') : say('cover_caption', 'The cover: the sheets and their order');
  return fmt(kind === 'flyer' ? S.page_n || 'Page %u' : S.sheet_n || 'Sheet %u', page);
}

function showImages(images) {
  for (const url of urls) URL.revokeObjectURL(url);
  urls = images;
  const figures = images.map((src, i) => {
    const figure = document.createElement('figure');
    const img = new Image();
    img.src = src;
    img.alt = caption(i + 1);
    const text = document.createElement('figcaption');
    text.textContent = caption(i + 1);
    figure.append(img, text);
    return figure;
  });
  const preview = $('preview');
  preview.replaceChildren(...figures);
  preview.className = kind;
  preview.dataset.generation = String(Number(preview.dataset.generation) + 1);
}

async function render() {
  if (controller) controller.abort();
  controller = new AbortController();
  const signal = controller.signal;
  clearTimeout(timer);
  delete $('preview').dataset.pending;
  $('status').textContent = say('rendering', 'Rendering…');
  $('preview').classList.add('busy');
  try {
    const q = query({ dpi: '96' });
    const check = await (await api('/api/check?' + q, { method: 'POST', body: body(), signal })).json();
    listProblems(check);
    showFields(check);
    if (check.layout) usedLayout = check.layout;
    describeLayout();
    const images = [];
    for (let page = 1; page <= check.proofs; page++) {
      q.set('page', page);
      const answer = await api('/api/preview?' + q, { method: 'POST', body: body(), signal });
      if (!answer.ok) break;
      images.push(URL.createObjectURL(await answer.blob()));
    }
    $('preview').classList.remove('busy');
    if (check.error && !images.length) {
      $('status').textContent = say('not_made', 'Not made: see the error');
      $('preview').classList.add('stale');
      return;
    }
    $('preview').classList.remove('stale');
    showImages(images);
    $('status').textContent = countWords(check);
  } catch (e) {
    if (e.name !== 'AbortError') {
      $('status').textContent = String(e);
      $('preview').classList.remove('busy');
    }
  }
}

// Renders 150 ms after the last change; until then the preview says it is pending.
function later() {
  clearTimeout(timer);
  $('preview').dataset.pending = 'yes';
  timer = setTimeout(render, 150);
}

/* --- download and print --------------------------------------------------- */

async function download() {
  const answer = await api('/api/' + kind + '?' + query({}), { method: 'POST', body: body() });
  if (!answer.ok) { $('status').textContent = (await answer.json()).message; return; }
  const a = document.createElement('a');
  a.href = URL.createObjectURL(await answer.blob());
  a.download = ($('name').value || 'roneo').replace(/\.[^.]*$/, '') + '.pdf';
  document.body.append(a);
  a.click();
  a.remove();
}

function printWords(state) {
  if (state.error) return say('print_failed', 'Not printed: %s', state.error.message);
  switch (state.state) {
  case 'rendering': return say('print_rendering', 'Preparing the job…');
  case 'pending': case 'held': return say('print_waiting', 'Waiting for the printer…');
  case 'processing': return say('print_printing', 'Printing…');
  case 'completed': return say('print_done', 'Printed');
  default: return state.final ? say('print_failed', 'Not printed: %s', state.state)
                              : say('print_waiting', 'Waiting for the printer…');
  }
}

async function follow(id) {
  let state;
  try {
    state = await (await api('/api/print/' + id)).json();
  } catch (e) {
    state = { final: true, error: { message: String(e) } };
  }
  const line = $('print-state');
  line.textContent = printWords(state);
  line.className = state.final ? (state.error ? 'failed' : 'done') : 'working';
  if (!state.final) setTimeout(() => follow(id), 500);
  else $('print').disabled = false;
}

async function print() {
  const extra = { queue: $('printer').value, 'two-sided': $('two-sided').checked ? '1' : '0' };
  const q = query(extra);
  if (kind !== 'batch') q.set('copies', $('print-copies').value || '1');
  $('print').disabled = true;
  $('print-state').className = 'working';
  $('print-state').textContent = say('print_rendering', 'Preparing the job…');
  const answer = await (await api('/api/print?' + q, { method: 'POST', body: body() })).json();
  if (answer.id) return follow(answer.id);
  $('print').disabled = false;
  $('print-state').className = 'failed';
  $('print-state').textContent = say('print_failed', 'Not printed: %s', answer.message);
}

// The CUPS default if the server names one, else the first queue whose name
// does not say it is out of order.
function pickPrinter(printers) {
  if (printers.default && printers.printers.includes(printers.default)) return printers.default;
  const working = printers.printers.filter((p) => !/broken|kaputt|defekt|panne|hs\b|out.?of.?order/i.test(p));
  return working.length ? working[0] : printers.printers[0];
}

/* --- the pickers ---------------------------------------------------------- */

// Under the picker, the description of the chosen layout, or of the one the
// copy names (else the default), which the empty choice names too.
function describeLayout() {
  const name = $('layout').value || usedLayout;
  const chosen = layouts.find((l) => l.name === name);
  $('layout-desc').textContent = chosen ? chosen.description : say('copy_layout_hint', 'The layout the copy names, else the default one.');
  $('layout').options[0].textContent = usedLayout ? say('copy_lang', 'as the copy says (%s)', usedLayout)
                                                  : say('copy_layout', '(the copy’s own)');
}

// The language the copy's front matter gives ("lang: de"), else French.
function copyLang() {
  const text = $('copy').value;
  if (kind !== 'banner' && text.startsWith('---')) {
    const end = text.indexOf('\n---', 3);
    const front = end > 0 ? text.slice(0, end) : '';
    const found = /^lang:\s*["']?([A-Za-z]{2})/m.exec(front);
    if (found) return found[1].toLowerCase();
  }
  return 'fr';
}

function nameCopyLang() {
  const lang = copyLang();
  $('lang-copy').textContent = say('copy_lang', 'as the copy says (%s)', endonyms[lang] || lang);
}

function fillLayouts() {
  const none = new Option(say('copy_layout', '(the copy’s own)'), '');
  $('layout').replaceChildren(none, ...layouts.map((l) => {
    const o = new Option(l.name, l.name);
    o.dataset.kind = l.kind;
    return o;
  }));
}

async function fillFiles() {
  const files = (await (await api('/api/files')).json()).filter((f) => /^text/.test(f.type));
  $('files').replaceChildren(...files.map((f) => new Option(f.name, f.name)));
  if (!files.length) $('files').append(new Option(say('no_files', '(no text file yet)'), ''));
  $('files').disabled = $('open').disabled = !files.length;
  if (files.some((f) => f.name === $('name').value)) $('files').value = $('name').value;
}

async function fill() {
  S = await (await api('/api/strings')).json();
  for (const el of document.querySelectorAll('[data-s]')) if (S[el.dataset.s]) el.textContent = S[el.dataset.s];
  document.title = S.title || document.title;
  layouts = (await (await api('/api/layouts')).json()).layouts;
  fillLayouts();
  await fillFiles();
  const printers = await (await api('/api/printers')).json();
  $('printer').replaceChildren(...printers.printers.map((p) => new Option(p, p)));
  if (printers.printers.length) $('printer').value = pickPrinter(printers);
  else {
    $('print').disabled = true;
    $('print-state').textContent = say('no_printer', 'No printer found');
  }
}

async function openFile(given) {
  const name = typeof given === 'string' ? given : $('files').value;
  if (!name) return;
  const answer = await api('/api/file?name=' + encodeURIComponent(name));
  if (!answer.ok) { $('status').textContent = (await answer.json()).message; return; }
  $('copy').value = await answer.text();
  unsaved = false;
  $('name').value = name;
  $('files').value = name;
  nameCopyLang();
  render();
}

async function save() {
  const answer = await api('/api/file?name=' + encodeURIComponent($('name').value),
                           { method: 'POST', body: $('copy').value });
  $('saved').textContent = answer.ok ? say('saved', 'Saved') : (await answer.json()).message;
  if (answer.ok) { fillFiles(); unsaved = false; }
}

// The studio started from the applications menu has no terminal to stop it in.
async function stop() {
  if (!window.confirm(say('stop_confirm', 'Stop the studio?'))) return;
  const answer = await api('/api/stop', { method: 'POST' });
  if (!answer.ok) return;
  unsaved = false;
  document.body.className = 'stopped';
  document.body.replaceChildren();
  const p = document.createElement('p');
  p.id = 'stopped';
  p.textContent = say('stopped', 'The studio is stopped: you can close this tab.');
  document.body.append(p);
}

function setKind(wanted) {
  kind = wanted;
  document.body.className = kind;
  for (const tab of document.querySelectorAll('#kinds [role=tab]'))
    tab.setAttribute('aria-selected', String(tab.dataset.kind === kind));
  for (const o of $('layout').options)
    o.hidden = o.value && (o.dataset.kind === 'banner') !== (kind === 'banner');
  $('layout').value = '';
  usedLayout = '';
  describeLayout();
  const text = kind === 'banner' ? 'banner' : 'copy';
  if (text !== shown) {
    texts[shown] = $('copy').value;
    names[shown] = $('name').value;
    $('copy').value = texts[text];
    $('name').value = names[text];
    shown = text;
  }
  nameCopyLang();
  render();
}

/* --- the batch's CSV file ------------------------------------------------- */

function takeCsv(file) {
  if (!file) return;
  csvFile = file;
  $('drop-name').textContent = file.name;
  $('drop').classList.add('loaded');
  render();
}

function watchDrop() {
  // a file dropped beside the zone must not replace the page (and the copy with it)
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => {
    e.preventDefault();
    if (kind === 'batch' && e.dataTransfer.files.length) takeCsv(e.dataTransfer.files[0]);
  });
  const zone = $('drop');
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    e.stopPropagation();
    zone.classList.remove('over');
    takeCsv(e.dataTransfer.files[0]);
  });
  $('csv').addEventListener('change', () => takeCsv($('csv').files[0]));
}

document.addEventListener('DOMContentLoaded', async () => {
  $('copy').value = texts.copy;
  for (const id of ['copy', 'size', 'margin', 'copies', 'name']) $(id).addEventListener('input', later);
  $('copy').addEventListener('input', () => {
    nameCopyLang(); paintBackdrop(); $('saved').textContent = ''; unsaved = true;
  });
  // closing the tab with copy typed and not saved asks first
  window.addEventListener('beforeunload', (e) => { if (unsaved) { e.preventDefault(); e.returnValue = ''; } });
  $('copy').addEventListener('scroll', syncBackdrop);
  window.addEventListener('resize', paintBackdrop);
  $('layout').addEventListener('change', () => { describeLayout(); render(); });
  for (const id of ['lang', 'sheet']) $(id).addEventListener('change', render);
  const tabs = [...document.querySelectorAll('#kinds [role=tab]')];
  for (const tab of tabs) {
    tab.addEventListener('click', () => setKind(tab.dataset.kind));
    tab.addEventListener('keydown', (e) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
      if (!step) return;
      const next = tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length];
      next.focus();
      setKind(next.dataset.kind);
    });
  }
  watchDrop();
  $('download').addEventListener('click', download);
  $('print').addEventListener('click', print);
  $('open').addEventListener('click', openFile);
  $('save').addEventListener('click', save);
  $('stop').addEventListener('click', stop);
  await fill();
  // ?file=NAME opens a file of the folder, ?kind=banner|batch starts in that mode
  setKind(['flyer', 'banner', 'batch'].includes(params.get('kind')) ? params.get('kind') : 'flyer');
  if (params.get('file')) openFile(params.get('file'));
});
