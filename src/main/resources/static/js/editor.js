// Quiz editor at /editor: a quiz as the YAML file's fields (the editor's model IS the file's shape),
// checked live by the server with the loader's own rules, saved only over the version it opened.
//
// Opening:  /editor?id=<quiz id>           an existing file
//           /editor?new=1                  a blank quiz
//           /editor?import=1               import a GIFT / Aiken / Kahoot! sheet file first
//           /editor?notes=1                draft a quiz from lesson notes first (POST /api/drafts)
//           /editor?load=/api/<path>       a quiz object fetched from this server's API
// A handed-over quiz is {title, description, questions:[…]} (or {quiz: {…}}); a question may carry
// `source` (where it came from, shown) and `draft: true`; neither is saved.
// Review of a draft (issue 13): a question made from notes carries `review` ('draft', 'accepted' or
// 'edited', editor-only). Drafts are shown with their source sentence and are NOT saved until the
// teacher accepts or edits them; "discard" removes them. Sources and review marks never reach the file.
import { $, el, append, clear, setText, setPhase, shapeIcon, shapeOf, errorMessage, formatDate } from './dom.js';

const TYPES = {
  single: 'Single choice', multi: 'Multiple correct', truefalse: 'True or false', type: 'Typed answer',
  number: 'Number', order: 'Put in order', poll: 'Poll (no points)',
};
const FIELD_LABELS = {
  text: 'Question text', choices: 'Choices', items: 'Items', answer: 'Answer', answers: 'Answers',
  tolerance: 'Tolerance', time: 'Time', points: 'Points', section: 'Section', explanation: 'Explanation',
  image: 'Picture', 'image.file': 'Picture', 'image.alt': 'Picture description', readingTime: 'Reading time',
  type: 'Type', title: 'Title', description: 'Description',
};
const HEADERS = { 'X-Quizroom': '1', Accept: 'application/json' };

const state = {
  id: null,            // file id once saved
  version: null,       // file version the editor opened / last saved
  quiz: { title: '', description: '', questions: [] },
  dirty: false,
  lostComments: 0,
  commentsAcknowledged: false,
  selected: 0,
  preview: 'phone',
  check: { problems: [], warnings: [] },
  extra: {},           // top-level fields the editor has no control for (e.g. readingTime): kept as they are
  more: [],            // a notes draft's other candidates (its "more" list), not yet in the list
};
let uid = 0;
let validateTimer = null;
let validateSeq = 0;

// ---------------------------------------------------------------------------------------------
// Helpers

function showError(text) {
  const box = $('editor-error');
  box.textContent = text || '';
  box.hidden = !text;
}

function announce(text) {
  setText('announcer', '');
  setTimeout(() => setText('announcer', text), 30);
}

async function api(url, init = {}) {
  const response = await fetch(url, { ...init, headers: { ...HEADERS, ...(init.headers || {}) } });
  let body = null;
  try { body = await response.clone().json(); } catch (_) { body = null; }
  if (!response.ok) {
    const err = new Error(body && body.message ? body.message : await errorMessage(response));
    err.status = response.status;
    err.body = body;
    throw err;
  }
  return body;
}

