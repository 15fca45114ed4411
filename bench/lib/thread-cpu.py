#!/usr/bin/env python3
"""Samples a JVM's threads from /proc every 0.5 s until a stop file appears: cores used and the busiest thread
groups per interval, then each group's share over the whole time (bench/startup-threads.sh).
Thread names are folded (digits -> N), so 'C2 CompilerThre' and 'C1 CompilerThre' count as one group."""
import collections
import os
import re
import sys
import time

pid, t0, stop_file = sys.argv[1], float(sys.argv[2]), sys.argv[3]
hz = os.sysconf('SC_CLK_TCK')


def threads():
    out = {}
    try:
        tids = os.listdir(f'/proc/{pid}/task')
    except OSError:
        return out
    for tid in tids:
        try:
            s = open(f'/proc/{pid}/task/{tid}/stat').read()
        except OSError:
            continue
        name = re.sub(r'\d+', 'N', s[s.index('(') + 1:s.rindex(')')])
        f = s[s.rindex(')') + 2:].split()
        out[tid] = (name, int(f[11]) + int(f[12]))
    return out


prev, last = threads(), time.time()
total = collections.Counter()
elapsed = 0.0
while not os.path.exists(stop_file):
    time.sleep(0.5)
    cur, now = threads(), time.time()
    if not cur:
        break
    step = collections.Counter()
    for tid, (name, ticks) in cur.items():
        step[name] += ticks - prev.get(tid, (name, 0))[1]
    dt = now - last
    total.update(step)
    elapsed += dt
    busiest = ' '.join(f'{k.strip()}:{v / hz / dt:.2f}' for k, v in step.most_common(3) if v > 0)
    print(f'{now - t0:6.1f} s  cores {sum(step.values()) / hz / dt:4.2f}  {busiest}', flush=True)
    prev, last = cur, now
print(f'over {elapsed:.1f} s sampled: {sum(total.values()) / hz:.1f} s of CPU, {sum(total.values()) / hz / elapsed:.2f} cores on average')
for name, ticks in total.most_common(8):
    print(f'  {name.strip():24s} {ticks / hz:5.1f} s  {ticks / hz / elapsed:.2f} cores')
