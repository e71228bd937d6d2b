// Host screen at /host?pin=…: the projector view the teacher runs the lesson from.
import { $, el, clear, setText, setPhase, ordinal, formatNumber, pinFromUrl, shapeIcon, Countdown, reducedMotion, imageOf } from './dom.js';
import { connectGame, statusBanner } from './live.js';
import { CHOICE_TYPES, normType, choiceTile, colourClass, isCorrectChoice, correctAnswerBlock, commonAnswersBlock } from './answers.js';
import { setRichText, richEl } from './rich.js';
import { Sound } from './sound.js';

const pin = pinFromUrl();
// The host key: in sessionStorage when this tab got it from the dashboard's "Open host screen"
// (another computer), in localStorage on the computer that created the game. Never in a URL.
const hostKey = `quizroom.host.${pin}`;
const token = pin ? (sessionStorage.getItem(hostKey) || localStorage.getItem(hostKey)) : null;
// Options the dashboard chose for this game that only the projector needs (sound).
const gameOptions = (() => {
  try { return JSON.parse(localStorage.getItem(`quizroom.gameopts.${pin}`) || sessionStorage.getItem(`quizroom.gameopts.${pin}`) || '{}') || {}; } catch (_) { return {}; }
})();
const MUTE_KEY = 'quizroom.muted';
const READY_MS = 1500;   // the "get ready" beat, taken from the start of the reading time
const TICK_FROM_S = 5;   // countdown ticks in the last seconds

const game = {
  phase: 'connecting',
  locked: false,
  playerCount: 0,
  connected: 0,           // connected players, for "answered N of M" before the first ANSWER_COUNT
  answered: 0,            // answers to the open question so far
  questions: new Map(),   // index -> last QUESTION event, so a REVEAL can label its chart
  current: null,          // the open QUESTION
  total: null,
  players: [],            // last PLAYERS list
  lastRanks: new Map(),   // playerId -> rank on the previous leaderboard (rank-change motion)
  joinUrl: null,
  lateJoin: gameOptions.lateJoin !== false,
};

const sound = new Sound({ enabled: gameOptions.sound !== false, muted: localStorage.getItem(MUTE_KEY) === '1' });

const countdown = new Countdown({
  display: $('countdown'),
  bar: $('timebar-fill'),
  announcer: $('countdown-announcer'),
  onSecond: (secs) => { if (secs <= TICK_FROM_S) sound.tick(secs); },
});

let live = null;

// --- small helpers ---------------------------------------------------------------------------

function fail(message) {
  setText('host-error-message', message);
  countdown.stop();
  setPhase('error');
}

let toastTimer = null;
function toast(message) {
  const node = $('toast');
  node.textContent = message;
  node.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { node.hidden = true; }, 6000);
}

function setPlayerCount(n) {
  if (!Number.isFinite(Number(n))) return;
  game.playerCount = Number(n);
  setText('player-count', game.playerCount);
  setText('player-count-label', game.playerCount === 1 ? 'player' : 'players');
  setText('roster-count', game.playerCount);
  showStartReady();
}

function enterPhase(phase) {
  if (game.phase !== phase) releasePrimary();
  if (phase !== 'question') clearStages();
  game.phase = phase;
  setPhase(phase);
  if (phase === 'lobby') fitRoster();
  const hint = { lobby: 'start', question: 'skip (press twice)', reveal: 'next', leaderboard: 'next' }[phase];
  setText('key-hint-action', hint || '');
  setText('lock', game.locked ? 'Unlock joining' : (phase === 'lobby' ? 'Lock joining' : 'Close joining'));
  if (phase === 'lobby') sound.startLobby(); else sound.stopLobby();
  showStartReady();
  requestAnimationFrame(fitScreen);
}

// --- fitting the projector -------------------------------------------------------------------
// Nobody scrolls a projector: when a question (long text, three-line choices, a picture) does
// not fit above the control bar, its text shrinks step by step (--fit) before anything is
// hidden. Runs on every new screen, when maths or a picture has loaded, and on resize.

const FIT_MIN = 0.5;