function jsonInit(method, body) {
  return { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}

let previewFrame = 0;

function markDirty() {
  state.dirty = true;
  setText('save-status', 'Unsaved changes');
  updateExportLinks();
  scheduleValidate();
  // The preview follows every keystroke, at most once a frame.
  cancelAnimationFrame(previewFrame);
  previewFrame = requestAnimationFrame(renderPreview);
}

/** Text with $…$ maths rendered by KaTeX (when loaded); everything else stays plain text. */
function mathText(text, className) {
  const node = el('span', { class: className || null });
  const source = String(text ?? '');
  const parts = source.split(/(?<!\\)\$(.+?)(?<!\\)\$/s);
  parts.forEach((part, i) => {
    if (i % 2 === 0) {
      node.append(document.createTextNode(part.replace(/\\\$/g, '$')));
    } else if (window.katex) {
      const span = el('span', { class: 'math' });
      try {
        window.katex.render(part, span, { throwOnError: false, displayMode: false });
      } catch (_) {
        span.textContent = `$${part}$`;
      }
      node.append(span);
    } else {
      node.append(el('code', { text: `$${part}$` }));
    }
  });
  return node;
}

const hasMath = (text) => /(?<!\\)\$.+?(?<!\\)\$/s.test(String(text ?? ''));

// ---------------------------------------------------------------------------------------------
// The model: a question is the file's mapping; these make and convert them.

function blankQuestion(type) {
  const q = { type, text: '', section: lastSection(), explanation: '' };
  return convert(q, type);
}

function lastSection() {
  const qs = state.quiz.questions;
  for (let i = qs.length - 1; i >= 0; i--) if (qs[i].section) return qs[i].section;
  return '';
}

/** Changes a question's type, keeping what still makes sense (text, settings, choices). */
function convert(q, type) {
  const choices = Array.isArray(q.choices) ? q.choices : Array.isArray(q.items) ? q.items : null;
  const keep = {};
  for (const k of ['text', 'image', 'time', 'readingTime', 'points', 'section', 'explanation', 'source', 'draft', 'review']) {
    if (q[k] !== undefined) keep[k] = q[k];
  }
  const out = { type, ...keep };
  switch (type) {
    case 'single':
      out.choices = choices && choices.length >= 2 ? [...choices] : ['', '', '', ''];
      out.answer = q.type === 'single' ? q.answer : '';
      break;
    case 'multi':
      out.choices = choices && choices.length >= 2 ? [...choices] : ['', '', '', ''];
      out.answers = q.type === 'multi' && Array.isArray(q.answers) ? [...q.answers] : [];
      break;
    case 'poll':
      out.choices = choices && choices.length >= 2 ? [...choices] : ['', '', ''];
      if (out.points) delete out.points;
      break;
    case 'order':
      out.items = choices && choices.length >= 3 ? [...choices] : ['', '', ''];
      break;
    case 'truefalse':
      out.answer = typeof q.answer === 'boolean' ? q.answer : true;
      break;
    case 'type':
      out.answers = q.type === 'type' && Array.isArray(q.answers) ? [...q.answers] : [''];
      break;
    case 'number':
      out.answer = q.type === 'number' ? q.answer : '';
      if (q.type === 'number' && q.tolerance !== undefined) out.tolerance = q.tolerance;
      break;
    default:
  }
  return out;
}

/** Whether a question goes into the file: everything but a notes draft not yet accepted or edited. */
const isSaved = (q) => q.review !== 'draft';

/** Editor positions of the questions that are saved, in order: the server numbers problems by these. */
function savedIndexes() {
  const out = [];
  state.quiz.questions.forEach((q, i) => { if (isSaved(q)) out.push(i); });
  return out;
}

/** What is sent to the server: the saved questions without editor-only markers (the server drops them too). */
function quizForServer() {
  return {
    ...state.extra,
    title: state.quiz.title,
    description: state.quiz.description,
    questions: state.quiz.questions.filter(isSaved).map((q) => {
      const copy = { ...q };
      delete copy.source;
      delete copy.draft;
      delete copy.review;
      return copy;
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Rendering the questions

function renderAll() {
  $('quiz-title').value = state.quiz.title || '';
  $('quiz-description').value = state.quiz.description || '';
  renderQuestions();
  renderPreview();
}

function renderQuestions(focusIndex = null, focusSelector = null) {
  const list = clear($('question-list'));
  const sections = [...new Set(state.quiz.questions.map((q) => q.section).filter(Boolean))];
  const datalist = el('datalist', { id: 'section-options' }, sections.map((s) => el('option', { value: s })));
  list.append(datalist);
  state.quiz.questions.forEach((q, i) => list.append(questionCard(q, i)));
  renderDraftReview();
  showCheck();
  if (focusIndex != null) {
    const card = list.querySelector(`li.question-card[data-index="${focusIndex}"]`);
    const target = card && ((focusSelector && card.querySelector(focusSelector)) || card.querySelector('textarea'));
    if (target) target.focus();
  }
}

function questionCard(q, i) {
  const n = i + 1;
  const total = state.quiz.questions.length;
  const card = el('li', {
    class: 'card question-card', dataset: { index: i, type: q.type },
    'aria-labelledby': `q-heading-${i}`,
  });
  const handle = el('span', {
    class: 'drag-handle', draggable: 'true', title: 'Drag to move',
    'aria-hidden': 'true',
  }, '⠿');
  const typeSelect = el('select', { id: `q-type-${i}`, class: 'type-select', 'aria-label': `Type of question ${n}` },
    Object.entries(TYPES).map(([value, label]) => el('option', { value, selected: value === q.type ? true : null }, label)));
  typeSelect.value = q.type;
  typeSelect.addEventListener('change', () => {
    state.quiz.questions[i] = convert(state.quiz.questions[i], typeSelect.value);
    markDirty();
    renderQuestions(i, '.type-select');
    selectQuestion(i);
  });
  card.append(el('div', { class: 'question-head' },
    handle,
    el('h2', { id: `q-heading-${i}`, class: 'question-number' }, `Question ${n}`),
    typeSelect,
    el('div', { class: 'question-actions' },
      el('button', { type: 'button', class: 'icon-button', 'aria-label': `Move question ${n} up`, disabled: i === 0,
        on: { click: () => move(i, i - 1, '.question-actions button:first-child') } }, '↑'),
      el('button', { type: 'button', class: 'icon-button', 'aria-label': `Move question ${n} down`, disabled: i === total - 1,
        on: { click: () => move(i, i + 1, '.question-actions button:nth-child(2)') } }, '↓'),
      el('button', { type: 'button', 'aria-label': `Duplicate question ${n}`, on: { click: () => duplicate(i) } }, 'Duplicate'),
      el('button', { type: 'button', class: 'danger', 'aria-label': `Delete question ${n}`, on: { click: () => remove(i) } }, 'Delete'))));

  if (q.review) {
    card.append(reviewNote(q, i, card));
    // Any change to a draft's own fields is an edit: it is kept. Capture runs before the field's own
    // handler, which may re-render (a type change) with a copy that carries the mark along.
    const edited = (e) => {
      if (q.review !== 'draft' || e.target.closest('.review-actions')) return;
      if (e.type === 'click' && !e.target.closest('.add-row, .choice-row button, .text-row button')) return;
      q.review = 'edited';
      showReview(q, card);
      renderDraftReview();
      scheduleValidate();
    };
    for (const type of ['input', 'change', 'click']) card.addEventListener(type, edited, true);
  } else if (q.draft || q.source) {
    card.append(el('div', { class: 'draft-note' },
      q.draft ? el('span', { class: 'draft-badge' }, 'Draft: check before saving') : null,
      q.source ? el('p', { class: 'source' }, el('span', { class: 'muted' }, 'From: '), String(q.source)) : null));
  }

  // The loader's problems and the linter's tips, at the top of the question where they are seen.
  card.append(el('ul', { class: 'problems', id: `q-problems-${i}`, 'aria-live': 'polite' }));
  card.append(el('ul', { class: 'warnings', id: `q-warnings-${i}`, 'aria-live': 'polite' }));

  card.append(field(i, 'text', 'Question text', textarea(q.text, (v) => { q.text = v; }, { rows: 2, field: 'text', id: `q-text-${i}` }),
    el('div', { class: 'math-preview', id: `q-math-${i}`, hidden: !hasMath(q.text) }, mathText(q.text))));

  card.append(answerEditor(q, i));

  const time = el('input', {
    id: `q-time-${i}`, type: 'number', min: 5, max: 240, step: 1, inputmode: 'numeric', placeholder: '20',
    value: q.time ?? '', dataset: { field: 'time' },
  });
  time.addEventListener('input', () => {
    const v = time.value.trim();
    if (v === '') delete q.time; else q.time = Number.isInteger(Number(v)) ? Number(v) : v;
    markDirty();
  });
  const reading = el('input', {
    id: `q-reading-${i}`, type: 'number', min: 0, max: 30, step: 1, inputmode: 'numeric', placeholder: 'auto',
    value: q.readingTime ?? '', dataset: { field: 'readingTime' },
  });
  reading.addEventListener('input', () => {
    const v = reading.value.trim();
    if (v === '') delete q.readingTime; else q.readingTime = Number.isFinite(Number(v)) ? Number(v) : v;
    markDirty();
  });
  const points = el('select', { id: `q-points-${i}`, dataset: { field: 'points' }, disabled: q.type === 'poll' },
    el('option', { value: '' }, 'Standard (1000)'),
    el('option', { value: 'double' }, 'Double (2000)'),
    el('option', { value: 'none' }, 'No points'));
  points.value = q.points === 'double' || q.points === 'none' ? q.points : '';
  points.addEventListener('change', () => {
    if (points.value) q.points = points.value; else delete q.points;
    markDirty();
  });
  const section = el('input', { id: `q-section-${i}`, list: 'section-options', value: q.section || '', dataset: { field: 'section' }, autocomplete: 'off' });
  section.addEventListener('input', () => { q.section = section.value; markDirty(); });
  card.append(el('div', { class: 'settings-row' },
    el('div', { class: 'field small' }, el('label', { for: `q-time-${i}` }, 'Seconds'), time),
    el('div', { class: 'field small' }, el('label', { for: `q-reading-${i}` }, 'Reading (s)'), reading),
    el('div', { class: 'field points' }, el('label', { for: `q-points-${i}` }, 'Points'), points),
    el('div', { class: 'field grow' }, el('label', { for: `q-section-${i}` }, 'Section of the notes'), section)));

  card.append(field(i, 'explanation', q.type === 'poll' ? 'Explanation (optional)' : 'Explanation shown after the answer',
    textarea(q.explanation, (v) => { q.explanation = v; }, { rows: 2, field: 'explanation', id: `q-explanation-${i}` })));

  card.append(imageEditor(q, i));
  // Keyboard reorder: Alt+↑ / Alt+↓ anywhere inside the card.
  card.addEventListener('keydown', (e) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    const to = e.key === 'ArrowUp' ? i - 1 : i + 1;
    if (to < 0 || to >= state.quiz.questions.length) return;
    const id = document.activeElement && document.activeElement.id
      ? document.activeElement.id.replace(/-\d+$/, '') : null;
    move(i, to, null, id);
  });
  card.addEventListener('focusin', () => selectQuestion(i));

  // Drag and drop by the handle.
  handle.addEventListener('dragstart', (e) => {
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('text/x-quizroom-question', String(i));
    e.dataTransfer.setDragImage(card, 20, 20);
    card.classList.add('dragging');
  });
  handle.addEventListener('dragend', () => card.classList.remove('dragging'));
  card.addEventListener('dragover', (e) => {
    if (![...e.dataTransfer.types].includes('text/x-quizroom-question')) return;
    e.preventDefault();
    card.classList.add('drop-target');
  });
  card.addEventListener('dragleave', () => card.classList.remove('drop-target'));
  card.addEventListener('drop', (e) => {
    const from = Number(e.dataTransfer.getData('text/x-quizroom-question'));
    card.classList.remove('drop-target');
    if (!Number.isInteger(from) || from === i) return;
    e.preventDefault();
    move(from, i);
  });
  return card;
}

// ---- review of a draft made from notes ----------------------------------------------------------

const REVIEW_LABELS = {
  draft: 'Draft — not saved until you accept or edit it',
  accepted: 'Accepted',
  edited: 'Edited — kept',
};

function reviewNote(q, i, card) {
  const n = i + 1;
  card.dataset.review = q.review;
  const accept = el('button', { type: 'button', class: 'accept-button', 'aria-label': `Accept question ${n}`, hidden: q.review !== 'draft',
    on: { click: () => { q.review = 'accepted'; showReview(q, card); renderDraftReview(); scheduleValidate(); announce(`Question ${n} accepted.`); } } },
  'Accept');
  const discard = el('button', { type: 'button', class: 'danger', 'aria-label': `Discard question ${n}`,
    on: { click: () => discardQuestion(i) } }, 'Discard');
  const note = el('div', { class: 'draft-note review-note' },
    el('p', { class: 'review-line' }, el('span', { class: 'draft-badge review-status', dataset: { review: q.review } }, REVIEW_LABELS[q.review])),
    q.source ? el('p', { class: 'source' }, el('span', { class: 'muted' }, 'From your notes: '), String(q.source)) : null,
    el('div', { class: 'review-actions' }, accept, discard));
  return note;
}

/** Updates a card's review mark in place (no re-render: the teacher's focus and caret stay put). */
function showReview(q, card) {
  card.dataset.review = q.review;
  const badge = card.querySelector('.review-status');
  if (badge) {
    badge.dataset.review = q.review;
    badge.textContent = REVIEW_LABELS[q.review];
  }
  const accept = card.querySelector('.accept-button');
  if (accept) accept.hidden = q.review !== 'draft';
}

function discardQuestion(i) {
  state.quiz.questions.splice(i, 1);
  markDirty();
  const next = Math.min(i, state.quiz.questions.length - 1);
  renderQuestions(next >= 0 ? next : null, '.accept-button:not([hidden]), textarea');
  selectQuestion(Math.max(0, next));
  announce(`Question ${i + 1} discarded.`);
}

function acceptSection(section) {
  let n = 0;
  state.quiz.questions.forEach((q) => {
    if (q.review === 'draft' && (q.section || '') === section) { q.review = 'accepted'; n++; }
  });
  document.querySelectorAll('li.question-card').forEach((card) => {
    const q = state.quiz.questions[Number(card.dataset.index)];
    if (q && q.review) showReview(q, card);
  });
  renderDraftReview();
  // The pressed button was re-drawn (and is now disabled): keep the keyboard in the panel.
  $('draft-review-title').focus();
  scheduleValidate();
  announce(`${n} question${n === 1 ? '' : 's'} accepted in ${section || 'questions without a section'}.`);
}

/** The panel above the questions: how many drafts are left, per section, with "accept all in this section". */
function renderDraftReview() {
  const reviewed = state.quiz.questions.filter((q) => q.review);
  const panel = $('draft-review');
  panel.hidden = reviewed.length === 0;
  if (!reviewed.length) return;
  const drafts = reviewed.filter((q) => q.review === 'draft').length;
  const kept = state.quiz.questions.filter(isSaved).length;
  setText('draft-summary', `${drafts} draft question${drafts === 1 ? '' : 's'} to review; ${kept} will be saved. `
    + 'Drafts and the sentences they came from stay in the editor: only accepted and edited questions go into the quiz file.');
  const sections = new Map();
  for (const q of reviewed) {
    const key = q.section || '';
    if (!sections.has(key)) sections.set(key, { drafts: 0, kept: 0 });
    sections.get(key)[q.review === 'draft' ? 'drafts' : 'kept'] += 1;
  }
  const more = $('draft-more');
  more.hidden = state.more.length === 0;
  more.textContent = `Add ${state.more.length} more question${state.more.length === 1 ? '' : 's'} from the notes as drafts`;
  const list = clear($('draft-sections'));
  for (const [section, c] of sections) {
    const name = section || 'No section';
    list.append(el('li', { class: 'draft-section' },
      el('p', {}, el('span', { class: 'draft-section-name' }, name), ' ',
        el('span', { class: 'muted draft-section-counts' }, `${c.drafts} to review · ${c.kept} kept`)),
      el('button', { type: 'button', disabled: c.drafts === 0,
        'aria-label': `Accept all in this section: ${name}`, dataset: { section },
        on: { click: () => acceptSection(section) } }, 'Accept all in this section')));
  }
}

function field(i, name, label, control, ...after) {
  const id = control.id;
  return el('div', { class: 'field', dataset: { for: name } }, el('label', { for: id }, label), control, ...after);
}

function textarea(value, set, { rows = 2, field: name, id }) {
  const area = el('textarea', { id, rows, dataset: { field: name } });
  area.value = value ?? '';
  area.addEventListener('input', () => {
    set(area.value);
    if (name === 'text') {
      const index = Number(area.closest('li').dataset.index);
      const math = $(`q-math-${index}`);
      if (math) {
        math.hidden = !hasMath(area.value);
        clear(math).append(mathText(area.value));
      }
    }
    markDirty();
  });
  return area;
}

// ---- the answer part, per type -----------------------------------------------------------------

function answerEditor(q, i) {
  const box = el('fieldset', { class: 'answers', dataset: { field: answerField(q.type) } });
  switch (q.type) {
    case 'single':
    case 'multi':
    case 'poll':
      box.append(el('legend', {}, q.type === 'poll' ? 'Choices (2 to 6)'
        : q.type === 'single' ? 'Choices (2 to 6) — mark the correct one' : 'Choices (2 to 6) — mark every correct one'));
      box.append(choiceRows(q, i));
      break;
    case 'order':
      box.append(el('legend', {}, 'Items in the correct order (3 to 6); players see them shuffled'));
      box.append(listRows(q, i, 'items', 'Item', 3, 6));
      break;
    case 'truefalse': {
      box.append(el('legend', {}, 'Correct answer'));
      const name = `tf-${i}-${uid++}`;
      for (const [value, label] of [[true, 'True'], [false, 'False']]) {
        const id = `${name}-${label}`;
        const radio = el('input', { type: 'radio', name, id, checked: q.answer === value ? true : null });
        radio.checked = q.answer === value;
        radio.addEventListener('change', () => { if (radio.checked) { q.answer = value; markDirty(); } });
        box.append(el('div', { class: 'inline-choice' }, radio, el('label', { for: id }, label)));
      }
      break;
    }
    case 'type':
      box.append(el('legend', {}, 'Accepted answers (case, accents and spacing are ignored)'));
      box.append(listRows(q, i, 'answers', 'Accepted answer', 1, 20));
      break;
    case 'number': {
      box.append(el('legend', {}, 'Correct number'));
      const answer = el('input', { id: `q-number-${i}`, inputmode: 'decimal', value: q.answer ?? '', dataset: { field: 'answer' } });
      const tolerance = el('input', { id: `q-tolerance-${i}`, inputmode: 'decimal', placeholder: '0', value: q.tolerance ?? '', dataset: { field: 'tolerance' } });
      const num = (v) => (v.trim() === '' ? undefined : (Number.isFinite(Number(v.replace(',', '.'))) ? Number(v.replace(',', '.')) : v));
      answer.addEventListener('input', () => { q.answer = num(answer.value); if (q.answer === undefined) q.answer = ''; markDirty(); });
      tolerance.addEventListener('input', () => { const t = num(tolerance.value); if (t === undefined) delete q.tolerance; else q.tolerance = t; markDirty(); });
      box.append(el('div', { class: 'settings-row' },
        el('div', { class: 'field' }, el('label', { for: `q-number-${i}` }, 'Answer'), answer),
        el('div', { class: 'field' }, el('label', { for: `q-tolerance-${i}` }, 'Accept ± (tolerance)'), tolerance)));
      break;
    }
    default:
  }
  return box;
}

function answerField(type) {
  return { single: 'choices', multi: 'choices', poll: 'choices', order: 'items', truefalse: 'answer', type: 'answers', number: 'answer' }[type];
}

/** Choice rows with a correct-marker (radio for single, checkbox for multi, none for a poll). */
function choiceRows(q, i) {
  const wrap = el('div', { class: 'rows' });
  const group = `correct-${i}-${uid++}`;
  const sync = () => {
    const rows = [...wrap.querySelectorAll('.choice-row')];
    q.choices = rows.map((r) => r.querySelector('input.choice-text').value);
    if (q.type === 'single') {
      const checked = rows.find((r) => r.querySelector('input.correct').checked);
      q.answer = checked ? checked.querySelector('input.choice-text').value : '';
    } else if (q.type === 'multi') {
      q.answers = rows.filter((r) => r.querySelector('input.correct').checked).map((r) => r.querySelector('input.choice-text').value);
    }
    markDirty();
  };
  const correctSet = q.type === 'single' ? [q.answer] : q.type === 'multi' ? (q.answers || []) : [];
  const addRow = (text, correct, focus) => {
    const k = wrap.querySelectorAll('.choice-row').length;
    const shape = shapeOf(k);
    const textInput = el('input', { class: 'choice-text', id: `q-${i}-choice-${k}`, value: text ?? '', maxlength: 80, autocomplete: 'off',
      'aria-label': `Choice ${k + 1} (${shape.colour} ${shape.name})` });
    textInput.addEventListener('input', sync);
    let marker = null;
    if (q.type !== 'poll') {
      marker = el('input', {
        type: q.type === 'single' ? 'radio' : 'checkbox', class: 'correct', name: group,
        'aria-label': `Choice ${k + 1} is correct`,
      });
      marker.checked = Boolean(correct);
      marker.addEventListener('change', sync);
    }
    const removeButton = el('button', { type: 'button', class: 'icon-button', 'aria-label': `Remove choice ${k + 1}`,
      on: { click: () => { row.remove(); renumber(); sync(); } } }, '✕');
    const row = el('div', { class: `choice-row c-${shape.colour}` }, marker, shapeIcon(k, 'shape choice-shape'), textInput, removeButton);
    wrap.insertBefore(row, addButton);
    if (focus) textInput.focus();
  };
  const renumber = () => {
    [...wrap.querySelectorAll('.choice-row')].forEach((row, k) => {
      const shape = shapeOf(k);
      row.className = `choice-row c-${shape.colour}`;
      row.querySelector('svg').replaceWith(shapeIcon(k, 'shape choice-shape'));
      const input = row.querySelector('input.choice-text');
      input.id = `q-${i}-choice-${k}`;
      input.setAttribute('aria-label', `Choice ${k + 1} (${shape.colour} ${shape.name})`);
      const marker = row.querySelector('input.correct');
      if (marker) marker.setAttribute('aria-label', `Choice ${k + 1} is correct`);
      row.querySelector('button').setAttribute('aria-label', `Remove choice ${k + 1}`);
    });
    addButton.disabled = wrap.querySelectorAll('.choice-row').length >= 6;
  };
  const addButton = el('button', { type: 'button', class: 'add-row', on: { click: () => { addRow('', false, true); renumber(); sync(); } } }, 'Add choice');
  wrap.append(addButton);
  (q.choices || []).forEach((c) => addRow(c, correctSet.includes(c) && c !== '', false));
  renumber();
  return wrap;
}

/** Plain text rows (order items, accepted answers). */
function listRows(q, i, key, label, min, max) {
  const wrap = el('div', { class: 'rows' });
  const sync = () => {
    q[key] = [...wrap.querySelectorAll('input.row-text')].map((input) => input.value);
    markDirty();
  };
  const addRow = (text, focus) => {
    const k = wrap.querySelectorAll('.text-row').length;
    const input = el('input', { class: 'row-text', id: `q-${i}-${key}-${k}`, value: text ?? '', autocomplete: 'off', 'aria-label': `${label} ${k + 1}` });
    input.addEventListener('input', sync);
    const row = el('div', { class: 'text-row' },
      key === 'items' ? el('span', { class: 'row-number', 'aria-hidden': 'true' }, `${k + 1}.`) : null,
      input,
      el('button', { type: 'button', class: 'icon-button', 'aria-label': `Remove ${label.toLowerCase()} ${k + 1}`,
        on: { click: () => { row.remove(); renumber(); sync(); } } }, '✕'));
    wrap.insertBefore(row, addButton);
    if (focus) input.focus();
  };
  const renumber = () => {
    [...wrap.querySelectorAll('.text-row')].forEach((row, k) => {
      const number = row.querySelector('.row-number');
      if (number) number.textContent = `${k + 1}.`;
      row.querySelector('input').setAttribute('aria-label', `${label} ${k + 1}`);
      row.querySelector('button').setAttribute('aria-label', `Remove ${label.toLowerCase()} ${k + 1}`);
    });
    addButton.disabled = wrap.querySelectorAll('.text-row').length >= max;
  };
  const addButton = el('button', { type: 'button', class: 'add-row', on: { click: () => { addRow('', true); renumber(); sync(); } } },
    key === 'items' ? 'Add item' : 'Add accepted answer');
  wrap.append(addButton);
  (q[key] || []).forEach((t) => addRow(t, false));
  renumber();
  return wrap;
}

// ---- picture -------------------------------------------------------------------------------

function imageEditor(q, i) {
  // In the file: image: {file: img-….png, alt: what it shows} (a picture beside the quiz file).
  const box = el('div', { class: 'image-editor', dataset: { field: 'image' } });
  const image = q.image && typeof q.image === 'object' ? q.image : null;
  if (image && image.file) {
    const alt = el('input', { id: `q-alt-${i}`, value: image.alt || '', maxlength: 250, dataset: { field: 'image.alt' } });
    alt.addEventListener('input', () => { image.alt = alt.value; markDirty(); });
    box.append(
      el('img', { class: 'thumb', src: imageUrl(image.file), alt: image.alt || '', dataset: { field: 'image.file' } }),
      el('div', { class: 'field grow' },
        el('label', { for: `q-alt-${i}` }, 'Describe the picture (read to students who cannot see it)'), alt,
        el('button', { type: 'button', 'aria-label': `Remove the picture of question ${i + 1}`,
          on: { click: () => { delete q.image; markDirty(); renderQuestions(i, '.image-editor input[type=file]'); } } },
        'Remove picture')));
  } else {
    const input = el('input', { type: 'file', id: `q-image-${i}`, accept: 'image/png,image/jpeg,image/webp', dataset: { field: 'image.file' } });
    input.addEventListener('change', () => upload(input, q, i));
    box.append(el('div', { class: 'field' },
      el('label', { for: `q-image-${i}` }, 'Picture (optional: PNG, JPEG or WebP, up to 1 MB)'), input));
  }
  return box;
}

function imageUrl(file) {
  // Pictures live beside the quiz files; the editor reads them through its own API.
  return /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/.test(String(file)) ? `/api/authoring/images/${encodeURIComponent(file)}` : '';
}

async function upload(input, q, i) {
  const file = input.files && input.files[0];
  if (!file) return;
  const form = new FormData();
  form.append('file', file);
  try {
    const stored = await api('/api/authoring/images', { method: 'POST', body: form });
    q.image = { file: stored.file, alt: (q.image && q.image.alt) || '' };
    markDirty();
    renderQuestions(i, `#q-alt-${i}`);
    announce('Picture added. Now describe it.');
  } catch (err) {
    showError(`Could not add the picture: ${err.message}`);
    input.value = '';
  }
}

// ---- structure changes -----------------------------------------------------------------------

function move(from, to, focusSelector = null, focusIdPrefix = null) {
  const qs = state.quiz.questions;
  const [q] = qs.splice(from, 1);
  qs.splice(to, 0, q);
  markDirty();
  renderQuestions(to, focusIdPrefix ? `[id^="${focusIdPrefix}-"]` : focusSelector || '.drag-handle ~ select');
  selectQuestion(to);
  announce(`Question moved to position ${to + 1} of ${qs.length}.`);
}

function duplicate(i) {
  const copy = JSON.parse(JSON.stringify(state.quiz.questions[i]));
  state.quiz.questions.splice(i + 1, 0, copy);
  markDirty();
  renderQuestions(i + 1);
  selectQuestion(i + 1);
  announce(`Question ${i + 1} duplicated as question ${i + 2}.`);
}

function remove(i) {
  const q = state.quiz.questions[i];
  if ((q.text || '').trim() && !window.confirm(`Delete question ${i + 1}, “${q.text}”?`)) return;
  state.quiz.questions.splice(i, 1);
  markDirty();
  const next = Math.min(i, state.quiz.questions.length - 1);
  renderQuestions(next >= 0 ? next : null);
  selectQuestion(Math.max(0, next));
  announce(`Question ${i + 1} deleted.`);
}

function addQuestion() {
  const type = $('new-type').value;
  state.quiz.questions.push(blankQuestion(type));
  const i = state.quiz.questions.length - 1;
  markDirty();
  renderQuestions(i);
  selectQuestion(i);
  $(`q-text-${i}`).scrollIntoView({ block: 'center' });
}

// ---------------------------------------------------------------------------------------------
// Live validation: the server runs the loader's own rules on exactly what would be saved.

function scheduleValidate() {
  clearTimeout(validateTimer);
  validateTimer = setTimeout(validate, 350);
}

async function validate() {
  const seq = ++validateSeq;
  if (savedIndexes().length === 0 && state.quiz.questions.some((q) => q.review === 'draft')) {
    // Only drafts so far: nothing would be saved, which showCheck says in its own words.
    state.check = { problems: [], warnings: [] };
    showCheck();
    return;
  }
  try {
    const check = await api('/api/authoring/validate', jsonInit('POST', { quiz: quizForServer(), id: state.id }));
    if (seq !== validateSeq) return;
    state.check = check;
    showCheck();
  } catch (err) {
    if (err.status === 401) showError('Log in as the teacher to use the editor.');
  }
}

function showCheck() {
  const { problems = [], warnings = [] } = state.check || {};
  // The server numbers the saved questions; drafts not yet kept are not among them.
  const positions = savedIndexes();
  const at = (n) => (positions[n - 1] ?? n - 1);
  document.querySelectorAll('[aria-invalid="true"]').forEach((n) => n.removeAttribute('aria-invalid'));
  clear($('quiz-problems'));
  document.querySelectorAll('ul.problems, ul.warnings').forEach((u) => clear(u));
  document.querySelectorAll('li.question-card').forEach((c) => c.classList.remove('has-problems', 'has-warnings'));
  for (const p of problems) {
    const label = FIELD_LABELS[p.field] || p.field || '';
    const line = el('li', {}, label ? el('strong', {}, `${label}: `) : null, p.message);
    if (p.question) {
      const list = $(`q-problems-${at(p.question)}`);
      if (!list) continue;
      list.append(line);
      const card = list.closest('li.question-card');
      card.classList.add('has-problems');
      const control = card.querySelector(`[data-field="${p.field}"]`);
      if (control) control.setAttribute('aria-invalid', 'true');
    } else {
      $('quiz-problems').append(line);
      const control = document.querySelector(`.quiz-head [data-field="${p.field}"]`);
      if (control) control.setAttribute('aria-invalid', 'true');
    }
  }
  for (const w of warnings) {
    const line = el('li', {}, el('strong', {}, 'Tip: '), w.message);
    const list = w.question ? $(`q-warnings-${at(w.question)}`) : $('quiz-problems');
    if (list) list.append(line);
    if (w.question && list) list.closest('li.question-card').classList.add('has-warnings');
  }
  const count = problems.length;
  const validity = $('validity');
  if (positions.length === 0 && state.quiz.questions.some((q) => q.review === 'draft')) {
    validity.dataset.valid = 'false';
    validity.textContent = 'Accept or edit a question to save';
    return;
  }
  validity.dataset.valid = String(count === 0);
  validity.textContent = count === 0
    ? (warnings.length ? `Ready to save · ${warnings.length} tip${warnings.length === 1 ? '' : 's'}` : 'Ready to save')
    : `${count} problem${count === 1 ? '' : 's'} to fix before saving`;
}

// ---------------------------------------------------------------------------------------------
// Saving, versions, conflicts

async function save() {
  if (state.lostComments > 0 && !state.commentsAcknowledged) {
    const ok = window.confirm(`This file has ${state.lostComments} hand-written comment${state.lostComments === 1 ? '' : 's'} `
      + 'between its questions. Saving from the editor removes them (comments at the top of the file are kept; '
      + 'the current file is kept in Versions). Save anyway?');
    if (!ok) return;
    state.commentsAcknowledged = true;
  }
  if (savedIndexes().length === 0 && state.quiz.questions.some((q) => q.review === 'draft')) {
    setText('save-status', 'Not saved: accept or edit at least one draft question first.');
    return;
  }
  const button = $('save');
  button.disabled = true;
  setText('save-status', 'Saving…');
  try {
    const saved = state.id
      ? await api(`/api/authoring/quizzes/${encodeURIComponent(state.id)}`, jsonInit('PUT', { version: state.version, quiz: quizForServer() }))
      : await api('/api/authoring/quizzes', jsonInit('POST', { quiz: quizForServer() }));
    const created = !state.id;
    state.id = saved.id;
    state.version = saved.version;
    state.dirty = false;
    state.lostComments = 0;
    $('comments-warning').hidden = true;
    // Draft markers are done with once the quiz is a file.
    state.quiz.questions.forEach((q) => { delete q.draft; });
    if (created) {
      history.replaceState(null, '', `/editor?id=${encodeURIComponent(saved.id)}`);
      renderQuestions();
    }
    document.body.dataset.saved = saved.version;
    const left = state.quiz.questions.filter((q) => q.review === 'draft').length;
    setText('save-status', `Saved as quizzes/${saved.id}.yaml at ${new Date().toLocaleTimeString('en-GB')}`
      + (left ? ` · ${left} draft${left === 1 ? '' : 's'} not saved` : ''));
    $('conflict').hidden = true;
    showError('');
    updateExportLinks();
    if (!$('versions-panel').hidden) loadVersions();
    announce('Saved.');
  } catch (err) {
    if (err.status === 409) {
      setText('conflict-message', err.message);
      $('conflict').hidden = false;
      setText('save-status', 'Not saved: the file is newer');
      $('conflict').scrollIntoView({ block: 'nearest' });
    } else if (err.status === 422 && err.body && Array.isArray(err.body.problems)) {
      state.check = { problems: err.body.problems, warnings: [] };
      showCheck();
      setText('save-status', `Not saved: ${err.message}`);
    } else {
      setText('save-status', '');
      showError(`Could not save: ${err.message}`);
    }
  } finally {
    button.disabled = false;
  }
}

function updateExportLinks() {
  for (const format of ['gift', 'xlsx', 'csv']) {
    const link = $(`export-${format}`);
    if (state.id && !state.dirty) {
      link.href = `/api/authoring/quizzes/${encodeURIComponent(state.id)}/export?format=${format}`;
      link.removeAttribute('aria-disabled');
    } else {
      link.removeAttribute('href');
      link.setAttribute('aria-disabled', 'true');
      link.title = 'Save first';
    }
  }
  $('versions-button').disabled = !state.id;
}

async function loadVersions() {
  const list = clear($('versions-list'));
  if (!state.id) return;
  try {
    const versions = await api(`/api/authoring/quizzes/${encodeURIComponent(state.id)}/versions`);
    if (!versions.length) list.append(el('li', { class: 'muted' }, 'No earlier versions yet.'));
    for (const v of versions) {
      list.append(el('li', { class: 'version' },
        el('span', {}, formatDate(v.savedAt), v.reason === 'conflict' ? el('span', { class: 'muted' }, ' (a refused save)') : null),
        el('button', { type: 'button', 'aria-label': `Restore the version of ${formatDate(v.savedAt)}`,
          on: { click: () => restore(v) } }, 'Restore')));
    }
  } catch (err) {
    list.append(el('li', { class: 'muted' }, `Could not list versions: ${err.message}`));
  }
}

async function restore(v) {
  if (state.dirty && !window.confirm('Restoring replaces your unsaved changes. Continue?')) return;
  try {
    await api(`/api/authoring/quizzes/${encodeURIComponent(state.id)}/versions/${encodeURIComponent(v.name)}/restore`,
      jsonInit('POST', { version: state.version }));
    await openQuiz(state.id);
    setText('save-status', `Restored the version of ${formatDate(v.savedAt)}`);
    loadVersions();
  } catch (err) {
    showError(`Could not restore: ${err.message}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Preview: the selected question as a phone and as the projector will show it.

function selectQuestion(i) {
  if (i === state.selected && document.querySelector('li.question-card.selected')) return;
  state.selected = i;
  document.querySelectorAll('li.question-card').forEach((c) => c.classList.toggle('selected', Number(c.dataset.index) === i));
  renderPreview();
}

function renderPreview() {
  const q = state.quiz.questions[state.selected];
  const phone = clear($('preview-phone'));
  const projector = clear($('preview-projector'));
  setText('preview-which', q ? `· question ${state.selected + 1}` : '');
  if (!q) {
    phone.append(el('p', { class: 'muted' }, 'Add a question to see it here.'));
    return;
  }
  const total = state.quiz.questions.length;
  const picture = q.image && q.image.file && imageUrl(q.image.file)
    ? el('img', { class: 'preview-image', src: imageUrl(q.image.file), alt: q.image.alt || '' }) : null;
  const choiceList = (big) => {
    const items = q.type === 'truefalse' ? ['True', 'False'] : (q.choices || q.items || []);
    if (q.type === 'type') return el('div', { class: 'preview-input' }, 'Type your answer');
    if (q.type === 'number') return el('div', { class: 'preview-input' }, 'Type a number');
    return el('div', { class: `preview-choices${q.type === 'order' ? ' order' : ''}` },
      items.map((c, k) => {
        const shape = shapeOf(k);
        return el('div', { class: `preview-choice c-${shape.colour}${big ? ' big' : ''}` },
          q.type === 'order' ? el('span', { class: 'row-number' }, `${k + 1}.`) : shapeIcon(k),
          mathText(c || '…'));
      }));
  };
  append(phone,
    el('div', { class: 'preview-bar' }, el('span', {}, 'Ada'), el('span', {}, '0 pts')),
    el('p', { class: 'preview-progress' }, `Question ${state.selected + 1} of ${total} · ${q.time || 20} s`),
    el('h3', { class: 'preview-text' }, mathText(q.text || 'Your question text')),
    picture,
    choiceList(false));
  append(projector,
    el('div', { class: 'projector-top' }, el('span', {}, `${state.selected + 1} / ${total}`), el('span', { class: 'projector-timer' }, String(q.time || 20))),
    el('h3', { class: 'projector-text' }, mathText(q.text || 'Your question text')),
    picture ? picture.cloneNode(true) : null,
    choiceList(true));
  phone.hidden = state.preview !== 'phone';
  projector.hidden = state.preview !== 'projector';
}

function setPreview(which) {
  state.preview = which;
  $('preview-phone-button').setAttribute('aria-pressed', String(which === 'phone'));
  $('preview-projector-button').setAttribute('aria-pressed', String(which === 'projector'));
  renderPreview();
}

// ---------------------------------------------------------------------------------------------
// Opening a quiz

function loadQuiz(quiz, { id = null, version = null, lostComments = 0, problems = null, warnings = null } = {}) {
  state.id = id;
  state.version = version;
  state.quiz = {
    title: typeof quiz.title === 'string' ? quiz.title : '',
    description: typeof quiz.description === 'string' ? quiz.description : '',
    questions: Array.isArray(quiz.questions) ? quiz.questions.filter((q) => q && typeof q === 'object').map((q) => ({ ...q })) : [],
  };
  state.extra = {};
  state.more = [];
  for (const [k, v] of Object.entries(quiz || {})) {
    if (!['title', 'description', 'questions', 'id'].includes(k)) state.extra[k] = v;
  }
  state.dirty = !id;
  state.lostComments = lostComments;
  state.commentsAcknowledged = false;
  state.selected = 0;
  state.check = { problems: problems || [], warnings: warnings || [] };
  const warning = $('comments-warning');
  warning.hidden = !lostComments;
  warning.textContent = lostComments
    ? `This file has ${lostComments} hand-written comment${lostComments === 1 ? '' : 's'} between its questions. `
      + 'Saving from the editor will remove them (comments at the top of the file are kept, and the current file stays in Versions).'
    : '';
  setPhase('editing');
  renderAll();
  setText('save-status', id ? `Opened quizzes/${id}` : 'Not saved yet');
  updateExportLinks();
  if (!problems) scheduleValidate(); else showCheck();
}

async function openQuiz(id) {
  const opened = await api(`/api/authoring/quizzes/${encodeURIComponent(id)}`);
  loadQuiz(opened.quiz, {
    id: opened.id, version: opened.version, lostComments: opened.lostComments,
    problems: opened.problems, warnings: opened.warnings,
  });
  document.title = `Quizroom — Edit ${opened.quiz.title || id}`;
}

// ---- import ------------------------------------------------------------------------------------

let imported = null;

async function readImport(e) {
  e.preventDefault();
  const file = $('import-file').files[0];
  if (!file) return;
  const form = new FormData();
  form.append('file', file);
  const format = $('import-format').value;
  const button = $('import-button');
  button.disabled = true;
  showError('');
  try {
    imported = await api(`/api/authoring/import${format ? `?format=${encodeURIComponent(format)}` : ''}`, { method: 'POST', body: form });
    showImport(imported);
  } catch (err) {
    $('import-preview').hidden = true;
    showError(`Could not import: ${err.message}`);
  } finally {
    button.disabled = false;
  }
}

function showImport(result) {
  const questions = result.quiz.questions || [];
  const issues = result.issues || [];
  const problems = result.problems || [];
  const skipped = issues.filter((i) => i.kind === 'skipped').length;
  setText('import-summary', `${questions.length} question${questions.length === 1 ? '' : 's'} from ${result.fileName}`
    + (skipped ? ` · ${skipped} not converted` : ''));
  const list = clear($('import-questions'));
  questions.forEach((q) => list.append(el('li', {},
    el('span', { class: 'type-tag' }, TYPES[q.type] || q.type), ' ', q.text,
    q.source ? el('span', { class: 'muted' }, ` — ${String(q.source).replace(/^.*, /, '')}`) : null)));
  const unit = result.format === 'xlsx' || result.format === 'csv' ? 'Row' : 'Line';
  const issueList = clear($('import-issues'));
  issues.forEach((i) => issueList.append(el('li', { class: `issue-${i.kind}` },
    el('strong', {}, `${unit} ${i.line} — ${i.kind === 'skipped' ? 'not converted' : 'changed'}: `), i.message,
    i.excerpt ? el('q', { class: 'excerpt' }, i.excerpt) : null)));
  $('import-issues-box').hidden = !issues.length;
  const problemList = clear($('import-problems'));
  problems.forEach((p) => problemList.append(el('li', {},
    el('strong', {}, p.question ? `Question ${p.question}${p.field ? `, ${FIELD_LABELS[p.field] || p.field}` : ''}: ` : ''), p.message)));
  $('import-problems-box').hidden = !problems.length;
  $('import-open').disabled = !questions.length;
  $('import-preview').hidden = false;
  $('import-summary').focus();
}

// ---------------------------------------------------------------------------------------------

// ---- notes to draft ------------------------------------------------------------------------------

async function readNotes(e) {
  e.preventDefault();
  const file = $('notes-file').files[0];
  const text = $('notes-text').value;
  if (!file && !text.trim()) {
    showError('Choose a notes file or paste the notes first.');
    $('notes-file').focus();
    return;
  }
  const button = $('notes-button');
  button.disabled = true;
  showError('');
  setText('notes-status', 'Reading the notes…');
  try {
    let init;
    if (file) {
      const form = new FormData();
      form.append('file', file);
      init = { method: 'POST', body: form };
    } else {
      init = { method: 'POST', headers: { 'Content-Type': 'text/plain; charset=UTF-8' }, body: text };
    }
    const draft = await api('/api/drafts', init);
    setText('notes-status', '');
    history.replaceState(null, '', '/editor?new=1');
    loadQuiz(handedOver(draft));
    state.more = (draft.more || []).filter((d) => d && d.question).map(fromDraft);
    renderDraftReview();
    document.title = `Quizroom — Draft: ${draft.title || 'from notes'}`;
    const n = draft.questions.length;
    announce(`${n} draft question${n === 1 ? '' : 's'} from ${draft.sections.length} sections of your notes. `
      + 'Accept, edit or discard each one; only accepted and edited questions are saved.');
    $('draft-review-title').focus();
  } catch (err) {
    setText('notes-status', '');
    showError(`No draft: ${err.message}`);
  } finally {
    button.disabled = false;
  }
}

/** A question of the notes-to-draft API's answer as the editor's model, with its source and review mark. */
function fromDraft(d) {
  return {
    ...d.question,
    ...(d.section && !d.question.section ? { section: d.section } : {}),
    ...(d.source ? { source: d.source } : {}),
    review: d.status === 'accepted' || d.status === 'edited' ? d.status : 'draft',
  };
}

/** Puts the draft's other candidates into the list as drafts, each after the last question of its section. */
function addMore() {
  const n = state.more.length;
  for (const q of state.more) {
    const qs = state.quiz.questions;
    let at = -1;
    qs.forEach((other, i) => { if ((other.section || '') === (q.section || '')) at = i; });
    qs.splice(at >= 0 ? at + 1 : qs.length, 0, q);
  }
  state.more = [];
  markDirty();
  renderQuestions();
  $('draft-review-title').focus();
  announce(`${n} more draft question${n === 1 ? '' : 's'} added, each after its section's questions.`);
}

/** The quiz in a handed-over object: a quiz, {quiz: …}, or a notes draft with per-question sources. */
function handedOver(obj) {
  if (obj && Array.isArray(obj.questions) && obj.questions.some((d) => d && d.question && typeof d.question === 'object')) {
    return {
      title: obj.title || (obj.quiz && obj.quiz.title) || '',
      description: (obj.quiz && obj.quiz.description) || '',
      questions: obj.questions.filter((d) => d && d.question && d.status !== 'discarded').map(fromDraft),
    };
  }
  return (obj && obj.quiz) || obj || {};
}

async function start() {
  const params = new URLSearchParams(location.search);
  try {
    if (params.get('id')) {
      await openQuiz(params.get('id'));
    } else if (params.has('import')) {
      setPhase('import');
    } else if (params.has('notes')) {
      setPhase('notes');
      document.title = 'Quizroom — Draft a quiz from notes';
    } else if (params.get('load')) {
      const path = params.get('load');
      if (!/^\/api\/[A-Za-z0-9/_.?=&-]+$/.test(path) || path.includes('..')) throw new Error('only this server’s /api/ addresses can be loaded');
      loadQuiz(handedOver(await api(path)));
    } else {
      loadQuiz({ title: '', description: '', questions: [blankQuestion('single')] });
    }
  } catch (err) {
    setPhase('error');
    showError(`Could not open the quiz: ${err.message}`);
  }
}

$('quiz-title').addEventListener('input', (e) => { state.quiz.title = e.target.value; markDirty(); });
$('quiz-description').addEventListener('input', (e) => { state.quiz.description = e.target.value; markDirty(); });
$('add-question').addEventListener('click', addQuestion);
$('save').addEventListener('click', save);
$('preview-phone-button').addEventListener('click', () => setPreview('phone'));
$('preview-projector-button').addEventListener('click', () => setPreview('projector'));
$('versions-button').addEventListener('click', () => {
  const panel = $('versions-panel');
  panel.hidden = !panel.hidden;
  $('versions-button').setAttribute('aria-expanded', String(!panel.hidden));
  if (!panel.hidden) loadVersions();
});
$('conflict-reload').addEventListener('click', () => {
  if (state.id) openQuiz(state.id).then(() => { $('conflict').hidden = true; });
});
$('conflict-dismiss').addEventListener('click', () => { $('conflict').hidden = true; });
$('import-form').addEventListener('submit', readImport);
$('notes-form').addEventListener('submit', readNotes);
$('draft-more').addEventListener('click', addMore);
$('import-open').addEventListener('click', () => {
  if (!imported) return;
  history.replaceState(null, '', '/editor?new=1');
  loadQuiz(imported.quiz);
});
document.addEventListener('keydown', (e) => {
  if ((e.ctrlKey || e.metaKey) && e.key === 's' && document.body.dataset.phase === 'editing') {
    e.preventDefault();
    save();
  }
});
window.addEventListener('beforeunload', (e) => {
  if (state.dirty && document.body.dataset.phase === 'editing') {
    e.preventDefault();
    e.returnValue = '';
  }
});
// KaTeX loads with `defer`; render maths once it is there.
window.addEventListener('load', () => { if (document.body.dataset.phase === 'editing') { renderQuestions(); renderPreview(); } });
start();
