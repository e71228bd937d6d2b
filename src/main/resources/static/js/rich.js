// Quiz text with inline maths: "$x^2$" is rendered with KaTeX (a WebJar, loaded only when a text
// has maths). Everything outside the dollars is set with textContent, and KaTeX builds its own
// markup from the TeX source with `trust: false`, so nothing in a quiz file becomes HTML.
import { el } from './dom.js';

// "$...$": the opening dollar is followed by a non-space, the closing one preceded by a non-space
// and not followed by a digit, so "costs $5 and $10" stays prose (the usual Markdown reading).
// "\$" is a literal dollar.
const MATHS = /(?<!\\)\$(?=\S)((?:\\.|[^$\\])+?)(?<=\S)(?<!\\)\$(?!\d)/g;

let katexLoading = null;

function loadKatex() {
  if (!katexLoading) {
    if (!document.querySelector('link[data-katex]')) {
      document.head.append(el('link', { rel: 'stylesheet', href: '/webjars/katex/dist/katex.min.css', 'data-katex': '' }));
    }
    katexLoading = import('/webjars/katex/dist/katex.mjs').then((m) => m.default);
  }
  return katexLoading;
}

/** Splits a text into [{text}] and [{tex}] parts; literal "\$" becomes "$" in the text parts. */
export function splitMaths(text) {
  const source = String(text ?? '');
  const parts = [];
  let last = 0;
  for (const m of source.matchAll(MATHS)) {
    if (m.index > last) parts.push({ text: source.slice(last, m.index) });
    parts.push({ tex: m[1] });
    last = m.index + m[0].length;
  }
  if (last < source.length) parts.push({ text: source.slice(last) });
  return parts.map((p) => (p.text !== undefined ? { text: p.text.replace(/\\\$/g, '$') } : p));
}

export function hasMaths(text) {
  return splitMaths(text).some((p) => p.tex !== undefined);
}

/** The text with its maths as TeX source and no dollars: a name for a button made of maths. */
export function plainText(text) {
  return splitMaths(text).map((p) => (p.text !== undefined ? p.text : p.tex)).join('');
}

/**
 * Puts `text` into `node`: plain text at once; maths parts first as their TeX source, then
 * rendered once KaTeX has loaded. Resolves when the node is final (callers re-fit the layout).
 */
export function setRichText(node, text) {
  if (!node) return Promise.resolve();
  const parts = splitMaths(text);
  node.textContent = parts.map((p) => (p.text !== undefined ? p.text : p.tex)).join('');
  if (!parts.some((p) => p.tex !== undefined)) return Promise.resolve();
  const wanted = String(text ?? '');
  node.dataset.richSource = wanted;
  return loadKatex().then((katex) => {
    if (node.dataset.richSource !== wanted) return; // replaced by newer text meanwhile
    node.textContent = '';
    for (const p of parts) {
      if (p.text !== undefined) {
        node.append(document.createTextNode(p.text));
      } else {
        const span = el('span', { class: 'maths' });
        try {
          katex.render(p.tex, span, { throwOnError: false, trust: false, maxSize: 10, maxExpand: 100, output: 'htmlAndMathml' });
        } catch (_) {
          span.textContent = `$${p.tex}$`;
        }
        node.append(span);
      }
    }
    // Typeset maths changes sizes: the projector re-fits its layout on this.
    document.dispatchEvent(new CustomEvent('quizroom:typeset'));
  }).catch(() => { /* KaTeX missing: the TeX source stays readable */ });
}

/** An element with rich text, for building lists: richEl('span', {class: 'x'}, 'a $b$'). */
export function richEl(tag, attrs, text) {
  const node = el(tag, attrs);
  setRichText(node, text);
  return node;
}