function fitScreen() {
  const main = document.querySelector('.host-main');
  const section = document.querySelector(`.host-main > section[data-phases~="${game.phase}"]`);
  if (!main || !section || !['question', 'reveal'].includes(game.phase)) return;
  let fit = 1;
  section.style.setProperty('--fit', '1');
  const overflows = () => main.scrollHeight > main.clientHeight + 1 || overflowsSideways(section);
  while (overflows() && fit > FIT_MIN) {
    fit = Math.round((fit - 0.05) * 100) / 100;
    section.style.setProperty('--fit', String(fit));
  }
  section.dataset.fit = String(fit);
}

function overflowsSideways(section) {
  return [...section.querySelectorAll('.choice-text')].some((t) => t.scrollWidth > t.clientWidth + 1);
}

let fitFrame = 0;
function refit() {
  cancelAnimationFrame(fitFrame);
  fitFrame = requestAnimationFrame(fitScreen);
}
window.addEventListener('resize', refit);
document.addEventListener('quizroom:typeset', refit);

// --- commands --------------------------------------------------------------------------------
// A double press on Next must not skip the leaderboard, so the primary buttons are held
// until the phase changes (or briefly, if the server never answers).

let primaryHold = null;

function holdPrimary() {
  for (const b of document.querySelectorAll('[data-primary]')) b.disabled = true;
  clearTimeout(primaryHold);
  primaryHold = setTimeout(releasePrimary, 2500);
}

function releasePrimary() {
  clearTimeout(primaryHold);
  primaryHold = null;
  for (const b of document.querySelectorAll('[data-primary]')) b.disabled = false;
  showStartReady();
}

// Start waits for the first player (the server refuses it with NO_PLAYERS too): the button is
// disabled and the hint beside it says why.
function showStartReady() {
  const nobody = game.playerCount === 0;
  $('start').disabled = nobody || Boolean(primaryHold);
  if (nobody) $('start').setAttribute('aria-describedby', 'start-waiting');
  else $('start').removeAttribute('aria-describedby');
  $('start-waiting').hidden = !(nobody && game.phase === 'lobby');
}

function command(name, extra = {}) {
  if (!live || !live.send(`/app/games/${pin}/host`, { command: name, ...extra })) {
    toast('Not connected: the command was not sent. Reconnecting…');
    return false;
  }
  return true;
}

// start/skip/next carry the step on screen (question index and phase), so the server refuses a
// replayed or double-clicked command, or the same button pressed on a second host screen
// (STALE_COMMAND), instead of skipping a leaderboard or a question.
const STEP_PHASES = new Set(['lobby', 'question', 'reveal', 'leaderboard']);

function primary(name) {
  if (primaryHold) return;
  const index = name === 'start' ? -1 : game.screenIndex;
  const extra = Number.isInteger(index) && STEP_PHASES.has(game.phase) ? { question: index, phase: game.phase } : {};
  if (command(name, extra)) holdPrimary();
}

$('start').addEventListener('click', () => primary('start'));
$('skip').addEventListener('click', () => primary('skip'));
$('next').addEventListener('click', () => primary('next'));
$('lock').addEventListener('click', () => {
  // Mid-game the server sends no LOBBY, so the screen follows the command it sent.
  if (command(game.locked ? 'unlock' : 'lock') && game.phase !== 'lobby') setLocked(!game.locked);
});
$('end').addEventListener('click', () => {
  if (confirm('End the game now? Scores so far are kept and the podium is shown.')) command('end');
});

// Any click or key is a user gesture: the browser lets sound start only after one.
document.addEventListener('pointerdown', () => sound.wake(), true);
document.addEventListener('keydown', () => sound.wake(), true);

// Space/Enter anywhere runs the primary button. When a button, link or field has focus the
// browser already activates it, so we stay out of the way (no double trigger).
document.addEventListener('keydown', (e) => {
  if (e.key !== ' ' && e.key !== 'Enter') return;
  if (e.repeat || e.altKey || e.ctrlKey || e.metaKey) return;
  if (e.target.closest && e.target.closest('button, a, input, select, textarea, summary, [contenteditable], [tabindex]')) return;
  const button = [...document.querySelectorAll('[data-primary]')].find((b) => !b.hidden && !b.closest('[hidden]'));
  if (!button) return;
  e.preventDefault();
  if (button.disabled) return;
  // Skipping ends the class's question for good: a stray key on the teacher's laptop must not do it.
  // The keyboard skips on a second press within 3 s; the Skip button itself still takes one click.
  if (button.id === 'skip' && Date.now() - skipArmedAt > SKIP_CONFIRM_MS) {
    skipArmedAt = Date.now();
    toast('Press Space or Enter again to skip this question.');
    return;
  }
  skipArmedAt = 0;
  button.click();
});
const SKIP_CONFIRM_MS = 3000;
let skipArmedAt = 0;

