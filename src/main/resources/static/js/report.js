// Report at /report?pin=…: what the class knows, what to reteach, who needs help, and a practice game.
// /report?quiz=ID compares every finished game of one quiz instead.
// Charts come from Chart.js (WebJar, loaded as a classic script before this module); each chart has a
// table or sentence beside it with the same figures, for screen readers and for print.
import { $, el, clear, setText, formatNumber, formatDate, errorMessage } from './dom.js';

const params = new URLSearchParams(location.search);
const pin = (params.get('pin') || '').trim();
const quizId = (params.get('quiz') || '').trim();
const hostKey = (p) => `quizroom.host.${p}`;
const tokenOf = (p) => { try { return localStorage.getItem(hostKey(p)); } catch (_) { return null; } };

const css = getComputedStyle(document.documentElement);
const colour = (name, fallback) => (css.getPropertyValue(name) || fallback).trim() || fallback;
const GOOD = colour('--good', '#17663a');
const BAD = colour('--bad', '#a3212a');
const ACCENT = colour('--accent', '#2847a8');
const MUTED = '#8a93a3';
const SERIES = [ACCENT, '#0d6b72', '#6a3d9e', '#b35c00', '#1b7340', '#b8232f'];
/** Below this mastery a section or question is shown as one to reteach (the practice default too). */
const RETEACH_BELOW = 60;

const charts = [];
const ChartLib = window.Chart;
if (ChartLib) {
  // A report is read, not watched: no animation (also honours prefers-reduced-motion and keeps print exact).
  ChartLib.defaults.animation = false;
  ChartLib.defaults.font.family = colour('--font', 'system-ui, sans-serif');
  ChartLib.defaults.font.size = 14;
  ChartLib.defaults.color = '#16181d';
}
window.addEventListener('beforeprint', () => charts.forEach((c) => c.resize()));
window.addEventListener('afterprint', () => charts.forEach((c) => c.resize()));

const seconds = (ms) => (ms == null ? '–' : `${(Number(ms) / 1000).toFixed(1)} s`);
const pct = (v) => (v == null ? '–' : `${v}%`);
const plural = (n, one, many = `${one}s`) => `${formatNumber(n)} ${Number(n) === 1 ? one : many}`;
const cell = (text, className) => el('td', { class: className, text: text ?? '' });

function chart(canvasId, config, label) {
  const canvas = $(canvasId);
  if (!canvas) return;
  canvas.setAttribute('aria-label', label);
  if (!ChartLib) { canvas.hidden = true; return; }
  charts.push(new ChartLib(canvas, { ...config, options: { responsive: true, maintainAspectRatio: false, ...config.options } }));
  canvas.dataset.chart = 'drawn';
}

function barOptions(horizontal, max) {
  const valueAxis = { beginAtZero: true, ...(max ? { max } : {}), ticks: { precision: 0 } };
  return {
    indexAxis: horizontal ? 'y' : 'x',
    plugins: { legend: { display: false } },
    scales: horizontal ? { x: valueAxis, y: { ticks: { autoSkip: false } } } : { y: valueAxis },
  };
}

async function api(url, init = {}) {
  const response = await fetch(url, { ...init, headers: { Accept: 'application/json', ...(init.headers || {}) } });
  if (!response.ok) {
    const fallback = response.status === 403
      ? 'This browser doesn’t have the host key for this game. Open the report on the computer running Quizroom or in the browser that hosted the game, or log in as the teacher.'
      : response.status === 404 ? 'There is no such game.' : undefined;
    const error = new Error(await errorMessage(response, fallback));
    error.status = response.status;
    throw error;
  }
  return response.json();
}

const hostHeaders = (p) => (tokenOf(p) ? { 'X-Host-Token': tokenOf(p) } : {});

// ------------------------------------------------------------------ class summary

