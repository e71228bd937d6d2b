#!/usr/bin/env python3
"""Fan-out cost for phones that behave like browsers in the WebSocket handshake.

LoadBench's bots use the JDK's WebSocket client, which never offers an extension. Every browser offers
permessage-deflate (RFC 7692), so this tool measures what that offer costs the server: it starts the
packaged jar (as BenchServer does: -Xmx512m, a fresh data directory, joins and players unlimited), joins
N players over HTTP, opens N WebSockets that offer "permessage-deflate; client_max_window_bits" as Chrome
does (each from its own loopback address), CONNECTs and subscribes them, and then has the host start the
game and step through skip / next. For each broadcast it prints when every phone had the event (p50 / p99
/ max from the host's command), the server's CPU time over that window (from /proc, in 10 ms ticks) and
the server's RSS. Phones decompress compressed frames, so both servers are read the same way.

One Python thread reads every socket, so its latencies include this client's own reading (and
decompression); the server CPU and RSS figures do not depend on it.

Usage (from the project folder, after `mvn package -DskipTests`):
    python3 src/test/java/org/quizroom/bench/browser_fanout.py target/quizroom-*.jar 3000
"""
import base64, http.client, json, os, selectors, socket, struct, subprocess, sys, tempfile, time, zlib

jar, players = sys.argv[1], int(sys.argv[2])
offer = os.environ.get('OFFER', '1') == '1'  # OFFER=0: phones that offer nothing, like LoadBench's
port = 18000 + os.getpid() % 1000
data = tempfile.mkdtemp(prefix='quizroom-fanout-')
server = subprocess.Popen(['java', '-Xmx512m', '-jar', jar, f'--server.port={port}', '--server.address=127.0.0.1',
                           f'--quizroom.data-dir={data}/data', '--quizroom.quizzes-dir=quizzes',
                           '--quizroom.join-host=127.0.0.1', '--quizroom.joins-per-minute=1000000',
                           '--quizroom.join-burst=1000000', '--quizroom.max-players=10000',
                           '--server.tomcat.accept-count=1000'],
                          stdout=open(f'{data}/server.log', 'w'), stderr=subprocess.STDOUT)
HZ = os.sysconf('SC_CLK_TCK')


def cpu_ms():
    fields = open(f'/proc/{server.pid}/stat').read().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / HZ


def rss_mb():
    for line in open(f'/proc/{server.pid}/status'):
        if line.startswith('VmRSS'):
            return int(line.split()[1]) / 1024


def post(conn, path, body):
    conn.request('POST', path, json.dumps(body), {'Content-Type': 'application/json'})
    r = conn.getresponse()
    answer = json.loads(r.read() or b'null')
    if r.status != 201:
        raise SystemExit(f'{path}: {r.status} {answer}')
    return answer


for _ in range(120):
    try:
        http.client.HTTPConnection('127.0.0.1', port, timeout=2).request('GET', '/api/quizzes')
        break
    except OSError:
        time.sleep(1)
api = http.client.HTTPConnection('127.0.0.1', port, timeout=30)
game = post(api, '/api/games', {'quizId': 'warm-up', 'options': {'timeMultiplier': 4}})
pin = game['pin']
tokens = [post(api, f'/api/games/{pin}/players', {'nickname': f'P{i}'})['playerToken'] for i in range(players)]
selector = selectors.DefaultSelector()