// --- lobby ----------------------------------------------------------------------------------

function renderLobby(e) {
  if (e.quizTitle) setQuizTitle(e.quizTitle);
  setText('pin', e.pin || pin);
  if (e.joinUrl) setJoinUrl(e.joinUrl, e);
  if (typeof e.lateJoin === 'boolean') game.lateJoin = e.lateJoin;
  setLocked(Boolean(e.locked));
  setPlayerCount(e.playerCount);
  // The server re-sends LOBBY whenever the roster changes, also mid-game (a phone reconnecting):
  // only the lobby itself (or a fresh connection) switches to the lobby screen.
  if (game.phase === 'connecting' || game.phase === 'lobby' || game.statePhase === 'LOBBY') {
    game.statePhase = null;
    countdown.stop();
    enterPhase('lobby');
  }
}

function setLocked(locked) {
  game.locked = locked;
  setText('lock', locked ? 'Unlock joining' : (game.phase === 'lobby' || game.phase === 'connecting' ? 'Lock joining' : 'Close joining'));
  $('locked-note').hidden = !locked;
  document.querySelector('.join-panel').classList.toggle('is-locked', locked);
  // The join corner shows only while someone could still join.
  document.body.dataset.joining = !locked && game.lateJoin ? 'open' : 'closed';
}

const LOOPBACK = /^(127\.|localhost$|\[?::1\]?$|0\.0\.0\.0$)/i;

/**
 * The join address as people type it: no "http://", no "?pin=" (the PIN is shown beside it).
 * The QR codes keep the full link, PIN included.
 */
function shortJoinAddress(url) {
  try {
    const u = new URL(url);
    const path = u.pathname === '/' ? '' : u.pathname;
    return `${u.protocol === 'https:' ? 'https://' : ''}${u.host}${path}`;
  } catch (_) {
    return String(url);
  }
}

function setJoinUrl(url, e = {}) {
  game.joinUrl = url;
  const short = shortJoinAddress(url);
  setText('join-url', short);
  setText('corner-url', short);
  let loopback = e.joinLocalOnly === true;
  try { loopback = loopback || LOOPBACK.test(new URL(url).hostname); } catch (_) { /* keep the flag */ }
  const warning = $('loopback-warning');
  warning.hidden = !loopback;
  document.body.dataset.loopback = String(loopback);
  if (loopback) {
    warning.textContent = `Phones can't join with this address: ${short} only works on this computer. `
      + 'Connect this computer to the classroom network, or choose its network address on the dashboard.';
  }
}