function renderSummary(report) {
  const s = report.summary;
  const figures = clear($('summary-figures'));
  const add = (term, value, id) => figures.append(el('div', { class: 'figure' },
    el('dt', { text: term }), el('dd', { text: value, dataset: { figure: id } })));
  add('Players', formatNumber(s.players) + (s.removedPlayers ? ` (+${s.removedPlayers} removed)` : ''), 'players');
  add('Questions asked', `${s.questionsAsked} of ${s.questionsInQuiz}`, 'questions');
  add('Average score', formatNumber(s.averageScore), 'average');
  add('Accuracy', pct(s.accuracyPercent), 'accuracy');
  add('Median answer time', seconds(s.medianAnswerMs), 'median');

  const bands = s.scoreHistogram || [];
  const labels = bands.map((b) => (b.from === b.to ? `${formatNumber(b.from)}` : `${formatNumber(b.from)}–${formatNumber(b.to)}`));
  const body = clear($('histogram-table'));
  bands.forEach((b, i) => body.append(el('tr', {}, cell(labels[i]), cell(formatNumber(b.players), 'num'))));
  const text = bands.length
    ? `Final scores of ${plural(s.players, 'student')}: ${bands.map((b, i) => `${labels[i]} points: ${b.players}`).join('; ')}.`
    : 'Nobody played.';
  setText('histogram-text', text);
  chart('histogram-chart', {
    type: 'bar',
    data: { labels, datasets: [{ label: 'Students', data: bands.map((b) => b.players), backgroundColor: ACCENT }] },
    options: barOptions(false),
  }, text);
}

// ------------------------------------------------------------------ sections

function renderSections(report) {
  const sections = report.sections || [];
  $('no-sections').hidden = sections.length > 0;
  const list = clear($('sections'));
  const byIndex = new Map((report.questions || []).map((q) => [q.index, q]));
  for (const s of sections) {
    const low = s.masteryPercent != null && s.masteryPercent < RETEACH_BELOW;
    const reteach = s.questionIndexes.map((i) => byIndex.get(i)).filter(Boolean);
    list.append(el('li', { class: `section-row${low ? ' low' : ''}${s.masteryPercent == null ? ' no-data' : ''}`, dataset: { section: s.section } },
      el('div', { class: 'section-head' },
        el('span', { class: 'section-name', text: s.section }),
        el('span', { class: 'section-pct', text: s.masteryPercent == null ? 'not answered' : `${s.masteryPercent}%` })),
      el('p', { class: 'muted small', text: `${plural(s.answers, 'answer')} to ${plural(s.questions, 'question')}${low ? ' · reteach these:' : ''}` }),
      el('ul', { class: 'reteach' }, reteach.map((q) => el('li', { class: q.accuracyPercent != null && q.accuracyPercent < RETEACH_BELOW ? 'low' : '' },
        el('a', { href: `#question-${q.index + 1}`, text: `Q${q.index + 1}` }), ` ${q.accuracyPercent == null ? 'not answered' : `${q.accuracyPercent}%`} — `, q.text)))));
  }
  const text = sections.map((s) => `${s.section}: ${pct(s.masteryPercent)} of ${plural(s.answers, 'answer')}`).join('; ');
  setText('sections-text', sections.length ? `Mastery per section, weakest first. ${text}.` : '');
  $('sections-chart').parentElement.style.height = `${Math.max(160, sections.length * 38 + 40)}px`;
  chart('sections-chart', {
    type: 'bar',
    data: {
      labels: sections.map((s) => s.section),
      datasets: [{ label: '% right', data: sections.map((s) => s.masteryPercent ?? 0),
        backgroundColor: sections.map((s) => (s.masteryPercent == null ? MUTED : s.masteryPercent < RETEACH_BELOW ? BAD : GOOD)) }],
    },
    options: barOptions(true, 100),
  }, `Bar chart of mastery per section, weakest first. ${text}.`);
}

// ------------------------------------------------------------------ questions

