#!/usr/bin/env python3
"""Load driver of bench/prescription.sh (a benchmark, not a test). Standard library only.

    driver.py <physicians> <rounds> <RDE log of mllp_receiver.py> <channel cfg> <etc/ path of the cfg> [base URL]

Setup (not measured): physicians x rounds + 1 new children of guardian.tang (POST /api/children), their
relationship verified by frontdesk.zhou, one assessment each in itest-allergy, a new slot of dr.wang each,
booking, waiting room, admission by dr.wang: as many IN_PROGRESS consultations, each of its own child (the
duplicate-ingredient rule allows one active cetirizine prescription per child). Only then the pharmacy
channel's file goes into etc/ (so the setup's ~600 consultation events never queue up for the HL7 router,
which would delay the measured RDE^O11s behind them), and one sentinel prescription is drafted, signed,
approved and waited for at the receiver (channel live; one prescription on an idle system).

Measured: <physicians> threads, all signed in as dr.wang (the demo has two physicians), each per round
drafts cetirizine for its next consultation (POST /api/consultations/{id}/prescriptions) and signs it
(POST /api/prescriptions/{id}/signature, the password checked again with Argon2id); a 503 (hashing busy) is
counted and retried after a short backoff. Each signed prescription goes to a queue that <physicians>
pharmacist threads (pharmacist.li) approve (POST /api/prescriptions/{id}/approval). Then the time from each
approval's answer to the receiver's receipt of its RDE^O11 (same machine clock).

Any other unexpected answer is a product failure: printed in full (request and answer), exit status 1.
"""
import datetime
import http.client
import json
import math
import os
import queue
import random
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

PASSWORD = "pediconsult"
SPECIALTY = "itest-allergy"
ZONE = datetime.timezone(datetime.timedelta(hours=8))  # Asia/Shanghai, the pilot zone (no DST)


class Failure(Exception):
    pass


class Client:
    """One keep-alive HTTP connection (one per thread)."""

    def __init__(self, base, token=None):
        u = urllib.parse.urlsplit(base)
        self.host, self.port = u.hostname, u.port or 80
        self.token = token
        self.conn = None

    def call(self, method, path, body=None, token=None):
        """(status, parsed JSON or text, elapsed seconds, wall clock at the answer)."""
        headers = {"Accept": "application/json"}
        t = token or self.token
        if t:
            headers["Authorization"] = "Bearer " + t
        data = None
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            headers["Content-Type"] = "application/json"
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=120)
            start = time.perf_counter()
            try:
                self.conn.request(method, "/api" + path, body=data, headers=headers)
                r = self.conn.getresponse()
                raw = r.read()
            except (http.client.HTTPException, OSError):
                # a closed keep-alive connection: reconnect once
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise
                continue
            elapsed = time.perf_counter() - start
            wall = time.time()
            if r.getheader("Connection", "").lower() == "close":
                self.conn.close()
                self.conn = None
            text = raw.decode("utf-8", "replace")
            try:
                parsed = json.loads(text) if text else None
            except ValueError:
                parsed = text
            return r.status, parsed, elapsed, wall, r.getheader("Retry-After")


def expect(what, method, path, status, want, answer):
    if status != want:
        raise Failure("%s: %s /api%s answered %s (expected %s): %s" % (what, method, path, status, want,
                                                                      json.dumps(answer, ensure_ascii=False)[:2000]))


def token(client, user):
    s, a, *_ = client.call("POST", "/auth/token", {"username": user, "password": PASSWORD})
    expect("login " + user, "POST", "/auth/token", s, 200, a)
    return a["access_token"]


def percentile(values, p):
    if not values:
        return float("nan")
    v = sorted(values)
    k = max(0, min(len(v) - 1, math.ceil(p / 100.0 * len(v)) - 1))  # nearest rank
    return v[k]