// PLAYERS arrives on every roster change (also each reconnect mid-game), so the list is
// updated in place: only newcomers animate in and nobody's chip flickers.
function renderPlayers(players) {
  if (!Array.isArray(players)) return;
  const list = $('roster');
  const existing = new Map([...list.children].map((li) => [li.dataset.playerId, li]));
  game.connected = players.filter((p) => p.connected !== false).length;
  // A late joiner (or a phone dropping out) changes "of M" at once, not at the next answer.
  if (game.phase === 'question') setAnswered(game.answered, game.connected);
  let previous = null;
  for (const p of players) {
    const id = String(p.playerId);
    const name = String(p.nickname ?? '');
    const gone = p.connected === false;
    let li = existing.get(id);
    existing.delete(id);
    if (!li) {
      li = el('li', { class: 'player new', dataset: { playerId: id }, 'data-testid': 'player' },
        el('span', { class: 'nickname' }),
        el('span', { class: 'status-note', text: '(disconnected)' }),
        el('button', {
          type: 'button', class: 'kick',
          on: { click: () => confirmKick(id) },
        }, 'Kick'));
    } else {
      li.classList.remove('new');
    }
    li.querySelector('.nickname').textContent = name;
    li.classList.toggle('long', [...name].length > 16); // a double-width chip: the name on one line, not three
    li.querySelector('.kick').setAttribute('aria-label', `Kick ${name}`);
    li.querySelector('.status-note').hidden = !gone;
    li.classList.toggle('disconnected', gone);
    // Keep the server's order (join order) without re-inserting nodes that are already in place.
    const want = previous ? previous.nextSibling : list.firstChild;
    if (want !== li) list.insertBefore(li, want);
    previous = li;
  }
  for (const li of existing.values()) li.remove(); // kicked players
  // A full class must fit on the projector without scrolling: chips shrink as the class grows.
  list.dataset.baseDensity = players.length > 60 ? '3' : players.length > 30 ? '2' : players.length > 12 ? '1' : '0';
  // Once a class is in, the names need the room more than the join details: those shrink (late-comers
  // can still read them) so a class of 30 shows whole on a 1024x768 projector.
  document.querySelector('section.lobby').dataset.crowd = players.length > 12 ? 'class' : '';
  fitRoster();
  $('roster-empty').hidden = players.length > 0;
  setPlayerCount(players.length);
  game.players = players;
  renderDrawer(players);
}

const DENSITIES = ['', 'm', 's', 'xs'];

/**
 * The chip size the class's count calls for, one step smaller at a time while the names would still
 * need scrolling on this screen (a 1024x768 projector with a warning above has little height left).
 */
function fitRoster() {
  const list = $('roster');
  let level = Number(list.dataset.baseDensity || 0);
  list.dataset.density = DENSITIES[level];
  while (level < DENSITIES.length - 1 && list.clientHeight > 0 && list.scrollHeight > list.clientHeight + 1) {
    level += 1;
    list.dataset.density = DENSITIES[level];
  }
}
window.addEventListener('resize', fitRoster);

// --- roster drawer (every phase) -------------------------------------------------------------

function renderDrawer(players) {
  const list = $('drawer-list');
  const existing = new Map([...list.children].map((li) => [li.dataset.playerId, li]));
  let previous = null;
  let away = 0;
  for (const p of players) {
    const id = String(p.playerId);
    const name = String(p.nickname ?? '');
    const gone = p.connected === false;
    if (gone) away += 1;
    let li = existing.get(id);
    existing.delete(id);
    if (!li) {
      li = el('li', { class: 'drawer-player', dataset: { playerId: id }, 'data-testid': 'drawer-player' },
        el('span', { class: 'dot', 'aria-hidden': 'true' }),
        el('span', { class: 'nickname' }),
        el('span', { class: 'presence' }),
        el('span', { class: 'drawer-score' }),
        el('button', { type: 'button', class: 'kick', on: { click: () => confirmKick(id) } }, 'Kick'));
    }
    li.querySelector('.nickname').textContent = name;
    li.querySelector('.presence').textContent = gone ? 'away' : 'connected';
    li.querySelector('.drawer-score').textContent = `${formatNumber(p.score ?? 0)} pts`;
    li.querySelector('.kick').setAttribute('aria-label', `Kick ${name}`);
    li.classList.toggle('away', gone);
    const want = previous ? previous.nextSibling : list.firstChild;
    if (want !== li) list.insertBefore(li, want);
    previous = li;
  }
  for (const li of existing.values()) li.remove();
  setText('drawer-count', players.length);
  setText('drawer-summary', players.length
    ? `${formatNumber(players.length - away)} connected${away ? ` · ${formatNumber(away)} away` : ''}`
    : 'Nobody has joined yet.');
  setText('roster-toggle', `Players (${formatNumber(players.length)})`);
}

/**
 * Kick, from the lobby list or the roster drawer, always asks first: the kicked name can never rejoin this
 * game, and the lobby list is on the projector, where a stray click is easy.
 */
function confirmKick(id) {
  const p = (game.players || []).find((x) => String(x.playerId) === id);
  const name = p ? String(p.nickname ?? '') : 'this player';
  if (confirm(`Remove ${name} from the game? They cannot join again under this name.`)) {
    command('kick', { playerId: id });
  }
}

