// roneo studio: the page. Plain JavaScript, nothing fetched from elsewhere.
'use strict';

const params = new URLSearchParams(location.search);
const token = params.get('token') || '';
const $ = (id) => document.getElementById(id);
let S = {};            // the page's strings, in the browser's language
let controller = null; // the render under way, aborted when a new one starts
let timer = 0;
let urls = [];
// a tract's copy (flyer and batch) and a banner's slogan, each kept when the other is shown
const texts = { copy: '# Sauvons nos guichets\n\nLe bureau de poste du quartier ferme le samedi matin.\n',
                banner: 'Ça coûte cher\n' };
const names = { copy: 'tract.md', banner: 'slogan.txt' };
let shown = 'copy';

function api(path, options = {}) {
  options.headers = Object.assign({ 'Authorization': 'Bearer ' + token }, options.headers || {});
  return fetch(path, options);
}

function fmt(text, n) { return text.replace('%u', n); }

function query(extra) {
  const q = new URLSearchParams(extra);
  const kind = $('kind').value;
  q.set('kind', kind);
  if ($('layout').value) q.set('layout', $('layout').value);
  if ($('lang').value) q.set('lang', $('lang').value);
  if ($('name').value) q.set('name', $('name').value);
  if (kind === 'banner') { q.set('size', $('size').value); q.set('sheet', $('sheet').value); }
  if (kind === 'batch') q.set('copies', $('copies').value || '1');
  return q;
}

function body() {
  const file = $('csv').files[0];
  if ($('kind').value !== 'batch' || !file) return $('copy').value;
  const form = new FormData();
  form.append('copy', $('copy').value);
  form.append('csv', file);
  return form;
}

function showLine(line) {
  const text = $('copy').value;
  let start = 0;
  for (let i = 1; i < line && start >= 0; i++) start = text.indexOf('\n', start) + 1;
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  $('copy').focus();
  $('copy').setSelectionRange(start, end);
}

function listProblems(check) {
  const list = $('warnings');
  list.replaceChildren();
  const items = check.warnings.slice();
  if (check.error) items.unshift(Object.assign({ error: true }, check.error));
  for (const w of items) {
    const li = document.createElement('li');
    li.textContent = (w.line ? fmt(S.line || 'line %u', w.line) + ': ' : '') + w.message;
    if (w.error) li.className = 'error';
    if (w.line) li.addEventListener('click', () => showLine(w.line));
    list.append(li);
  }
  if (!items.length) {
    const li = document.createElement('li');
    li.textContent = S.no_warnings || 'No warnings';
    list.append(li);
  }
}

async function render() {
  if (controller) controller.abort();
  controller = new AbortController();
  const signal = controller.signal;
  $('status').textContent = S.rendering || 'Rendering…';
  try {
    const q = query({ dpi: '96' });
    const check = await (await api('/api/check?' + q, { method: 'POST', body: body(), signal })).json();
    listProblems(check);
    $('fields').textContent = check.fields ? (S.fields || 'Fields') + ': ' + check.fields.join(', ') : '';
    const images = [];
    for (let page = 1; page <= check.proofs; page++) {
      q.set('page', page);
      const answer = await api('/api/preview?' + q, { method: 'POST', body: body(), signal });
      if (!answer.ok) break;
      images.push(URL.createObjectURL(await answer.blob()));
    }
    if (check.error && !images.length) { $('status').textContent = check.error.message; return; }
    for (const url of urls) URL.revokeObjectURL(url);
    urls = images;
    $('preview').replaceChildren(...images.map((src) => Object.assign(new Image(), { src })));
    const one = $('kind').value === 'flyer' ? S.one_page : S.one_sheet;
    const many = $('kind').value === 'flyer' ? S.pages : S.sheets;
    $('status').textContent = check.pages === 1 ? one : fmt(many, check.pages);
  } catch (e) {
    if (e.name !== 'AbortError') $('status').textContent = String(e);
  }
}

