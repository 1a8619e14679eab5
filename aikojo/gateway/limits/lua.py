"""The Redis limiter's Lua scripts (kept as strings so they ship inside the wheel with no package-data rule).

Time is milliseconds (float, microsecond precision) from ``redis.call('TIME')``. Per scope the scripts use
four keys: ``req`` (zset: ticket -> admit time), ``tok`` (zset: ``<ticket>:<tokens>`` -> admit time),
``tsum`` (string: sum of the tokens in ``tok``) and ``inf`` (zset: ticket -> lease expiry).
A member is in the window while its score > now - window, the same rule as the in-process limiter.
"""

# Shared by both scripts. trim_tokens drops expired token entries, keeps the running sum equal to what
# remains (written back at once, so the sum never disagrees with the log), and returns that sum and the
# oldest remaining entry's score (nil when the log is empty).
_COMMON = """
local function trim_tokens(tok, tsum, cutoff)
  local sum = tonumber(redis.call('GET', tsum) or '0')
  local gone = redis.call('ZRANGEBYSCORE', tok, '-inf', cutoff)
  if #gone > 0 then
    for _, m in ipairs(gone) do
      sum = sum - tonumber(string.match(m, ':(%d+)$'))
    end
    redis.call('ZREMRANGEBYSCORE', tok, '-inf', cutoff)
  end
  local first = redis.call('ZRANGE', tok, 0, 0, 'WITHSCORES')
  if #first == 0 then
    -- An empty log owes nothing, whatever the sum says (e.g. the log was evicted under maxmemory).
    if sum ~= 0 then redis.call('DEL', tsum) end
    return 0, nil
  end
  if sum < 0 then sum = 0 end
  if #gone > 0 then redis.call('SET', tsum, sum, 'KEEPTTL') end
  return sum, tonumber(first[2])
end

local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
end
"""

