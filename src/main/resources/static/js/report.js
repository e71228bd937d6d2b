// Report at /report?pin=…: who got what, which questions and sections the class struggled with.
// The report JSON is still settling, so every field is read defensively.
import { $, el, clear, setText, formatNumber, formatDate, pinFromUrl, errorMessage } from './dom.js';

const pin = pinFromUrl();
const token = pin ? localStorage.getItem(`quizroom.host.${pin}`) : null;

const list = (value) => (Array.isArray(value) ? value : []);
const num = (value) => (value === null || value === undefined || value === '' ? NaN : Number(value));

/**
 * percentCorrect may come as 0–100 or as a 0–1 fraction. Decide once per report, using the
 * questions' own counts when they are there, else "all values ≤ 1 means fractions".
 */
function percentScale(report) {
  const questions = list(report.questions);
  for (const q of questions) {
    const pc = num(q.percentCorrect);
    const correct = num(q.correctCount);
    const answered = num(q.answered);
    if (Number.isFinite(pc) && Number.isFinite(correct) && answered > 0 && correct > 0) {
      const fraction = correct / answered;
      return Math.abs(pc - fraction) < Math.abs(pc - fraction * 100) ? 100 : 1;
    }
  }
  const all = [...questions, ...list(report.sections)].map((x) => num(x.percentCorrect)).filter(Number.isFinite);
  return all.length && all.every((v) => v <= 1) ? 100 : 1;
}

function percentText(value, scale) {
  const v = num(value);
  return Number.isFinite(v) ? `${Math.round(v * scale)}%` : '–';
}

function cell(text, className) {
  return el('td', { class: className, text: text ?? '' });
}

function render(report) {
  const scale = percentScale(report);
  const title = report.quizTitle || 'Game report';
  setText('report-title', title);
  document.title = `${title} — Quizroom report`;
  const meta = [`PIN ${report.pin || pin}`];
  if (report.createdAt) meta.push(formatDate(report.createdAt));
  if (report.playerCount != null) meta.push(`${formatNumber(report.playerCount)} ${Number(report.playerCount) === 1 ? 'player' : 'players'}`);
  if (!report.finishedAt) meta.push('not finished');
  setText('report-meta', meta.join(' · '));

  // Sections, worst first. A section nobody answered (its questions were skipped) says nothing
  // about what the class knows: it goes last, marked as such, never at the top as "hardest".
  const pctOrLast = (s) => (Number.isFinite(num(s.percentCorrect)) ? num(s.percentCorrect) : Infinity);
  const sections = list(report.sections)
    .filter((s) => s && s.section != null)
    .sort((a, b) => pctOrLast(a) - pctOrLast(b));
  const sectionList = clear($('sections'));
  $('no-sections').hidden = sections.length > 0;
  for (const s of sections) {
    const known = Number.isFinite(num(s.percentCorrect));
    const pct = known ? Math.max(0, Math.min(100, num(s.percentCorrect) * scale)) : 0;
    const count = Array.isArray(s.questions) ? s.questions.length : num(s.questions);
    sectionList.append(el('li', { class: `section-row${known && pct < 50 ? ' low' : ''}${known ? '' : ' no-data'}` },
      el('div', { class: 'section-head' },
        el('span', { class: 'section-name', text: s.section }),
        el('span', { class: 'section-pct', text: known ? percentText(s.percentCorrect, scale) : 'not answered' })),
      el('div', { class: 'meter', 'aria-hidden': 'true' }, el('div', { class: 'meter-fill', style: `width: ${pct}%` })),
      Number.isFinite(count) ? el('span', { class: 'muted small', text: `${count} question${count === 1 ? '' : 's'}` }) : null));
  }

  const questions = clear($('questions'));
  for (const q of list(report.questions)) {
    const pct = num(q.percentCorrect) * scale;
    const type = String(q.questionType || '').toLowerCase();
    questions.append(el('tr', { class: Number.isFinite(pct) && pct < 50 && type !== 'poll' ? 'low' : '' },
      cell(Number.isFinite(num(q.index)) ? num(q.index) + 1 : '', 'num'),
      el('td', {}, el('span', { text: q.text ?? '' }), type ? el('span', { class: 'qtype', text: type }) : null),
      cell(q.section),
      cell(type === 'poll' ? 'poll' : percentText(q.percentCorrect, scale), 'num'),
      cell(Number.isFinite(num(q.answered)) ? formatNumber(q.answered) : '', 'num'),
      cell(Number.isFinite(num(q.averageResponseMs)) && num(q.answered) > 0 ? `${(num(q.averageResponseMs) / 1000).toFixed(1)} s` : '', 'num')));
  }

  const players = clear($('players'));
  const rows = list(report.players).slice().sort((a, b) => (num(a.rank) || 1e9) - (num(b.rank) || 1e9));
  for (const p of rows) {
    const removed = p.kicked === true || !(num(p.rank) > 0);
    players.append(el('tr', { class: removed ? 'removed' : '' },
      cell(removed ? '–' : p.rank, 'num'),
      el('td', {}, el('span', { text: p.nickname ?? '' }), p.kicked ? el('span', { class: 'qtype', text: 'removed' }) : null),
      cell(Number.isFinite(num(p.score)) ? formatNumber(p.score) : '', 'num'),
      cell(Number.isFinite(num(p.correctCount)) ? formatNumber(p.correctCount) : '', 'num'),
      cell(Number.isFinite(num(p.answeredCount)) ? formatNumber(p.answeredCount) : '', 'num')));
  }
  if (!rows.length) players.append(el('tr', {}, el('td', { colspan: 5, class: 'muted', text: 'Nobody joined this game.' })));

  $('report-body').hidden = false;
  document.body.dataset.phase = 'report';
}

async function load() {
  if (!pin) {
    fail('This address has no game PIN. Open a report from the dashboard.');
    return;
  }
  const csv = `/api/games/${encodeURIComponent(pin)}/report.csv${token ? `?hostToken=${encodeURIComponent(token)}` : ''}`;
  $('download-csv').href = csv;
  $('download-csv').setAttribute('download', `quizroom-${pin}.csv`);
  try {
    const response = await fetch(`/api/games/${encodeURIComponent(pin)}/report`, {
      headers: { Accept: 'application/json', ...(token ? { 'X-Host-Token': token } : {}) },
    });
    if (!response.ok) {
      const fallback = response.status === 403
        ? 'This browser doesn’t have the host key for this game. Open the report on the computer that hosted it.'
        : response.status === 404 ? `There is no game with PIN ${pin}.` : undefined;
      fail(await errorMessage(response, fallback));
      return;
    }
    render(await response.json());
    setText('report-status', '');
  } catch (err) {
    fail(`Could not load the report: ${err.message}`);
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
load();