function renderQuestions(report) {
  const box = clear($('questions'));
  for (const q of report.questions || []) {
    const poll = q.questionType === 'poll';
    const low = !poll && q.accuracyPercent != null && q.accuracyPercent < RETEACH_BELOW;
    const canvasId = `question-chart-${q.index}`;
    const dist = q.distribution || [];
    const labelOf = (d) => `${d.correct ? '✓ ' : ''}${d.answer}${d.nearMiss ? ' (≈ near miss)' : ''}`;
    const article = el('article', { class: `question${low ? ' low' : ''}`, id: `question-${q.index + 1}`, dataset: { question: q.index } },
      el('h3', {}, el('span', { class: 'qnum', text: `Q${q.index + 1}` }), ' ', el('span', { text: q.text }),
        el('span', { class: 'qtype', text: q.questionType })),
      el('p', { class: 'muted small', text: q.section }),
      (q.warnings || []).map((w) => el('p', { class: 'notice warn question-warning', role: 'note' }, el('strong', { text: 'Check this question: ' }), w)),
      el('dl', { class: 'figures small-figures' },
        figure('Right', poll ? 'poll' : pct(q.accuracyPercent), 'accuracy'),
        figure('Answered', formatNumber(q.answered), 'answered'),
        figure('No answer', formatNumber(q.notAnswered), 'not-answered'),
        figure('Median time', seconds(q.medianMs), 'median'),
        poll ? null : figure('Right answer', q.correctAnswer || '–', 'key'),
        poll || !q.commonWrongAnswer ? null : figure('Most common wrong answer', `${q.commonWrongAnswer} (${q.commonWrongCount})`, 'common-wrong')),
      el('div', { class: 'question-chart' },
        el('div', { class: 'chart-box small-chart', style: `height: ${Math.max(90, dist.length * 34 + 30)}px` },
          el('canvas', { id: canvasId, role: 'img' })),
        el('table', { class: 'compact distribution', 'aria-label': `Answers to question ${q.index + 1}` },
          el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Answer' }), el('th', { scope: 'col', class: 'num', text: 'Given by' }))),
          el('tbody', {}, dist.length ? dist.map((d) => el('tr', { class: d.correct ? 'right' : '' },
            el('td', {}, d.correct ? el('span', { class: 'tick', 'aria-label': 'right answer', text: '✓ ' }) : null, el('span', { text: d.answer }),
              d.nearMiss ? el('span', { class: 'qtype', text: 'near miss, accepted' }) : null),
            cell(formatNumber(d.count), 'num'))) : el('tr', {}, el('td', { colspan: 2, class: 'muted', text: 'Nobody answered.' }))))));
    box.append(article);
    const text = dist.map((d) => `${labelOf(d)}: ${d.count}`).join('; ');
    chart(canvasId, {
      type: 'bar',
      data: { labels: dist.map(labelOf), datasets: [{ label: 'Given by', data: dist.map((d) => d.count),
        backgroundColor: dist.map((d) => (poll ? ACCENT : d.correct ? GOOD : BAD)) }] },
      options: barOptions(true),
    }, `Answers to question ${q.index + 1}: ${text || 'none'}.`);
  }
}

function figure(term, value, id) {
  return el('div', { class: 'figure' }, el('dt', { text: term }), el('dd', { text: value, dataset: { figure: id } }));
}

// ------------------------------------------------------------------ students

function renderStudents(report) {
  const body = clear($('players'));
  const questions = new Map((report.questions || []).map((q) => [q.index, q]));
  const seen = new Set();
  for (const p of report.players || []) {
    if (seen.has(p.playerId)) continue; // a removed student is listed once
    seen.add(p.playerId);
    const detailsId = `answers-${p.playerId}`;
    const toggle = el('button', { type: 'button', class: 'link-button', 'aria-expanded': 'false', 'aria-controls': detailsId,
      on: { click: (e) => {
        const open = e.currentTarget.getAttribute('aria-expanded') !== 'true';
        e.currentTarget.setAttribute('aria-expanded', String(open));
        $(detailsId).hidden = !open;
      } } }, el('span', { text: p.nickname }));
    body.append(el('tr', { class: p.kicked ? 'removed' : '', dataset: { player: p.nickname } },
      cell(p.kicked ? '–' : p.rank, 'num'),
      el('td', {}, toggle, p.kicked ? el('span', { class: 'qtype removed-tag', text: 'removed by the teacher' }) : null),
      cell(formatNumber(p.score), 'num'), cell(formatNumber(p.correctCount), 'num'), cell(formatNumber(p.answeredCount), 'num'),
      cell(p.weakestSection || '–'),
      cell(p.networkAllowanceMs == null ? '–' : `${formatNumber(p.networkAllowanceMs)} ms`, 'num')));
    body.append(el('tr', { id: detailsId, class: 'answers-row', hidden: true },
      el('td', { colspan: 7 },
        el('table', { class: 'compact', 'aria-label': `Answers of ${p.nickname}` },
          el('thead', {}, el('tr', {}, ['#', 'Question', 'Answer', 'Result', 'Time', 'Network', 'Points'].map((h, i) => el('th', { scope: 'col', class: i >= 4 ? 'num' : '', text: h })))),
          el('tbody', {}, (p.answers || []).map((a) => {
            const q = questions.get(a.question) || {};
            const result = a.answer == null ? 'no answer' : a.correct == null ? 'poll' : a.correct ? '✓ right' : '✗ wrong';
            return el('tr', { class: a.answer == null ? 'missing' : a.correct ? 'right' : a.correct === false ? 'wrong' : '' },
              cell(a.question + 1, 'num'), cell(q.text), cell(a.answer ?? '—'), cell(result),
              cell(a.responseMs == null ? '' : seconds(a.responseMs), 'num'),
              cell(a.networkAllowanceMs == null ? '' : `−${formatNumber(a.networkAllowanceMs)} ms`, 'num'),
              cell(formatNumber(a.points), 'num'));
          }))))));
  }
  if (!seen.size) body.append(el('tr', {}, el('td', { colspan: 7, class: 'muted', text: 'Nobody joined this game.' })));
}

