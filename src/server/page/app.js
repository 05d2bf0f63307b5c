// factlint page: sends an article to the factlint server and shows what it found.
// Plain ES module, no build step. Article text only ever reaches the page through
// textContent, setAttribute and text nodes, never through innerHTML.

const DATE_PATTERN = /^\d{4}(-\d{2}(-\d{2})?)?(\/\d{4}(-\d{2}(-\d{2})?)?)?$/;
const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const FRONT_MATTER_DATE = /^date:[ \t]*["']?(\d{4}(?:-\d{2}(?:-\d{2})?)?(?:\/\d{4}(?:-\d{2}(?:-\d{2})?)?)?)/m;
// The publication dates an HTML export carries, as the server reads them (src/article/html.ts).
const PUBLISHED_META = [
  'article:published_time',
  'og:article:published_time',
  'date',
  'dc.date',
  'dc.date.issued',
  'dcterms.date',
  'dcterms.created',
  'pubdate',
  'publish-date',
  'publication_date',
  'datepublished',
  'parsely-pub-date',
  'sailthru.date',
];
const DATE_PREFIX = /^\s*(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?!\d)/;
const TOKEN_KEY = 'factlint.token';
const MAX_FILE_BYTES = 10 * 1024 * 1024;
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };
const RULE_DOCS_BASE = 'https://github.com/factlint/factlint/blob/main/docs/rules/';
// Rules with a page under docs/rules/; a newsroom's own rule ids get no link.
const DOCUMENTED_RULES = new Set([
  'title-holder',
  'title-holder-unclear',
  'quote-attribution',
  'unintroduced-speaker',
  'name-consistency',
  'deceased-speaker',
  'party-state',
  'title-holder-unknown-person',
  'unknown-office',
  'table-currency',
  'article-date',
  'unused-directive',
]);
// Spans starting and ending at the same place nest in this order, outermost first,
// so a finding is always the innermost element and gets the click.
const KIND_ORDER = { quote: 0, speaker: 1, claim: 2, finding: 3 };
// Claims the reference table could not check: shown quietly, not as findings.
const UNCHECKED_VERDICTS = new Set(['unknown-office', 'unknown-person']);
const DATE_SOURCE_LABELS = {
  cli: 'from the date field',
  request: 'from the date field',
  'front-matter': 'from the front matter',
  filename: 'from the file name',
  inferred: 'inferred from the text',
  none: 'none: the checks that need a date were skipped',
};

const el = {
  form: byId('check-form'),
  article: byId('article'),
  date: byId('date'),
  dateNote: byId('date-note'),
  format: byId('format'),
  pasteNote: byId('paste-note'),
  pasteNoteText: byId('paste-note-text'),
  pasteAsText: byId('paste-as-text'),
  file: byId('file'),
  fileName: byId('file-name'),
  checkButton: byId('check'),
  tokenForm: byId('token-form'),
  token: byId('token'),
  tokenNote: byId('token-note'),
  alert: byId('alert'),
  summary: byId('summary'),
  sumErrors: byId('sum-errors'),
  sumWarnings: byId('sum-warnings'),
  sumQuotes: byId('sum-quotes'),
  sumSpeakers: byId('sum-speakers'),
  sumClaims: byId('sum-claims'),
  sumDate: byId('sum-date'),
  sumDateSource: byId('sum-date-source'),
  copyButton: byId('copy-report'),
  copyStatus: byId('copy-status'),
  details: byId('details'),
  detailsHeading: byId('details-heading'),
  detailsBody: byId('details-body'),
  detailsClose: byId('details-close'),
  findings: byId('findings'),
  findingsList: byId('findings-list'),
  result: byId('result'),
  staleNote: byId('stale-note'),
  view: byId('article-view'),
  tooltip: byId('tooltip'),
  announcer: byId('announcer'),
};

const state = {
  report: null,
  checkedText: '',
  fileName: null,
  dateIsAuto: true,
  /** The date field holds today's date because the article gives none. */
  dateIsToday: false,
  checkedDateIsToday: false,
  checkedFormat: 'markdown',
  /** The clipboard's plain text and the format before an HTML paste, to undo it. */
  pasted: null,
  checkController: null,
  checks: 0,
  opener: null,
  tokenWaiter: null,
  whoCache: new Map(),
  whoRequest: 0,
};

init();

function init() {
  el.form.addEventListener('submit', onSubmit);
  el.article.addEventListener('input', onArticleInput);
  el.article.addEventListener('paste', onPaste);
  el.pasteAsText.addEventListener('click', pasteAsPlainText);
  el.format.addEventListener('change', () => {
    syncDate();
    markStale();
  });
  el.article.addEventListener('dragenter', onDragOver);
  el.article.addEventListener('dragover', onDragOver);
  el.article.addEventListener('dragleave', onDragLeave);
  window.addEventListener('dragover', preventFileNavigation);
  window.addEventListener('drop', onDrop);
  el.file.addEventListener('change', onFileChosen);
  el.date.addEventListener('input', onDateInput);
  el.tokenForm.addEventListener('submit', onTokenSubmit);
  el.copyButton.addEventListener('click', copyReport);
  el.detailsClose.addEventListener('click', () => closeDetails({ restoreFocus: true }));
  el.findingsList.addEventListener('click', onFindingsListClick);
  el.view.addEventListener('click', onViewClick);
  el.view.addEventListener('keydown', onViewKeydown);
  el.view.addEventListener('mouseover', onViewPointerOver);
  el.view.addEventListener('mouseout', onViewPointerOut);
  el.view.addEventListener('focusin', onViewFocusIn);
  el.view.addEventListener('focusout', onViewFocusOut);
  el.tooltip.addEventListener('mouseleave', hideTooltip);
  document.addEventListener('keydown', onDocumentKeydown);
  window.addEventListener('scroll', hideTooltip, { passive: true });
  document.body.dataset.checkState = 'idle';
}

// ---------- input: text, file, date, format ----------

