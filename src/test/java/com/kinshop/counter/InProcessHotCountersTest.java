package com.kinshop.counter;

class InProcessHotCountersTest extends HotCountersContract {

    private final HotCounters counters = new InProcessHotCounters();

    @Override
    HotCounters counters() {
        return counters;
    }
}
