package com.kinshop.review;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Hears StarsCounted after the posting or clearing transaction commits, as the credit module does. */
@TestConfiguration(proxyBeanMethods = false)
class StarsCountedRecorder {

    static final List<ReviewEvents.StarsCounted> HEARD = new CopyOnWriteArrayList<>();

    @Bean
    Listener starsCountedListener() {
        return new Listener();
    }

    static class Listener {

        @TransactionalEventListener
        void on(ReviewEvents.StarsCounted counted) {
            HEARD.add(counted);
        }
    }

    static List<ReviewEvents.StarsCounted> heardFor(long reviewId) {
        return HEARD.stream().filter(event -> event.reviewId() == reviewId).toList();
    }
}
