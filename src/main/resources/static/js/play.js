// Student page at /play and /play?pin=…: join, then answer on the phone itself.
import { $, el, clear, setText, setPhase, ordinal, formatNumber, pinFromUrl, shapeIcon, Countdown, errorMessage, imageOf } from './dom.js';
import { connectGame, statusBanner } from './live.js';
import { normType, colourClass, correctAnswerBlock, describeAnswer } from './answers.js';
import { setRichText, richEl, hasMaths, plainText } from './rich.js';

const KEY_TYPES = new Set(['single', 'truefalse', 'poll']);
const ACK_TIMEOUT_MS = 8000;
const READY_MS = 1500; // the "get ready" beat at the start of a reading time (as on the projector)
const sessionKey = (pin) => `quizroom.player.${pin}`;

let pin = pinFromUrl();
let session = null;   // {playerId, playerToken, nickname}
let live = null;

const s = {
  question: null,      // the QUESTION being shown
  answer: 'idle',      // idle | open | sending | locked | closed
  pending: null,       // {question, answer} sent but not yet acknowledged
  myAnswers: new Map(),// index -> answer, for "Your answer: …" on the reveal
  selected: new Set(), // multi: picked choice indices
  order: [],           // order: choice indices in the student's current order
  score: 0,
  rank: null,
  playerCount: null,
  reveals: new Map(),
  finished: false,
  kicked: false,
  kickNotice: null, // a KICKED event not yet confirmed by the server closing the connection
};

const countdown = new Countdown({
  display: $('countdown'),
  bar: $('timebar-fill'),
  announcer: $('countdown-announcer'),
  onEnd: () => {
    if (s.answer === 'open') {
      s.answer = 'closed';
      lockInputs();
      status("Time's up!");
    }
  },
});

function status(text) {
  setText('answer-status', text);
}

function loadSession(p) {
  try {
    const saved = JSON.parse(sessionStorage.getItem(sessionKey(p)) || 'null');
    return saved && saved.playerToken ? saved : null;
  } catch (_) {
    return null;
  }
}

function forgetSession() {
  if (pin) { sessionStorage.removeItem(sessionKey(pin)); sessionStorage.removeItem(questionKey()); }
  session = null;
}

// --- join -----------------------------------------------------------------------------------

function showJoin(message) {
  countdown.stop();
  setPhase('join');
  if (pin) $('pin-input').value = pin;
  const err = $('join-error');
  err.textContent = message || '';
  err.hidden = !message;
  $('join-button').disabled = false;
}

async function join(event) {
  event.preventDefault();
  const pinValue = $('pin-input').value.replace(/\s+/g, '');
  const nickname = $('nickname-input').value.trim();
  const err = $('join-error');
  const problem = !/^\d{6}$/.test(pinValue) ? ['pin-input', 'The game PIN has 6 digits. Check the big number on the screen.']
    : !nickname ? ['nickname-input', 'Choose a nickname so the teacher knows who you are.']
    : nicknameLength() > NICKNAME_MAX ? ['nickname-input', `Your nickname has ${nicknameLength()} characters; make it at most ${NICKNAME_MAX}.`] : null;
  if (problem) {
    err.textContent = problem[1];
    err.hidden = false;
    $(problem[0]).setAttribute('aria-invalid', 'true');
    $(problem[0]).focus();
    return;
  }
  $('pin-input').removeAttribute('aria-invalid');
  $('nickname-input').removeAttribute('aria-invalid');
  err.hidden = true;
  $('join-button').disabled = true;
  setText('join-button', 'Joining…');
  try {
    const response = await fetch(`/api/games/${encodeURIComponent(pinValue)}/players`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ nickname }),
    });
    if (!response.ok) {
      const fallback = {
        404: `There is no game with PIN ${pinValue}. Check the number on the screen.`,
        423: 'This game is not accepting new players right now.',
        409: 'Someone in this game already has that nickname. Try another one.',
        400: 'That nickname can’t be used. Try another one.',
        429: 'Too many people are joining at once. Wait a moment and try again.',
      }[response.status];
      err.textContent = await errorMessage(response, fallback);
      err.hidden = false;
      const field = response.status === 404 ? 'pin-input' : (response.status === 409 || response.status === 400 ? 'nickname-input' : null);
      if (field) { $(field).setAttribute('aria-invalid', 'true'); $(field).focus(); }
      return;
    }
    const body = await response.json();
    pin = pinValue;
    session = { playerId: body.playerId, playerToken: body.playerToken, nickname: body.nickname || nickname };
    sessionStorage.setItem(sessionKey(pin), JSON.stringify(session));
    // Put the PIN in the address so a reload of this tab comes straight back into the game.
    history.replaceState(null, '', `/play?pin=${encodeURIComponent(pin)}`);
    start();
  } catch (_) {
    err.textContent = 'Could not reach the quiz server. Check you are on the classroom Wi-Fi and try again.';
    err.hidden = false;
  } finally {
    $('join-button').disabled = false;
    setText('join-button', 'Join');
  }
}

