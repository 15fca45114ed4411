#!/usr/bin/env python3
"""Load driver of bench/delivery.sh (a benchmark, not a test). Standard library only.

    driver.py <chains> <concurrency> [base URL]          env: POLL_MS (10), COMPLETE (1), THINK_MS (0)

Reuses bench/prescription/driver.py (its HTTP client, its setup, its prescription body).

Setup (not measured): chains + 1 IN_PROGRESS consultations of dr.wang, each of a new child of guardian.tang
(the relationship verified by frontdesk.zhou), as bench/prescription.sh makes them; then each gets a cetirizine
prescription drafted and signed by dr.wang (Argon2id re-authentication: slow, so all before the timing). The
last one is the sentinel: one chain alone on the idle system (the event subscription is live, the first of its
kind), printed on its own and not in the figures.

Measured: <concurrency> threads, each taking the next chain:
  1. (COMPLETE=1) dr.wang completes the consultation (POST /api/consultations/{cid}/completion). In the product
     the time from completion to the pharmacist's approval is human time (the review): not measured.
  2. pharmacist.li approves (POST /api/prescriptions/{rx}/approval): the event prescription.approved goes
     through the outbox, the relay, ActiveMQ and the pharmacy-logistics listener, which makes the delivery order.
  3. (a) guardian.tang polls GET /api/consultations/{cid}/deliveries every POLL_MS ms until the order is there
     (AWAITING_DISPENSING): approval answered -> the GET that showed it answered (upper bound of the hop); the
     request time of the last GET that did not show it gives the lower bound.
  4. pharmacist.li reads the dispense queue (GET /api/deliveries?state=AWAITING_DISPENSING: the order must be in
     it) and dispenses (POST /api/dispenses).
  5. (b) guardian.tang reads the consultation's deliveries again at once: dispense answered -> the GET showing
     DISPENSED answered (synchronous: one GET's round trip; re-polled if not, and counted).
After the run, GET /api/deliveries/{id} of each order (pharmacist.li): the database's own timestamps, delivery
createdAt - prescription reviewedAt (the hop without the polling) and the DISPENSED step - dispensedAt; then the
dispense queue must hold none of the orders.

Any unexpected answer is a product failure: printed in full (request and answer), exit status 1.
"""
import datetime
import importlib.util
import json
import os
import random
import re
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

sys.dont_write_bytecode = True  # no __pycache__ next to bench/prescription/driver.py
_spec = importlib.util.spec_from_file_location(
    "prescription_driver", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "prescription", "driver.py"))
rx_driver = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(rx_driver)
Client, Failure, expect, percentile, draft_body, ms = (rx_driver.Client, rx_driver.Failure, rx_driver.expect,
                                                      rx_driver.percentile, rx_driver.draft_body, rx_driver.ms)

PASSWORD = rx_driver.PASSWORD
POLL = int(os.environ.get("POLL_MS", "10")) / 1000.0
COMPLETE = os.environ.get("COMPLETE", "1") != "0"
# a pause of uniform 0..THINK_MS ms between completion and approval (the review: human time, not measured). With 0,
# a closed loop of one chain at a time approves just after the relay's pass that published the previous approval,
# so it waits nearly the whole relay interval every time; a random pause spreads the approvals over the interval.
THINK = int(os.environ.get("THINK_MS", "0")) / 1000.0
WAIT_DELIVERY = 60.0  # seconds before a chain counts as never completed
WAIT_DISPENSED = 10.0


