-- KEYS: loaded marker, free slots. -1 when the pool is not loaded (a bare LLEN would say 0, "sold out", for a pool Redis lost).
if redis.call('EXISTS', KEYS[1]) == 0 then
  return -1
end
return redis.call('LLEN', KEYS[2])
