// Host screen at /host?pin=…: the projector view the teacher runs the lesson from.
import { $, el, clear, setText, setPhase, ordinal, formatNumber, pinFromUrl, shapeIcon, Countdown } from './dom.js';
import { connectGame, statusBanner } from './live.js';
import { CHOICE_TYPES, normType, choiceTile, colourClass, isCorrectChoice, correctAnswerBlock } from './answers.js';

const pin = pinFromUrl();
const token = pin ? localStorage.getItem(`quizroom.host.${pin}`) : null;

const game = {
  phase: 'connecting',
  locked: false,
  playerCount: 0,
  connected: 0,           // connected players, for "answered N of M" before the first ANSWER_COUNT
  answered: 0,            // answers to the open question so far
  questions: new Map(),   // index -> last QUESTION event, so a REVEAL can label its chart
  current: null,          // the open QUESTION
  total: null,
};

const countdown = new Countdown({
  display: $('countdown'),
  bar: $('timebar-fill'),
  announcer: $('countdown-announcer'),
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
}

function enterPhase(phase) {
  if (game.phase !== phase) releasePrimary();
  game.phase = phase;
  setPhase(phase);
  const hint = { lobby: 'start', question: 'skip', reveal: 'next', leaderboard: 'next' }[phase];
  setText('key-hint-action', hint || '');
}

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
}

function command(name, extra = {}) {
  if (!live || !live.send(`/app/games/${pin}/host`, { command: name, ...extra })) {
    toast('Not connected: the command was not sent. Reconnecting…');
    return false;
  }
  return true;
}

// skip/next carry the index on screen, so the server refuses a replayed or double-clicked
// command (STALE_COMMAND) instead of skipping a question.
function primary(name) {
  if (primaryHold) return;
  const extra = name !== 'start' && Number.isInteger(game.screenIndex) ? { question: game.screenIndex } : {};
  if (command(name, extra)) holdPrimary();
}

$('start').addEventListener('click', () => primary('start'));
$('skip').addEventListener('click', () => primary('skip'));
$('next').addEventListener('click', () => primary('next'));
$('lock').addEventListener('click', () => command(game.locked ? 'unlock' : 'lock'));
$('end').addEventListener('click', () => {
  if (confirm('End the game now? Scores so far are kept and the podium is shown.')) command('end');
});

// Space/Enter anywhere runs the primary button. When a button, link or field has focus the
// browser already activates it, so we stay out of the way (no double trigger).
document.addEventListener('keydown', (e) => {
  if (e.key !== ' ' && e.key !== 'Enter') return;
  if (e.repeat || e.altKey || e.ctrlKey || e.metaKey) return;
  if (e.target.closest && e.target.closest('button, a, input, select, textarea, summary, [contenteditable], [tabindex]')) return;
  const button = [...document.querySelectorAll('[data-primary]')].find((b) => !b.hidden && !b.closest('[hidden]'));
  if (!button) return;
  e.preventDefault();
  if (!button.disabled) button.click();
});

// --- lobby ----------------------------------------------------------------------------------

function renderLobby(e) {
  if (e.quizTitle) setQuizTitle(e.quizTitle);
  setText('pin', e.pin || pin);
  if (e.joinUrl) setText('join-url', e.joinUrl);
  game.locked = Boolean(e.locked);
  setText('lock', game.locked ? 'Unlock joining' : 'Lock joining');
  $('locked-note').hidden = !game.locked;
  document.querySelector('.join-panel').classList.toggle('is-locked', game.locked);
  setPlayerCount(e.playerCount);
  // The server re-sends LOBBY whenever the roster changes, also mid-game (a phone reconnecting):
  // only the lobby itself (or a fresh connection) switches to the lobby screen.
  if (game.phase === 'connecting' || game.phase === 'lobby' || game.statePhase === 'LOBBY') {
    game.statePhase = null;
    countdown.stop();
    enterPhase('lobby');
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
          on: { click: () => command('kick', { playerId: id }) },
        }, 'Kick'));
    } else {
      li.classList.remove('new');
    }
    li.querySelector('.nickname').textContent = name;
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
  list.dataset.density = players.length > 60 ? 'xs' : players.length > 30 ? 's' : players.length > 12 ? 'm' : '';
  $('roster-empty').hidden = players.length > 0;
  setPlayerCount(players.length);
}

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

  setText('question-progress', `Question ${Number(q.index) + 1} of ${q.total ?? '?'}`);
  const points = type === 'poll' ? 'Poll' : ({ double: 'Double points', none: 'No points' }[q.points] || '');
  setText('question-points', points);
  $('question-points').hidden = !points;
  setText('question-text', q.text);

  const hint = HINTS[type] || (type === 'multi' ? 'More than one answer may be right.' : '');
  setText('question-hint', hint);
  $('question-hint').hidden = !hint;

  const list = clear($('choices'));
  list.className = `choices type-${type} count-${(q.choices || []).length}`;
  const choices = Array.isArray(q.choices) ? q.choices : [];
  if (type === 'order') {
    choices.forEach((text, i) => list.append(el('li', {}, el('div', { class: 'choice neutral', dataset: { index: i } }, el('span', { class: 'choice-text', text })))));
  } else if (CHOICE_TYPES.has(type) || choices.length) {
    choices.forEach((text, i) => list.append(el('li', {}, choiceTile('div', i, text))));
  }

  if (isNew) setAnswered(0, game.connected || game.playerCount);
  countdown.start(q.remainingMs ?? q.timeLimitMs, q.timeLimitMs);
  enterPhase('question');
}

