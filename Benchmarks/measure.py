#!/usr/bin/env python3
"""Run one command and print its whole-process cost as JSON: wall, user and system seconds, peak RSS.

Used by bench.py so every tool, ours and the peers, is measured the same way (getrusage of the
waited child, which covers grandchildren too)."""
import json
import os
import resource
import subprocess
import sys
import time

start = time.perf_counter()
completed = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({
    "wall": wall,
    "user": usage.ru_utime,
    "sys": usage.ru_stime,
    "max_rss_mb": usage.ru_maxrss / 1024.0,
    "exit": completed.returncode,
    "stderr_tail": completed.stderr.decode("utf-8", "replace")[-400:],
}))
