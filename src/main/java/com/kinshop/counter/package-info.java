/**
 * Hot counters: units of a pool (a flash sale's quota) handed out one at a time with a per-holder limit, in one atomic
 * step, fast enough for thousands of buyers a second. A port with two adapters: in-process (one node, the default,
 * nothing to install) and Redis (several nodes; Lua scripts keep check-and-take atomic). A counter is never the
 * record of what was sold: the module that owns the sale keeps that in PostgreSQL (a unique slot per live claim),
 * and loads the counter from it whenever the counter says it does not know the pool (first use, Redis restarted or
 * flushed).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Hot counters")
package com.kinshop.counter;