function setDrawer(open) {
  $('roster-drawer').hidden = !open;
  $('roster-toggle').setAttribute('aria-expanded', String(open));
  if (open) $('roster-close').focus();
}

$('roster-toggle').addEventListener('click', () => setDrawer($('roster-drawer').hidden));
$('roster-close').addEventListener('click', () => { setDrawer(false); $('roster-toggle').focus(); });
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && !$('roster-drawer').hidden) { setDrawer(false); $('roster-toggle').focus(); }
});

// --- sound button ----------------------------------------------------------------------------

function showSound() {
  const button = $('sound-toggle');
  if (!sound.available) { button.remove(); return; }
  button.setAttribute('aria-pressed', String(!sound.muted));
  button.classList.toggle('muted', sound.muted);
  button.title = sound.muted ? 'Sound is off: press to turn it on' : 'Sound is on: press to mute';
  document.body.dataset.sound = sound.muted ? 'muted' : 'on';
}

$('sound-toggle').addEventListener('click', () => {
  sound.setMuted(!sound.muted);
  try { localStorage.setItem(MUTE_KEY, sound.muted ? '1' : '0'); } catch (_) { /* private mode */ }
  showSound();
});

function setQuizTitle(title) {
  setText('quiz-title', title);
  document.title = `${title} — Quizroom host`;
}

// --- question -------------------------------------------------------------------------------

const HINTS = {
  type: 'Type your answer on your device.',
  number: 'Enter a number on your device.',
  order: 'Put these in the right order on your device.',
};

// The REVEAL event carries no question text or choices; keep the QUESTION for this tab so a
// host screen reloaded during a reveal can still label its chart.
const questionKey = (index) => `quizroom.hostq.${pin}.${index}`;

function rememberQuestion(q) {
  game.questions.set(q.index, q);
  try {
    sessionStorage.setItem(questionKey(q.index), JSON.stringify({ index: q.index, total: q.total, questionType: q.questionType, text: q.text, choices: q.choices }));
  } catch (_) { /* storage full or disabled: only the labels after a reload suffer */ }
}

function recallQuestion(index) {
  if (game.questions.has(index)) return game.questions.get(index);
  try {
    const saved = JSON.parse(sessionStorage.getItem(questionKey(index)) || 'null');
    if (saved) game.questions.set(index, saved);
    return saved;
  } catch (_) {
    return null;
  }
}

function renderQuestion(q) {
  const type = normType(q.questionType);
  rememberQuestion(q);
  if (Number.isFinite(Number(q.total))) game.total = Number(q.total);
  const isNew = !game.current || game.current.index !== q.index || game.phase !== 'question';
  game.current = q;
  game.screenIndex = Number(q.index);

  const progress = `Question ${Number(q.index) + 1} of ${q.total ?? '?'}`;
  setText('question-progress', progress);
  setText('get-ready-progress', progress);
  const points = type === 'poll' ? 'Poll' : ({ double: 'Double points', none: 'No points' }[q.points] || '');
  setText('question-points', points);
  $('question-points').hidden = !points;
  const section = document.querySelector('section.question');
  section.dataset.type = type;

  if (isNew) {
    const done = [setRichText($('question-text'), q.text)];
    const hint = HINTS[type] || (type === 'multi' ? 'More than one answer may be right.' : '');
    setText('question-hint', hint);
    $('question-hint').hidden = !hint;

    const picture = imageOf(q);
    $('question-figure').hidden = !picture;
    const img = $('question-image');
    if (picture) {
      img.alt = picture.alt;
      img.onload = refit;
      img.src = picture.src;
    } else {
      img.removeAttribute('src');
      img.alt = '';
    }

    const list = clear($('choices'));
    const choices = Array.isArray(q.choices) ? q.choices : [];
    list.className = `choices type-${type} count-${choices.length}`;
    if (type === 'order') {
      // A numbered list the class can talk about ("3 comes first"); the order is the shuffled one.
      list.setAttribute('aria-label', 'Items to put in order');
      choices.forEach((text, i) => list.append(el('li', {},
        el('div', { class: 'choice neutral', dataset: { index: i } },
          el('span', { class: 'item-num', 'aria-hidden': 'true', text: i + 1 }),
          richEl('span', { class: 'choice-text' }, text)))));
    } else {
      list.removeAttribute('aria-label');
      if (CHOICE_TYPES.has(type) || choices.length) {
        choices.forEach((text, i) => list.append(el('li', {}, choiceTile('div', i, text))));
      }
    }
    Promise.all(done).then(refit);
    setAnswered(0, game.connected || game.playerCount);
  }
  enterPhase('question');
  runStages(q, isNew);
  refit();
}