function onArticleInput() {
  if (el.article.value === '') {
    state.fileName = null;
    hidePasteNote();
  }
  syncDate();
  markStale();
}

function onDateInput() {
  state.dateIsAuto = el.date.value.trim() === '';
  state.dateIsToday = false;
  showDateNote(null);
  el.date.removeAttribute('aria-invalid');
}

/** The date field follows the article: its own date, else today for a draft that gives none (and says so). */
function syncDate() {
  if (!state.dateIsAuto) return;
  const text = el.article.value;
  const own = articleDate(text, el.format.value);
  const today = own === null && text.trim() !== '' ? todayText() : null;
  el.date.value = own ?? today ?? '';
  state.dateIsToday = today !== null;
  showDateNote(
    today ? `The article gives no date, so it is checked as of today, ${today}. Change the date if it is older.` : null,
  );
}

function showDateNote(message) {
  el.dateNote.textContent = message ?? '';
  el.dateNote.hidden = message === null;
}

/** Today in the browser's time zone, as YYYY-MM-DD. */
function todayText() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The date the article itself gives: Markdown front matter, or an HTML export's publication date. */
function articleDate(text, format) {
  if (format === 'markdown') return frontMatterDate(text);
  if (format === 'html') return htmlDate(text);
  return null;
}

/**
 * A publication <meta>, else the first <time datetime>. Read from the tags' text: a DOMParser
 * document would try to apply the article's inline styles, which the page's CSP blocks (and logs).
 */
function htmlDate(text) {
  let timeDate = null;
  for (const tag of text.matchAll(/<(meta|time)\b([^>]*)>/gi)) {
    const attributes = attributesOf(tag[2]);
    if (tag[1].toLowerCase() === 'time') {
      timeDate ??= dateOf(attributes.datetime);
      continue;
    }
    const key = (attributes.property ?? attributes.name ?? attributes.itemprop ?? '').toLowerCase().trim();
    const date = PUBLISHED_META.includes(key) ? dateOf(attributes.content) : null;
    if (date) return date;
  }
  return timeDate;
}

function attributesOf(source) {
  const attributes = {};
  for (const match of source.matchAll(/([^\s"'>/=]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g))
    attributes[match[1].toLowerCase()] ??= match[2] ?? match[3] ?? match[4] ?? '';
  return attributes;
}

function dateOf(value) {
  const date = value ? DATE_PREFIX.exec(value)?.[1] : undefined;
  return date && DATE_PATTERN.test(date) ? date : null;
}

/**
 * HTML paste mode: formatted text pasted into an empty box (from a CMS, a web page, a word
 * processor) comes in as its HTML, so headings, paragraphs and captions keep their structure.
 */
function onPaste(event) {
  const html = event.clipboardData?.getData('text/html') ?? '';
  const whole = el.article.selectionStart === 0 && el.article.selectionEnd === el.article.value.length;
  if (html.trim() === '' || !whole) return;
  event.preventDefault();
  state.pasted = { plain: event.clipboardData.getData('text/plain'), format: el.format.value };
  el.article.value = html;
  el.format.value = 'html';
  state.fileName = null;
  el.fileName.hidden = true;
  state.dateIsAuto = true;
  el.pasteNoteText.textContent =
    'Pasted as HTML: headings, paragraphs and captions keep their structure; positions are in this HTML.';
  el.pasteNote.hidden = false;
  syncDate();
  markStale();
}

function pasteAsPlainText() {
  const pasted = state.pasted;
  hidePasteNote();
  if (!pasted) return;
  el.article.value = pasted.plain;
  el.format.value = pasted.format === 'html' ? 'text' : pasted.format;
  state.dateIsAuto = true;
  syncDate();
  markStale();
  el.article.focus();
}

function hidePasteNote() {
  state.pasted = null;
  el.pasteNote.hidden = true;
}

/** The `date:` of the text's YAML front matter, when it is a date factlint accepts. */
function frontMatterDate(text) {
  const frontMatter = FRONT_MATTER.exec(text);
  const match = frontMatter && FRONT_MATTER_DATE.exec(frontMatter[1]);
  return match ? match[1] : null;
}

function formatForFileName(name) {
  if (/\.txt$/i.test(name)) return 'text';
  if (/\.html?$/i.test(name)) return 'html';
  return /\.(md|markdown)$/i.test(name) ? 'markdown' : el.format.value;
}

function onDragOver(event) {
  if (!hasFiles(event)) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = 'copy';
  el.article.classList.add('is-dragover');
}

function onDragLeave() {
  el.article.classList.remove('is-dragover');
}

function preventFileNavigation(event) {
  if (hasFiles(event)) event.preventDefault();
}

function onDrop(event) {
  el.article.classList.remove('is-dragover');
  if (!hasFiles(event)) return;
  event.preventDefault();
  const [file] = event.dataTransfer.files;
  if (file) loadFile(file);
}

function hasFiles(event) {
  return Boolean(event.dataTransfer) && Array.from(event.dataTransfer.types).includes('Files');
}

function onFileChosen() {
  const [file] = el.file.files;
  if (file) loadFile(file);
  el.file.value = '';
}

async function loadFile(file) {
  if (file.size > MAX_FILE_BYTES) {
    showAlert(`${file.name} is ${formatBytes(file.size)}; factlint checks articles, not files this large.`);
    return;
  }
  try {
    const text = await readFileAsText(file);
    if (text.includes('\u0000')) throw new Error(`${file.name} is not a text file.`);
    el.article.value = text;
    el.format.value = formatForFileName(file.name);
    state.fileName = file.name;
    state.dateIsAuto = true;
    hidePasteNote();
    syncDate();
    showFileName(`Loaded ${file.name} (${formatBytes(file.size)}).`);
    hideAlert();
    markStale();
    el.article.focus();
  } catch (error) {
    showAlert(error.message || `Could not read ${file.name}.`);
  }
}

function readFileAsText(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.addEventListener('load', () => resolve(String(reader.result)));
    reader.addEventListener('error', () => reject(new Error(`Could not read ${file.name}.`)));
    reader.readAsText(file, 'UTF-8');
  });
}

function showFileName(message) {
  el.fileName.textContent = message;
  el.fileName.hidden = false;
}

// ---------- checking ----------

function onSubmit(event) {
  event.preventDefault();
  runCheck();
}

function onDocumentKeydown(event) {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    runCheck();
  } else if (event.key === 'Escape') {
    const hadTooltip = !el.tooltip.hidden;
    hideTooltip();
    if (!el.details.hidden) closeDetails({ restoreFocus: true });
    else if (hadTooltip) event.preventDefault();
  }
}

/** Check the textarea's text; resolves when the page shows the result (or the error). */
async function runCheck({ announcePrefix = '' } = {}) {
  const text = el.article.value;
  const request = buildCheckRequest(text);
  if (!request) return;
  state.checkController?.abort();
  const controller = new AbortController();
  state.checkController = controller;
  setBusy(true);
  try {
    const report = await postCheck(request, controller.signal);
    if (controller.signal.aborted) return;
    showReport(report, text, announcePrefix);
  } catch (error) {
    if (controller.signal.aborted) return;
    document.body.dataset.checkState = 'failed';
    showAlert(describeError(error));
  } finally {
    if (state.checkController === controller) {
      state.checkController = null;
      setBusy(false);
    }
  }
}

/** The POST /v1/check body, or null (after saying why) when the form is not ready. */
function buildCheckRequest(text) {
  if (text.trim() === '') {
    showAlert('Paste an article into the text box, or drop a file onto it, first.');
    el.article.focus();
    return null;
  }
  const date = el.date.value.trim();
  if (date !== '' && !DATE_PATTERN.test(date)) {
    el.date.setAttribute('aria-invalid', 'true');
    showAlert(`“${date}” is not a date: use YYYY-MM-DD, YYYY-MM, YYYY or an interval A/B.`);
    el.date.focus();
    return null;
  }
  el.date.removeAttribute('aria-invalid');
  const request = { text, format: el.format.value };
  if (date !== '' && !isArticlesOwnDate(date, text)) request.date = date;
  if (state.fileName) request.filename = state.fileName;
  state.checkedDateIsToday = state.dateIsToday && request.date === date;
  state.checkedFormat = request.format;
  return request;
}

/** A date copied from the article (front matter, HTML metadata) is left to the server: the report names its source. */
function isArticlesOwnDate(date, text) {
  return state.dateIsAuto && articleDate(text, el.format.value) === date;
}

async function postCheck(request, signal) {
  const response = await apiFetch('/v1/check', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(request),
    signal,
  });
  return readJson(response);
}

