// Small DOM helpers shared by every page.
// Everything here builds nodes with createElement/textContent: nothing a user or a quiz file
// supplies is ever parsed as HTML.

export const $ = (id) => document.getElementById(id);

/**
 * el('p', {class: 'x', id: 'y', dataset: {index: 2}, 'aria-label': 'z'}, 'text', childNode)
 * Strings among the children become text nodes; null/undefined/false children are skipped.
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = String(value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'on') for (const [evt, fn] of Object.entries(value)) node.addEventListener(evt, fn);
    else if (key === 'hidden' || key === 'disabled') node[key] = Boolean(value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, ...children);
  return node;
}

export function append(node, ...children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

/** Sets textContent, tolerating a missing element (keeps page code short and defensive). */
export function setText(idOrNode, text) {
  const node = typeof idOrNode === 'string' ? $(idOrNode) : idOrNode;
  if (node) node.textContent = text == null ? '' : String(text);
  return node;
}

/**
 * Shows the sections whose data-phases list contains the phase and records it on <body data-phase>,
 * which browser tests wait on.
 */
export function setPhase(phase) {
  document.body.dataset.phase = phase;
  for (const node of document.querySelectorAll('[data-phases]')) {
    node.hidden = !node.dataset.phases.split(/\s+/).includes(phase);
  }
}

export function ordinal(n) {
  const num = Number(n);
  if (!Number.isFinite(num)) return String(n ?? '');
  const mod100 = num % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${num}th`;
  switch (num % 10) {
    case 1: return `${num}st`;
    case 2: return `${num}nd`;
    case 3: return `${num}rd`;
    default: return `${num}th`;
  }
}

export function formatNumber(n) {
  const num = Number(n);
  return Number.isFinite(num) ? num.toLocaleString('en-GB') : '–';
}

export function formatDate(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  return date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export function pinFromUrl() {
  const pin = new URLSearchParams(location.search).get('pin');
  return pin && /^\d{4,10}$/.test(pin.trim()) ? pin.trim() : null;
}

// ---------------------------------------------------------------------------------------------
// Answer shapes: colour AND shape AND text, so colour-blind students and a washed-out projector
// still tell the answers apart. The shapes are inline SVG so they look the same without any
// particular font installed on a school laptop.

const SVG_NS = 'http://www.w3.org/2000/svg';

export const SHAPES = [
  { name: 'triangle', colour: 'red', draw: ['polygon', { points: '50,8 95,90 5,90' }] },
  { name: 'diamond', colour: 'blue', draw: ['polygon', { points: '50,4 96,50 50,96 4,50' }] },
  { name: 'circle', colour: 'yellow', draw: ['circle', { cx: 50, cy: 50, r: 45 }] },
  { name: 'square', colour: 'green', draw: ['rect', { x: 9, y: 9, width: 82, height: 82 }] },
  { name: 'star', colour: 'purple',
    draw: ['polygon', { points: '50,4 61,37 96,37 68,58 78,92 50,71 22,92 32,58 4,37 39,37' }] },
  { name: 'hexagon', colour: 'teal', draw: ['polygon', { points: '27,6 73,6 97,50 73,94 27,94 3,50' }] },
];

export function shapeOf(index) {
  return SHAPES[index % SHAPES.length];
}

/** Decorative shape icon (aria-hidden): the choice text carries the accessible name. */
export function shapeIcon(index, className = 'shape') {
  const shape = shapeOf(index);
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 100 100');
  svg.setAttribute('class', `${className} shape-${shape.name}`);
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const [tag, attrs] = shape.draw;
  const part = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) part.setAttribute(k, String(v));
  part.setAttribute('fill', 'currentColor');
  svg.append(part);
  return svg;
}

// ---------------------------------------------------------------------------------------------

/**
 * A countdown that ticks locally from the server's remainingMs (taken at receipt), so clocks
 * on different devices never need to agree. Screen readers hear it only at a few moments
 * (10 s, 5 s, time's up) through a polite live region, never every second.
 */
export class Countdown {
  constructor({ display, bar = null, announcer = null, onEnd = null, onSecond = null }) {
    this.display = display;
    this.bar = bar;
    this.announcer = announcer;
    this.onEnd = onEnd;
    this.onSecond = onSecond; // called with the seconds shown, each time the number changes while running
    this.timer = null;
  }

  start(remainingMs, totalMs) {
    this.stop();
    const remaining = Math.max(0, Number(remainingMs) || 0);
    this.total = Math.max(remaining, Number(totalMs) || remaining || 1);
    this.deadline = performance.now() + remaining;
    const secs = Math.ceil(remaining / 1000);
    // Only announce thresholds that are crossed while we watch, not ones already passed.
    this.said10 = secs <= 10;
    this.said5 = secs <= 5;
    this.saidEnd = remaining <= 0;
    if (this.announcer) this.announcer.textContent = '';
    this.tick();
    if (remaining > 0) this.timer = setInterval(() => this.tick(), 200);
  }

  remainingMs() {
    return this.deadline ? Math.max(0, this.deadline - performance.now()) : 0;
  }

  tick() {
    const left = this.remainingMs();
    const secs = Math.ceil(left / 1000);
    if (this.display && this.display.textContent !== String(secs)) {
      this.display.textContent = String(secs);
      this.display.classList.toggle('urgent', secs <= 5);
      if (this.onSecond && this.timer && left > 0) this.onSecond(secs);
    }
    if (this.bar) this.bar.style.transform = `scaleX(${this.total ? left / this.total : 0})`;
    if (!this.said10 && secs <= 10) { this.said10 = true; this.say('10 seconds left'); }
    if (!this.said5 && secs <= 5) { this.said5 = true; this.say('5 seconds left'); }
    if (left <= 0) {
      this.stop();
      if (!this.saidEnd) {
        this.saidEnd = true;
        this.say("Time's up");
        if (this.onEnd) this.onEnd();
      }
    }
  }

  say(text) {
    if (this.announcer) this.announcer.textContent = text;
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Shows a full, still clock (the reading time before answers open). */
  show(totalMs) {
    this.stop();
    this.deadline = null;
    const secs = Math.ceil(Math.max(0, Number(totalMs) || 0) / 1000);
    if (this.display) { this.display.textContent = String(secs); this.display.classList.remove('urgent'); }
    if (this.bar) this.bar.style.transform = 'scaleX(1)';
    if (this.announcer) this.announcer.textContent = '';
  }
}

/** True when the person asked their system for less motion. */
export function reducedMotion() {
  return window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * A question's picture, if it has one: QUESTION.image is a URL, or {url, alt}; the alt text is
 * required by the quiz format. Returns {src, alt} or null.
 */
export function imageOf(q) {
  if (!q || !q.image) return null;
  const img = q.image;
  const src = typeof img === 'string' ? img : (img.url || img.src);
  if (!src || typeof src !== 'string') return null;
  const alt = (typeof img === 'object' && img.alt) || q.imageAlt || '';
  return { src, alt: String(alt) };
}

/** Reads an HTTP error body `{code, message}`; falls back to a readable sentence. */
export async function errorMessage(response, fallback) {
  try {
    const body = await response.json();
    if (body && typeof body.message === 'string' && body.message) return body.message;
  } catch (_) { /* not JSON */ }
  return fallback || `The server answered ${response.status}.`;
}