// ------------------------------------------------------------------ compare

async function renderComparison(games, title) {
  const part = $('part-compare');
  part.hidden = false;
  $('nav-compare').hidden = false;
  if (title) setText('compare-title', title);
  setText('compare-status', 'Loading the comparison…');
  const request = (list) => api('/api/reports/compare', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ games: list.map((p) => ({ pin: p, ...(tokenOf(p) ? { hostToken: tokenOf(p) } : {}) })) }),
  });
  let comparison;
  try {
    comparison = await request(games);
  } catch (err) {
    const known = games.filter((p) => tokenOf(p));
    if (err.status !== 403 || known.length < 1 || known.length === games.length) {
      setText('compare-status', `Could not compare: ${err.message}`);
      return;
    }
    comparison = await request(known);
  }
  setText('compare-status', comparison.games.length < 2 ? 'Only one game of this quiz so far: play it again to compare.' : '');
  const names = comparison.games.map((g) => `${g.quizTitle.startsWith('Practice: ') ? 'Practice' : 'Game'} ${g.pin}`);
  const gameTable = clear($('compare-games'));
  gameTable.append(el('thead', {}, el('tr', {}, ['Game', 'Played', 'Players', '% right'].map((h, i) => el('th', { scope: 'col', class: i >= 2 ? 'num' : '', text: h })))),
    el('tbody', {}, comparison.games.map((g, i) => el('tr', {},
      el('td', {}, el('a', { href: `/report?pin=${encodeURIComponent(g.pin)}`, text: names[i] }), g.originPin ? el('span', { class: 'qtype', text: `practice of ${g.originPin}` }) : null),
      cell(formatDate(g.createdAt)), cell(formatNumber(g.players), 'num'), cell(pct(g.accuracyPercent), 'num')))));
  const head = el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Section' }), names.map((n) => el('th', { scope: 'col', class: 'num', text: n }))));
  clear($('compare-sections')).append(head, el('tbody', {}, comparison.sections.map((row) => el('tr', {},
    el('th', { scope: 'row', text: row.label }), row.percents.map((v, i) => cell(v == null ? '–' : `${v}% (${row.answers[i]})`, 'num'))))));
  clear($('compare-questions')).append(
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Question' }), names.map((n) => el('th', { scope: 'col', class: 'num', text: n })))),
    el('tbody', {}, comparison.questions.map((row) => el('tr', {},
      el('th', { scope: 'row' }, el('span', { text: row.label }), el('span', { class: 'muted small block', text: row.section })),
      row.percents.map((v) => cell(pct(v), 'num'))))));
  const text = comparison.sections.map((row) => `${row.label}: ${row.percents.map((v, i) => `${names[i]} ${pct(v)}`).join(', ')}`).join('; ');
  setText('compare-text', `% right per section in each game. ${text}.`);
  $('compare-chart').parentElement.style.height = `${Math.max(180, comparison.sections.length * comparison.games.length * 22 + 80)}px`;
  chart('compare-chart', {
    type: 'bar',
    data: { labels: comparison.sections.map((r) => r.label),
      datasets: comparison.games.map((g, i) => ({ label: names[i], data: comparison.sections.map((r) => r.percents[i]),
        backgroundColor: SERIES[i % SERIES.length] })) },
    options: { ...barOptions(true, 100), plugins: { legend: { display: true, position: 'top' } } },
  }, `Grouped bar chart. ${text}.`);
  $('compare-body').hidden = false;
}

// ------------------------------------------------------------------ actions