function setBusy(busy) {
  el.checkButton.textContent = busy ? 'Checking…' : 'Check';
  el.checkButton.setAttribute('aria-busy', String(busy));
  el.result.setAttribute('aria-busy', String(busy));
  if (busy) document.body.dataset.checkState = 'checking';
}

function showReport(report, text, announcePrefix) {
  const file = report?.files?.[0];
  if (!file)
    throw new Error(
      report?.errors?.map((e) => pageWording(e.message)).join('\n') || 'The server sent a report without the article.',
    );
  state.report = report;
  state.checkedText = text;
  hideAlert();
  closeDetails({ restoreFocus: false });
  renderSummary(file);
  renderFindingsList(file);
  renderArticle(text, file);
  markStale();
  el.summary.hidden = false;
  el.result.hidden = false;
  state.checks += 1;
  document.body.dataset.checks = String(state.checks);
  document.body.dataset.checkState = 'done';
  announce(announcePrefix + summarySentence(file));
}

function markStale() {
  const stale = state.report !== null && el.article.value !== state.checkedText;
  el.result.classList.toggle('is-stale', stale);
  el.staleNote.hidden = !stale;
}

// ---------- API ----------

class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

/** fetch() with the session's token; on a 401 asks for a token and tries again. */
async function apiFetch(path, init = {}) {
  for (;;) {
    const response = await fetch(path, withToken(init));
    if (response.status !== 401) return response;
    const rejected = readToken() !== null;
    writeToken(null);
    await askForToken(rejected ? 'The server did not accept that token. Enter it again:' : null);
    if (init.signal?.aborted) throw new DOMException('Aborted', 'AbortError');
  }
}

function withToken(init) {
  const token = readToken();
  if (!token) return init;
  return { ...init, headers: { ...init.headers, Authorization: `Bearer ${token}` } };
}

async function readJson(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) throw new ApiError(errorMessageOf(body) ?? httpErrorText(response), response.status);
  if (body === null) throw new ApiError('The server sent a response that is not JSON.', response.status);
  return body;
}

function errorMessageOf(body) {
  const message = body?.error?.message;
  return typeof message === 'string' && message !== '' ? message : null;
}

function httpErrorText(response) {
  if (response.status === 413) return 'The article is too large for the server.';
  const status = `${response.status} ${response.statusText}`.trim();
  return `The server answered ${status}.`;
}

function describeError(error) {
  if (error instanceof ApiError) {
    // "article:2:1: front matter, line 2: …" says its line in words; the page shows no file name.
    const message = error.status === 422 ? error.message.replace(/^[^:\n]*:\d+(?::\d+)?: /, '') : error.message;
    return `${statusLabel(error.status)}${pageWording(message)}`;
  }
  if (error instanceof TypeError) return 'Could not reach the factlint server (network error). Is it still running?';
  return error?.message || String(error);
}

function statusLabel(status) {
  if (status === 400) return 'The server rejected the request: ';
  if (status === 413) return 'Too large: ';
  if (status === 422) return 'The article could not be read: ';
  if (status >= 500) return `Server error (${status}): `;
  return '';
}

// ---------- token ----------

function readToken() {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function writeToken(token) {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Storage disabled: the token then lasts until the page is reloaded, via tokenWaiter.
  }
}