def draft_body():
    return {"items": [{"code": "CETIRIZINE-DROPS", "dose": 2.5, "unit": "MG", "frequency": "BID", "durationDays": 5,
                       "quantity": 1, "quantityUnit": "bottle",
                       "instructions": {"zh": "早晚各一次，饭后服", "en": "morning and evening, after meals"}}],
            "weightKg": 18.0, "weightDate": datetime.datetime.now(ZONE).date().isoformat()}


def setup(base, count):
    n = count + 1  # the last one: the sentinel
    c = Client(base)
    tokens = {u: token(c, u) for u in ("guardian.tang", "admin", "frontdesk.zhou", "dr.wang", "pharmacist.li")}
    g, admin, desk, doctor = tokens["guardian.tang"], tokens["admin"], tokens["frontdesk.zhou"], tokens["dr.wang"]
    deadline = time.time() + 60
    while True:
        s, a, *_ = c.call("GET", "/specialties", token=g)
        if s == 200 and any(x.get("id") == SPECIALTY for x in a):
            break
        if time.time() > deadline:
            raise Failure("the test specialty %s never appeared in GET /api/specialties: %s %s" % (SPECIALTY, s, a))
        time.sleep(0.5)
    s, me, *_ = c.call("GET", "/guardians/me", token=g)
    expect("guardian", "GET", "/guardians/me", s, 200, me)
    s, docs, *_ = c.call("GET", "/physicians", token=admin)
    expect("physicians", "GET", "/physicians", s, 200, docs)
    wang = [d["id"] for d in docs if d.get("username") == "dr.wang"][0]

    # n new slots of dr.wang, 30 minutes apart from 40 days ahead (7 past the hour: the demo slots are on the hour)
    first = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=40)).replace(minute=7, second=0,
                                                                                                 microsecond=0)
    slots = []
    for i in range(0, n, 500):
        body = [{"startsAt": (first + datetime.timedelta(minutes=30 * j)).strftime("%Y-%m-%dT%H:%M:%SZ"), "minutes": 30}
                for j in range(i, min(n, i + 500))]
        s, a, *_ = c.call("POST", "/physicians/%s/slots" % wang, body, token=admin)
        expect("slots", "POST", "/physicians/%s/slots" % wang, s, 201, a)
        slots += [x["id"] for x in a]

    local = threading.local()

    def client():
        if not hasattr(local, "c"):
            local.c = Client(base)
        return local.c

    def one(i):
        k = client()
        body = {"familyName": "唐", "givenName": "测%d" % i, "sex": "FEMALE" if i % 2 else "MALE",
                "birthDate": "2021-06-15", "relationship": "MOTHER"}
        s, child, *_ = k.call("POST", "/children", body, token=g)
        expect("child", "POST", "/children", s, 201, child)
        path = "/children/%s/guardianship-verification" % child["id"]
        s, a, *_ = k.call("POST", path, {"guardianId": me["id"], "method": "BIRTH_CERTIFICATE"}, token=desk)
        expect("relationship verified", "POST", path, s, 200, a)
        s, a, *_ = k.call("POST", "/assessments", {"childId": child["id"], "specialtyId": SPECIALTY,
                                                   "answers": {"fever": False, "rashDays": 2}}, token=g)
        expect("assessment", "POST", "/assessments", s, 201, a)
        cid = a["id"]
        for path, body, tok, want in (("/consultations/%s/booking" % cid, {"slotId": slots[i]}, g, 200),
                                      ("/consultations/%s/waiting-room" % cid, None, g, 200),
                                      ("/consultations/%s/admission" % cid, None, doctor, 200)):
            s, a, *_ = k.call("POST", path, body, token=tok)
            expect("consultation", "POST", path, s, want, a)
        if a.get("state") != "IN_PROGRESS":
            raise Failure("admission answered state %s: %s" % (a.get("state"), a))
        return cid

    with ThreadPoolExecutor(4) as pool:
        consults = list(pool.map(one, range(n)))
    return tokens, consults


