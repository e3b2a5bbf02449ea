package com.kinshop.bargain;

import com.kinshop.notification.Inbox;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** 站内信 for the starter when friends cut the bargain to the floor; a redelivered event leaves one message (the dedupe key). */
@Component
class BargainNotifications {

    private final Inbox inbox;

    BargainNotifications(Inbox inbox) {
        this.inbox = inbox;
    }

    @ApplicationModuleListener
    void on(BargainEvents.BargainAtFloor atFloor) {
        inbox.deliver(atFloor.starter(), "bargain-at-floor:" + atFloor.bargainId(), "inbox.bargain.at-floor", "/bargains/" + atFloor.bargainId(),
                atFloor.productName(), atFloor.floorPrice().toPlainString());
    }
}