// --- connection -----------------------------------------------------------------------------

function start() {
  setText('me-name', session.nickname);
  setText('waiting-name', session.nickname);
  document.title = `${session.nickname} — Quizroom`;
  setPhase('connecting');
  live = connectGame({
    pin,
    headers: { 'player-token': session.playerToken },
    onEvent,
    onStatus: (st) => {
      // A KICKED counts only once the server really ends the connection after it: a KICKED on a socket
      // that stays open (or that reconnects fine) proves nothing, so the session is kept.
      if (st === 'reconnecting' && s.kickNotice && !s.kicked) { kicked(s.kickNotice); return; }
      if (st === 'connected') s.kickNotice = null;
      banner(st);
      if ((st === 'reconnecting' || st === 'offline') && s.answer === 'sending') {
        status('Reconnecting… your answer will be sent when the connection is back.');
      }
    },
    onRefused: (reason) => {
      if (s.finished || s.kicked) return;
      if (s.kickNotice) { kicked(s.kickNotice); return; }
      const nickname = session && session.nickname;
      forgetSession();
      if (nickname) { $('nickname-input').value = nickname; showNicknameCount(); }
      showJoin(`${reason ? `${reason} ` : ''}Join a game with the PIN on the screen.`);
    },
  });
}

const banner = statusBanner($('connection-status'));

function setScore(score) {
  if (!Number.isFinite(Number(score))) return;
  s.score = Number(score);
  setText('me-score', formatNumber(s.score));
}

// --- question -------------------------------------------------------------------------------

// REVEAL carries no question text or choices: keep the last QUESTION in this tab so a phone
// reloaded during the reveal can still name the right answer.
const questionKey = () => `quizroom.playq.${pin}`;

function rememberQuestion(q) {
  try {
    sessionStorage.setItem(questionKey(), JSON.stringify({ index: q.index, total: q.total, questionType: q.questionType, text: q.text, choices: q.choices }));
  } catch (_) { /* only the labels after a reload suffer */ }
}

function recallQuestion(index) {
  if (s.question && s.question.index === index) return s.question;
  try {
    const saved = JSON.parse(sessionStorage.getItem(questionKey()) || 'null');
    return saved && saved.index === index ? saved : null;
  } catch (_) {
    return null;
  }
}

function renderQuestion(q) {
  const type = normType(q.questionType);
  rememberQuestion(q);
  const same = s.question && s.question.index === q.index && document.body.dataset.phase === 'question';
  s.question = q;
  if (!same) buildQuestion(q, type);
  setPhase('question');

  // Reading time: the question alone first; answers (and the clock) open after opensInMs.
  const opens = Math.max(0, Number(q.opensInMs) || 0);
  if (opens > 0 && q.answered !== true) {
    readFirst(q, type, opens, !same);
    return;
  }
  clearStages();
  setStage('answering');
  if (s.answer === 'reading') { s.answer = 'open'; unlockInputs(); }
  countdown.start(q.remainingMs ?? q.timeLimitMs, q.timeLimitMs);

  if (!same && (type === 'type' || type === 'number') && q.answered !== true) {
    // Keyboard users can type straight away (phones only raise the keyboard on a tap).
    $('answer-input').focus({ preventScroll: true });
  }
  if (q.answered === true) {
    markLocked();
    // Reloaded after answering: the sync copy says what was answered, so the choice shows as picked again.
    if (q.yourAnswer !== undefined && q.yourAnswer !== null) showGivenAnswer(q.index, q.yourAnswer, type);
  } else if (q.answered === false && s.pending && s.pending.question === q.index) {
    // Reconnected before the ACK came: the server never stored it, so send it again.
    sendAnswer(s.pending.answer);
  } else if (same && q.answered === false && s.answer === 'closed' && (q.remainingMs ?? 0) > 0) {
    // Our local clock ran out first (e.g. a phone that slept), but the server still has time.
    s.answer = 'open';
    unlockInputs();
    status('');
  } else if ((q.remainingMs ?? 1) <= 0 && s.answer === 'open') {
    s.answer = 'closed';
    lockInputs();
    status("Time's up!");
  }
}

let stageTimers = [];

function clearStages() {
  stageTimers.forEach(clearTimeout);
  stageTimers = [];
}

function setStage(stage) {
  document.querySelector('section.question').dataset.stage = stage;
  document.body.dataset.stage = stage;
}

function readFirst(q, type, opens, isNew) {
  clearStages();
  s.answer = 'reading';
  lockInputs();
  countdown.show(q.remainingMs ?? q.timeLimitMs);
  const beat = isNew ? Math.min(READY_MS, opens * 0.4) : 0;
  setStage(beat > 0 ? 'ready' : 'reading');
  if (beat > 0) stageTimers.push(setTimeout(() => setStage('reading'), beat));
  stageTimers.push(setTimeout(() => {
    setStage('answering');
    if (s.answer !== 'reading') return;
    s.answer = 'open';
    unlockInputs();
    countdown.start(q.remainingMs ?? q.timeLimitMs, q.timeLimitMs);
    if (type === 'type' || type === 'number') $('answer-input').focus({ preventScroll: true });
  }, opens));
}

