// Dashboard at "/": list quizzes, show broken quiz files, pick options, host a game, past games.
import { $, el, clear, setText, formatDate, errorMessage } from './dom.js';

const OPTIONS_KEY = 'quizroom.options';
const hostKey = (pin) => `quizroom.host.${pin}`;

const STATE_LABELS = {
  LOBBY: 'Lobby', QUESTION: 'Question open', REVEAL: 'Live', LEADERBOARD: 'Live', FINISHED: 'Finished',
};

function showError(text) {
  const box = $('dashboard-error');
  box.textContent = text;
  box.hidden = !text;
}

async function getJson(url, init) {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, ...init });
  if (!response.ok) throw new Error(await errorMessage(response, `${url} answered ${response.status}.`));
  return response.json();
}

// --- options --------------------------------------------------------------------------------
// Remembered between visits: a teacher who needs double time for a class wants it every time.

function readOptions() {
  return {
    speedScoring: $('opt-speed').checked,
    streaks: $('opt-streaks').checked,
    shuffleAnswers: $('opt-shuffle').checked,
    lateJoin: $('opt-late').checked,
    timeMultiplier: Number($('opt-time').value) || 1,
  };
}

function restoreOptions() {
  let saved;
  try { saved = JSON.parse(localStorage.getItem(OPTIONS_KEY) || 'null'); } catch (_) { saved = null; }
  if (!saved) return;
  if (typeof saved.speedScoring === 'boolean') $('opt-speed').checked = saved.speedScoring;
  if (typeof saved.streaks === 'boolean') $('opt-streaks').checked = saved.streaks;
  if (typeof saved.shuffleAnswers === 'boolean') $('opt-shuffle').checked = saved.shuffleAnswers;
  if (typeof saved.lateJoin === 'boolean') $('opt-late').checked = saved.lateJoin;
  const select = $('opt-time');
  if ([...select.options].some((o) => Number(o.value) === saved.timeMultiplier)) {
    select.value = [...select.options].find((o) => Number(o.value) === saved.timeMultiplier).value;
  }
}

function saveOptions() {
  try { localStorage.setItem(OPTIONS_KEY, JSON.stringify(readOptions())); } catch (_) { /* private mode */ }
}

// --- quizzes --------------------------------------------------------------------------------

function renderQuizzes(quizzes) {
  const list = $('quiz-list');
  clear(list);
  list.setAttribute('aria-busy', 'false');
  $('no-quizzes').hidden = quizzes.length > 0;
  for (const quiz of quizzes) {
    const sections = Array.isArray(quiz.sections) ? quiz.sections : [];
    const count = Number(quiz.questionCount) || 0;
    const hostButton = el('button', {
      type: 'button', class: 'primary host-button', 'aria-label': `Host ${quiz.title || quiz.id}`,
      dataset: { quizId: quiz.id }, on: { click: (e) => hostGame(quiz, e.currentTarget) },
    }, 'Host');
    list.append(el('li', { class: 'card quiz', dataset: { quizId: quiz.id } },
      el('div', { class: 'quiz-main' },
        el('h3', { text: quiz.title || quiz.id }),
        quiz.description ? el('p', { class: 'muted', text: quiz.description }) : null,
        el('p', { class: 'meta' }, `${count} question${count === 1 ? '' : 's'}`,
          sections.length ? ` · ${sections.length} section${sections.length === 1 ? '' : 's'}` : ''),
        sections.length ? el('details', { class: 'sections' },
          el('summary', {}, 'Sections'),
          el('ul', {}, sections.map((s) => el('li', { text: s })))) : null,
        lintDetails(quiz)),
      hostButton));
  }
}

// The quiz linter's findings, fetched when the teacher unfolds them (GET /api/quizzes/{id}/lint).
function lintDetails(quiz) {
  const body = el('div', { class: 'lint-body', 'aria-live': 'polite' });
  let loaded = false;
  const show = async (details) => {
    if (!details.open || loaded) return;
    loaded = true;
    body.textContent = 'Checking…';
    try {
      const report = await getJson(`/api/quizzes/${encodeURIComponent(quiz.id)}/lint`);
      const items = Array.isArray(report.items) ? report.items : [];
      clear(body);
      if (!items.length) { body.textContent = 'Nothing to fix.'; return; }
      body.append(el('ul', { class: 'lint-list' }, items.map((w) => el('li', { class: `lint-${w.severity}` },
        el('strong', { text: `${w.severity === 'info' ? 'Note' : 'Warning'} · question${w.questions.length > 1 ? 's' : ''} ${w.questions.join(', ')} · ${w.rule}` }),
        el('p', { text: w.message }), el('p', { class: 'muted', text: `Fix: ${w.fix}` })))));
    } catch (err) {
      loaded = false;
      body.textContent = `Could not check the quiz: ${err.message}`;
    }
  };
  return el('details', { class: 'lint', on: { toggle: (e) => show(e.currentTarget) } },
    el('summary', {}, 'Quiz check'), body);
}