def channel_and_sentinel(base, tokens, sentinel, cfg_from, cfg_to, rde_log):
    """Puts the pharmacy channel's file in etc/ (after the setup, so the setup's consultation events never
    queue up for the HL7 router: its durable queues are made when the first channel exists), waits for it,
    then sends one prescription through and waits for its RDE^O11: the subscription to prescription.approved
    is live, and this is the figure of one prescription on an idle system."""
    os.replace(cfg_from, cfg_to)
    c = Client(base)
    deadline = time.time() + 60
    while True:
        s, a, *_ = c.call("GET", "/hl7/channels", token=tokens["admin"])
        expect("channels", "GET", "/hl7/channels", s, 200, a)
        pharmacy = [x for x in a if x.get("direction") == "OUT" and x.get("name") == "pharmacy"]
        if pharmacy:
            print("pharmacy channel: %s, state %s" % (pharmacy[0].get("destination"), pharmacy[0].get("state")))
            break
        if time.time() > deadline:
            raise Failure("no outbound channel 'pharmacy' in GET /api/hl7/channels: %s" % json.dumps(a)[:2000])
        time.sleep(0.5)
    time.sleep(3)  # the router subscribes its topics a moment after the channel appears
    path = "/consultations/%s/prescriptions" % sentinel
    s, a, t_create, *_ = c.call("POST", path, draft_body(), token=tokens["dr.wang"])
    expect("sentinel draft", "POST", path, s, 201, a)
    refused = [x.get("rule") for x in a.get("checks", []) if not x.get("passed")]
    if refused:
        raise Failure("sentinel draft: refused checks %s: %s" % (refused, json.dumps(a, ensure_ascii=False)[:2000]))
    rx = a["id"]
    path = "/prescriptions/%s/signature" % rx
    s, a, t_sign, *_ = c.call("POST", path, {"password": PASSWORD, "validDays": 1}, token=tokens["dr.wang"])
    expect("sentinel signature", "POST", path, s, 200, a)
    path = "/prescriptions/%s/approval" % rx
    s, a, t_approve, at, _ = c.call("POST", path, None, token=tokens["pharmacist.li"])
    expect("sentinel approval", "POST", path, s, 200, a)
    deadline = time.time() + 60
    while True:
        got, _ = read_rde(rde_log)
        if rx in got:
            break
        if time.time() > deadline:
            raise Failure("the sentinel prescription %s was approved but its RDE^O11 never reached the pharmacy in 60 s" % rx)
        time.sleep(0.05)
    print("one prescription alone (idle, first of its kind): draft %s, sign %s, approve %s, approval -> RDE^O11 received %s"
          % (ms(t_create), ms(t_sign), ms(t_approve), ms(got[rx][0] - at)))
    return rx


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.lat = {}        # step -> [seconds] of successful calls
        self.statuses = {}   # step -> {status: count}
        self.failures = []   # unexpected answers, in full

    def add(self, step, status, elapsed, ok):
        with self.lock:
            self.statuses.setdefault(step, {}).setdefault(status, 0)
            self.statuses[step][status] += 1
            if ok:
                self.lat.setdefault(step, []).append(elapsed)

    def fail(self, text):
        with self.lock:
            self.failures.append(text)