function buildQuestion(q, type) {
  s.answer = 'open';
  s.pending = null;
  s.selected = new Set();
  const choices = Array.isArray(q.choices) ? q.choices : [];
  s.order = choices.map((_, i) => i);
  document.querySelector('section.question').classList.remove('locked-in');

  const progress = `Question ${Number(q.index) + 1} of ${q.total ?? '?'}`;
  setText('question-progress', progress);
  setText('get-ready-progress', progress);
  const points = type === 'poll' ? 'Poll: no points' : ({ double: 'Double points', none: 'No points' }[q.points] || '');
  setText('question-points', points);
  $('question-points').hidden = !points;
  setRichText($('question-text'), q.text);
  const picture = imageOf(q);
  $('question-figure').hidden = !picture;
  const img = $('question-image');
  if (picture) { img.alt = picture.alt; img.src = picture.src; } else { img.removeAttribute('src'); img.alt = ''; }
  const hint = {
    multi: 'Pick every right answer, then submit.',
    order: 'Put these in order (first at the top), then submit.',
  }[type] || '';
  setText('question-hint', hint);
  $('question-hint').hidden = !hint;
  status('');

  const grid = clear($('choices'));
  grid.className = `choices type-${type} count-${choices.length}`;
  grid.hidden = !(KEY_TYPES.has(type) || type === 'multi');
  $('order-list').hidden = type !== 'order';
  $('text-answer').hidden = !(type === 'type' || type === 'number');
  $('submit-answer').hidden = KEY_TYPES.has(type);
  $('submit-answer').disabled = type === 'multi' || type === 'type' || type === 'number';
  setText('submit-answer', 'Submit answer');

  if (KEY_TYPES.has(type) || type === 'multi') {
    choices.forEach((text, i) => {
      const button = el('button', {
        type: 'button', class: `choice ${colourClass(i)}`, dataset: { index: i },
        'aria-pressed': type === 'multi' ? 'false' : null,
        // Typeset maths gives a button no name some screen readers read: name it with the TeX.
        'aria-label': hasMaths(text) ? plainText(text) : null,
        on: { click: () => (type === 'multi' ? toggleChoice(i) : sendAnswer(i)) },
      },
      shapeIcon(i),
      richEl('span', { class: 'choice-text' }, text),
      i < 6 ? el('span', { class: 'key', 'aria-hidden': 'true', text: i + 1 }) : null);
      grid.append(button);
    });
  } else if (type === 'order') {
    renderOrder();
  } else {
    const input = $('answer-input');
    input.value = '';
    input.disabled = false;
    $('number-reading').hidden = true;
    if (type === 'number') {
      input.setAttribute('inputmode', 'decimal');
      input.setAttribute('maxlength', '32');
      setText('answer-input-label', 'Your answer (a number)');
    } else {
      input.setAttribute('inputmode', 'text');
      input.setAttribute('maxlength', '200');
      setText('answer-input-label', 'Your answer');
    }
  }
}

function toggleChoice(i) {
  if (s.answer !== 'open') return;
  if (s.selected.has(i)) s.selected.delete(i); else s.selected.add(i);
  for (const b of $('choices').querySelectorAll('.choice')) {
    b.setAttribute('aria-pressed', String(s.selected.has(Number(b.dataset.index))));
  }
  $('submit-answer').disabled = s.selected.size === 0;
}

function renderOrder(focus) {
  const list = clear($('order-list'));
  const choices = s.question.choices || [];
  const last = s.order.length - 1;
  s.order.forEach((choice, pos) => {
    const text = choices[choice];
    list.append(el('li', { class: 'order-item', dataset: { index: choice } },
      // Touch or mouse: drag by the grip. Keyboard and switch users: the arrow buttons.
      el('span', { class: 'drag-handle', 'aria-hidden': 'true', title: 'Drag to move' }, gripIcon()),
      el('span', { class: 'order-pos', 'aria-hidden': 'true', text: pos + 1 }),
      richEl('span', { class: 'order-text' }, text),
      el('span', { class: 'order-buttons' },
        el('button', {
          type: 'button', class: 'move move-up', 'aria-label': `Move ${text} up`, disabled: pos === 0,
          on: { click: () => move(pos, -1) },
        }, '▲'),
        el('button', {
          type: 'button', class: 'move move-down', 'aria-label': `Move ${text} down`, disabled: pos === last,
          on: { click: () => move(pos, 1) },
        }, '▼'))));
  });
  if (focus) {
    // Keep the keyboard where it was, on the item that moved.
    const item = list.querySelector(`.order-item[data-index="${focus.choice}"]`);
    const button = item && (item.querySelector(`.move-${focus.dir}:not(:disabled)`) || item.querySelector('.move:not(:disabled)'));
    if (button) button.focus();
  }
}