function setAnswered(answered, of) {
  game.answered = Number(answered) || 0;
  setText('answered-count', `${formatNumber(answered)} of ${formatNumber(of)}`);
}

// --- reveal ---------------------------------------------------------------------------------

function renderReveal(r) {
  countdown.stop();
  game.screenIndex = Number(r.index);
  const q = recallQuestion(r.index) || {};
  const type = normType(r.questionType || q.questionType);
  const choices = Array.isArray(r.choices) ? r.choices : (Array.isArray(q.choices) ? q.choices : []);
  const total = r.total ?? q.total ?? game.total;
  if (Number.isFinite(Number(r.playerCount))) setPlayerCount(r.playerCount);

  setText('reveal-progress', `Question ${Number(r.index) + 1}${total ? ` of ${total}` : ''}`);
  setText('reveal-title', r.text ?? q.text ?? '');
  const of = r.playerCount ?? r.answered ?? game.playerCount;
  setText('reveal-correct-count', type === 'poll'
    ? `${formatNumber(r.answered ?? 0)} of ${formatNumber(of)} answered`
    : `${formatNumber(r.correctCount ?? 0)} of ${formatNumber(of)} correct`);

  clear($('reveal-answer')).append(correctAnswerBlock({ ...r, questionType: type }, choices));

  // Distribution: plain HTML bars with the numbers as text (readable without the colours).
  const chart = clear($('reveal-chart'));
  const dist = Array.isArray(r.distribution) ? r.distribution.map((n) => Number(n) || 0) : [];
  const showChart = dist.length > 0 && type !== 'order';
  chart.hidden = !showChart;
  if (showChart) {
    const max = Math.max(1, ...dist);
    chart.className = `chart count-${dist.length}`;
    dist.forEach((count, i) => {
      const correct = type !== 'poll' && isCorrectChoice({ ...r }, i);
      const label = choices[i] ?? `Answer ${i + 1}`;
      chart.append(el('div', {
        role: 'listitem', class: `bar ${colourClass(i)}${correct ? ' correct' : ''}${type !== 'poll' && !correct ? ' wrong' : ''}`,
        dataset: { index: i, count },
        'aria-label': `${label}: ${count} ${count === 1 ? 'answer' : 'answers'}${correct ? ', correct' : ''}`,
      },
        el('span', { class: 'bar-count' },
          correct ? el('span', { class: 'tick', 'aria-hidden': 'true', text: '✓' }) : null,
          el('span', { class: 'bar-number', text: formatNumber(count) })),
        el('div', { class: 'bar-track' }, el('div', { class: 'bar-fill', style: `height: ${(count / max) * 100}%` })),
        el('div', { class: 'bar-label' }, shapeIcon(i), el('span', { class: 'bar-text', text: label }))));
    });
  }

  setText('reveal-section', r.section ? `From the notes: ${r.section}` : '');
  setText('explanation', r.explanation || '');
  enterPhase('reveal');
}

// --- leaderboard and podium -----------------------------------------------------------------

function renderLeaderboard(e) {
  countdown.stop();
  game.screenIndex = Number(e.index);
  const total = e.total ?? game.total;
  setText('leaderboard-progress', e.index != null ? `After question ${Number(e.index) + 1}${total ? ` of ${total}` : ''}` : '');
  const list = clear($('leaderboard'));
  for (const row of (e.top || []).slice(0, 5)) {
    list.append(el('li', { class: 'leader', dataset: { playerId: row.playerId, rank: row.rank } },
      el('span', { class: 'rank', text: row.rank }),
      el('span', { class: 'nickname', text: row.nickname }),
      el('span', { class: 'score', text: formatNumber(row.score) })));
  }
  if (!list.children.length) list.append(el('li', { class: 'leader empty', text: 'No scores yet.' }));
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
  enterPhase('finished');
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
  setText('pin-small', pin);
  fail(`This browser doesn't have the host key for game ${pin}. Open the game from the dashboard on the computer that created it.`);
} else {
  setText('pin-small', pin);
  setText('pin', pin);
  $('qr').src = `/api/games/${encodeURIComponent(pin)}/qr.svg`;
  $('report-link').href = `/report?pin=${encodeURIComponent(pin)}`;
  live = connectGame({
    pin,
    headers: { 'host-token': token },
    onEvent,
    onStatus: statusBanner($('connection-status')),
    onRefused: (reason) => {
      if (game.finished) return; // the podium stays up even if the server lets the game go
      fail(`The server did not accept this host key for game ${pin}. ${reason || ''} Open the game, or its report, from the dashboard.`);
    },
  });
}