// --- get ready, reading time, answers ----------------------------------------------------------
// QUESTION.opensInMs (when the quiz or game has a reading time) is how long the question text is
// shown alone; answers and the clock come after it. The first moments of it are the "Question
// 3 of 36 · get ready" beat. Without a reading time the answers open at once.

let stageTimers = [];

function clearStages() {
  stageTimers.forEach(clearTimeout);
  stageTimers = [];
}

function setStage(stage) {
  document.querySelector('section.question').dataset.stage = stage;
  document.body.dataset.stage = stage;
  if (stage === 'answering') refit();
}

function runStages(q, isNew) {
  clearStages();
  const opens = Math.max(0, Number(q.opensInMs) || 0);
  if (opens <= 0) {
    setStage('answering');
    countdown.start(q.remainingMs ?? q.timeLimitMs, q.timeLimitMs);
    return;
  }
  const beat = isNew ? Math.min(READY_MS, opens * 0.4) : 0;
  setStage(beat > 0 ? 'ready' : 'reading');
  countdown.show(q.remainingMs ?? q.timeLimitMs);
  if (beat > 0) stageTimers.push(setTimeout(() => setStage('reading'), beat));
  stageTimers.push(setTimeout(() => {
    setStage('answering');
    countdown.start(q.remainingMs ?? q.timeLimitMs, q.timeLimitMs);
  }, opens));
}

function setAnswered(answered, of) {
  game.answered = Number(answered) || 0;
  setText('answered-count', `${formatNumber(answered)} of ${formatNumber(of)}`);
}

// --- reveal ---------------------------------------------------------------------------------

function renderReveal(r) {
  countdown.stop();
  const fresh = game.phase !== 'reveal' || game.screenIndex !== Number(r.index);
  game.screenIndex = Number(r.index);
  const q = recallQuestion(r.index) || {};
  const type = normType(r.questionType || q.questionType);
  const choices = Array.isArray(r.choices) ? r.choices : (Array.isArray(q.choices) ? q.choices : []);
  const total = r.total ?? q.total ?? game.total;
  if (Number.isFinite(Number(r.playerCount))) setPlayerCount(r.playerCount);

  setText('reveal-progress', `Question ${Number(r.index) + 1}${total ? ` of ${total}` : ''}`);
  const done = [setRichText($('reveal-title'), r.text ?? q.text ?? '')];
  const of = r.playerCount ?? r.answered ?? game.playerCount;
  setText('reveal-correct-count', type === 'poll'
    ? `${formatNumber(r.answered ?? 0)} of ${formatNumber(of)} answered`
    : `${formatNumber(r.correctCount ?? 0)} of ${formatNumber(of)} correct`);

  clear($('reveal-answer')).append(correctAnswerBlock({ ...r, questionType: type }, choices));
  const common = (type === 'type' || type === 'number') ? commonAnswersBlock(r) : null;
  const commonBox = clear($('common-answers'));
  commonBox.hidden = !common;
  if (common) commonBox.append(common);
  document.querySelector('section.reveal').dataset.type = type;

  // Distribution: plain HTML bars with the numbers as text (readable without the colours).
  // The bars start empty and grow to their counts (no motion with prefers-reduced-motion).
  const chart = clear($('reveal-chart'));
  const dist = Array.isArray(r.distribution) ? r.distribution.map((n) => Number(n) || 0) : [];
  const showChart = dist.length > 0 && type !== 'order';
  chart.hidden = !showChart;
  const fills = [];
  if (showChart) {
    const max = Math.max(1, ...dist);
    chart.className = `chart count-${dist.length}`;
    dist.forEach((count, i) => {
      const correct = type !== 'poll' && isCorrectChoice({ ...r }, i);
      const label = choices[i] ?? `Answer ${i + 1}`;
      const fill = el('div', { class: `bar-fill${count === 0 ? ' empty' : ''}`, style: 'height: 0%' });
      fills.push([fill, count === 0 ? 0 : (count / max) * 100]);
      chart.append(el('div', {
        role: 'listitem', class: `bar ${colourClass(i)}${correct ? ' correct' : ''}${type !== 'poll' && !correct ? ' wrong' : ''}`,
        dataset: { index: i, count },
        'aria-label': `${label}: ${count} ${count === 1 ? 'answer' : 'answers'}${correct ? ', correct' : ''}`,
      },
        el('span', { class: 'bar-count' },
          correct ? el('span', { class: 'tick', 'aria-hidden': 'true' }, shapeIcon(i, 'tick-shape'), el('span', { class: 'tick-mark', text: '✓' })) : null,
          el('span', { class: 'bar-number', text: formatNumber(count) })),
        el('div', { class: 'bar-track' }, fill),
        el('div', { class: 'bar-label' }, shapeIcon(i), richEl('span', { class: 'bar-text' }, label))));
    });
  }

  setText('reveal-section', r.section ? `From the notes: ${r.section}` : '');
  done.push(setRichText($('explanation'), r.explanation || ''));
  enterPhase('reveal');
  Promise.all(done).then(refit);
  const grow = () => fills.forEach(([fill, pct]) => { fill.style.height = `${pct}%`; });
  if (reducedMotion()) grow(); else requestAnimationFrame(() => requestAnimationFrame(grow));
  if (fresh) sound.reveal();
}