# KEYS[1] = ticket key; then per scope: req, tok, tsum, inf.
# ARGV = window_ms, lease_ms, ticket id, reserve, n scopes, then per scope: rpm, tpm, max_concurrent (-1: none).
# Returns {allowed, refusing scope (1-based), refusal kind, retry_ms,
#          then per scope: requests, requests_reset_ms, tokens, tokens_reset_ms}.
# Reads first for every scope, writes only when all scopes admit: that is the all-or-nothing.
ADMIT = _COMMON + """
local window = tonumber(ARGV[1])
local lease = tonumber(ARGV[2])
local id = ARGV[3]
local reserve = tonumber(ARGV[4])
local n = tonumber(ARGV[5])
local now = now_ms()
local cutoff = now - window
local ttl = math.ceil(window) + 1000
local CONCURRENCY_RETRY = 1000

local refuse_idx, refuse_kind, refuse_retry = 0, 0, -1
local function consider(i, kind, retry)
  if retry > refuse_retry then refuse_idx, refuse_kind, refuse_retry = i, kind, retry end
end
local function until_out(score)
  return math.max(1, math.ceil(score + window - now))
end

local counts, req_oldest, sums, tok_oldest = {}, {}, {}, {}
for i = 1, n do
  local k = 1 + (i - 1) * 4
  local req, tok, tsum, inf = KEYS[k + 1], KEYS[k + 2], KEYS[k + 3], KEYS[k + 4]
  local a = 5 + (i - 1) * 3
  local rpm, tpm, conc = tonumber(ARGV[a + 1]), tonumber(ARGV[a + 2]), tonumber(ARGV[a + 3])
  counts[i], sums[i] = 0, 0
  if rpm >= 0 then
    redis.call('ZREMRANGEBYSCORE', req, '-inf', cutoff)
    local count = redis.call('ZCARD', req)
    counts[i] = count
    if count > 0 then req_oldest[i] = tonumber(redis.call('ZRANGE', req, 0, 0, 'WITHSCORES')[2]) end
    if count + 1 > rpm then
      -- the (count - rpm)-th oldest request must leave the window before one more fits
      local e = redis.call('ZRANGE', req, count - rpm, count - rpm, 'WITHSCORES')
      if #e == 0 then consider(i, 1, math.ceil(window)) else consider(i, 1, until_out(tonumber(e[2]))) end
    end
  end
  if tpm >= 0 then
    sums[i], tok_oldest[i] = trim_tokens(tok, tsum, cutoff)
    local sum = sums[i]
    if sum + reserve > tpm then
      if reserve > tpm then consider(i, 4, math.ceil(window)) else
        -- walk the log oldest first until enough tokens would have left the window
        local need, freed, start, at = sum + reserve - tpm, 0, 0, now
        while freed < need do
          local chunk = redis.call('ZRANGE', tok, start, start + 127, 'WITHSCORES')
          if #chunk == 0 then break end
          for j = 1, #chunk, 2 do
            freed = freed + tonumber(string.match(chunk[j], ':(%d+)$'))
            at = tonumber(chunk[j + 1])
            if freed >= need then break end
          end
          start = start + 128
        end
        consider(i, 2, until_out(at))
      end
    end
  end
  if conc >= 0 then
    redis.call('ZREMRANGEBYSCORE', inf, '-inf', now)  -- reclaim slots whose lease ran out
    if redis.call('ZCARD', inf) + 1 > conc then consider(i, 3, CONCURRENCY_RETRY) end
  end
end

local allowed = 0
if refuse_idx == 0 then
  allowed = 1
  local member = id .. ':' .. reserve
  local settles = false  -- only tokens and slots are settled; a ticket of rpm scopes alone needs no key
  for i = 1, n do
    local k = 1 + (i - 1) * 4
    local req, tok, tsum, inf = KEYS[k + 1], KEYS[k + 2], KEYS[k + 3], KEYS[k + 4]
    local a = 5 + (i - 1) * 3
    local rpm, tpm, conc = tonumber(ARGV[a + 1]), tonumber(ARGV[a + 2]), tonumber(ARGV[a + 3])
    if rpm >= 0 then
      redis.call('ZADD', req, now, id)
      redis.call('PEXPIRE', req, ttl)
      counts[i] = counts[i] + 1
      req_oldest[i] = req_oldest[i] or now
    end
    if tpm >= 0 then
      redis.call('ZADD', tok, now, member)
      sums[i] = sums[i] + reserve
      redis.call('SET', tsum, sums[i], 'PX', ttl)
      redis.call('PEXPIRE', tok, ttl)
      tok_oldest[i] = tok_oldest[i] or now
      settles = true
    end
    if conc >= 0 then
      redis.call('ZADD', inf, now + lease, id)
      redis.call('PEXPIRE', inf, math.ceil(lease) + 1000)
      settles = true
    end
  end
  -- Marks the ticket unsettled; settle deletes it, which makes a second settle a no-op on any replica.
  if settles then redis.call('SET', KEYS[1], '1', 'PX', math.ceil(window + lease) + 1000) end
end

local out = {allowed, refuse_idx, refuse_kind, math.max(refuse_retry, 0)}
for i = 1, n do
  out[#out + 1] = counts[i]
  out[#out + 1] = req_oldest[i] and until_out(req_oldest[i]) or 0
  out[#out + 1] = sums[i]
  out[#out + 1] = tok_oldest[i] and until_out(tok_oldest[i]) or 0
end
return out
"""

# KEYS[1] = ticket key; then per tpm scope: tok, tsum; then per concurrency scope: inf.
# ARGV = window_ms, ticket id, reserved, actual, n tpm scopes, n concurrency scopes. Returns 1, or 0 when the
# ticket was already settled (or is older than window + lease).
SETTLE = _COMMON + """
if redis.call('DEL', KEYS[1]) == 0 then return 0 end
local window = tonumber(ARGV[1])
local id = ARGV[2]
local reserved = tonumber(ARGV[3])
local actual = tonumber(ARGV[4])
local ntok = tonumber(ARGV[5])
local nconc = tonumber(ARGV[6])
local now = now_ms()
local ttl = math.ceil(window) + 1000

for i = 1, ntok do
  local tok, tsum = KEYS[2 * i], KEYS[2 * i + 1]
  local sum = trim_tokens(tok, tsum, now - window)
  local old = id .. ':' .. reserved
  local score = redis.call('ZSCORE', tok, old)
  local changed = false
  if score and actual ~= reserved then
    -- still in the window: the entry keeps its admit time and now holds the actual count
    redis.call('ZREM', tok, old)
    redis.call('ZADD', tok, score, id .. ':' .. actual)
    changed = true
  elseif not score and actual > reserved then
    -- the reservation already counted for a whole window; only the excess is still owed, from now
    redis.call('ZADD', tok, now, id .. ':late:' .. (actual - reserved))
    changed = true
  end
  if changed then
    redis.call('SET', tsum, sum + actual - reserved, 'PX', ttl)
    redis.call('PEXPIRE', tok, ttl)
  end
end
for i = 1, nconc do
  redis.call('ZREM', KEYS[1 + 2 * ntok + i], id)
end
return 1
"""