function later() { clearTimeout(timer); timer = setTimeout(render, 150); }

async function download() {
  const answer = await api('/api/' + $('kind').value + '?' + query({}), { method: 'POST', body: body() });
  if (!answer.ok) { $('status').textContent = (await answer.json()).message; return; }
  const a = document.createElement('a');
  a.href = URL.createObjectURL(await answer.blob());
  a.download = ($('name').value || 'roneo').replace(/\.[^.]*$/, '') + '.pdf';
  a.click();
}

async function follow(id) {
  const state = await (await api('/api/print/' + id)).json();
  $('print-state').textContent = state.error ? state.error.message : state.state;
  if (!state.final) setTimeout(() => follow(id), 500);
}

async function print() {
  const q = query({ queue: $('printer').value, 'two-sided': $('two-sided').checked ? '1' : '0' });
  const answer = await (await api('/api/print?' + q, { method: 'POST', body: body() })).json();
  if (answer.id) follow(answer.id); else $('print-state').textContent = answer.message;
}

async function fill() {
  S = await (await api('/api/strings')).json();
  for (const el of document.querySelectorAll('[data-s]')) if (S[el.dataset.s]) el.textContent = S[el.dataset.s];
  const layouts = (await (await api('/api/layouts')).json()).layouts;
  const none = new Option(S.copy_layout || '(the copy’s own)', '');
  $('layout').replaceChildren(none, ...layouts.map((l) => {
    const o = new Option(l.name + ' — ' + l.description, l.name);
    o.dataset.kind = l.kind;
    return o;
  }));
  const files = await (await api('/api/files')).json();
  $('files').replaceChildren(...files.filter((f) => /^text/.test(f.type)).map((f) => new Option(f.name, f.name)));
  const printers = await (await api('/api/printers')).json();
  $('printer').replaceChildren(...printers.printers.map((p) => new Option(p, p)));
  if (!printers.printers.length) $('print-state').textContent = S.no_printer || 'No printer found';
}

async function open(given) {
  const name = typeof given === 'string' ? given : $('files').value;
  if (!name) return;
  const answer = await api('/api/file?name=' + encodeURIComponent(name));
  if (!answer.ok) { $('status').textContent = (await answer.json()).message; return; }
  $('copy').value = await answer.text();
  $('name').value = name;
  $('files').value = name;
  render();
}

async function save() {
  const answer = await api('/api/file?name=' + encodeURIComponent($('name').value),
                           { method: 'POST', body: $('copy').value });
  $('saved').textContent = answer.ok ? (S.saved || 'Saved') : (await answer.json()).message;
}

function setKind() {
  document.body.className = $('kind').value;
  for (const o of $('layout').options)
    o.hidden = o.value && (o.dataset.kind === 'banner') !== ($('kind').value === 'banner');
  $('layout').value = '';
  const wanted = $('kind').value === 'banner' ? 'banner' : 'copy';
  if (wanted !== shown) {
    texts[shown] = $('copy').value;
    names[shown] = $('name').value;
    $('copy').value = texts[wanted];
    $('name').value = names[wanted];
    shown = wanted;
  }
  render();
}

document.addEventListener('DOMContentLoaded', async () => {
  $('copy').value = texts.copy;
  for (const id of ['copy', 'size', 'sheet', 'copies', 'name']) $(id).addEventListener('input', later);
  for (const id of ['layout', 'lang', 'csv']) $(id).addEventListener('change', render);
  $('kind').addEventListener('change', setKind);
  $('download').addEventListener('click', download);
  $('print').addEventListener('click', print);
  $('open').addEventListener('click', open);
  $('save').addEventListener('click', save);
  await fill();
  // ?file=NAME opens a file of the folder, ?kind=banner|batch starts in that mode
  if (['flyer', 'banner', 'batch'].includes(params.get('kind'))) $('kind').value = params.get('kind');
  setKind();
  if (params.get('file')) open(params.get('file'));
});
