#!/usr/bin/env python3
"""Where an HL7 message's time goes, from async-profiler's collapsed stacks (bench/hl7-throughput.sh PROFILE=...).

    buckets.py FILE.collapsed [messages]

Each sampled stack is put in the first bucket (in the order below) that one of its frames matches, so a
stack in the store's commit counts as "commit / sync" and not as "store". With a message count (the
ACKs of the profiled run) the table also gives microseconds of CPU per message: samples x interval /
messages, the interval taken from PROFILE_INTERVAL (default 1 ms)."""
import os
import re
import sys

# (bucket, frame pattern); first match in this order wins
BUCKETS = [
    ("GC (serial collector, in the VM thread)", r"^\[VM Thread|^\[GC |GenCollectedHeap|DefNewGeneration|VM_GenCollect|G1CollectedHeap"),
    ("JIT compiler", r"^\[C[12] CompilerThre|CompileBroker|Compile::|Compilation::"),
    ("processing: patient upsert / observations (after the ACK)", r"^\[pediconsult-hl7-process-|hl7/internal/inbound/InboundProcessor"),
    ("store: commit / disk sync", r"force0|fsync|FileChannelImpl\.force|mvstore/FileStore\.sync|forceToDisk|MVStore\.commit|JdbcConnection\.commit|MVStore\.store"),
    ("dedupe (in-flight map, unique key)", r"MessageStore\.(claim|release|ackFor)|uniqueViolation|insertKey"),
    ("store: SQL and the JDBC driver (H2 runs in Karaf; PostgreSQL's server is another process, not sampled)", r"hl7/internal/inbound/MessageStore|org/h2/|org/postgresql/"),
    ("validation (tables, budget, ADT mapping)", r"InboundHandler\.validate|Hl7Tables|ParseBudget|ContributedTypes"),
    ("ACK build and encode", r"hl7/internal/inbound/Acks|generateACK|PipeParser\.encode|Parser\.encode"),
    ("HAPI parse", r"ca/uhn/hl7v2/parser|ca/uhn/hl7v2/model|ca/uhn/hl7v2/validation|ca/uhn/hl7v2/util"),
    ("handler (MSH read, routing, text decode)", r"hl7/internal/inbound/InboundHandler|hl7/internal/inbound/InboundChannel|hl7/internal/inbound/ConnectionGate|hl7/internal/common/Hl7Text|hl7/internal/inbound/MessageHeader"),
    ("MLLP framing (our decoder)", r"hl7/internal/inbound/MllpFrameDecoder"),
    ("Camel exchange / routing", r"org/apache/camel"),
    ("Netty I/O (event loop, socket reads and writes)", r"^\[Camel Thread #\d+ - NettyServerTCPWorker|io/netty|sun/nio/ch/(SocketDispatcher|EPoll)"),
    ("logging", r"org/ops4j/pax/logging|org/apache/logging|ch/qos/logback"),
]
COMPILED = [(name, re.compile(p)) for name, p in BUCKETS]


def bucket(frames):
    for name, pattern in COMPILED:
        for f in frames:
            if pattern.search(f):
                return name
    return "other (JVM, Karaf, other threads)"


def main():
    path = sys.argv[1]
    messages = int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2].isdigit() else 0
    interval_us = 1000.0
    iv = os.environ.get("PROFILE_INTERVAL", "1ms")
    m = re.fullmatch(r"(\d+)(ms|us|ns)?", iv)
    if m:
        interval_us = int(m.group(1)) * {"ms": 1000.0, "us": 1.0, "ns": 0.001, None: 0.001}[m.group(2)]
    totals, all_samples = {}, 0
    with open(path) as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            stack, _, n = line.rpartition(" ")
            n = int(n)
            all_samples += n
            b = bucket(stack.split(";"))
            totals[b] = totals.get(b, 0) + n
    print("samples: %d (interval %s)%s" % (all_samples, iv, ", messages: %d" % messages if messages else ""))
    print("| where | samples | share | us per message |")
    print("|---|---:|---:|---:|")
    for name, n in sorted(totals.items(), key=lambda kv: -kv[1]):
        per = "%.0f" % (n * interval_us / messages) if messages else ""
        print("| %s | %d | %.1f%% | %s |" % (name, n, 100.0 * n / all_samples, per))
    if messages:
        print("| total | %d | 100%% | %.0f |" % (all_samples, all_samples * interval_us / messages))


if __name__ == "__main__":
    main()