def run(base, physicians, rounds, tokens, consults, stats):
    doctor, reviewer = tokens["dr.wang"], tokens["pharmacist.li"]
    signed = queue.Queue()
    approved = {}  # rx id -> wall clock of the approval's answer
    approved_lock = threading.Lock()
    per_round = {}
    barrier = threading.Barrier(physicians * 2 + 1)

    def physician(i):
        k = Client(base, doctor)
        barrier.wait()
        for r in range(rounds):
            cid = consults[r * physicians + i]
            t_round = time.perf_counter()
            path = "/consultations/%s/prescriptions" % cid
            s, a, el, *_ = k.call("POST", path, draft_body())
            refused = [x.get("rule") for x in (a.get("checks", []) if isinstance(a, dict) else []) if not x.get("passed")]
            ok = s == 201 and not refused
            stats.add("create draft", s, el, ok)
            if not ok:
                stats.fail("POST /api%s -> %s, refused checks %s: %s" % (path, s, refused, json.dumps(a, ensure_ascii=False)[:2000]))
                continue
            rx = a["id"]
            path = "/prescriptions/%s/signature" % rx
            busy, total = 0, 0.0
            while True:
                s, a, el, _, retry_after = k.call("POST", path, {"password": PASSWORD, "validDays": 1})
                total += el
                if s == 503:
                    busy += 1
                    stats.add("sign", s, el, False)
                    time.sleep(min(1.0, 0.05 * 2 ** min(busy, 5)) * (0.5 + random.random()))
                    continue
                ok = s == 200 and isinstance(a, dict) and a.get("state") == "AWAITING_REVIEW"
                stats.add("sign", s, el, ok)
                if busy:
                    stats.add("sign, incl. 503 retries", s, total, ok)
                if not ok:
                    stats.fail("POST /api%s -> %s: %s" % (path, s, json.dumps(a, ensure_ascii=False)[:2000]))
                break
            if ok:
                signed.put(rx)
            with approved_lock:
                per_round.setdefault(r, []).append(time.perf_counter() - t_round)

    def pharmacist():
        k = Client(base, reviewer)
        barrier.wait()
        while True:
            rx = signed.get()
            if rx is None:
                return
            path = "/prescriptions/%s/approval" % rx
            s, a, el, wall, _ = k.call("POST", path, None)
            ok = s == 200 and isinstance(a, dict) and a.get("state") == "APPROVED"
            stats.add("approve", s, el, ok)
            if ok:
                with approved_lock:
                    approved[rx] = wall
            else:
                stats.fail("POST /api%s -> %s: %s" % (path, s, json.dumps(a, ensure_ascii=False)[:2000]))

    def guarded(f, *args):
        def body():
            try:
                f(*args)
            except Exception as e:  # a client that died: counted, never hidden
                stats.fail("client thread died: %r" % e)
        return body

    docs = [threading.Thread(target=guarded(physician, i)) for i in range(physicians)]
    pharm = [threading.Thread(target=guarded(pharmacist)) for _ in range(physicians)]
    for t in docs + pharm:
        t.start()
    barrier.wait()
    t0 = time.perf_counter()
    for t in docs:
        t.join()
    for _ in pharm:
        signed.put(None)
    for t in pharm:
        t.join()
    return approved, time.perf_counter() - t0, per_round


def read_rde(path):
    got = {}
    dupes = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) != 6:
                continue
            when, control, mtype, orc1, orc2, rxe15 = parts
            if mtype.split("^")[:2] != ["RDE", "O11"] or orc1 != "NW":
                continue
            if rxe15 in got:
                dupes += 1
                continue
            got[rxe15] = (float(when), orc2)
    return got, dupes


def ms(x):
    return "%.1f ms" % (x * 1000)


