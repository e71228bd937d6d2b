// Rendering shared by the host screen and the phone: answer tiles and "the correct answer was…"
// for every question type. Quiz text is data too, so it goes in through textContent only.
import { el, shapeIcon, shapeOf, formatNumber } from './dom.js';
import { richEl } from './rich.js';

export const CHOICE_TYPES = new Set(['single', 'multi', 'truefalse', 'poll']);

/** Accepts the protocol's lower-case question types and tolerates upper-case ones. */
export function normType(type) {
  return String(type || '').toLowerCase();
}

export function colourClass(index) {
  return `c-${shapeOf(index).colour}`;
}

/** A coloured tile: shape + text (non-interactive; the phone wraps the same parts in a button). */
export function choiceTile(tag, index, text, attrs = {}) {
  return el(tag, { class: `choice ${colourClass(index)}`, dataset: { index }, ...attrs },
    shapeIcon(index),
    richEl('span', { class: 'choice-text' }, text));
}

function correctIndices(reveal) {
  if (Array.isArray(reveal.correctChoices)) return reveal.correctChoices.map(Number);
  if (Number.isInteger(reveal.correctChoice)) return [reveal.correctChoice];
  return [];
}

export function isCorrectChoice(reveal, index) {
  return correctIndices(reveal).includes(index);
}

/**
 * "Correct answer: …" block for a REVEAL event. `choices` are the choice texts as the
 * QUESTION listed them (REVEAL indices refer to that list).
 */
export function correctAnswerBlock(reveal, choices) {
  const type = normType(reveal.questionType);
  const label = (i) => (choices && choices[i] != null ? choices[i] : `Answer ${Number(i) + 1}`);
  const box = el('div', { class: 'correct-answer' });

  if (type === 'poll') {
    box.classList.add('is-poll');
    box.append(el('p', { class: 'answer-label', text: 'Poll: there is no right or wrong answer.' }));
    return box;
  }
  if (type === 'order' && Array.isArray(reveal.correctOrder)) {
    box.classList.add('is-order');
    box.append(el('p', { class: 'answer-label', text: 'Correct order' }),
      el('ol', { class: 'answer-order' }, reveal.correctOrder.map((i, pos) =>
        el('li', {}, el('span', { class: 'order-num', 'aria-hidden': 'true', text: pos + 1 }), richEl('span', {}, label(i))))));
    return box;
  }
  if (type === 'type') {
    box.classList.add('is-value');
    // The first accepted answer is the one the quiz writer meant; the others are spellings
    // the checker also takes. Six variants in headline size are noise on a projector.
    const accepted = Array.isArray(reveal.acceptedAnswers) ? reveal.acceptedAnswers.map(String) : [];
    box.append(el('p', { class: 'answer-label', text: 'Correct answer' }),
      el('p', { class: 'answer-value', text: accepted[0] || '—' }),
      accepted.length > 1 ? el('p', { class: 'also-accepted', text: `Also accepted: ${accepted.slice(1).join(' · ')}` }) : null);
    return box;
  }
  if (type === 'number') {
    box.classList.add('is-value');
    const tol = Number(reveal.tolerance) || 0;
    const value = reveal.correctNumber;
    box.append(el('p', { class: 'answer-label', text: 'Correct answer' }),
      el('p', { class: 'answer-value' }, String(value ?? '—'),
        tol > 0 ? el('span', { class: 'tolerance', text: ` (± ${formatNumber(tol)} accepted)` }) : null));
    return box;
  }
  const correct = correctIndices(reveal);
  if (correct.length) {
    box.append(el('p', { class: 'answer-label', text: correct.length > 1 ? 'Correct answers' : 'Correct answer' }),
      el('ul', { class: 'answer-choices' }, correct.map((i) =>
        el('li', { class: colourClass(i) }, shapeIcon(i), richEl('span', {}, label(i))))));
  }
  return box;
}

/**
 * What the class typed (type and number questions): the most common answers with their
 * counts, right ones marked, so the teacher can talk about the near misses. Reads the REVEAL's
 * `topAnswers` ([{answer, count, correct}], most common first); null when absent or empty.
 */
export function commonAnswersBlock(reveal, { limit = 5 } = {}) {
  const rows = Array.isArray(reveal.topAnswers) ? reveal.topAnswers.filter((r) => r && Number(r.count) > 0) : [];
  if (!rows.length) return null;
  const shown = rows.slice(0, limit);
  const max = Math.max(1, ...shown.map((r) => Number(r.count) || 0));
  return el('div', { class: 'common-answers' },
    el('p', { class: 'common-title', id: 'common-title', text: 'Most common answers' }),
    el('ol', { class: 'common-list', 'aria-labelledby': 'common-title' }, shown.map((r) => {
      const count = Number(r.count) || 0;
      const right = r.correct === true;
      return el('li', {
        class: `common-row${right ? ' right' : ''}`, dataset: { count, correct: String(right) },
      },
        el('span', { class: 'common-answer' },
          right ? el('span', { class: 'common-mark', 'aria-hidden': 'true', text: '✓' }) : null,
          el('span', { class: 'common-text', text: String(r.answer ?? '') }),
          right ? el('span', { class: 'visually-hidden', text: ' (right)' }) : null),
        el('span', { class: 'common-bar', 'aria-hidden': 'true' },
          el('span', { class: 'common-fill', style: `--share: ${count / max}` })),
        el('span', { class: 'common-count', text: formatNumber(count) }));
    })));
}

/** A plain-text version of a player's own answer, for "Your answer: …" on the phone. */
export function describeAnswer(type, answer, choices) {
  const label = (i) => (choices && choices[i] != null ? choices[i] : `Answer ${Number(i) + 1}`);
  switch (normType(type)) {
    case 'multi': return (answer || []).map(label).join(', ');
    case 'order': return (answer || []).map(label).join(' → ');
    case 'type': return String(answer ?? '');
    case 'number': return String(answer ?? '');
    default: return label(answer);
  }
}