function renderProblems(problems) {
  const box = $('problems');
  const list = clear($('problems-list'));
  box.hidden = !problems.length;
  for (const p of problems) {
    const where = [p.file, p.question != null && p.question !== '' ? `question ${p.question}` : null,
      p.field ? `field “${p.field}”` : null].filter(Boolean).join(', ');
    list.append(el('li', {}, el('strong', { text: where || 'Quiz file' }), ': ', p.message || 'invalid'));
  }
}

async function loadQuizzes() {
  try {
    renderQuizzes(await getJson('/api/quizzes'));
  } catch (err) {
    showError(`Could not load the quizzes: ${err.message}`);
  }
  try {
    renderProblems(await getJson('/api/quizzes/problems'));
  } catch (_) {
    renderProblems([]);
  }
}

async function reloadQuizzes() {
  const button = $('reload');
  button.disabled = true;
  setText('reload-status', 'Reloading…');
  try {
    const quizzes = await getJson('/api/quizzes/reload', { method: 'POST' });
    renderQuizzes(quizzes);
    try { renderProblems(await getJson('/api/quizzes/problems')); } catch (_) { /* keep the old list */ }
    setText('reload-status', `Reloaded: ${quizzes.length} quiz${quizzes.length === 1 ? '' : 'zes'}.`);
    showError('');
  } catch (err) {
    setText('reload-status', '');
    showError(`Could not reload the quizzes: ${err.message}`);
  } finally {
    button.disabled = false;
  }
}

async function hostGame(quiz, button) {
  button.disabled = true;
  saveOptions();
  try {
    const game = await getJson('/api/games', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ quizId: quiz.id, options: readOptions() }),
    });
    // The host token is the teacher's key to this game; the host and report pages read it here.
    localStorage.setItem(hostKey(game.pin), game.hostToken);
    location.href = `/host?pin=${encodeURIComponent(game.pin)}`;
  } catch (err) {
    showError(`Could not open a game for “${quiz.title || quiz.id}”: ${err.message}`);
    button.disabled = false;
  }
}

// --- games ----------------------------------------------------------------------------------

function renderGames(games) {
  const body = clear($('games-list'));
  $('games-table').hidden = !games.length;
  $('no-games').hidden = games.length > 0;
  for (const g of games) {
    const finished = g.state === 'FINISHED';
    let action = null;
    if (finished) {
      action = el('a', { href: `/report?pin=${encodeURIComponent(g.pin)}`, 'aria-label': `Report for ${g.quizTitle || 'game'} ${g.pin}` }, 'Report');
    } else if (localStorage.getItem(hostKey(g.pin))) {
      action = el('a', { href: `/host?pin=${encodeURIComponent(g.pin)}`, 'aria-label': `Open host screen for game ${g.pin}` }, 'Open host screen');
    }
    body.append(el('tr', { dataset: { pin: g.pin, state: g.state } },
      el('td', {}, el('span', { class: 'game-title', text: g.quizTitle || g.quizId || '' }),
        el('span', { class: 'muted pin-note', text: ` PIN ${g.pin}` })),
      el('td', { text: formatDate(g.createdAt) }),
      el('td', { class: 'num', text: g.playerCount ?? '' }),
      el('td', {}, el('span', { class: `state state-${String(g.state || '').toLowerCase()}`, text: STATE_LABELS[g.state] || g.state || '' })),
      el('td', {}, action)));
  }
}

async function loadGames() {
  try {
    renderGames(await getJson('/api/games'));
  } catch (err) {
    $('no-games').hidden = false;
    setText('no-games', `Could not load past games: ${err.message}`);
  }
}

restoreOptions();
$('options-form').addEventListener('change', saveOptions);
$('options-form').addEventListener('submit', (e) => e.preventDefault());
$('reload').addEventListener('click', reloadQuizzes);
loadQuizzes();
loadGames();