def main():
    physicians, rounds, rde_log = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    cfg_from, cfg_to = sys.argv[4], sys.argv[5]
    base = sys.argv[6] if len(sys.argv) > 6 else "http://localhost:8181"
    n = physicians * rounds
    stats = Stats()
    try:
        t = time.perf_counter()
        tokens, consults = setup(base, n)
        print("setup: %d children, relationships verified, %d consultations of dr.wang IN_PROGRESS (%.1f s)"
              % (len(consults), len(consults), time.perf_counter() - t))
        sentinel = channel_and_sentinel(base, tokens, consults.pop(), cfg_from, cfg_to, rde_log)
    except Failure as e:
        print("SETUP FAILED: %s" % e)
        return 1
    print("measured run: %d physician clients (all dr.wang) x %d rounds, %d pharmacist clients (all pharmacist.li)"
          % (physicians, rounds, physicians))
    load0 = os.getloadavg()[0]
    approved, wall, per_round = run(base, physicians, rounds, tokens, consults, stats)
    print("done in %.2f s: %d approved, %.1f prescriptions/s (drafted, signed and approved); load average %.2f before, %.2f after"
          % (wall, len(approved), len(approved) / wall, load0, os.getloadavg()[0]))

    # the pharmacy's receipts
    deadline = time.time() + 120
    while True:
        got, dupes = read_rde(rde_log)
        got.pop(sentinel, None)
        missing = [rx for rx in approved if rx not in got]
        if not missing or time.time() > deadline:
            break
        time.sleep(0.5)

    print()
    print("%-26s %6s %10s %10s %10s  %s" % ("step", "ok", "p50", "p99", "max", "answers (status: count)"))
    for step in ("create draft", "sign", "sign, incl. 503 retries", "approve"):
        lat = stats.lat.get(step, [])
        answers = ", ".join("%s: %d" % kv for kv in sorted(stats.statuses.get(step, {}).items()))
        if not answers:
            continue
        print("%-26s %6d %10s %10s %10s  %s" % (step, len(lat), ms(percentile(lat, 50)), ms(percentile(lat, 99)),
                                               ms(max(lat) if lat else float("nan")), answers))
    delays = [got[rx][0] - at for rx, at in approved.items() if rx in got]
    bad_orc2 = [rx for rx in approved if rx in got and got[rx][1] != rx + "-1"]
    print("%-26s %6d %10s %10s %10s  %d approved, %d received, %d missing after 120 s, %d sent twice, %d with a wrong ORC-2"
          % ("approval -> RDE^O11 recv", len(delays), ms(percentile(delays, 50)), ms(percentile(delays, 99)),
             ms(max(delays) if delays else float("nan")), len(approved), len(delays), len(missing), dupes, len(bad_orc2)))
    if delays:
        print("  (approval answered -> the receiver read the whole message, before its ACK; min %s; settle.millis as shipped)"
              % ms(min(delays)))
    if delays:
        first_approval = min(approved.values())
        receipts = sorted(got[rx][0] for rx in approved if rx in got)
        last_approval = max(approved.values())
        span = receipts[-1] - receipts[0]
        print("  approvals answered from +0 to +%.2f s; the pharmacy received them from +%.2f to +%.2f s (%.1f msg/s "
              "between its first and last receipt; the channel sends one message at a time)"
              % (last_approval - first_approval, receipts[0] - first_approval, receipts[-1] - first_approval,
                 (len(receipts) - 1) / span if span > 0 else float("nan")))
        k = Client(base, tokens["admin"])
        s, a, *_ = k.call("GET", "/hl7/channels")
        for ch in (a if s == 200 else []):
            if ch.get("direction") == "OUT" and ch.get("name") == "pharmacy":
                m = ch.get("metrics", {})
                print("  the bridge's own figures: sent %s, failed attempts %s, ACK latency (send to ACK) p50 %s ms, "
                      "p99 %s ms, max %s ms" % (m.get("sentSinceStart"), m.get("failedAttemptsSinceStart"),
                                                m.get("ackLatencyP50Ms"), m.get("ackLatencyP99Ms"), m.get("ackLatencyMaxMs")))
    print("per round, draft+sign per physician: " + "; ".join(
        "round %d p50 %s p99 %s" % (r + 1, ms(percentile(v, 50)), ms(percentile(v, 99))) for r, v in sorted(per_round.items())))
    busy = stats.statuses.get("sign", {}).get(503, 0)
    print("sign answered 503 (password hashing busy) %d times%s" % (busy, ", each retried after a 50 ms-1 s backoff" if busy else ""))
    if stats.failures or missing or bad_orc2:
        print()
        print("PRODUCT FAILURES (%d unexpected answers):" % len(stats.failures))
        for f in stats.failures[:10]:
            print("  " + f)
        if missing:
            print("  approved but never received by the pharmacy: %s" % missing[:10])
        if bad_orc2:
            print("  wrong ORC-2: %s" % [(rx, got[rx][1]) for rx in bad_orc2[:10]])
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