async function download(kind) {
  setText('toolbar-status', 'Preparing the download…');
  try {
    // A short-lived signed link: the host key stays in a header, never in an address.
    // JSON content type: the server refuses state changes a cross-site form could send.
    const links = await api(`/api/games/${encodeURIComponent(pin)}/report/links`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', ...hostHeaders(pin) }, body: '{}',
    });
    const a = el('a', { href: links[kind], download: '' });
    document.body.append(a);
    a.click();
    a.remove();
    setText('toolbar-status', 'Download started.');
  } catch (err) {
    setText('toolbar-status', `Could not download: ${err.message}`);
  }
}

async function practise(event) {
  event.preventDefault();
  const threshold = Number($('practice-threshold').value);
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > 100) {
    setText('toolbar-status', 'The threshold is a whole percentage from 1 to 100.');
    $('practice-threshold').focus();
    return;
  }
  $('practice').disabled = true;
  setText('toolbar-status', 'Opening a practice game…');
  try {
    const game = await api(`/api/games/${encodeURIComponent(pin)}/practice`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', ...hostHeaders(pin) }, body: JSON.stringify({ threshold }),
    });
    localStorage.setItem(hostKey(game.pin), game.hostToken);
    location.href = `/host?pin=${encodeURIComponent(game.pin)}`;
  } catch (err) {
    setText('toolbar-status', err.message);
    $('practice').disabled = false;
  }
}

// ------------------------------------------------------------------ loading

function renderReport(report) {
  const title = report.quizTitle || 'Game report';
  setText('report-title', title);
  document.title = `${title} — Quizroom report`;
  const meta = [`PIN ${report.pin}`];
  if (report.createdAt) meta.push(formatDate(report.createdAt));
  meta.push(plural(report.playerCount, 'player'));
  if (report.state !== 'FINISHED') meta.push('not finished');
  setText('report-meta', meta.join(' · '));
  renderSummary(report);
  renderSections(report);
  renderQuestions(report);
  renderStudents(report);
  const links = clear($('practice-links'));
  const related = [];
  if (report.originPin) related.push(['This is a practice of game ', report.originPin]);
  for (const p of report.practicePins || []) related.push(['Practice game ', p]);
  related.forEach(([text, p], i) => links.append(i ? ' · ' : '', text, el('a', { href: `/report?pin=${encodeURIComponent(p)}`, text: p })));
  links.hidden = !related.length;
  $('report-body').hidden = false;
  $('report-nav').hidden = false;
}

async function load() {
  try {
    if (pin) {
      const report = await api(`/api/games/${encodeURIComponent(pin)}/report`, { headers: hostHeaders(pin) });
      renderReport(report);
      setText('report-status', '');
      const others = report.originPin ? [report.originPin, report.pin, ...(report.practicePins || [])]
        : report.practicePins?.length ? [report.pin, ...report.practicePins] : [];
      if (others.length) await renderComparison(others, report.originPin ? 'Compared with the first game' : 'Compared with its practice games');
    } else if (quizId) {
      const games = (await api('/api/games')).filter((g) => g.quizId === quizId && g.state === 'FINISHED')
        .sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt))).slice(-20);
      const title = games.length ? games[games.length - 1].quizTitle.replace(/^Practice: /, '') : quizId;
      setText('report-title', `${title}: games compared`);
      document.title = `${title} — Quizroom comparison`;
      setText('report-status', '');
      if (!games.length) { setText('report-meta', 'No finished game of this quiz yet.'); document.body.dataset.phase = 'report'; return; }
      setText('report-meta', `${plural(games.length, 'finished game')}, oldest first`);
      await renderComparison(games.map((g) => g.pin), 'Side by side');
    } else {
      fail('This address has no game PIN. Open a report from the dashboard.');
      return;
    }
    document.body.dataset.phase = 'report';
  } catch (err) {
    fail(err.status ? err.message : `Could not load the report: ${err.message}`);
  }
}

function fail(message) {
  setText('report-status', '');
  const box = $('report-error');
  box.textContent = message;
  box.hidden = false;
  document.body.dataset.phase = 'error';
}

$('print').addEventListener('click', () => window.print());
$('download-answers').addEventListener('click', () => download('answersCsv'));
$('download-summary').addEventListener('click', () => download('summaryCsv'));
$('download-workbook').addEventListener('click', () => download('workbook'));
$('practice-form').addEventListener('submit', practise);
load();