/** Show the token field; resolves once a token is entered (shared by every waiting request). */
function askForToken(note) {
  el.tokenNote.textContent = note ?? 'It is kept for this browser tab only (sessionStorage).';
  el.tokenForm.hidden = false;
  el.token.focus();
  state.tokenWaiter ??= createWaiter();
  return state.tokenWaiter.promise;
}

function createWaiter() {
  let resolve;
  const promise = new Promise((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

function onTokenSubmit(event) {
  event.preventDefault();
  const token = el.token.value.trim();
  if (!token) return;
  writeToken(token);
  el.token.value = '';
  el.tokenForm.hidden = true;
  const waiter = state.tokenWaiter;
  state.tokenWaiter = null;
  waiter?.resolve();
}

// ---------- alert and announcements ----------

function showAlert(message) {
  const text = h('p', {}, h('strong', { text: 'Problem: ' }), message);
  const dismiss = h('button', {
    className: 'button button-quiet button-small',
    text: 'Dismiss',
    attrs: { type: 'button' },
  });
  dismiss.addEventListener('click', hideAlert);
  el.alert.replaceChildren(text, dismiss);
  el.alert.hidden = false;
}

function hideAlert() {
  el.alert.hidden = true;
  el.alert.replaceChildren();
}

function announce(message) {
  el.announcer.textContent = '';
  window.setTimeout(() => {
    el.announcer.textContent = message;
  }, 50);
}

// ---------- summary and findings list ----------

function countBy(file) {
  const count = (severity) => file.findings.filter((f) => f.severity === severity).length;
  return {
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
    quotes: file.quotes.length,
    speakers: file.quotes.filter((q) => q.speaker && q.speaker.name !== null).length,
    claimsChecked: claimsOf(file).filter((c) => !UNCHECKED_VERDICTS.has(c.verdict)).length,
    claimsUnchecked: claimsOf(file).filter((c) => UNCHECKED_VERDICTS.has(c.verdict)).length,
  };
}

function claimsOf(file) {
  return Array.isArray(file.claims) ? file.claims : [];
}

/** "5 claims checked, 2 not checked": title claims the table checked, and those it could not. */
function claimsSentence(counts) {
  return `${plural(counts.claimsChecked, 'claim')} checked, ${counts.claimsUnchecked} not checked`;
}

function renderSummary(file) {
  const counts = countBy(file);
  el.sumErrors.textContent = String(counts.errors);
  el.sumWarnings.textContent = String(counts.warnings);
  el.sumQuotes.textContent = String(counts.quotes);
  el.sumSpeakers.textContent = String(counts.speakers);
  el.sumClaims.textContent = claimsSentence(counts);
  el.sumDate.textContent = formatReportDate(file.date) ?? 'none';
  // For HTML, the report's "front matter" is the export's publication <meta> or <time>.
  const fromHtml = file.date?.source === 'front-matter' && state.checkedFormat === 'html';
  const source = fromHtml
    ? 'from the HTML’s publication date'
    : (DATE_SOURCE_LABELS[file.date?.source] ?? file.date?.source ?? 'unknown source');
  const today = file.date?.source === 'request' && state.checkedDateIsToday ? ': today, as the article gives none' : '';
  el.sumDateSource.textContent = `(${source}${today})`;
  el.copyStatus.textContent = '';
  el.summary.querySelector('.copy-fallback')?.remove();
}

function summarySentence(file) {
  const c = countBy(file);
  const date = formatReportDate(file.date);
  return (
    `Check complete: ${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}` +
    (c.infos ? `, ${plural(c.infos, 'info finding')}` : '') +
    `, ${plural(c.quotes, 'quote')} checked, ${plural(c.speakers, 'speaker')} resolved, ${claimsSentence(c)}; ` +
    (date ? `article date ${date}.` : 'no article date.')
  );
}

function renderFindingsList(file) {
  const items = file.findings
    .map((finding, index) => ({ finding, index }))
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity] || a.finding.offset - b.finding.offset,
    )
    .map(({ finding, index }) => h('li', {}, findingListButton(finding, index)));
  el.findingsList.replaceChildren(...items);
  el.findings.hidden = items.length === 0;
  // A server answer cut to its first 1,000 findings says so (the summary counts them all).
  byId('findings-heading').textContent = file.truncated
    ? `Findings (the first ${items.length} shown)`
    : `Findings (${items.length})`;
}

function findingListButton(finding, index) {
  const head = h(
    'span',
    { className: 'finding-item-head' },
    h('span', { className: 'severity-label', text: finding.severity }),
    h('span', { text: `line ${finding.line}:${finding.column}` }),
    h('span', { text: finding.ruleId }),
  );
  return h(
    'button',
    {
      className: `finding-item severity-${finding.severity}`,
      attrs: { type: 'button', 'data-finding-index': String(index) },
    },
    head,
    h('span', { text: pageWording(finding.message) }),
  );
}

function onFindingsListClick(event) {
  const button = event.target.closest('[data-finding-index]');
  if (!button) return;
  const index = Number(button.dataset.findingIndex);
  const highlight = firstPiece('finding', index);
  highlight?.scrollIntoView({ block: 'center' });
  openFinding(index, highlight ?? button);
}

// ---------- the highlighted article ----------

function renderArticle(text, file) {
  hideTooltip();
  const spans = collectSpans(file, text.length);
  el.view.replaceChildren(buildHighlightedText(text, spans, file));
}

/** Every span to mark: findings, quotes, the words naming each quote's speaker, and unchecked claims. */
function collectSpans(file, textLength) {
  const spans = [];
  const add = (kind, index, offset, length, extra = {}) => {
    const start = Math.max(0, Math.min(offset, textLength));
    const end = Math.max(start, Math.min(offset + length, textLength));
    if (end > start) spans.push({ kind, index, start, end, ...extra });
  };
  for (const [index, finding] of file.findings.entries()) add('finding', index, finding.offset, finding.length);
  for (const [index, quote] of file.quotes.entries()) add('quote', index, quote.offset, quote.length);
  for (const [index, s] of speakerSpans(file.quotes).entries()) {
    add('speaker', index, s.offset, s.length, { quotes: s.quotes });
  }
  // A finding on exactly the claim's words (the unknown-office rule, when on) already says it.
  const findingAt = new Set(file.findings.map((f) => `${f.offset}:${f.length}`));
  for (const [index, claim] of claimsOf(file).entries()) {
    if (UNCHECKED_VERDICTS.has(claim.verdict) && !findingAt.has(`${claim.offset}:${claim.length}`))
      add('claim', index, claim.offset, claim.length);
  }
  return spans.sort(compareSpans);
}

/** One span per distinct speaker position, listing the quotes it speaks. */
function speakerSpans(quotes) {
  const byPosition = new Map();
  quotes.forEach((quote, index) => {
    const speaker = quote.speaker;
    if (!speaker || !(speaker.length > 0)) return;
    const key = `${speaker.offset}:${speaker.length}`;
    if (!byPosition.has(key)) byPosition.set(key, { offset: speaker.offset, length: speaker.length, quotes: [] });
    byPosition.get(key).quotes.push(index);
  });
  return [...byPosition.values()];
}

/** Outer spans first: earlier start, then longer, then quote > speaker > finding. */
function compareSpans(a, b) {
  return a.start - b.start || b.end - a.end || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.index - b.index;
}

/**
 * Splits the text at every span boundary; each piece is wrapped in the spans covering
 * it, outermost first. An element stays open across pieces while it is still the same
 * chain of spans, so a span is split only where another span crosses its edge.
 */
function buildHighlightedText(text, spans, file) {
  const boundaries = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const covering = coveringSpans(boundaries, spans);
  const fragment = document.createDocumentFragment();
  let open = [];
  for (let i = 0; i + 1 < boundaries.length; i += 1) {
    const start = boundaries[i];
    const chain = covering[i];
    let keep = 0;
    while (keep < open.length && keep < chain.length && open[keep].span === chain[keep]) keep += 1;
    open = open.slice(0, keep);
    for (const span of chain.slice(keep)) {
      const piece = createPiece(span, span.start === start, file);
      (open.at(-1)?.element ?? fragment).append(piece);
      open.push({ span, element: piece });
    }
    (open.at(-1)?.element ?? fragment).append(text.slice(start, boundaries[i + 1]));
  }
  return fragment;
}

/** For each piece between two boundaries, the spans covering it, in the spans' order. */
function coveringSpans(boundaries, spans) {
  const indexOf = new Map(boundaries.map((b, i) => [b, i]));
  const covering = boundaries.map(() => []);
  for (const span of spans) {
    for (let i = indexOf.get(span.start); i < indexOf.get(span.end); i += 1) covering[i].push(span);
  }
  return covering;
}

function createPiece(span, isFirst, file) {
  if (span.kind === 'finding') return findingPiece(file.findings[span.index], span.index, isFirst);
  if (span.kind === 'quote') return quotePiece(file.quotes[span.index], span.index, isFirst);
  if (span.kind === 'claim') return claimPiece(file.claims[span.index], span.index, isFirst);
  return h('span', { className: 'speaker', attrs: { 'data-speaker-for': span.quotes.join(' ') } });
}

function findingPiece(finding, index, isFirst) {
  const piece = h('span', {
    className: `finding severity-${finding.severity}`,
    attrs: { 'data-finding': String(index) },
  });
  if (isFirst) {
    piece.classList.add('is-first');
    makeButton(piece, `${capitalise(finding.severity)}, ${finding.ruleId}: ${pageWording(finding.message)}`);
  }
  return piece;
}

function quotePiece(quote, index, isFirst) {
  const piece = h('span', { className: 'quote', attrs: { 'data-quote': String(index) } });
  if (isFirst) {
    piece.classList.add('is-first');
    makeButton(piece, `Quote ${truncate(quote.text, 80)}. Speaker: ${speakerLine(quote)}`);
  }
  return piece;
}

/** An unchecked claim: a quiet dotted underline, with "not checked: why" on hover, focus and click. */
function claimPiece(claim, index, isFirst) {
  const piece = h('span', { className: 'claim-unchecked', attrs: { 'data-claim': String(index) } });
  if (isFirst) {
    piece.classList.add('is-first');
    makeButton(piece, `Not checked: “${truncate(claim.text, 80)}”: ${claim.reason}`);
  }
  return piece;
}

function makeButton(element, label) {
  element.tabIndex = 0;
  element.setAttribute('role', 'button');
  element.setAttribute('aria-label', label);
  element.setAttribute('aria-controls', 'details');
}

function firstPiece(kind, index) {
  return el.view.querySelector(`[data-${kind}="${index}"].is-first`);
}

function targetOf(event) {
  const target =
    event.target instanceof Element ? event.target.closest('[data-finding], [data-claim], [data-quote]') : null;
  if (!target || !el.view.contains(target)) return null;
  if (target.dataset.finding !== undefined)
    return { kind: 'finding', index: Number(target.dataset.finding), element: target };
  if (target.dataset.claim !== undefined)
    return { kind: 'claim', index: Number(target.dataset.claim), element: target };
  return { kind: 'quote', index: Number(target.dataset.quote), element: target };
}

function onViewClick(event) {
  const target = targetOf(event);
  if (target) openTarget(target);
}

function onViewKeydown(event) {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  if (event.ctrlKey || event.metaKey) return;
  const target = targetOf(event);
  if (!target || target.element !== event.target) return;
  event.preventDefault();
  openTarget(target);
}

function openTarget({ kind, index }) {
  const opener = firstPiece(kind, index);
  if (kind === 'finding') openFinding(index, opener);
  else if (kind === 'claim') openClaim(index, opener);
  else openQuote(index, opener);
}

// ---------- quote and claim tooltip ----------

/** The quote or unchecked claim a node lies in (the innermost), as {kind, index, element}. */
function hoverTargetOf(node) {
  const start = node instanceof Element ? node : node?.parentElement;
  const element = start?.closest('[data-claim], [data-quote]');
  if (!element || !el.view.contains(element)) return null;
  return element.dataset.claim !== undefined
    ? { kind: 'claim', index: Number(element.dataset.claim), element }
    : { kind: 'quote', index: Number(element.dataset.quote), element };
}

function onViewPointerOver(event) {
  const target = hoverTargetOf(event.target);
  if (target) showTooltipFor(target, event);
}

function onViewPointerOut(event) {
  const next = event.relatedTarget;
  if (next instanceof Node && (el.tooltip.contains(next) || sameTarget(event.target, next))) return;
  const focused = document.activeElement;
  const target = focused instanceof HTMLElement && el.view.contains(focused) ? hoverTargetOf(focused) : null;
  if (target && target.element === focused) showTooltipFor(target, null);
  else hideTooltip();
}

function onViewFocusIn(event) {
  const target = hoverTargetOf(event.target);
  if (target && target.element === event.target) showTooltipFor(target, null);
  else hideTooltip();
}

function onViewFocusOut() {
  hideTooltip();
}

function sameTarget(from, to) {
  const a = hoverTargetOf(from);
  const b = hoverTargetOf(to);
  return Boolean(a && b) && a.kind === b.kind && a.index === b.index;
}

function showTooltipFor({ kind, index, element }, pointerEvent) {
  const file = state.report?.files[0];
  const text = kind === 'claim' ? claimTooltip(file?.claims?.[index]) : quoteTooltip(file?.quotes[index]);
  if (text === null) return;
  setActiveQuote(kind === 'quote' ? index : null);
  el.tooltip.textContent = text;
  el.tooltip.hidden = false;
  positionTooltip(anchorRect(element, pointerEvent));
}

function quoteTooltip(quote) {
  return quote ? speakerLine(quote) : null;
}

function claimTooltip(claim) {
  return claim ? `not checked: ${claim.reason}` : null;
}

function hideTooltip() {
  el.tooltip.hidden = true;
  setActiveQuote(null);
}

/** Marks the quote's pieces and its speaker's words as active (or clears them). */
function setActiveQuote(index) {
  for (const node of el.view.querySelectorAll('.is-active')) node.classList.remove('is-active');
  if (index === null) return;
  for (const node of el.view.querySelectorAll(`[data-quote="${index}"], [data-speaker-for~="${index}"]`))
    node.classList.add('is-active');
}

/** The line box of the element under the pointer, or its first line. */
function anchorRect(element, pointerEvent) {
  const rects = [...element.getClientRects()];
  if (pointerEvent) {
    const hit = rects.find((r) => pointerEvent.clientY >= r.top && pointerEvent.clientY <= r.bottom);
    if (hit) return hit;
  }
  return rects[0] ?? element.getBoundingClientRect();
}

/** Under the anchor (above it near the bottom of the screen), kept inside the viewport. */
function positionTooltip(rect) {
  const margin = 8;
  const viewportWidth = document.documentElement.clientWidth;
  const { offsetWidth: width, offsetHeight: height } = el.tooltip;
  const below = rect.bottom + 6;
  const top = below + height > window.innerHeight - margin ? Math.max(margin, rect.top - height - 6) : below;
  const left = Math.min(Math.max(margin, rect.left), Math.max(margin, viewportWidth - width - margin));
  el.tooltip.style.top = `${Math.round(top)}px`;
  el.tooltip.style.left = `${Math.round(left)}px`;
}

/** "speaker words → resolved name (via, pattern, cue)", or "no speaker found". */
function speakerLine(quote) {
  const speaker = quote.speaker;
  if (!speaker) return 'no speaker found';
  const details = [speaker.via, speaker.pattern, speaker.cue ? `cue “${speaker.cue}”` : 'no cue'].join(', ');
  return `${speaker.text} → ${speaker.name ?? 'unresolved'} (${details})`;
}

// ---------- details panel ----------

function openFinding(index, opener) {
  const finding = state.report?.files[0]?.findings[index];
  if (!finding) return;
  showDetails(
    `${capitalise(finding.severity)} · ${finding.ruleId}`,
    `severity-${finding.severity}`,
    findingDetails(finding),
    opener,
  );
  markSelected(`[data-finding="${index}"]`);
}

function openQuote(index, opener) {
  const quote = state.report?.files[0]?.quotes[index];
  if (!quote) return;
  showDetails('Quote', '', quoteDetails(quote), opener);
  markSelected(`[data-quote="${index}"]`);
}

function openClaim(index, opener) {
  const claim = state.report?.files[0]?.claims?.[index];
  if (!claim) return;
  showDetails('Not checked', 'claim-details', claimDetails(claim), opener);
  markSelected(`[data-claim="${index}"]`);
}

function showDetails(title, className, body, opener) {
  hideTooltip();
  state.opener = opener ?? null;
  el.details.className = `details ${className}`.trim();
  el.detailsHeading.textContent = title;
  el.detailsBody.replaceChildren(...body);
  el.details.hidden = false;
  document.body.classList.add('details-open');
  el.detailsHeading.focus({ preventScroll: true });
  if (isBottomSheet()) keepAboveSheet(opener);
  else revealDetails();
}

function isBottomSheet() {
  return getComputedStyle(el.details).position === 'fixed';
}

/** On narrow screens the details cover the bottom of the screen: keep the highlight above them. */
function keepAboveSheet(element) {
  if (!element) return;
  const top = element.getBoundingClientRect().top;
  const sheetTop = el.details.getBoundingClientRect().top;
  if (top < 0 || top > sheetTop - 48) window.scrollBy({ top: top - window.innerHeight * 0.15 });
}

/** Brings the whole panel into view when part of it is off screen (it is never taller than the viewport). */
function revealDetails() {
  const { top, bottom } = el.details.getBoundingClientRect();
  if (top < 0 || bottom > window.innerHeight) el.details.scrollIntoView({ block: 'start' });
}

function closeDetails({ restoreFocus }) {
  if (el.details.hidden) return;
  el.details.hidden = true;
  document.body.classList.remove('details-open');
  el.detailsBody.replaceChildren();
  markSelected(null);
  if (restoreFocus && state.opener?.isConnected) state.opener.focus();
  state.opener = null;
}

function markSelected(selector) {
  for (const node of el.view.querySelectorAll('.is-selected')) node.classList.remove('is-selected');
  if (selector) for (const node of el.view.querySelectorAll(selector)) node.classList.add('is-selected');
}

function findingDetails(finding) {
  const officeId = finding.office?.id ?? finding.evidence[0]?.office ?? null;
  // Suggestions right under the message: Apply stays in view however long the evidence is.
  return [
    h('p', { className: 'details-message', text: pageWording(finding.message) }),
    h(
      'p',
      { className: 'details-meta' },
      'Rule ',
      ruleLink(finding.ruleId),
      `, severity ${finding.severity}; line ${finding.line}, column ${finding.column}` +
        (finding.text ? `: “${truncate(finding.text, 60)}”` : ''),
    ),
    ...suggestionsSection(finding.suggestions ?? []),
    ...evidenceSection(finding.evidence),
    ...(officeId ? whoSection(officeId, finding.office?.name ?? finding.evidence[0]?.officeName ?? officeId) : []),
  ];
}

/** The rule id, linked to its documentation page (opened in a new tab) when it has one. */
function ruleLink(ruleId) {
  if (!DOCUMENTED_RULES.has(ruleId)) return ruleId;
  return h('a', {
    text: ruleId,
    attrs: { href: `${RULE_DOCS_BASE}${ruleId}.md`, target: '_blank', rel: 'noopener' },
  });
}

function evidenceSection(evidence) {
  const heading = h('h3', { text: 'Evidence from the reference table' });
  if (evidence.length === 0)
    return [heading, h('p', { className: 'help', text: 'This finding relies on no table rows.' })];
  const columns = ['Office', 'Holder', 'From', 'To'];
  const head = h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', { text: c, attrs: { scope: 'col' } }))));
  return [heading, h('table', { className: 'data-table evidence' }, head, ...evidence.map(evidenceRows))];
}

/** One table row per term, and its source on a full-width row under it. */
function evidenceRows(row) {
  const term = h(
    'tr',
    {},
    cell('Office', row.officeName || row.office),
    cell('Holder', holderText(row)),
    cell('From', row.start, 'date'),
    cell('To', row.end ?? 'in office', 'date'),
  );
  const source = h(
    'tr',
    { className: 'source-row' },
    h('th', { text: 'Source', attrs: { scope: 'row' } }),
    sourceCell(row),
  );
  return h('tbody', {}, term, source);
}

function cell(label, text, className = '') {
  return h('td', { text, className, attrs: { 'data-label': label } });
}

function holderText(row) {
  return row.person + (row.acting ? ' (acting)' : '') + (row.died ? ` (died ${row.died})` : '');
}

function sourceCell(row) {
  const where = row.file ? `${row.file}${row.line ? `:${row.line}` : ''}` : '';
  const source = h(
    'div',
    {},
    row.source || (where ? '' : '—'),
    where ? h('span', { className: 'where', text: where }) : null,
  );
  return h('td', { className: 'source', attrs: { colspan: '3' } }, source);
}

function whoSection(officeId, officeName) {
  const file = state.report.files[0];
  const date = dateParam(file.date);
  const heading = h('h3', { text: date ? `Who held it on ${formatReportDate(file.date)}` : `Who held ${officeName}` });
  const container = h('div', { className: 'who', attrs: { 'aria-live': 'polite' } });
  if (date) loadWho(officeId, date, container);
  else
    container.append(h('p', { className: 'help', text: 'The article has no date, so there is no holder to look up.' }));
  return [heading, container];
}

async function loadWho(officeId, date, container) {
  const request = ++state.whoRequest;
  container.replaceChildren(h('p', { className: 'help', text: 'Looking it up in the reference table…' }));
  try {
    const data = await fetchWho(officeId, date);
    if (request !== state.whoRequest || !container.isConnected) return;
    container.replaceChildren(...renderWho(data));
  } catch (error) {
    if (request !== state.whoRequest || !container.isConnected) return;
    container.replaceChildren(
      h('p', { className: 'inline-error', text: `Could not look it up: ${describeError(error)}` }),
    );
  }
}

function fetchWho(officeId, date) {
  const key = `${officeId}\u0000${date}`;
  if (!state.whoCache.has(key)) {
    const query = new URLSearchParams({ office: officeId, date });
    const pending = apiFetch(`/v1/reference/who?${query}`, { headers: { Accept: 'application/json' } }).then(readJson);
    pending.catch(() => state.whoCache.delete(key));
    state.whoCache.set(key, pending);
  }
  return state.whoCache.get(key);
}

function renderWho(data) {
  const offices = Array.isArray(data?.offices) ? data.offices : [];
  if (offices.length === 0) return [h('p', { className: 'help', text: 'The reference table has no such office.' })];
  return offices.map((office) =>
    h(
      'div',
      { className: 'who-office' },
      h('p', {}, h('strong', { text: office.name ?? office.id }), ` (${office.id})`),
      holdersList(office.holders ?? []),
      office.source ? h('p', { className: 'help', text: `Source: ${office.source}` }) : null,
    ),
  );
}

function holdersList(holders) {
  if (holders.length === 0) return h('p', { text: 'No holder recorded on that date.' });
  return h('ul', {}, ...holders.map((holder) => h('li', { text: termText(holder) })));
}

function termText(holder) {
  const span = holder.end ? `${holder.start} to ${holder.end}` : `since ${holder.start}`;
  return `${holder.person}${holder.acting ? ' (acting)' : ''}, ${span}`;
}

function suggestionsSection(suggestions) {
  if (suggestions.length === 0) return [];
  const items = suggestions.map((suggestion) =>
    h(
      'li',
      { className: 'suggestion' },
      h(
        'p',
        {},
        h('span', { className: 'suggestion-change', text: changeText(suggestion) }),
        suggestion.description ? h('br') : null,
        suggestion.description ?? null,
        suggestion.safe ? ' ' : null,
        suggestion.safe ? h('span', { className: 'tag', text: 'safe' }) : null,
      ),
      applyButton(suggestion),
    ),
  );
  return [
    h('h3', { text: suggestions.length === 1 ? 'Suggestion' : 'Suggestions' }),
    h('ul', { className: 'suggestions' }, ...items),
  ];
}

function changeText(suggestion) {
  const current = state.checkedText.slice(suggestion.offset, suggestion.offset + suggestion.length);
  if (current === '') return `Insert “${suggestion.text}”`;
  return `Replace “${truncate(current, 60)}” with “${truncate(suggestion.text, 60)}”`;
}

function applyButton(suggestion) {
  const button = h('button', {
    className: 'button button-small',
    text: 'Apply',
    attrs: { type: 'button', 'aria-label': `Apply: ${changeText(suggestion)}` },
  });
  button.addEventListener('click', () => applySuggestion(suggestion));
  return button;
}

/** Edits the textarea in place (the offsets are the checked text's) and checks again. */
function applySuggestion(suggestion) {
  if (el.article.value !== state.checkedText) {
    showAlert(
      'The article has changed since it was checked, so the suggestion may no longer fit. Check it again first.',
    );
    return;
  }
  const change = changeText(suggestion);
  el.article.setRangeText(suggestion.text, suggestion.offset, suggestion.offset + suggestion.length, 'end');
  closeDetails({ restoreFocus: false });
  el.view.focus({ preventScroll: true });
  runCheck({ announcePrefix: `Applied: ${change}. ` });
}

function quoteDetails(quote) {
  const speaker = quote.speaker;
  const rows = speaker
    ? [
        ['Speaker words', speaker.text],
        ['Resolved name', speaker.name ?? 'unresolved'],
        ['Found via', speaker.via],
        ['Pattern', speaker.pattern],
        ['Cue', speaker.cue ?? 'none'],
      ]
    : [['Speaker', 'no speaker found']];
  rows.push(['Position', `line ${quote.line}, column ${quote.column}`]);
  if (quote.closed === false) rows.push(['Note', 'the quote is never closed']);
  return [
    h('p', { className: 'quote-text', text: quote.text }),
    h('p', { className: 'details-meta', text: speakerLine(quote) }),
    h(
      'dl',
      { className: 'kv' },
      ...rows.flatMap(([term, value]) => [h('dt', { text: term }), h('dd', { text: value })]),
    ),
  ];
}

function claimDetails(claim) {
  const rows = [
    ['Title', claim.title],
    ['Office', claim.office ? `${claim.office.name} (${claim.office.id})` : 'none in the reference table'],
    ['Person', claim.person?.name ?? 'not in the reference table'],
    ['Verdict', claim.verdict],
    ['Position', `line ${claim.line}, column ${claim.column}`],
  ];
  if (claim.verifiedThrough) rows.push(['Table verified through', claim.verifiedThrough]);
  return [
    h('p', { className: 'quote-text', text: claim.text }),
    h('p', { className: 'details-message', text: `not checked: ${claim.reason}` }),
    h(
      'dl',
      { className: 'kv' },
      ...rows.flatMap(([term, value]) => [h('dt', { text: term }), h('dd', { text: value })]),
    ),
    h('p', {
      className: 'help',
      text:
        'Not a finding: the reference table cannot tell whether this claim is right. ' +
        'Add the office or the person to a reference table to have it checked.',
    }),
  ];
}

// ---------- copying the report ----------

async function copyReport() {
  if (!state.report) return;
  const json = JSON.stringify(state.report, null, 2);
  const copied = (await copyWithClipboardApi(json)) || copyWithSelection(json);
  if (copied) el.copyStatus.textContent = 'Copied.';
  else showCopyFallback(json);
  announce(copied ? 'JSON report copied.' : 'Could not copy; the report is selected below.');
}

async function copyWithClipboardApi(text) {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function copyWithSelection(text) {
  const focused = document.activeElement;
  const area = h('textarea', {
    className: 'visually-hidden',
    attrs: { readonly: '', 'aria-hidden': 'true', tabindex: '-1' },
  });
  area.value = text;
  document.body.append(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  if (focused instanceof HTMLElement) focused.focus();
  return copied;
}

function showCopyFallback(json) {
  el.copyStatus.textContent = 'Copying is blocked here: the report is selected below; press Ctrl+C (⌘C).';
  el.summary.querySelector('.copy-fallback')?.remove();
  const area = h('textarea', { className: 'copy-fallback', attrs: { readonly: '', 'aria-label': 'JSON report' } });
  area.value = json;
  el.summary.append(area);
  area.focus();
  area.select();
}

// ---------- small helpers ----------

function byId(id) {
  const element = document.getElementById(id);
  if (!element) throw new Error(`factlint page: #${id} is missing from index.html`);
  return element;
}

/** Builds an element; string children become text nodes (never parsed as HTML). */
function h(tag, { className = '', text, attrs = {} } = {}, ...children) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  element.append(...children.filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

function formatReportDate(date) {
  if (!date?.start) return null;
  return date.end && date.end !== date.start ? `${date.start} to ${date.end}` : date.start;
}

/** The report's date as a /v1/reference/who date parameter (a day or an interval A/B). */
function dateParam(date) {
  if (!date?.start) return null;
  return date.end && date.end !== date.start ? `${date.start}/${date.end}` : date.start;
}

/** The engine speaks of the command line's --date; on the page, the date is the Article date field. */
function pageWording(message) {
  return message
    .replace(/\bgive --date\b/g, 'fill in the Article date field')
    .replace(/--date\b/g, 'the Article date field');
}

function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function capitalise(word) {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function truncate(text, max) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
