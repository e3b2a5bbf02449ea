-- KEYS: loaded marker, free slots, held per holder; ARGV: holder, slot. A pool the store lost (not loaded) is left alone: its next load comes from the database.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 0
end
redis.call('RPUSH', KEYS[2], ARGV[2])
if redis.call('HINCRBY', KEYS[3], ARGV[1], -1) <= 0 then
  redis.call('HDEL', KEYS[3], ARGV[1])
end
return 1
