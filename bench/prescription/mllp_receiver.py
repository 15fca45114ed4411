#!/usr/bin/env python3
"""A stand-in hospital pharmacy system for bench/prescription.sh: an MLLP server on 127.0.0.1 that
answers every message AA and appends one line per message to a log, written and flushed before the ACK:

    <epoch seconds at receipt> <MSH-10> <MSH-9> <ORC-1> <ORC-2> <RXE-15>

(ORC-1/ORC-2/RXE-15 of the first order; '-' when absent). Binds a free port and writes it to a file.

    mllp_receiver.py <log file> <port file>
"""
import socket
import sys
import threading
import time

SB, EB, CR = b"\x0b", b"\x1c", b"\x0d"


def field(segments, name, index):
    for seg in segments:
        parts = seg.split("|")
        if parts[0] == name:
            # MSH-1 is the separator itself: MSH-n is parts[n-1]; other segments' n is parts[n]
            i = index - 1 if name == "MSH" else index
            return parts[i] if i < len(parts) and parts[i] else "-"
    return "-"


def serve(conn, log, lock):
    buf = b""
    with conn:
        while True:
            data = conn.recv(65536)
            if not data:
                return
            buf += data
            while True:
                start = buf.find(SB)
                end = buf.find(EB + CR, start + 1) if start >= 0 else -1
                if start < 0 or end < 0:
                    break
                received = time.time()
                raw = buf[start + 1:end].decode("utf-8", "replace")
                buf = buf[end + 2:]
                segments = [s for s in raw.replace("\n", "\r").split("\r") if s]
                control = field(segments, "MSH", 10)
                mtype = field(segments, "MSH", 9)
                orc2 = field(segments, "ORC", 2).split("^")[0]
                line = "%.6f %s %s %s %s %s\n" % (received, control, mtype, field(segments, "ORC", 1), orc2,
                                                  field(segments, "RXE", 15))
                with lock:
                    log.write(line)
                    log.flush()
                ack = ("MSH|^~\\&|PHARMACY|PILOT-CHILDRENS-HOSPITAL-1|PEDICONSULT|PEDICONSULT|%s||ACK^O11|A%s|P|2.5.1\r"
                       "MSA|AA|%s\r") % (time.strftime("%Y%m%d%H%M%S"), control, control)
                conn.sendall(SB + ack.encode("utf-8") + EB + CR)


def main():
    log_path, port_path = sys.argv[1], sys.argv[2]
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    log = open(log_path, "a", encoding="utf-8")
    lock = threading.Lock()
    with open(port_path + ".tmp", "w") as f:
        f.write(str(server.getsockname()[1]))
    import os
    os.replace(port_path + ".tmp", port_path)
    while True:
        conn, _ = server.accept()
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        threading.Thread(target=serve, args=(conn, log, lock), daemon=True).start()


if __name__ == "__main__":
    main()