function gripIcon() {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 12 20');
  svg.setAttribute('class', 'grip');
  svg.setAttribute('focusable', 'false');
  for (const [cx, cy] of [[3, 4], [9, 4], [3, 10], [9, 10], [3, 16], [9, 16]]) {
    const dot = document.createElementNS(ns, 'circle');
    dot.setAttribute('cx', cx); dot.setAttribute('cy', cy); dot.setAttribute('r', 1.8);
    dot.setAttribute('fill', 'currentColor');
    svg.append(dot);
  }
  return svg;
}

// Dragging an order item: the item follows the finger; when it passes the middle of a
// neighbour, the neighbour (never the dragged node, which holds the pointer) moves around it.
let drag = null;

$('order-list').addEventListener('pointerdown', (e) => {
  const handle = e.target.closest('.drag-handle');
  if (!handle || s.answer !== 'open' || drag) return;
  const item = handle.closest('.order-item');
  e.preventDefault();
  drag = { id: e.pointerId, item, startY: e.clientY, offset: 0 };
  item.classList.add('dragging');
});

document.addEventListener('pointermove', (e) => {
  if (!drag || e.pointerId !== drag.id) return;
  e.preventDefault();
  const { item } = drag;
  const list = $('order-list');
  const y = e.clientY;
  const prev = item.previousElementSibling;
  const next = item.nextElementSibling;
  const middle = (node) => { const r = node.getBoundingClientRect(); return r.top + r.height / 2; };
  if (next && y > middle(next) - drag.offset) {
    const before = item.getBoundingClientRect().top;
    list.insertBefore(next, item);
    drag.startY += item.getBoundingClientRect().top - before;
  } else if (prev && y < middle(prev) - drag.offset) {
    const before = item.getBoundingClientRect().top;
    list.insertBefore(prev, item.nextSibling);
    drag.startY += item.getBoundingClientRect().top - before;
  }
  item.style.transform = `translateY(${y - drag.startY}px)`;
}, { passive: false });

function endDrag(e) {
  if (!drag || e.pointerId !== drag.id) return;
  const { item } = drag;
  drag = null;
  item.classList.remove('dragging');
  item.style.transform = '';
  const order = [...$('order-list').children].map((li) => Number(li.dataset.index));
  const choice = Number(item.dataset.index);
  const moved = order.join() !== s.order.join();
  s.order = order;
  renderOrder();
  if (moved) status(`${(s.question.choices || [])[choice]} is now number ${order.indexOf(choice) + 1}.`);
}
document.addEventListener('pointerup', endDrag);
document.addEventListener('pointercancel', endDrag);

function move(pos, delta) {
  if (s.answer !== 'open') return;
  const to = pos + delta;
  if (to < 0 || to >= s.order.length) return;
  const choice = s.order[pos];
  [s.order[pos], s.order[to]] = [s.order[to], s.order[pos]];
  renderOrder({ choice, dir: delta < 0 ? 'up' : 'down' });
  status(`${(s.question.choices || [])[choice]} is now number ${to + 1}.`);
}

function submitForm(event) {
  event.preventDefault();
  if (!s.question || s.answer !== 'open') return;
  const type = normType(s.question.questionType);
  if (type === 'multi') {
    if (!s.selected.size) return;
    sendAnswer([...s.selected].sort((a, b) => a - b));
  } else if (type === 'order') {
    sendAnswer([...s.order]);
  } else if (type === 'type') {
    const text = $('answer-input').value.trim();
    if (!text) { status('Type an answer first.'); return; }
    sendAnswer(text);
  } else if (type === 'number') {
    // The typed text goes to the server, which reads it by the same rule (NumberReader).
    const raw = $('answer-input').value.trim();
    if (readNumber(raw) === null) { status('Enter a number, for example 1955 or 2,5.'); return; }
    sendAnswer(raw);
  }
}