class Phone:
    def __init__(self, i, header, token):
        self.buf, self.events, self.message = b'', {}, b''
        self.sock = socket.socket()
        self.sock.bind((f'127.0.{1 + i // 250}.{1 + i % 250}', 0))
        self.sock.connect(('127.0.0.1', port))
        request = (f'GET /ws?pin={pin} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: Upgrade\r\n'
                   f'Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n'
                   f'Sec-WebSocket-Key: {base64.b64encode(os.urandom(16)).decode()}\r\n'
                   f'Origin: http://127.0.0.1:{port}\r\nSec-WebSocket-Protocol: v12.stomp\r\n')
        if offer:
            request += 'Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n'
        self.sock.sendall((request + '\r\n').encode())
        response = b''
        while b'\r\n\r\n' not in response:
            response += self.sock.recv(4096)
        head, _, self.buf = response.partition(b'\r\n\r\n')
        self.deflate = b'permessage-deflate' in head
        self.inflater = zlib.decompressobj(-15)
        self.send(f'CONNECT\naccept-version:1.2\nhost:127.0.0.1\n{header}:{token}\nheart-beat:0,0\n\n\0')
        self.send(f'SUBSCRIBE\nid:sub-0\ndestination:/topic/games/{pin}\n\n\0')
        self.send('SUBSCRIBE\nid:sub-1\ndestination:/user/queue/events\n\n\0')
        self.sock.setblocking(False)
        selector.register(self.sock, selectors.EVENT_READ, self)

    def send(self, text):
        payload, mask = text.encode(), os.urandom(4)
        n = len(payload)
        head = bytes([0x81]) + (bytes([0x80 | n]) if n < 126 else bytes([0x80 | 126]) + struct.pack('>H', n))
        self.sock.setblocking(True)
        self.sock.sendall(head + mask + bytes(b ^ mask[k % 4] for k, b in enumerate(payload)))
        self.sock.setblocking(False)

    def read(self, now):
        try:
            chunk = self.sock.recv(65536)
        except BlockingIOError:
            return
        if not chunk:
            selector.unregister(self.sock)
            return
        self.buf += chunk
        while len(self.buf) >= 2:
            b0, n, at = self.buf[0], self.buf[1] & 0x7F, 2
            if n == 126:
                if len(self.buf) < 4:
                    return
                n, at = struct.unpack('>H', self.buf[2:4])[0], 4
            elif n == 127:
                if len(self.buf) < 10:
                    return
                n, at = struct.unpack('>Q', self.buf[2:10])[0], 10
            if len(self.buf) < at + n:
                return
            payload, self.buf = self.buf[at:at + n], self.buf[at + n:]
            opcode = b0 & 0x0F
            if opcode >= 8:
                continue
            if opcode in (1, 2):  # a message's first frame; continuation frames (0) follow until FIN
                self.message, self.compressed, self.text = b'', bool(b0 & 0x40), opcode == 1
            self.message += payload
            if not b0 & 0x80:
                continue
            body = self.inflater.decompress(self.message + b'\x00\x00\xff\xff') if self.compressed else self.message
            if self.text:
                text = body.decode('utf-8', 'replace')
                k = text.find('"type":"')
                kind = text[k + 8:text.find('"', k + 8)] if k >= 0 else text.split('\n', 1)[0]
                self.events.setdefault(kind, []).append(now)


def pump(done, seconds):
    end = time.time() + seconds
    while time.time() < end:
        for key, _ in selector.select(0.05):
            key.data.read(time.monotonic())
        if done():
            return True
    return False


try:
    phones = [Phone(i, 'player-token', t) for i, t in enumerate(tokens)]
    host = Phone(players, 'host-token', game['hostToken'])
    if not pump(lambda: all('CONNECTED' in p.events for p in phones + [host]), 120):
        raise SystemExit('not every phone was CONNECTED')
    pump(lambda: False, 2)
    print(f'{players} phones, compression offered: {offer}, accepted for {sum(p.deflate for p in phones)}; '
          f'server RSS {rss_mb():.0f} MB')

    def broadcast(command, kind, label):
        before = {id(p): len(p.events.get(kind, [])) for p in phones}
        cpu0, t0 = cpu_ms(), time.monotonic()
        host.send(f'SEND\ndestination:/app/games/{pin}/host\ncontent-type:application/json\n\n'
                  f'{json.dumps({"command": command})}\0')
        pump(lambda: all(len(p.events.get(kind, [])) > before[id(p)] for p in phones), 60)
        cpu = cpu_ms() - cpu0
        ms = sorted((p.events[kind][-1] - t0) * 1000 for p in phones if len(p.events.get(kind, [])) > before[id(p)])
        print(f'{label}: {kind} reached {len(ms)}/{players}; p50 / p99 / max {ms[len(ms) // 2]:.0f} / '
              f'{ms[int(len(ms) * 0.99) - 1]:.0f} / {ms[-1]:.0f} ms; server CPU {cpu:.0f} ms; RSS {rss_mb():.0f} MB')
        pump(lambda: False, 1.5)

    broadcast('start', 'QUESTION', 'Q1 start')
    for q in range(2, 5):
        broadcast('skip', 'REVEAL', f'Q{q - 1} skip')
        broadcast('next', 'LEADERBOARD', f'Q{q - 1} next')
        broadcast('next', 'QUESTION', f'Q{q} next')
finally:
    server.terminate()
    server.wait()
