-- wrk script for bench/booking.sh: each request books a different (consultation, slot) pair.
-- Usage: wrk ... -s booking.lua URL -- <pairs file> <bearer token>
local pairs_list = {}
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "lib/wrk-threads.lua")

function init(args)
  local file, token = args[1], args[2]
  think_ms = tonumber(args[3] or "0")
  for line in io.lines(file) do
    local consult, slot = line:match("(%S+)%s+(%S+)")
    table.insert(pairs_list, {consult, slot})
  end
  auth = "Bearer " .. token
  -- thread k of n takes pairs k, k+n, k+2n, ...: no two requests book the same pair
  step = tonumber(wrk.thread:get("threads") or 2)
  next_pair = index
  ok = 0
  errors = 0
  exhausted = 0
end

-- Optional think time per connection (ms), from bench/booking.sh's third argument "delay"
function delay()
  return think_ms
end

function request()
  local p = pairs_list[next_pair]
  if p == nil then
    exhausted = exhausted + 1
    return wrk.format("GET", "/api/health")
  end
  next_pair = next_pair + step
  return wrk.format("POST", "/api/consultations/" .. p[1] .. "/booking",
    {["Content-Type"] = "application/json", ["Authorization"] = auth},
    '{"slotId":"' .. p[2] .. '"}')
end

-- a booking answers its consultation (with "childId"); what is sent after the pairs ran out is /api/health, whose
-- answer ("checks") is not a booking and is not counted as one
function response(status, headers, body)
  if body ~= nil and body:find('"checks"', 1, true) then return end
  if status == 200 then ok = ok + 1 else errors = errors + 1 end
end

function done(summary, latency, requests)
  local booked, failed, over = total("ok"), total("errors"), total("exhausted")
  io.write(string.format("bookings ok: %d, not ok: %d, requests after the pairs ran out: %d\n", booked, failed, over))
  io.write(string.format("bookings/s: %.0f\n", booked / (summary.duration / 1e6)))
  if over > 0 then
    io.write("WARNING: the pairs ran out before the run ended: bookings/s is a lower bound and the latencies include "
      .. "the /api/health requests sent after; give more pairs\n")
  end
  for _, p in ipairs({50, 90, 99, 99.9}) do
    io.write(string.format("latency p%s: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
