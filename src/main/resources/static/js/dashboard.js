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
  if (!response.ok) {
    const error = new Error(await errorMessage(response, `${url} answered ${response.status}.`));
    error.status = response.status;
    throw error;
  }
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
    readingTime: $('opt-reading').checked,
  };
}

// Options only the projector uses; kept in this browser, never sent to the server.
function readScreenOptions() {
  return { sound: $('opt-sound').checked, lateJoin: $('opt-late').checked };
}

function restoreOptions() {
  let saved;
  try { saved = JSON.parse(localStorage.getItem(OPTIONS_KEY) || 'null'); } catch (_) { saved = null; }
  if (!saved) return;
  if (typeof saved.speedScoring === 'boolean') $('opt-speed').checked = saved.speedScoring;
  if (typeof saved.streaks === 'boolean') $('opt-streaks').checked = saved.streaks;
  if (typeof saved.shuffleAnswers === 'boolean') $('opt-shuffle').checked = saved.shuffleAnswers;
  if (typeof saved.lateJoin === 'boolean') $('opt-late').checked = saved.lateJoin;
  if (typeof saved.sound === 'boolean') $('opt-sound').checked = saved.sound;
  if (typeof saved.readingTime === 'boolean') $('opt-reading').checked = saved.readingTime;
  const select = $('opt-time');
  if ([...select.options].some((o) => Number(o.value) === saved.timeMultiplier)) {
    select.value = [...select.options].find((o) => Number(o.value) === saved.timeMultiplier).value;
  }
}

function saveOptions() {
  try { localStorage.setItem(OPTIONS_KEY, JSON.stringify({ ...readOptions(), ...readScreenOptions() })); } catch (_) { /* private mode */ }
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
    const name = quiz.title || quiz.id;
    const editTools = el('div', { class: 'quiz-edit-tools' },
      el('a', { href: `/editor?id=${encodeURIComponent(quiz.id)}`, 'aria-label': `Edit ${name}` }, 'Edit'),
      el('button', { type: 'button', class: 'link-button', 'aria-label': `Duplicate ${name}`,
        on: { click: () => editQuiz('duplicate', quiz) } }, 'Duplicate'),
      el('button', { type: 'button', class: 'link-button danger', 'aria-label': `Delete ${name}`,
        on: { click: () => editQuiz('delete', quiz) } }, 'Delete'));
    list.append(el('li', { class: 'card quiz', dataset: { quizId: quiz.id } },
      el('div', { class: 'quiz-main' },
        el('h3', { text: quiz.title || quiz.id }),
        quiz.description ? el('p', { class: 'muted', text: quiz.description }) : null,
        el('p', { class: 'meta' }, `${count} question${count === 1 ? '' : 's'}`,
          sections.length ? ` · ${sections.length} section${sections.length === 1 ? '' : 's'}` : ''),
        sections.length ? el('details', { class: 'sections' },
          el('summary', {}, 'Sections'),
          el('ul', {}, sections.map((s) => el('li', { text: s })))) : null,
        lintDetails(quiz),
        editTools),
      el('div', { class: 'quiz-actions' }, hostButton,
        // Every finished game of this quiz side by side (classes, or a class and its practice game).
        el('a', { class: 'compare-link', href: `/report?quiz=${encodeURIComponent(quiz.id)}`,
          'aria-label': `Compare games of ${quiz.title || quiz.id}` }, 'Compare games'))));
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
    // JSON content type: the server refuses state changes a cross-site HTML form could send.
    const quizzes = await getJson('/api/quizzes/reload', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: '{}',
    });
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

// --- quiz files (the editor's API; see /editor) ----------------------------------------------

async function editQuiz(action, quiz) {
  const name = quiz.title || quiz.id;
  if (action === 'delete' && !window.confirm(`Delete “${name}”? The file moves to the trash and can be restored.`)) return;
  const url = action === 'delete' ? `/api/authoring/quizzes/${encodeURIComponent(quiz.id)}`
    : `/api/authoring/quizzes/${encodeURIComponent(quiz.id)}/duplicate`;
  try {
    const result = await getJson(url, { method: action === 'delete' ? 'DELETE' : 'POST', headers: { 'X-Quizroom': '1', Accept: 'application/json' } });
    await loadQuizzes();
    const status = $('reload-status');
    clear(status);
    if (action === 'delete') {
      status.append(`Deleted “${name}”. `, el('button', { type: 'button', class: 'link-button', on: { click: () => undelete(result.name, name) } }, 'Undo'));
    } else {
      status.append(`Copied “${name}”. `, el('a', { href: `/editor?id=${encodeURIComponent(result.id)}` }, 'Edit the copy'));
    }
  } catch (err) {
    showError(`Could not ${action} “${name}”: ${err.message}`);
  }
}

