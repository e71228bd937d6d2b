// Notes → draft quiz review (/draft.html): send the notes to POST /api/drafts, show each proposed
// question with its source sentence and rule, let the teacher accept, edit or discard each one (or
// a whole section), then save the accepted ones as a quiz file, or hand them to the editor
// (/editor?draft=<key>, sessionStorage "quizroom.draft.<key>"). Sources are never saved.
// Everything from the notes is shown as text (textContent), never as HTML.
import { $, el, clear, setText } from './dom.js';

const HEADERS = { 'X-Quizroom': '1', Accept: 'application/json' };
let draft = null;

async function makeDraft(event) {
  event.preventDefault();
  const file = $('notes-file').files[0];
  const text = $('notes-text').value;
  if (!file && !text.trim()) {
    showError('Choose a notes file or paste the notes first.');
    return;
  }
  setText('draft-status', 'Reading the notes…');
  $('draft-error').hidden = true;
  let body;
  const headers = { ...HEADERS };
  if (file) {
    body = new FormData();
    body.append('file', file);
  } else {
    body = text;
    headers['Content-Type'] = 'text/plain; charset=UTF-8';
  }
  try {
    const response = await fetch('/api/drafts', { method: 'POST', headers, body });
    const json = await response.json();
    if (!response.ok) throw new Error(json.message || `error ${response.status}`);
    draft = json;
    render();
    setText('draft-status', '');
  } catch (err) {
    setText('draft-status', '');
    showError(`No draft: ${err.message}`);
  }
}

function showError(message) {
  const box = $('draft-error');
  box.textContent = message;
  box.hidden = false;
}

function render() {
  $('review').hidden = false;
  setText('review-title', draft.title);
  const bySection = new Map();
  draft.sections.forEach((s) => bySection.set(s.heading, []));
  draft.questions.forEach((q) => {
    if (!bySection.has(q.section)) bySection.set(q.section, []);
    bySection.get(q.section).push(q);
  });
  const host = clear($('sections'));
  for (const [heading, questions] of bySection) {
    if (!questions.length) continue;
    const id = `section-${host.children.length + 1}`;
    const acceptAll = el('button', { class: 'button', type: 'button', 'data-accept-section': heading },
      'Accept all in this section');
    acceptAll.addEventListener('click', () => {
      questions.forEach((q) => { if (q.status !== 'discarded') q.status = 'accepted'; });
      render();
    });
    host.append(el('section', { class: 'draft-section', 'aria-labelledby': id },
      el('h3', { id }, heading), acceptAll, ...questions.map(card)));
  }
  const accepted = draft.questions.filter(isKept).length;
  setText('review-summary', `${draft.questions.length} questions proposed from ${draft.sections.length} sections; `
    + `${accepted} accepted. Every question stays a draft until you accept, edit or discard it.`);
  $('download').disabled = accepted === 0;
}

const isKept = (q) => q.status === 'accepted' || q.status === 'edited';

function card(q) {
  const stem = el('input', { class: 'stem', type: 'text', value: q.question.text, 'aria-label': 'Question text', maxlength: '300' });
  stem.addEventListener('change', () => {
    q.question.text = stem.value;
    q.status = 'edited';
    render();
  });
  const accept = el('button', { class: 'button', type: 'button' }, 'Accept');
  accept.addEventListener('click', () => { q.status = 'accepted'; render(); });
  const discard = el('button', { class: 'button', type: 'button' }, q.status === 'discarded' ? 'Restore' : 'Discard');
  discard.addEventListener('click', () => { q.status = q.status === 'discarded' ? 'draft' : 'discarded'; render(); });
  const answer = q.question.answer ?? q.question.answers ?? q.question.items ?? (q.question.choices || []).join(' / ');
  return el('article', { class: 'draft-question', 'data-status': q.status, 'data-id': q.id },
    el('p', {}, el('span', { class: 'badge' }, label(q.status)), ' ', `${q.question.type} · rule: ${q.rule}`),
    stem,
    q.question.choices ? el('p', { class: 'answer' }, `Choices: ${q.question.choices.join(' · ')}`) : null,
    el('p', { class: 'answer' }, `Answer: ${Array.isArray(answer) ? answer.join(' · ') : String(answer)}`),
    el('p', { class: 'source' }, `From the notes: ${q.source}`),
    accept, ' ', discard);
}

function label(status) {
  return { draft: 'Draft', accepted: 'Accepted', edited: 'Edited', discarded: 'Discarded' }[status] || status;
}

function acceptedQuiz() {
  return {
    title: draft.quiz.title,
    description: draft.quiz.description,
    questions: draft.questions.filter(isKept).map((q) => q.question),
  };
}

async function download() {
  try {
    const response = await fetch('/api/drafts/yaml', {
      method: 'POST', headers: { ...HEADERS, 'Content-Type': 'application/json', Accept: 'application/yaml, application/json' },
      body: JSON.stringify(acceptedQuiz()),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(JSON.parse(text).message);
    const link = el('a', { href: URL.createObjectURL(new Blob([text], { type: 'application/yaml' })),
      download: `${draft.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'draft'}.yaml` });
    document.body.append(link);
    link.click();
    link.remove();
    setText('draft-status', 'Saved. Put the file in the quizzes folder (or open it in the editor) to host it.');
  } catch (err) {
    showError(`Not saved: ${err.message}`);
  }
}

function openEditor() {
  // The editor (issue 12) takes the draft's own shape; kept questions go over as accepted, the rest as drafts.
  const key = String(Date.now());
  const handed = { ...draft, questions: draft.questions.filter((q) => q.status !== 'discarded')
    .map((q) => ({ ...q, status: isKept(q) ? 'accepted' : 'draft' })) };
  sessionStorage.setItem(`quizroom.draft.${key}`, JSON.stringify(handed));
  location.href = `/editor?draft=${encodeURIComponent(key)}`;
}

$('notes-form').addEventListener('submit', makeDraft);
$('download').addEventListener('click', download);
$('open-editor').addEventListener('click', openEditor);
