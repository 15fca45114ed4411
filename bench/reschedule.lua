-- wrk script for bench/booking.sh's RESCHEDULE_WARMUP: keeps the booking path busy for as long as wanted with a few
-- hundred booked consultations, each request moving one of them to a free slot (POST /consultations/{id}/reschedule:
-- the booking's token check, object check, rules, slot claim, consultation update, transition, outbox event and audit
-- entry, plus the release of the slot it had), so the JIT has compiled the booking path before the measured run.
-- Usage: wrk ... -s reschedule.lua URL -- <booked pairs file> <spare slots file> <bearer token>
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "lib/wrk-threads.lua")

function init(args)
  local step = tonumber(wrk.thread:get("threads") or 2)
  -- thread k of n owns the booked consultations k, k+n, ... and the spare slots k, k+n, ...: no two threads move
  -- the same consultation or take the same slot
  consults, current, free = {}, {}, {}
  local i = 0
  for line in io.lines(args[1]) do
    local consult, slot = line:match("(%S+)%s+(%S+)")
    if i % step == index - 1 then table.insert(consults, consult); current[consult] = slot end
    i = i + 1
  end
  i = 0
  for slot in io.lines(args[2]) do
    if i % step == index - 1 then table.insert(free, slot) end
    i = i + 1
  end
  auth = "Bearer " .. args[3]
  next_consult, head = 1, 1
  ok, errors = 0, 0
end

-- The consultation goes to the oldest free slot and its slot joins the end of the queue, to be taken again only after
-- as many requests as the queue is long: by then the request that freed it has long committed. A refused request
-- (counted as not ok) leaves that consultation where it was; its next move releases it from there.
function request()
  local c = consults[next_consult]
  next_consult = next_consult % #consults + 1
  local target = free[head]
  free[head] = current[c]
  head = head % #free + 1
  current[c] = target
  return wrk.format("POST", "/api/consultations/" .. c .. "/reschedule",
    {["Content-Type"] = "application/json", ["Authorization"] = auth}, '{"slotId":"' .. target .. '"}')
end

function response(status, headers, body)
  if status == 200 then ok = ok + 1 else errors = errors + 1 end
end

function done(summary, latency, requests)
  local moved, failed = total("ok"), total("errors")
  io.write(string.format("warm-up reschedules ok: %d, not ok: %d, %.0f/s\n", moved, failed,
    moved / (summary.duration / 1e6)))
end