async function undelete(trashName, name) {
  try {
    await getJson(`/api/authoring/trash/${encodeURIComponent(trashName)}/restore`, { method: 'POST', headers: { 'X-Quizroom': '1', Accept: 'application/json' } });
    setText('reload-status', `Restored “${name}”.`);
    await loadQuizzes();
  } catch (err) {
    showError(`Could not restore “${name}”: ${err.message}`);
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
    try { localStorage.setItem(`quizroom.gameopts.${game.pin}`, JSON.stringify(readScreenOptions())); } catch (_) { /* defaults */ }
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
    } else if (g.live) {
      // Another computer (e.g. the projector's PC): ask the server for the host key.
      action = el('button', {
        type: 'button', class: 'link-button', 'aria-label': `Open host screen for game ${g.pin}`,
        on: { click: (e) => openHostScreen(g, e.currentTarget) },
      }, 'Open host screen');
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

/**
 * Opens the host screen of a live game created elsewhere: the host key comes in the JSON body
 * of POST /api/games/{pin}/host-session and is kept in this tab's sessionStorage, never in a URL.
 */
async function openHostScreen(g, button) {
  button.disabled = true;
  try {
    const session = await getJson(`/api/games/${encodeURIComponent(g.pin)}/host-session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: '{}',
    });
    sessionStorage.setItem(hostKey(g.pin), session.hostToken);
    location.href = `/host?pin=${encodeURIComponent(g.pin)}`;
  } catch (err) {
    showError(`Could not open the host screen of game ${g.pin}: ${err.message}`);
    button.disabled = false;
  }
}

// --- join address ----------------------------------------------------------------------------
// Only on the computer running Quizroom (or with the teacher login): the server says 403 to others.

function renderNetwork(net) {
  const box = $('network');
  const select = clear($('network-address'));
  const addresses = Array.isArray(net.addresses) ? net.addresses : [];
  for (const a of addresses) {
    const note = [a.interfaceName, a.privateRange ? null : 'not a private range'].filter(Boolean).join(', ');
    select.append(el('option', { value: a.address, text: note ? `${a.address} (${note})` : a.address }));
  }
  if (net.selected && ![...select.options].some((o) => o.value === net.selected)) {
    select.append(el('option', { value: net.selected, text: net.selected }));
  }
  if (net.selected) select.value = net.selected;
  select.disabled = Boolean(net.fixedBy) || select.options.length < 2;
  const warning = $('network-warning');
  warning.hidden = !net.joinLocalOnly;
  warning.textContent = net.joinLocalOnly
    ? 'This computer has no network address: phones cannot join. Connect it to the classroom network (Wi-Fi or cable), then reload this page.'
    : '';
  setText('network-hint', net.fixedBy
    ? `Fixed by the ${net.fixedBy} setting.`
    : 'Pick the address on the network the students\' phones use.');
  setText('network-status', net.joinBase ? `Join links start with ${net.joinBase}` : '');
  box.hidden = false;
}

async function loadNetwork() {
  try {
    const response = await fetch('/api/network', { headers: { Accept: 'application/json' } });
    if (!response.ok) return; // another computer, or no login: the setting is not ours here
    renderNetwork(await response.json());
  } catch (_) { /* leave the picker hidden */ }
}

async function chooseAddress() {
  const select = $('network-address');
  select.disabled = true;
  setText('network-status', 'Saving…');
  try {
    renderNetwork(await getJson('/api/network', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ address: select.value }),
    }));
  } catch (err) {
    setText('network-status', `Could not change the address: ${err.message}`);
    select.disabled = false;
  }
}

async function loadGames() {
  try {
    renderGames(await getJson('/api/games'));
  } catch (err) {
    $('no-games').hidden = false;
    if (err.status === 403) {
      // Another computer, and no teacher password: say so at the top, before a button fails.
      showError('This is the teacher\'s dashboard. Without a teacher password it works only on the computer '
        + 'running Quizroom. Students join at /play.');
      setText('no-games', err.message);
    } else {
      setText('no-games', `Could not load past games: ${err.message}`);
    }
  }
}

restoreOptions();
$('options-form').addEventListener('change', saveOptions);
$('options-form').addEventListener('submit', (e) => e.preventDefault());
$('reload').addEventListener('click', reloadQuizzes);
$('network-address').addEventListener('change', chooseAddress);
loadQuizzes();
loadGames();
loadNetwork();
