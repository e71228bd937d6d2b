// Sound for the projector only (the phone page never imports this): lobby music, a tick for
// the last seconds, a reveal sting and a podium fanfare. Everything is synthesised with Web
// Audio oscillators, so there are no sound files and no licences to track.
//
// Browsers start an AudioContext suspended until the page gets a click or a key press; the
// first one (Start, the mute button, Space) wakes it, and lobby music begins then.

const LOBBY_NOTES = [0, 4, 7, 12, 7, 4, 2, 5, 9, 14, 9, 5]; // semitones above A3, a gentle loop
const BEAT_S = 0.32;

export class Sound {
  /**
   * @param {object} o
   * @param {boolean} o.enabled  the game option (false: never makes a sound, no mute button)
   * @param {boolean} o.muted    the teacher's last choice on this computer
   */
  constructor({ enabled = true, muted = false } = {}) {
    this.enabled = enabled;
    this.muted = muted;
    this.ctx = null;
    this.master = null;
    this.lobbyTimer = null;
    this.lobbyWanted = false;
    this.played = []; // names of the cues played, newest last (shown to tests as data-sound-cues)
  }

  get available() {
    return this.enabled && typeof (window.AudioContext || window.webkitAudioContext) === 'function';
  }

  /** Creates or resumes the context; called from a user gesture. */
  wake() {
    if (!this.available || this.muted) return;
    if (!this.ctx) {
      const Ctx = window.AudioContext || window.webkitAudioContext;
      this.ctx = new Ctx();
      this.master = this.ctx.createGain();
      this.master.gain.value = 0.25;
      this.master.connect(this.ctx.destination);
    }
    if (this.ctx.state === 'suspended') this.ctx.resume().catch(() => {});
    if (this.lobbyWanted && !this.lobbyTimer) this.startLobby();
  }

  setMuted(muted) {
    this.muted = muted;
    if (muted) {
      this.stopLobbyLoop();
      if (this.ctx && this.ctx.state === 'running') this.ctx.suspend().catch(() => {});
    } else {
      this.wake();
    }
  }

  ready() {
    return this.available && !this.muted && this.ctx && this.ctx.state !== 'closed';
  }

  note(freq, start, duration, { type = 'triangle', volume = 0.5 } = {}) {
    const osc = this.ctx.createOscillator();
    const gain = this.ctx.createGain();
    osc.type = type;
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(volume, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + duration);
    osc.connect(gain).connect(this.master);
    osc.start(start);
    osc.stop(start + duration + 0.05);
  }

  cue(name, play) {
    this.played.push(name);
    if (this.played.length > 50) this.played.shift();
    document.body.dataset.soundCues = this.played.join(' ');
    if (!this.ready()) return;
    play(this.ctx.currentTime + 0.01);
  }

  // --- the cues -----------------------------------------------------------------------------

  startLobby() {
    this.lobbyWanted = true;
    if (!this.ready() || this.lobbyTimer) return;
    let step = 0;
    const base = 220;
    const bar = () => {
      if (!this.ready()) return;
      const t0 = this.ctx.currentTime + 0.05;
      for (let i = 0; i < LOBBY_NOTES.length; i++) {
        const f = base * 2 ** ((LOBBY_NOTES[i] + (step % 2 ? -3 : 0)) / 12);
        this.note(f, t0 + i * BEAT_S, BEAT_S * 0.9, { volume: 0.18 });
      }
      this.note(base / 2 * 2 ** ((step % 2 ? -3 : 0) / 12), t0, BEAT_S * LOBBY_NOTES.length * 0.95, { type: 'sine', volume: 0.12 });
      step += 1;
    };
    this.cue('lobby', () => {});
    bar();
    this.lobbyTimer = setInterval(bar, BEAT_S * LOBBY_NOTES.length * 1000);
  }

  stopLobby() {
    this.lobbyWanted = false;
    this.stopLobbyLoop();
  }

  stopLobbyLoop() {
    clearInterval(this.lobbyTimer);
    this.lobbyTimer = null;
  }

  tick(secondsLeft) {
    this.cue('tick', (t) => this.note(secondsLeft <= 1 ? 1320 : 880, t, 0.08, { type: 'square', volume: 0.2 }));
  }

  reveal() {
    this.cue('reveal', (t) => [523.25, 659.25, 783.99].forEach((f, i) => this.note(f, t + i * 0.07, 0.6, { volume: 0.35 })));
  }

  podium(step) {
    // step 3, 2, 1: a rising note each, the winner a full chord.
    const chords = { 3: [392], 2: [493.88], 1: [523.25, 659.25, 783.99, 1046.5] };
    this.cue(`podium-${step}`, (t) => (chords[step] || chords[1]).forEach((f, i) => this.note(f, t + i * 0.05, step === 1 ? 1.4 : 0.5, { volume: 0.35 })));
  }
}
