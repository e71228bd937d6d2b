#!/usr/bin/env python3
"""Where the server's CPU went during each question's fan-out, from a bench.profile recording.

usage: profile_windows.py RECORDING.jfr BENCH_OUTPUT.log [WINDOW_MS]

For each "Qn: host sends" line of LoadBench's output, counts the server's CPU samples in the WINDOW_MS (default 300)
that follow, by thread (numbers in thread names folded: clientOutboundChannel-3 -> clientOutboundChannel-N), and the
methods on top of the stack. A sample stands for a few ms of one thread's CPU (async-profiler's ctimer); compare counts, not times. The bench's log
times are read as this machine's local time, so run it where the bench ran. Needs the JDK's jfr tool on the PATH.
"""
import collections
import datetime
import json
import re
import subprocess
import sys


def when(text):
    text = text.replace('Z', '+00:00')
    m = re.match(r'(.*\.\d{6})\d*(.*)', text)  # Python reads at most microseconds
    return datetime.datetime.fromisoformat(m.group(1) + m.group(2) if m else text).timestamp()


def frame(method):
    owner = method['type']['name']
    if '/' not in owner:  # native code: the owner is a library (libc.so.6) or empty
        return method['name']
    return owner.split('/')[-1] + '.' + method['name']


def main(recording, log, window_ms=300.0):
    printed = subprocess.run(['jfr', 'print', '--json', '--events', 'jdk.ExecutionSample', recording],
                             capture_output=True, text=True, check=True).stdout
    samples = []
    for event in json.loads(printed)['recording']['events']:
        values = event['values']
        thread = values.get('sampledThread') or {}
        name = thread.get('javaName') or thread.get('osName') or '?'
        frames = [frame(f['method']) for f in (values.get('stackTrace') or {}).get('frames', [])]
        samples.append((when(values['startTime']), re.sub(r'\d+', 'N', name), frames))
    if not samples:
        sys.exit('no samples in ' + recording)
    day = datetime.datetime.fromtimestamp(samples[0][0]).date()
    for line in open(log, encoding='utf-8'):
        m = re.search(r'\[bench \d+ (\d\d:\d\d:\d\d\.\d{1,6})\d*\] (Q\d+): host sends', line)
        if not m:
            continue
        start = datetime.datetime.combine(day, datetime.time.fromisoformat(m.group(1))).timestamp()
        inside = [s for s in samples if start <= s[0] < start + window_ms / 1000]
        print(f'{m.group(2)}: {len(inside)} samples in the {window_ms:.0f} ms after the host sent it')
        for name, n in collections.Counter(s[1] for s in inside).most_common(10):
            print(f'  {n:5d}  {name}')
        tops = collections.Counter(s[2][0] for s in inside if s[2])
        print('  on top of the stack: ' + ', '.join(f'{k} {v}' for k, v in tops.most_common(6)))


if __name__ == '__main__':
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]) if len(sys.argv) > 3 else 300.0)