// --- leaderboard and podium -----------------------------------------------------------------

function renderLeaderboard(e) {
  countdown.stop();
  game.screenIndex = Number(e.index);
  const total = e.total ?? game.total;
  setText('leaderboard-progress', e.index != null ? `After question ${Number(e.index) + 1}${total ? ` of ${total}` : ''}` : '');
  const list = clear($('leaderboard'));
  const rows = (e.top || []).slice(0, 5);
  // Rank changes since the last leaderboard: each row slides from where it was (FLIP-style,
  // done with a CSS variable), and says how far it moved.
  const before = game.lastRanks;
  const shown = before.size > 0;
  for (const row of rows) {
    const was = before.get(row.playerId);
    const rank = Number(row.rank);
    const from = shown ? (was === undefined ? Math.max(rows.length + 1 - rank, 1) : Math.min(was, rows.length + 1) - rank) : 0;
    const moved = shown && was !== undefined && was !== rank ? was - rank : 0;
    list.append(el('li', {
      class: `leader${from !== 0 ? ' moving' : ''}`, dataset: { playerId: row.playerId, rank: row.rank, from },
      style: `--from: ${from}`,
    },
      el('span', { class: 'rank', text: row.rank }),
      el('span', { class: 'nickname', text: row.nickname }),
      el('span', { class: `move-note${moved > 0 ? ' up' : moved < 0 ? ' down' : ''}` },
        moved ? el('span', { 'aria-hidden': 'true', text: `${moved > 0 ? '▲' : '▼'} ${Math.abs(moved)}` }) : null,
        moved ? el('span', { class: 'visually-hidden', text: `${moved > 0 ? 'up' : 'down'} ${Math.abs(moved)}` }) : null),
      el('span', { class: 'score', text: formatNumber(row.score) })));
  }
  if (!list.children.length) list.append(el('li', { class: 'leader empty', text: 'No scores yet.' }));
  // Everyone's rank is in PLAYERS only as scores; the top rows are enough for the motion.
  game.lastRanks = new Map(rows.map((row) => [row.playerId, Number(row.rank)]));
  enterPhase('leaderboard');
}

