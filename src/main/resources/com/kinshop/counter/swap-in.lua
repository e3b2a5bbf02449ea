-- KEYS: loaded marker, free slots, held per holder, staged free slots, staged holders.
-- Replaces the pool with what the loader staged, in one step: a take sees the old pool or the new one, never half of one.
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
if redis.call('EXISTS', KEYS[4]) == 1 then
  redis.call('RENAME', KEYS[4], KEYS[2])
end
if redis.call('EXISTS', KEYS[5]) == 1 then
  redis.call('RENAME', KEYS[5], KEYS[3])
end
redis.call('SET', KEYS[1], '1')
return 1
