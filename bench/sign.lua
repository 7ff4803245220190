-- A4: signature POSTs for wrk (bench/run.sh). One wrk thread and one connection per signer.
-- Arguments after "--": <work dir> <phase> <interval ms per connection, 0 = as fast as possible>
-- Each signer i has <dir>/<phase>-<i>.txt: one request a line, "path<TAB>form body", every line a
-- fresh pending section, and <dir>/signer-<i>.cookie: its Cookie header (auth + antiforgery cookies).
-- A request succeeds when the app answers 302 back to the review form; anything else is counted bad.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_usec; } cp_timeval;
  int gettimeofday(cp_timeval *tv, void *tz);
]]

local function now_ms()
  local tv = ffi.new("cp_timeval")
  ffi.C.gettimeofday(tv, nil)
  return tonumber(tv.tv_sec) * 1000 + tonumber(tv.tv_usec) / 1000
end

local threads = {}
local count = 0

function setup(thread)
  count = count + 1
  thread:set("signer", count)
  table.insert(threads, thread)
end

function init(args)
  local dir, phase = args[1], args[2]
  interval = tonumber(args[3]) or 0
  local file = io.open(dir .. "/signer-" .. signer .. ".cookie")
  local cookie = file:read("*l")
  file:close()
  requests = {}
  for line in io.lines(dir .. "/" .. phase .. "-" .. signer .. ".txt") do
    local path, body = line:match("^(%S+)\t(.*)$")
    requests[#requests + 1] = wrk.format("POST", path, {
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["Cookie"] = cookie,
    }, body)
  end
  sent = 0
  bad = 0
  exhausted = 0
  next_at = nil
end

-- Fixed rate: each connection sends on its own schedule (interval ms apart), like hey -q; a late
-- response delays the next request (closed loop), it never bursts to catch up.
function delay()
  if interval <= 0 then
    return 0
  end
  local t = now_ms()
  if next_at == nil or next_at < t then
    next_at = t
  end
  local wait = next_at - t
  next_at = next_at + interval
  return wait
end

function request()
  sent = sent + 1
  if sent > #requests then
    -- No fresh section left: stop rather than sign a section twice.
    exhausted = exhausted + 1
    wrk.thread:stop()
    return requests[#requests]
  end
  return requests[sent]
end

function response(status, headers, body)
  local location = headers["Location"] or headers["location"] or ""
  if status ~= 302 or not location:find("/Reviews/", 1, true) then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local bad_total, exhausted_total, sent_total = 0, 0, 0
  for _, thread in ipairs(threads) do
    bad_total = bad_total + (thread:get("bad") or 0)
    exhausted_total = exhausted_total + (thread:get("exhausted") or 0)
    sent_total = sent_total + math.min(thread:get("sent") or 0, 1e9)
  end
  io.write(string.format("SIGN bad=%d exhausted=%d\n", bad_total, exhausted_total))
end
