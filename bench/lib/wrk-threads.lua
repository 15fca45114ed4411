-- Shared by the wrk scripts of bench/: each thread gets its number (1..n, as the global "index" in its own Lua state),
-- and done() can add up a counter every thread kept. Load with dofile(<the script's folder> .. "lib/wrk-threads.lua").
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("index", counter)
  table.insert(threads, thread)
end

-- the sum over all threads of the global counter called name
function total(name)
  local sum = 0
  for _, t in ipairs(threads) do
    sum = sum + t:get(name)
  end
  return sum
end