// How a typed number is read, mirroring the server's NumberReader (docs/quiz-format.md): spaces and
// apostrophes group thousands; with both , and . the last one is the decimal mark; a mark used more
// than once groups thousands; a single comma before exactly three digits (after 1-3 digits, not a
// lone 0) groups thousands, any other single comma is a decimal comma; a single dot is a decimal point.
function readNumber(text) {
  let t = String(text).normalize('NFKC').trim().replace(/[\u2212\u2012\u2013]/g, '-')
    .replace(/[\s\u2019]/g, (c) => (c === '\u2019' ? "'" : ' '));
  // Digits of any script: Unicode keeps each script's 0-9 in one run, so the value is the distance from its start.
  t = t.replace(/\p{Nd}/gu, (d) => {
    const cp = d.codePointAt(0);
    let start = cp;
    while (/\p{Nd}/u.test(String.fromCodePoint(start - 1))) start -= 1;
    return String((cp - start) % 10);
  });
  let sign = 1;
  if (t.startsWith('-') || t.startsWith('+')) { sign = t[0] === '-' ? -1 : 1; t = t.slice(1).trim(); }
  if (!t || t.length > 40 || !/^[0-9]*(?:[.,' ][0-9]+)*$/.test(t) || !/[0-9]/.test(t)) return null;
  const commas = (t.match(/,/g) || []).length;
  const dots = (t.match(/\./g) || []).length;
  let mark = null;
  if (commas && dots) {
    mark = t.lastIndexOf(',') > t.lastIndexOf('.') ? ',' : '.';
    if ((t.split(mark).length - 1) !== 1) return null;
  } else if (dots === 1) {
    mark = '.';
  } else if (commas === 1) {
    const at = t.indexOf(',');
    const before = t.slice(0, at);
    const groups = t.length - at - 1 === 3 && /^[0-9]{1,3}$/.test(before) && before !== '0';
    mark = groups ? null : ',';
  }
  let whole = t;
  let fraction = '';
  if (mark) {
    const at = t.lastIndexOf(mark);
    whole = t.slice(0, at);
    fraction = t.slice(at + 1);
    if (!/^[0-9]*$/.test(fraction)) return null;
  }
  const grouped = whole.replace(/[.,' ]/g, 'x');
  if (!whole) whole = '0';
  else if (grouped.includes('x')) {
    if (!/^[0-9]{1,3}(?:x[0-9]{3})*$/.test(grouped)) return null;
    whole = grouped.replace(/x/g, '');
  }
  const value = Number(whole + (fraction ? `.${fraction}` : ''));
  // At most 15 digits before the point, as the server (NumberReader.MAX_MAGNITUDE).
  return Number.isFinite(value) && value < 1e15 ? sign * value : null;
}

// A lone . or , before exactly three digits (1.953, 2,500) reads two ways; the server keeps the
// reading the question needs (NumberReader.reading, AnswerChecker.resolve). Returns the other one or null.
function otherNumberReading(text, first) {
  const m = String(text).normalize('NFKC').trim().replace(/[\u2212\u2012\u2013]/g, '-')
    .match(/^([-+]?)([1-9][0-9]{0,2})([.,])([0-9]{3})$/);
  if (!m || first === null) return null;
  const grouped = Number(m[2] + m[4]);
  const other = Math.abs(first) === grouped ? Number(`${m[2]}.${m[4]}`) : grouped;
  return m[1] === '-' ? -other : other;
}

// Shows the student how their number will be read before they lock it in ("Read as 1953").
function showNumberReading() {
  const box = $('number-reading');
  const isNumber = s.question && normType(s.question.questionType) === 'number';
  const raw = $('answer-input').value.trim();
  if (!isNumber || !raw) { box.hidden = true; return; }
  const value = readNumber(raw);
  box.hidden = false;
  const shown = (n) => n.toLocaleString('en-GB', { useGrouping: false, maximumFractionDigits: 10 });
  const other = otherNumberReading(raw, value);
  box.textContent = value === null ? 'Not a number yet, e.g. 1955 or 2,5'
    : other === null ? `Read as ${shown(value)}`
      : `Read as ${shown(value)} or ${shown(other)}: the reading the question needs counts`;
}

let ackTimer = null;

function sendAnswer(answer) {
  if (!s.question) return;
  if (s.answer !== 'open' && s.answer !== 'sending') return;
  const index = s.question.index;
  s.answer = 'sending';
  s.pending = { question: index, answer };
  s.myAnswers.set(index, answer);
  markChosen(answer);
  lockInputs();
  const sent = live && live.send(`/app/games/${pin}/answer`, { question: index, answer });
  status(sent ? 'Answer sent…' : 'Reconnecting… your answer will be sent when the connection is back.');
  clearTimeout(ackTimer);
  // No ACK? Ask for the state: the sync copy of QUESTION says whether it was stored.
  ackTimer = setTimeout(() => { if (s.answer === 'sending' && live) live.sync(); }, ACK_TIMEOUT_MS);
}

function showGivenAnswer(index, answer, type) {
  s.myAnswers.set(index, answer);
  markChosen(answer);
  if (type === 'type' || type === 'number') $('answer-input').value = String(answer);
  if (type === 'order' && Array.isArray(answer) && answer.length === s.order.length) {
    // Redraw the list in the order that was submitted, not the order it was first shown in.
    s.order = answer.map(Number);
    renderOrder();
    lockInputs();
  }
}

function markChosen(answer) {
  const type = normType(s.question.questionType);
  if (!KEY_TYPES.has(type) && type !== 'multi') return;
  const picked = new Set(Array.isArray(answer) ? answer : [answer]);
  for (const b of $('choices').querySelectorAll('.choice')) {
    b.classList.toggle('chosen', picked.has(Number(b.dataset.index)));
    b.classList.toggle('not-chosen', !picked.has(Number(b.dataset.index)));
  }
}

function lockInputs() {
  for (const node of document.querySelectorAll('#answer-form button, #answer-form input')) node.disabled = true;
}

function unlockInputs() {
  const type = normType(s.question && s.question.questionType);
  for (const node of document.querySelectorAll('#choices button, #answer-input')) node.disabled = false;
  for (const b of $('choices').querySelectorAll('.choice')) b.classList.remove('chosen', 'not-chosen');
  if (type === 'order') renderOrder();
  $('submit-answer').disabled = type === 'multi' ? s.selected.size === 0 : false;
}

function markLocked() {
  clearTimeout(ackTimer);
  s.answer = 'locked';
  s.pending = null;
  lockInputs();
  document.querySelector('section.question').classList.add('locked-in');
  status('Answer locked in ✓');
}

function onAck(e) {
  if (!s.question || e.question !== s.question.index) return;
  if (e.accepted) {
    markLocked();
    return;
  }
  clearTimeout(ackTimer);
  s.pending = null;
  if (e.code === 'ALREADY_ANSWERED') {
    markLocked();
  } else if (e.code === 'TOO_LATE' || e.code === 'INVALID_STATE' || countdown.remainingMs() <= 0) {
    s.answer = 'closed';
    lockInputs();
    status(e.message || "Time's up for this question.");
  } else {
    // Rejected but still open (e.g. a malformed answer): let the student try again.
    s.answer = 'open';
    unlockInputs();
    status(e.message || 'That answer was not accepted. Try again.');
  }
}

// Keys 1–6 pick (or toggle) choices, unless the student is typing in a field.
document.addEventListener('keydown', (e) => {
  if (document.body.dataset.phase !== 'question' || !s.question || s.answer !== 'open') return;
  if (e.altKey || e.ctrlKey || e.metaKey || e.repeat) return;
  if (e.target.closest && e.target.closest('input, textarea, select')) return;
  const n = Number(e.key);
  if (!Number.isInteger(n) || n < 1 || n > 6) return;
  const button = $('choices').querySelector(`.choice[data-index="${n - 1}"]`);
  if (!button || button.disabled) return;
  e.preventDefault();
  button.click();
});

$('answer-input').addEventListener('input', () => {
  $('submit-answer').disabled = !$('answer-input').value.trim();
  showNumberReading();
});

// --- reveal, result, leaderboard, end -------------------------------------------------------

function renderReveal(r) {
  countdown.stop();
  s.reveals.set(r.index, r);
  if (s.answer === 'sending' || s.answer === 'open') s.answer = 'closed';
  const q = recallQuestion(r.index) || {};
  const choices = Array.isArray(r.choices) ? r.choices : (q.choices || []);
  const type = normType(r.questionType || q.questionType);

  const feedback = $('feedback');
  if (feedback.dataset.index !== String(r.index)) {
    // RESULT for this question hasn't arrived yet: show a neutral state until it does.
    feedback.dataset.result = 'pending';
    feedback.dataset.index = String(r.index);
    setText('feedback-verdict', 'Answers are in');
    setText('feedback-points', '');
    setText('feedback-rank', s.rank ? `${ordinal(s.rank)}${s.playerCount ? ` of ${s.playerCount}` : ''}` : '–');
    setText('feedback-score', formatNumber(s.score));
    $('feedback-streak-box').hidden = true;
  }

  showMyAnswer(r.index);
  clear($('reveal-answer')).append(correctAnswerBlock({ ...r, questionType: type }, choices));
  setText('reveal-section', r.section ? `From the notes: ${r.section}` : '');
  setRichText($('explanation'), r.explanation || '');
  setPhase('reveal');
}

// "Your answer: …" under the reveal, from this tab's memory or, after a reload, from RESULT.answer.
function showMyAnswer(index) {
  const r = s.reveals.get(index) || {};
  const q = recallQuestion(index) || {};
  const choices = Array.isArray(r.choices) ? r.choices : (q.choices || []);
  const type = normType(r.questionType || q.questionType);
  const mine = s.myAnswers.get(index);
  $('your-answer').hidden = mine === undefined;
  setText('your-answer', mine === undefined ? '' : `Your answer: ${describeAnswer(type, mine, choices)}`);
}

function renderResult(r) {
  if (r.answer !== undefined && r.answer !== null && !s.myAnswers.has(r.index)) {
    s.myAnswers.set(r.index, r.answer);
    showMyAnswer(r.index);
  } else if (!r.answered && s.myAnswers.has(r.index)) {
    // Sent but never stored (too late, refused): the line would contradict "No answer".
    s.myAnswers.delete(r.index);
    showMyAnswer(r.index);
  }
  const feedback = $('feedback');
  feedback.dataset.index = String(r.index);
  const reveal = s.reveals.get(r.index);
  const type = normType((reveal && reveal.questionType) || (s.question && s.question.questionType));
  let verdict;
  let kind;
  if (!r.answered) { verdict = 'No answer'; kind = 'none'; }
  else if (type === 'poll') { verdict = 'Thanks for voting'; kind = 'poll'; }
  else if (r.correct) { verdict = 'Correct!'; kind = 'correct'; }
  else if (Number(r.points) > 0) { verdict = 'Partly right'; kind = 'partial'; }
  else { verdict = 'Wrong'; kind = 'wrong'; }
  feedback.dataset.result = kind;
  setText('feedback-verdict', verdict);
  const noPoints = type === 'poll' || (reveal && reveal.points === 'none') || (s.question && s.question.index === r.index && s.question.points === 'none');
  let pointsLine = `+${formatNumber(r.points || 0)} points`;
  if (type === 'poll') pointsLine = 'Polls score no points.';
  else if (noPoints && r.answered) pointsLine = 'This question scores no points.';
  else if (r.correct && !(Number(r.points) > 0)) pointsLine = 'No points this time.';
  setText('feedback-points', pointsLine);
  // A typed answer right by spelling tolerance: show which spelling it was taken as.
  $('feedback-accepted').hidden = !(r.correct && r.acceptedAs);
  setText('feedback-accepted', r.correct && r.acceptedAs ? `accepted: ${r.acceptedAs}` : '');
  setScore(r.score);
  setText('feedback-score', formatNumber(s.score));
  const streak = Number(r.streak) || 0;
  $('feedback-streak-box').hidden = streak < 1;
  // A drawn flame, not an emoji: a laptop without an emoji font would show an empty box.
  clear($('feedback-streak')).append(flameIcon(), String(streak));
  $('feedback-streak').setAttribute('aria-label', `${streak} in a row`);
  s.rank = r.rank ?? s.rank;
  s.playerCount = r.playerCount ?? s.playerCount;
  setText('feedback-rank', s.rank ? `${ordinal(s.rank)}${s.playerCount ? ` of ${s.playerCount}` : ''}` : '–');
  if (document.body.dataset.phase !== 'reveal') setPhase('reveal');
}

function flameIcon() {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', 'flame');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('fill', 'currentColor');
  path.setAttribute('d', 'M12 2c1 3.5 5 6 5 11a5 5 0 0 1-10 0c0-2.2 1-3.9 2.3-5.2.2 1.6 1 2.7 2.2 3.2C11 8.4 11.2 5 12 2z');
  svg.append(path);
  return svg;
}

function renderLeaderboard(e) {
  countdown.stop();
  const list = clear($('leaderboard'));
  let meInTop = false;
  for (const row of (e.top || []).slice(0, 5)) {
    const isMe = session && row.playerId === session.playerId;
    meInTop = meInTop || isMe;
    list.append(el('li', { class: isMe ? 'leader me' : 'leader', dataset: { playerId: row.playerId, rank: row.rank } },
      el('span', { class: 'rank', text: row.rank }),
      el('span', { class: 'nickname', text: row.nickname }),
      isMe ? el('span', { class: 'visually-hidden', text: ' (you)' }) : null,
      el('span', { class: 'score', text: formatNumber(row.score) })));
  }
  setText('my-rank', rankSentence(meInTop));
  setPhase('leaderboard');
}

/**
 * "You're 2nd of 5 with 1,840 points!" — cheered only where it is good news: the leader and
 * the top three, never the last place ("You're 3rd of 3" is not a podium).
 */
function rankSentence(meInTop) {
  if (!s.rank) return `You have ${formatNumber(s.score)} points.`;
  const of = s.playerCount ? ` of ${s.playerCount}` : '';
  const points = `${formatNumber(s.score)} ${s.score === 1 ? 'point' : 'points'}`;
  const last = s.playerCount > 1 && s.rank >= s.playerCount;
  if (s.rank === 1 && s.playerCount > 1) return `You're in the lead with ${points}!`;
  if (last) return `You're ${ordinal(s.rank)}${of} with ${points}. Every question is a new chance.`;
  return `You're ${ordinal(s.rank)}${of} with ${points}${meInTop && s.rank <= 3 ? '!' : '.'}`;
}

function renderFinished(e) {
  countdown.stop();
  s.finished = true;
  const list = clear($('podium'));
  for (const row of (e.podium || []).slice(0, 3)) {
    const isMe = session && row.playerId === session.playerId;
    list.append(el('li', { class: isMe ? 'me' : '', dataset: { rank: row.rank } },
      el('span', { class: 'rank', text: ordinal(row.rank) }),
      el('span', { class: 'nickname', text: row.nickname }),
      el('span', { class: 'score', text: formatNumber(row.score) })));
  }
  $('podium-title').hidden = !list.children.length;
  if (!$('final-rank').textContent) {
    setText('final-rank', s.rank ? `${ordinal(s.rank)}${s.playerCount ? ` of ${s.playerCount}` : ''}` : '');
    setText('final-score', `${formatNumber(s.score)} points`);
  }
  setPhase('finished');
}

function renderFinal(e) {
  s.finished = true;
  s.rank = e.rank ?? s.rank;
  s.playerCount = e.playerCount ?? s.playerCount;
  setScore(e.score);
  setText('final-rank', `${ordinal(s.rank)}${s.playerCount ? ` of ${s.playerCount}` : ''}`);
  setText('final-score', `${formatNumber(s.score)} points`);
  // Count only the questions this player had open (joined late, or dropped out for some):
  // FINAL's questionsAnswerable, else every scored question.
  const open = e.questionsAnswerable ?? e.questionCount;
  setText('final-correct', open != null ? `${formatNumber(e.correctCount ?? 0)} of ${formatNumber(open)} correct` : '');
  const fewer = e.questionsAnswerable != null && e.questionCount != null && Number(e.questionsAnswerable) < Number(e.questionCount);
  $('final-correct-note').hidden = !fewer;
  setText('final-correct-note', fewer
    ? `Counting the ${Number(e.questionsAnswerable) === 1 ? 'one question' : `${formatNumber(e.questionsAnswerable)} questions`}`
      + ` you had open, of ${formatNumber(e.questionCount)} asked.` : '');
  setPhase('finished');
  // Nothing more will happen in this game; let the socket go so the phone can sleep.
  setTimeout(() => { if (live) live.stop(); }, 3000);
}

function kicked(e) {
  s.kicked = true;
  countdown.stop();
  forgetSession();
  if (live) live.stop();
  setText('kicked-message', e.message || 'The teacher removed you from this game.');
  $('join-again').href = `/play?pin=${encodeURIComponent(pin)}`;
  setPhase('kicked');
}

// --- events ---------------------------------------------------------------------------------

function onEvent(e) {
  if (s.kicked) return;
  switch (e.type) {
    case 'STATE':
      if (e.you) {
        if (e.you.nickname) { setText('me-name', e.you.nickname); setText('waiting-name', e.you.nickname); }
        setScore(e.you.score);
        s.rank = e.you.rank ?? s.rank;
      }
      if (String(e.phase).toUpperCase() === 'LOBBY') setPhase('waiting');
      break;
    case 'LOBBY':
      // LOBBY is re-broadcast on every roster change, also mid-game: it only matters before
      // the first question.
      if (['connecting', 'waiting', 'join'].includes(document.body.dataset.phase)) setPhase('waiting');
      break;
    case 'QUESTION': renderQuestion(e); break;
    case 'ACK': onAck(e); break;
    case 'REVEAL': renderReveal(e); break;
    case 'RESULT': renderResult(e); break;
    case 'LEADERBOARD': renderLeaderboard(e); break;
    case 'FINISHED': renderFinished(e); break;
    case 'FINAL': renderFinal(e); break;
    case 'KICKED': s.kickNotice = e; break; // acted on when the connection closes (see start())
    case 'ERROR':
      if (document.body.dataset.phase === 'question') {
        if (s.answer === 'sending' && e.code !== 'RATE_LIMITED') { s.answer = 'open'; s.pending = null; unlockInputs(); }
        status(e.message || 'The server refused that.');
      }
      break;
    default:
      break;
  }
}

// --- start ----------------------------------------------------------------------------------

// The nickname's length is shown, never silently cut (a maxlength would drop the end of a pasted
// name without a word): the count turns into a message past the limit and Join says why it refuses.
// Characters are counted as people and the server count them (user-perceived characters, so a
// family emoji or a flag is one; NicknamePolicy.MAX_LENGTH).
const NICKNAME_MAX = 30;
const GRAPHEMES = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

// The stored column's size in UTF-16 units (NicknamePolicy.MAX_STORED_UNITS): a family emoji takes 11.
const NICKNAME_MAX_UNITS = 200;

function nicknameLength() {
  const name = $('nickname-input').value.trim();
  return GRAPHEMES ? [...GRAPHEMES.segment(name)].length : [...name].length;
}

function nicknameTooBigToStore() {
  return $('nickname-input').value.trim().length > NICKNAME_MAX_UNITS;
}

function showNicknameCount() {
  const n = nicknameLength();
  const tooBig = n <= NICKNAME_MAX && nicknameTooBigToStore();
  const over = n > NICKNAME_MAX || tooBig;
  const note = $('nickname-count');
  note.textContent = n > NICKNAME_MAX
    ? `Too long: ${n} characters. Nicknames can have at most ${NICKNAME_MAX}.`
    : tooBig ? `${n} characters, but too many emoji made of several symbols. Use fewer emoji.`
      : (n ? `${n} of ${NICKNAME_MAX} characters.` : `Up to ${NICKNAME_MAX} characters.`);
  note.classList.toggle('over', over);
  if (over) $('nickname-input').setAttribute('aria-invalid', 'true');
}

$('join-form').addEventListener('submit', join);
$('answer-form').addEventListener('submit', submitForm);
for (const id of ['pin-input', 'nickname-input']) {
  $(id).addEventListener('input', () => $(id).removeAttribute('aria-invalid'));
}
$('nickname-input').addEventListener('input', showNicknameCount);

session = pin ? loadSession(pin) : null;
if (session) {
  start(); // a reloaded tab goes straight back into its game
} else {
  showJoin('');
  (pin ? $('nickname-input') : $('pin-input')).focus();
}
