// The live connection shared by the host screen and the student page: STOMP over a plain
// WebSocket at /ws?pin=…, authenticated by the token in the CONNECT frame. See docs/protocol.md.
import { Client } from '/webjars/stomp__stompjs/esm6/index.js';

// stompjs 7.0 has only a fixed reconnectDelay, so we grow it ourselves after each failed
// attempt (phones on flaky Wi-Fi come back fast; a dead server isn't hammered).
const RECONNECT_DELAYS = [500, 1000, 2000, 3500, 5000];
// If the STATE reply to a sync doesn't arrive (e.g. the server handled our SEND before the
// SUBSCRIBE), ask again rather than sit on a stale screen.
const SYNC_RETRY_MS = 3000;
const SYNC_RETRIES = 3;

/**
 * Opens the game connection.
 *
 * @param {object} o
 * @param {string} o.pin
 * @param {object} o.headers        {'host-token': t} or {'player-token': t}
 * @param {function} o.onEvent      called with each parsed event object (PINGs are answered here)
 * @param {function} o.onStatus     'connecting' | 'connected' | 'reconnecting' | 'offline' | 'stopped'
 * @param {function} o.onRefused    the server refused the token (STOMP ERROR before CONNECTED)
 */
export function connectGame({ pin, headers, onEvent, onStatus = () => {}, onRefused = () => {} }) {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  let attempt = 0;
  let connectedNow = false;
  let stopped = false;
  let syncTimer = null;
  let syncTries = 0;

  const client = new Client({
    // The PIN in the URL lets a proxy in front of several servers send the game to its node
    // (deploy/nginx/quizroom.conf); one server ignores it.
    brokerURL: `${scheme}://${location.host}/ws?pin=${encodeURIComponent(pin)}`,
    connectHeaders: headers,
    reconnectDelay: RECONNECT_DELAYS[0],
    connectionTimeout: 8000,
    heartbeatIncoming: 10000,
    heartbeatOutgoing: 10000,
    debug: () => {},
  });

  const send = (destination, body) => {
    if (!client.connected) return false;
    try {
      client.publish({
        destination,
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      });
      return true;
    } catch (_) {
      return false; // socket went away between the check and the send
    }
  };

  const sync = () => {
    clearTimeout(syncTimer);
    send(`/app/games/${pin}/sync`, {});
    syncTimer = setTimeout(() => {
      if (client.connected && syncTries < SYNC_RETRIES) {
        syncTries += 1;
        sync();
      }
    }, SYNC_RETRY_MS);
  };

  const handle = (message) => {
    let event;
    try {
      event = JSON.parse(message.body);
    } catch (_) {
      return; // not ours to show; the protocol only sends JSON
    }
    if (!event || typeof event.type !== 'string') return;
    if (event.type === 'STATE') clearTimeout(syncTimer);
    if (event.type === 'PING') {
      // Lets the server measure our round trip, so a slow network isn't a scoring penalty.
      send(`/app/games/${pin}/pong`, { seq: event.seq });
      return;
    }
    try {
      onEvent(event);
    } catch (err) {
      console.error('Quizroom: failed to handle event', event.type, err);
    }
  };

  client.onConnect = () => {
    connectedNow = true;
    attempt = 0;
    syncTries = 0;
    client.reconnectDelay = RECONNECT_DELAYS[0];
    client.subscribe(`/topic/games/${pin}`, handle);
    client.subscribe('/user/queue/events', handle);
    onStatus('connected');
    sync(); // on every (re)connect: the server answers with STATE and the current phase
  };

  client.onStompError = (frame) => {
    if (!connectedNow) {
      // The CONNECT itself was refused: the token is unknown, kicked or expired. Retrying
      // with the same token can't help, so stop and let the page decide.
      // Before CONNECTED no version is agreed, so stompjs leaves STOMP 1.2 header escapes in.
      const raw = (frame && frame.headers && frame.headers.message) || (frame && frame.body) || '';
      refuse(String(raw).replace(/\\(.)/g, (_, c) => ({ c: ':', n: '\n', r: '\r', '\\': '\\' }[c] ?? c)));
    }
    // An ERROR after CONNECTED is followed by the socket closing; we reconnect as usual.
  };

  const refuse = (reason) => {
    if (stopped) return;
    stopped = true;
    client.deactivate();
    onStatus('stopped');
    onRefused(reason);
  };

  // Some servers drop a refused CONNECT without an ERROR frame. After a few failed attempts,
  // ask the HTTP API whether the game still exists, so a stale tab doesn't spin forever.
  const probeGame = async () => {
    try {
      const response = await fetch(`/api/games/${encodeURIComponent(pin)}`, { headers: { Accept: 'application/json' } });
      if (response.status === 404) refuse('There is no longer a game with this PIN.');
      else if (response.ok) {
        const game = await response.json();
        if (game && game.state === 'FINISHED') refuse('This game has finished.');
      }
    } catch (_) { /* server unreachable: keep retrying */ }
  };

  client.onWebSocketClose = () => {
    clearTimeout(syncTimer);
    const wasConnected = connectedNow;
    connectedNow = false;
    if (stopped) return;
    if (!wasConnected) attempt += 1;
    client.reconnectDelay = RECONNECT_DELAYS[Math.min(attempt, RECONNECT_DELAYS.length - 1)];
    onStatus(navigator.onLine === false ? 'offline' : 'reconnecting');
    if (attempt >= 2 && attempt % 2 === 0 && navigator.onLine !== false) probeGame();
  };

  // A phone that loses its Wi-Fi knows at once, long before a heart-beat runs out (20-30 s): say so, drop the
  // socket that can no longer carry anything, and connect again the moment the network is back. An answer
  // tapped meanwhile is kept by the student page and sent once connected (its pending answer).
  const onOffline = () => {
    if (stopped) return;
    onStatus('offline');
    client.forceDisconnect();
  };
  const onOnline = () => {
    if (stopped || client.connected) return;
    attempt = 0;
    client.reconnectDelay = RECONNECT_DELAYS[0];
    onStatus('reconnecting');
    client.deactivate({ force: true }).then(() => { if (!stopped) client.activate(); });
  };
  window.addEventListener('offline', onOffline);
  window.addEventListener('online', onOnline);

  // A phone waking up may have missed events on a half-dead socket: ask for the state again.
  const onVisible = () => {
    if (document.visibilityState === 'visible' && client.connected) sync();
  };
  document.addEventListener('visibilitychange', onVisible);

  // A page that is left (tab closed, another address opened, or kept in the back/forward cache)
  // says goodbye at once, so the teacher's roster shows the student as away now, not when the
  // heartbeat runs out (30 s; a cached page is frozen with its socket open until then). The
  // DISCONNECT frame goes first; the socket is then closed without waiting for its RECEIPT, which
  // a page being frozen would never read. Coming back from that cache connects again.
  const onPageHide = () => {
    if (stopped) return;
    clearTimeout(syncTimer);
    client.deactivate();
    client.deactivate({ force: true });
  };
  const onPageShow = (e) => {
    if (e.persisted && !stopped) client.activate();
  };
  window.addEventListener('pagehide', onPageHide);
  window.addEventListener('pageshow', onPageShow);

  onStatus('connecting');
  client.activate();

  return {
    send,
    sync,
    get connected() { return client.connected; },
    stop() {
      stopped = true;
      clearTimeout(syncTimer);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('pageshow', onPageShow);
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
      client.deactivate();
      onStatus('stopped');
    },
  };
}

/**
 * Drives a "Reconnecting…" banner. Hidden while connected; the first connect gets a grace
 * period so a normal page load never flashes it.
 */
export function statusBanner(node) {
  let graceTimer = null;
  return (status) => {
    clearTimeout(graceTimer);
    node.dataset.status = status;
    if (status === 'connected' || status === 'stopped') {
      node.hidden = true;
    } else if (status === 'connecting') {
      node.textContent = 'Connecting…';
      graceTimer = setTimeout(() => { node.hidden = false; }, 1500);
    } else if (status === 'offline') {
      node.textContent = 'No network: check the Wi-Fi.';
      node.hidden = false;
    } else {
      node.textContent = 'Reconnecting…';
      node.hidden = false;
    }
  };
}
