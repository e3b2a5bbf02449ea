-- KEYS: loaded marker, free slots (list), held per holder (hash); ARGV: holder, limit.
-- One script, so the check and the take are one step for every node: -3 not loaded, -2 limit reached, -1 sold out, else the slot.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return -3
end
local held = tonumber(redis.call('HGET', KEYS[3], ARGV[1]) or '0')
if held >= tonumber(ARGV[2]) then
  return -2
end
local slot = redis.call('LPOP', KEYS[2])
if not slot then
  return -1
end
redis.call('HINCRBY', KEYS[3], ARGV[1], 1)
return tonumber(slot)
