package com.kinshop.support;

import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.HttpSession.Response;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** Buying through the public API as a buyer would: cart, checkout, the sandbox cashier. */
public class Purchases {

    public static final String SANDBOX_SECRET = "sandbox-secret-change-me";
    public static final String MERCHANT = "KS-SANDBOX-0001";

    private final JdbcClient jdbc;

    public Purchases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Placed(String checkoutNumber, List<String> orderNumbers, long payableFen) {
    }

    public long address(Member buyer) {
        return buyer.session().post("/api/me/addresses", Map.of("receiver", "收货人", "phone", "13800001111", "region", "上海市浦东新区",
                "detail", "世纪大道 100 号")).json().get("id").asLong();
    }

    /** Puts {@code quantity} of each SKU in the cart and checks out. */
    public Placed place(Member buyer, int quantity, long... skus) {
        for (long sku : skus) {
            Response added = buyer.session().post("/api/me/cart/items", Map.of("skuId", sku, "quantity", quantity));
            if (added.status() >= 300) {
                throw new AssertionError("Could not add to cart: " + added);
            }
        }
        Response placed = buyer.session().post("/api/me/checkouts", Map.of("addressId", address(buyer)),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        if (placed.status() != 201) {
            throw new AssertionError("Checkout failed: " + placed);
        }
        List<String> orders = new ArrayList<>();
        placed.json().get("orders").forEach(node -> orders.add(node.asString()));
        return new Placed(placed.json().get("checkoutNumber").asString(), orders, placed.json().get("payable").get("fen").asLong());
    }

    /** Starts paying: answers the payment number and the sandbox cashier URL. */
    public JsonNode startPayment(Member buyer, String checkoutNumber) {
        Response started = buyer.session().post("/api/me/checkouts/" + checkoutNumber + "/payments", Map.of(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        if (started.status() != 201) {
            throw new AssertionError("Payment could not start: " + started);
        }
        return started.json();
    }

    /** Presses a button on the sandbox cashier (pay / fail / close). */
    public Response cashier(Member buyer, String payUrl, String action) {
        return buyer.session().postForm(payUrl, payUrl + "/" + action, Map.of());
    }

    /** Checkout, pay at the cashier, and wait for the signed notification to mark every order paid. */
    public Placed placeAndPay(Member buyer, int quantity, long... skus) {
        Placed placed = place(buyer, quantity, skus);
        cashier(buyer, startPayment(buyer, placed.checkoutNumber()).get("payUrl").asString(), "pay");
        for (String order : placed.orderNumbers()) {
            await("order " + order + " paid", () -> "PAID".equals(status(order)));
        }
        return placed;
    }

    public String status(String orderNumber) {
        return jdbc.sql("select status from orders where number = ?").param(orderNumber).query(String.class).single();
    }

    public long orderId(String orderNumber) {
        return jdbc.sql("select id from orders where number = ?").param(orderNumber).query(Long.class).single();
    }

    public String paymentNumber(String checkoutNumber) {
        return jdbc.sql("select number from payment where reference = ? order by id desc limit 1").param(checkoutNumber).query(String.class).single();
    }

    public long amountFen(String paymentNumber) {
        return jdbc.sql("select amount_fen from payment where number = ?").param(paymentNumber).query(Long.class).single();
    }

    /** A notification as the sandbox would send it, for tests that deliver (or forge) it themselves. */
    public static byte[] notificationBody(String eventId, String merchant, String paymentNumber, String outcome, long amountFen) {
        return ("{\"event_id\":\"" + eventId + "\",\"merchant_id\":\"" + merchant + "\",\"out_trade_no\":\"" + paymentNumber
                + "\",\"transaction_id\":\"TXN-" + eventId + "\",\"outcome\":\"" + outcome + "\",\"amount_fen\":" + amountFen + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    public static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