function renderFinished(e) {
  countdown.stop();
  game.finished = true;
  const list = clear($('podium'));
  const podium = (e.podium || []).slice(0, 3);
  // DOM order is 1st, 2nd, 3rd for screen readers; CSS lays them out 2nd-1st-3rd.
  for (const row of podium) {
    const name = String(row.nickname ?? '');
    list.append(el('li', { class: `step step-${row.rank}`, dataset: { rank: row.rank, playerId: row.playerId } },
      el('span', { class: `podium-name${name.length > 16 ? ' long' : ''}`, text: name }),
      el('span', { class: 'podium-score', text: `${formatNumber(row.score)} points` }),
      el('span', { class: 'podium-block' }, el('span', { class: 'podium-rank', text: ordinal(row.rank) }))));
  }
  // Two on the podium: keep the winner in the middle, with an empty third step's space.
  if (podium.length === 2) list.append(el('li', { class: 'step step-3 step-empty', 'aria-hidden': 'true' }));
  if (Number.isFinite(Number(e.playerCount))) setPlayerCount(e.playerCount);
  setText('finished-note', podium.length ? `${formatNumber(game.playerCount)} ${game.playerCount === 1 ? 'player' : 'players'} took part.` : 'Nobody scored in this game.');
  $('report-link').href = `/report?pin=${encodeURIComponent(pin)}`;
  const wasFinished = game.phase === 'finished';
  enterPhase('finished');
  if (!wasFinished) podiumSounds(podium.length);
}

// The podium rises third, second, first (CSS animation delays); each step gets its sting.
const PODIUM_DELAYS_MS = { 3: 300, 2: 1500, 1: 2700 };

function podiumSounds(count) {
  if (reducedMotion()) { if (count) sound.podium(1); return; }
  for (const step of [3, 2, 1]) {
    if (step <= count) setTimeout(() => sound.podium(step), PODIUM_DELAYS_MS[step]);
  }
}

// --- events ---------------------------------------------------------------------------------

function onEvent(e) {
  switch (e.type) {
    case 'STATE':
      if (e.quizTitle) setQuizTitle(e.quizTitle);
      game.statePhase = String(e.phase || '').toUpperCase();
      break;
    case 'LOBBY': renderLobby(e); break;
    case 'PLAYERS': renderPlayers(e.players); break;
    case 'QUESTION': renderQuestion(e); break;
    case 'ANSWER_COUNT':
      if (!game.current || e.index === game.current.index) setAnswered(e.answered ?? 0, e.connected ?? game.playerCount);
      break;
    case 'REVEAL': renderReveal(e); break;
    case 'LEADERBOARD': renderLeaderboard(e); break;
    case 'FINISHED': renderFinished(e); break;
    case 'ERROR':
      releasePrimary();
      // A stale command means the screen had already moved on: nothing to tell the teacher.
      if (e.code !== 'STALE_COMMAND') toast(e.message || `The server refused that (${e.code || 'error'}).`);
      break;
    default:
      break; // events for players (RESULT, ACK, …) and future ones are ignored
  }
}

// --- start ----------------------------------------------------------------------------------

if (!pin) {
  fail('This address has no game PIN. Open a game from the dashboard.');
} else if (!token) {
  fail(`This browser doesn't have the host key for game ${pin}.`);
} else {
  setText('pin-small', pin);
  setText('pin', pin);
  $('qr').src = `/api/games/${encodeURIComponent(pin)}/qr.svg`;
  $('corner-qr').src = `/api/games/${encodeURIComponent(pin)}/qr.svg`;
  showSound();
  setLocked(false);
  // A host screen opened mid-game gets no LOBBY: ask once for the join link and lock state.
  fetch(`/api/games/${encodeURIComponent(pin)}`, { headers: { Accept: 'application/json' } })
    .then((r) => (r.ok ? r.json() : null))
    .then((g) => {
      if (!g) return;
      if (g.joinUrl && !game.joinUrl) setJoinUrl(g.joinUrl, g);
      else if (!game.joinUrl && !LOOPBACK.test(location.hostname)) setText('corner-url', shortJoinAddress(`${location.origin}/play`));
      if (typeof g.lateJoin === 'boolean') game.lateJoin = g.lateJoin;
      if (typeof g.locked === 'boolean' && game.phase !== 'lobby') setLocked(g.locked);
    })
    .catch(() => { /* the live connection will tell */ });
  $('report-link').href = `/report?pin=${encodeURIComponent(pin)}`;
  live = connectGame({
    pin,
    headers: { 'host-token': token },
    onEvent,
    onStatus: statusBanner($('connection-status')),
    onRefused: (reason) => {
      if (game.finished) return; // the podium stays up even if the server lets the game go
      fail(`The server did not accept this host key for game ${pin}. ${reason || ''}`.trim());
    },
  });
}
