-- wrk script for `make bench`: counts status codes per thread and prints one JSON line at the end.
-- GET:  wrk ... -s bench.lua URL -- get  [cookie]
-- POST: wrk ... -s bench.lua URL -- post cookie csrf form-urlencoded-fields
--       (each POST gets a fresh submission UUID and a fresh X-Forwarded-For, so neither the idempotency
--        key nor the per-address limit turns the run into replays or 429s).
local threads = {}
local counter = 1

function setup(thread)
  thread:set("id", counter)
  table.insert(threads, thread)
  counter = counter + 1
end

local mode, cookie, csrf, fields
statuses = {}  -- global: done() reads it from each thread

local function uuid4()
  local template = "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx"
  return (template:gsub("[xy]", function(c)
    local v = (c == "x") and math.random(0, 15) or math.random(8, 11)
    return string.format("%x", v)
  end))
end

function init(args)
  math.randomseed(os.time() * 1000 + (id or 0) * 7919)
  mode = args[1] or "get"
  cookie = args[2] or ""
  csrf = args[3] or ""
  fields = args[4] or ""
  if mode == "post" then
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
    cookie = (cookie ~= "" and (cookie .. "; ") or "") .. "csrftoken=" .. csrf
  end
  if cookie ~= "" then
    wrk.headers["Cookie"] = cookie
  end
end

function request()
  if mode == "post" then
    local body = fields .. "&csrfmiddlewaretoken=" .. csrf .. "&submission=" .. uuid4()
    local headers = {}
    for k, v in pairs(wrk.headers) do headers[k] = v end
    headers["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255),
                                               math.random(1, 254))
    return wrk.format("POST", nil, headers, body)
  end
  return wrk.format()
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local merged = {}
  for _, thread in ipairs(threads) do
    local counts = thread:get("statuses")
    for code, n in pairs(counts) do merged[code] = (merged[code] or 0) + n end
  end
  local parts = {}
  for code, n in pairs(merged) do table.insert(parts, string.format('"%d": %d', code, n)) end
  local e = summary.errors
  io.write(string.format(
    'BENCHJSON {"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, ' ..
    '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, "statuses": {%s}}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    e.connect, e.read, e.write, e.status, e.timeout, table.concat(parts, ", ")))
end
