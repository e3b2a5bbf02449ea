package com.kinshop.ordering;

import com.kinshop.catalog.ProductId;
import com.kinshop.catalog.SkuId;
import com.kinshop.catalog.SupplierId;
import com.kinshop.identity.AccountId;
import com.kinshop.shared.Money;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Order events wait in the event publication registry as JSON until their listeners are done; after a crash they are
 * read back at start (strictly: the application refuses unknown properties). One that cannot be read back stops the
 * application from starting, so every event must come back equal to what was written.
 */
class OrderEventsJsonTest {

    private final JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @Test
    void everyOrderEventReadsBackAsWritten() {
        AccountId buyer = new AccountId(7);
        SupplierId supplier = new SupplierId(3);
        Instant at = Instant.parse("2026-01-02T03:04:05Z");
        List<Object> events = List.of(
                new OrderEvents.OrderPaid(1, "K1", buyer, supplier, Money.fen(12_345), Money.fen(800), OrderKind.GROUP, "G42", at,
                        List.of(new OrderEvents.PaidLine(7, new SkuId(3), new ProductId(2), 2, Money.fen(11_545)))),
                new OrderEvents.OrderReleased(1, "K1", supplier, "groupbuy", at),
                new OrderEvents.OrderShipped(1, "K1", buyer, supplier, "顺丰速运", "SF1234567890", at),
                new OrderEvents.ReceiptReminder(1, "K1", buyer, at),
                new OrderEvents.OrderReceived(1, "K1", buyer, supplier, true, at),
                new OrderEvents.OrderCompleted(1, "K1", buyer, supplier, at),
                new OrderEvents.OrderCancelled(1, "K1", buyer, supplier, OrderEvents.CancelReason.PAYMENT_TIMEOUT, at, OrderKind.FLASH, "F9"),
                new OrderEvents.OrderRefunded(1, "K1", buyer, supplier, "AS1", Money.fen(500), false, at),
                new OrderEvents.AfterSaleDecided("AS1", "K1", buyer, AfterSaleStatus.REFUNDED, null, at),
                new OrderEvents.AfterSaleRequested("AS1", "K1", supplier, at));
        for (Object event : events) {
            String written = json.writeValueAsString(event);
            assertThat(json.readValue(written, event.getClass())).as(written).isEqualTo(event);
        }
    }

    @Test
    void anOrderPaidStoredBeforeKindsExistedReadsBackWithoutKind() {
        String stored = "{\"orderId\":1,\"orderNumber\":\"K1\",\"buyer\":7,\"supplier\":3,"
                + "\"total\":{\"fen\":12345,\"currency\":\"CNY\"},\"at\":\"2026-01-02T03:04:05Z\"}";
        OrderEvents.OrderPaid paid = json.readValue(stored, OrderEvents.OrderPaid.class);
        assertThat(paid.total()).isEqualTo(Money.fen(12_345));
        assertThat(paid.kind()).isNull();
        assertThat(paid.promotionRef()).isNull();
    }

    @Test
    void moneyIsOneDocumentedObjectWhoseDisplayIsIgnoredWhenRead() {
        String written = json.writeValueAsString(Money.fen(-19_999));
        assertThat(written).isEqualTo("{\"fen\":-19999,\"currency\":\"CNY\",\"display\":\"-¥199.99\"}");
        assertThat(json.readValue(written, Money.class)).isEqualTo(Money.fen(-19_999));
        assertThat(json.readValue("{\"fen\":-5,\"currency\":\"CNY\",\"negative\":true,\"positive\":false}", Money.class))
                .as("events stored before display existed").isEqualTo(Money.fen(-5));
    }
}