def instant(value):
    """An ISO-8601 instant of the REST answers ("2026-12-05T01:02:03.123456Z") as epoch seconds."""
    if isinstance(value, (int, float)):
        return float(value)
    m = re.fullmatch(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?Z", value or "")
    if not m:
        raise Failure("not an instant: %r" % (value,))
    base = datetime.datetime.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S").replace(tzinfo=datetime.timezone.utc)
    return base.timestamp() + (float("0." + m.group(2)) if m.group(2) else 0.0)


def dump(a):
    return json.dumps(a, ensure_ascii=False)[:2000]


def prepare(base, tokens, consults):
    """A signed cetirizine prescription (AWAITING_REVIEW) for each consultation: drafted and signed by dr.wang."""
    doctor = tokens["dr.wang"]
    local = threading.local()
    busy = [0]

    def one(cid):
        if not hasattr(local, "c"):
            local.c = Client(base, doctor)
        k = local.c
        path = "/consultations/%s/prescriptions" % cid
        s, a, *_ = k.call("POST", path, draft_body())
        expect("draft", "POST", path, s, 201, a)
        refused = [x.get("rule") for x in a.get("checks", []) if not x.get("passed")]
        if refused:
            raise Failure("draft: POST /api%s refused checks %s: %s" % (path, refused, dump(a)))
        rx = a["id"]
        path = "/prescriptions/%s/signature" % rx
        while True:
            s, a, *_ = k.call("POST", path, {"password": PASSWORD, "validDays": 1})
            if s == 503:  # hashing busy: retried
                busy[0] += 1
                time.sleep(0.2)
                continue
            expect("signature", "POST", path, s, 200, a)
            if a.get("state") != "AWAITING_REVIEW":
                raise Failure("signature: POST /api%s answered state %s: %s" % (path, a.get("state"), dump(a)))
            return rx

    with ThreadPoolExecutor(4) as pool:  # 4 = the shipped hashing slots
        rxs = list(pool.map(one, consults))
    return rxs, busy[0]


class Chain:
    """One consultation's way from completion to a dispensed delivery order; wall clock (time.time()) throughout."""

    def __init__(self, cid, rx):
        self.cid, self.rx = cid, rx
        self.t_completed = self.t_approved = self.t_seen = self.t_seen_low = self.t_dispensed = self.t_shown = None
        self.completed_at = self.reviewed_at = self.dispensed_at = None
        self.polls = self.dispense_polls = 0
        self.completed_null = False
        self.delivery = self.dispense = None
        self.lat = {}  # request -> seconds


def run_chain(base, tokens, ch, clients):
    doctor, pharmacist, guardian = clients
    if COMPLETE:
        path = "/consultations/%s/completion" % ch.cid
        s, a, el, wall, _ = doctor.call("POST", path, {"diagnosis": "过敏性鼻炎 (bench)", "plan": "西替利嗪滴剂 5 天"})
        expect("completion", "POST", path, s, 200, a)
        if a.get("state") != "COMPLETED":
            raise Failure("completion: POST /api%s answered state %s: %s" % (path, a.get("state"), dump(a)))
        ch.t_completed, ch.lat["completion"] = wall, el
        # the answer's completedAt (null in the answer of this build: the stored completed_at is updatedAt's instant)
        ch.completed_null = not a.get("completedAt")
        ch.completed_at = instant(a.get("completedAt") or a["updatedAt"])

    if THINK:
        time.sleep(random.random() * THINK)
    path = "/prescriptions/%s/approval" % ch.rx
    s, a, el, wall, _ = pharmacist.call("POST", path)
    expect("approval", "POST", path, s, 200, a)
    if a.get("state") != "APPROVED":
        raise Failure("approval: POST /api%s answered state %s: %s" % (path, a.get("state"), dump(a)))
    ch.t_approved, ch.lat["approval"] = wall, el
    ch.reviewed_at = instant(a["reviewedAt"])

    # (a) the delivery order made by the event listener, seen by the family
    path = "/consultations/%s/deliveries" % ch.cid
    low = ch.t_approved
    while True:
        sent = time.time()
        s, a, el, wall, _ = guardian.call("GET", path)
        ch.polls += 1
        expect("deliveries of the consultation", "GET", path, s, 200, a)
        mine = [d for d in a.get("deliveries", []) if d.get("prescriptionId") == ch.rx]
        if mine:
            d = mine[0]
            if d.get("state") != "AWAITING_DISPENSING" or len(mine) != 1 or a.get("dispenses"):
                raise Failure("GET /api%s after the approval of %s: expected one order AWAITING_DISPENSING and no "
                              "dispense: %s" % (path, ch.rx, dump(a)))
            ch.t_seen, ch.t_seen_low, ch.delivery = wall, low, d
            break
        if wall - ch.t_approved > WAIT_DELIVERY:
            raise Failure("prescription %s approved (POST /api/prescriptions/%s/approval answered 200) but no delivery "
                          "order in GET /api%s after %.0f s (%d reads); last answer: %s"
                          % (ch.rx, ch.rx, path, WAIT_DELIVERY, ch.polls, dump(a)))
        low = sent
        time.sleep(POLL)

    # the pharmacist's dispense queue holds it
    s, a, el, *_ = pharmacist.call("GET", "/deliveries?state=AWAITING_DISPENSING")
    expect("dispense queue", "GET", "/deliveries?state=AWAITING_DISPENSING", s, 200, a)
    ch.lat["dispense queue"] = el
    if not any(d.get("id") == ch.delivery["id"] for d in a):
        raise Failure("GET /api/deliveries?state=AWAITING_DISPENSING does not list order %s of prescription %s "
                      "(seen AWAITING_DISPENSING by the guardian): %s" % (ch.delivery["id"], ch.rx, dump(a)))

    body = {"prescriptionId": ch.rx, "items": [{
        "itemIndex": 0, "lot": "BENCH-%s" % ch.rx[:8],
        "expiry": (datetime.date.today() + datetime.timedelta(days=365)).isoformat(),
        "quantity": 1, "quantityUnit": "bottle", "manufacturer": "Bench Pharma"}]}
    s, a, el, wall, _ = pharmacist.call("POST", "/dispenses", body)
    expect("dispense", "POST", "/dispenses", s, 201, a)
    ch.t_dispensed, ch.lat["dispense"], ch.dispense = wall, el, a
    ch.dispensed_at = instant(a["dispensedAt"])

    # (b) synchronous: the order is DISPENSED in the dispense's transaction
    while True:
        s, a, el, wall, _ = guardian.call("GET", path)
        ch.dispense_polls += 1
        expect("deliveries of the consultation", "GET", path, s, 200, a)
        mine = [d for d in a.get("deliveries", []) if d.get("prescriptionId") == ch.rx]
        if mine and mine[0].get("state") == "DISPENSED":
            if mine[0].get("dispenseId") != ch.dispense["id"]:
                raise Failure("GET /api%s: order DISPENSED with dispenseId %s, the dispense answered %s: %s"
                              % (path, mine[0].get("dispenseId"), ch.dispense["id"], dump(a)))
            ch.t_shown = wall
            return
        if wall - ch.t_dispensed > WAIT_DISPENSED:
            raise Failure("POST /api/dispenses for %s answered 201 but GET /api%s does not show the order DISPENSED "
                          "after %.0f s: %s" % (ch.rx, path, WAIT_DISPENSED, dump(a)))
        time.sleep(POLL)


def db_times(base, tokens, chains):
    """GET /api/deliveries/{id} (pharmacist.li): createdAt and the timeline."""
    k = Client(base, tokens["pharmacist.li"])
    out = {}
    for ch in chains:
        path = "/deliveries/%s" % ch.delivery["id"]
        s, a, *_ = k.call("GET", path)
        expect("delivery", "GET", path, s, 200, a)
        if a.get("state") != "DISPENSED":
            raise Failure("GET /api%s after the run: state %s, expected DISPENSED: %s" % (path, a.get("state"), dump(a)))
        steps = {st.get("to"): instant(st["at"]) for st in a.get("timeline") or []}
        if "DISPENSED" not in steps:
            raise Failure("GET /api%s: no DISPENSED step in the timeline: %s" % (path, dump(a)))
        out[ch.rx] = (instant(a["createdAt"]), steps["DISPENSED"])
    return out


def stats_line(name, values, note=""):
    if not values:
        return "%-44s %4d" % (name, 0)
    return "%-44s %4d %9s %9s %9s %9s %9s  %s" % (
        name, len(values), ms(min(values)), ms(percentile(values, 50)), ms(percentile(values, 90)),
        ms(percentile(values, 99)), ms(max(values)), note)


def main():
    chains_n, concurrency = int(sys.argv[1]), int(sys.argv[2])
    base = sys.argv[3] if len(sys.argv) > 3 else "http://localhost:8181"
    try:
        t = time.perf_counter()
        tokens, consults = rx_driver.setup(base, chains_n)
        print("setup: %d children, relationships verified, %d consultations of dr.wang IN_PROGRESS (%.1f s)"
              % (len(consults), len(consults), time.perf_counter() - t))
        t = time.perf_counter()
        rxs, busy = prepare(base, tokens, consults)
        print("prepared: %d cetirizine prescriptions drafted and signed by dr.wang, AWAITING_REVIEW (%.1f s, %d sign 503s retried)"
              % (len(rxs), time.perf_counter() - t, busy))
    except Failure as e:
        print("SETUP FAILED: %s" % e)
        return 1
    chains = [Chain(c, r) for c, r in zip(consults, rxs)]
    sentinel = chains.pop()
    try:
        time.sleep(2)  # the setup's events (about 8 per consultation) drained by the relay
        run_chain(base, tokens, sentinel, (Client(base, tokens["dr.wang"]), Client(base, tokens["pharmacist.li"]),
                                           Client(base, tokens["guardian.tang"])))
        print("one chain alone (idle, the first of its kind): approval answered -> order seen %s (%d reads), "
              "reviewedAt -> createdAt %s; dispense answered -> DISPENSED seen %s"
              % (ms(sentinel.t_seen - sentinel.t_approved), sentinel.polls,
                 ms(db_times(base, tokens, [sentinel])[sentinel.rx][0] - sentinel.reviewed_at),
                 ms(sentinel.t_shown - sentinel.t_dispensed)))
        if COMPLETE:
            k = Client(base, tokens["dr.wang"])
            s, a, *_ = k.call("GET", "/consultations/%s" % sentinel.cid)
            expect("consultation", "GET", "/consultations/%s" % sentinel.cid, s, 200, a)
            print("  the completion answered completedAt %s; GET /api/consultations/{id} afterwards: state %s, completedAt %s"
                  % ("null" if sentinel.completed_null else "set", a.get("state"), a.get("completedAt")))
    except Failure as e:
        print("SENTINEL FAILED: %s" % e)
        return 1

    print("measured run: %d chains, %d at a time (threads each with a dr.wang, a pharmacist.li and a guardian.tang "
          "connection), poll every %d ms, completion %s, pause before the approval %s"
          % (len(chains), concurrency, POLL * 1000, "before each approval" if COMPLETE else "skipped",
             "uniform 0-%d ms (THINK_MS)" % (THINK * 1000) if THINK else "none"))
    failures = []
    lock = threading.Lock()
    nxt = iter(chains)

    def worker():
        clients = (Client(base, tokens["dr.wang"]), Client(base, tokens["pharmacist.li"]), Client(base, tokens["guardian.tang"]))
        while True:
            with lock:
                if failures:
                    return
                ch = next(nxt, None)
            if ch is None:
                return
            try:
                run_chain(base, tokens, ch, clients)
            except Exception as e:  # a product failure or a dead client: stops the run, never hidden
                with lock:
                    failures.append(str(e) if isinstance(e, Failure) else "client thread died: %r" % e)
                return

    load0 = os.getloadavg()[0]
    t0 = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    load1 = os.getloadavg()[0]
    if failures:
        print()
        print("PRODUCT FAILURE (the run stopped; %d chains done):" % sum(1 for c in chains if c.t_shown))
        for f in failures:
            print("  " + f)
        return 1
    print("done in %.2f s: %d chains (%.1f chains/s); load average %.2f before, %.2f after"
          % (wall, len(chains), len(chains) / wall, load0, load1))

    try:
        db = db_times(base, tokens, chains)
        k = Client(base, tokens["pharmacist.li"])
        s, a, *_ = k.call("GET", "/deliveries?state=AWAITING_DISPENSING")
        expect("dispense queue", "GET", "/deliveries?state=AWAITING_DISPENSING", s, 200, a)
        ours = {c.delivery["id"] for c in chains}
        left = [d for d in a if d.get("id") in ours]
        if left:
            raise Failure("after the run, GET /api/deliveries?state=AWAITING_DISPENSING still lists dispensed orders: %s" % dump(left))
    except Failure as e:
        print("PRODUCT FAILURE: %s" % e)
        return 1

    a_up = [c.t_seen - c.t_approved for c in chains]
    a_low = [c.t_seen_low - c.t_approved for c in chains]
    a_db = [db[c.rx][0] - c.reviewed_at for c in chains]
    b = [c.t_shown - c.t_dispensed for c in chains]
    b_db = [db[c.rx][1] - c.dispensed_at for c in chains]
    print()
    print("%-44s %4s %9s %9s %9s %9s %9s" % ("", "n", "min", "p50", "p90", "p99", "max"))
    print(stats_line("(a) approval answered -> order seen", a_up, "by the guardian's GET (upper bound)"))
    print(stats_line("    ... -> last GET not showing it sent", a_low, "(lower bound)"))
    print(stats_line("    reviewedAt -> delivery createdAt (DB)", a_db, "server clock, no polling"))
    print(stats_line("(b) dispense answered -> DISPENSED seen", b, "one GET round trip"))
    print(stats_line("    dispensedAt -> DISPENSED step (DB)", b_db))
    if COMPLETE:
        c_db = [db[c.rx][0] - c.completed_at for c in chains if c.completed_at]
        c_up = [c.t_seen - c.t_completed for c in chains]
        print(stats_line("completion answered -> order seen", c_up,
                         "includes the THINK_MS pause" if THINK else "approval at once: no review time"))
        print(stats_line("    completion's time -> delivery createdAt (DB)", c_db,
                         "%d of %d completion answers had no completedAt (updatedAt used)"
                         % (sum(1 for c in chains if c.completed_null), len(chains))))
    for name in ("completion", "approval", "dispense queue", "dispense"):
        v = [c.lat[name] for c in chains if name in c.lat]
        if v:
            print(stats_line("request: " + name, v))
    polls = [c.polls for c in chains]
    print("reads until the order was seen: p50 %d, max %d; the first read after the dispense showed DISPENSED in %d of %d chains"
          % (percentile(polls, 50), max(polls), sum(1 for c in chains if c.dispense_polls == 1), len(chains)))
    over = sum(1 for v in a_up if v > 1.0)
    print("target p99 <= 1 s for (a): p99 %s -> %s (%d of %d chains over 1 s)"
          % (ms(percentile(a_up, 99)), "met" if percentile(a_up, 99) <= 1.0 else "NOT met", over, len(a_up)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
