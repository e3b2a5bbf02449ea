package com.kinshop.complaint;

import com.kinshop.catalog.ProductId;
import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.Suppliers;
import com.kinshop.deposit.Deposits;
import com.kinshop.deposit.PenaltyPayee;
import com.kinshop.identity.AccountId;
import com.kinshop.identity.Accounts;
import com.kinshop.ordering.OrderStatus;
import com.kinshop.ordering.OrderFacts;
import com.kinshop.ordering.Orders;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.BusinessNumbers;
import com.kinshop.shared.MediaStore;
import com.kinshop.shared.Money;
import com.kinshop.shared.UniqueConstraints;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Complaints (投诉): a buyer files one against the supplier of a paid order (at most one open per order, a partial
 * unique index decides), the supplier answers once before its deadline, the operator upholds (with a penalty from the
 * supplier's deposit, in the same transaction) or dismisses it, each with a reason both sides see. Every change is a
 * guarded move ({@link ComplaintMoves}); {@link ComplaintEvents} are published in the transaction that made them happen.
 */
@Service
@EnableConfigurationProperties(ComplaintProperties.class)
public class Complaints {

    private final JdbcClient jdbc;
    private final Orders orders;
    private final OrderFacts facts;
    private final Accounts accounts;
    private final Suppliers suppliers;
    private final MediaStore media;
    private final Deposits deposits;
    private final ComplaintMoves moves;
    private final ComplaintViews views;
    private final ApplicationEventPublisher events;
    private final ComplaintProperties properties;
    private final Clock clock;

    Complaints(JdbcClient jdbc, Orders orders, OrderFacts facts, Accounts accounts, Suppliers suppliers, MediaStore media, Deposits deposits, ComplaintMoves moves,
               ComplaintViews views, ApplicationEventPublisher events, ComplaintProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.facts = facts;
        this.accounts = accounts;
        this.suppliers = suppliers;
        this.media = media;
        this.deposits = deposits;
        this.moves = moves;
        this.views = views;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** {@code orderLineId}: optional, one line of the order; {@code category}: a {@link ComplaintCategory} name. */
    @Schema(name = "ComplaintFiling")
    public record Filing(String orderNumber, Long orderLineId, String category, String text) {
    }

    /** {@code penaltyFen}/{@code penaltyTo} (BUYER or PLATFORM) only when upheld; the reason always. */
    @Schema(name = "ComplaintDecision")
    public record Decision(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Boolean upheld, Long penaltyFen, String penaltyTo, String reason) {
    }

    /** Files a complaint with up to nine images; any refusal (400/404/409 naming the field) leaves nothing behind. */
    @Transactional
    public Complaint file(AccountId buyer, Filing filing, List<byte[]> images) {
        ComplaintCategory category = ComplaintRules.category(filing.category());
        String text = ComplaintRules.text(filing.text(), "text");
        ComplaintRules.imageCount(0, images.size(), "images");
        // every image checked before anything is written: a refused complaint leaves no file
        List<MediaStore.PreparedImage> prepared = images.stream()
                .map(image -> media.prepareImage("complaints", image, ComplaintRules.MAX_IMAGE_BYTES, 1600, "images")).toList();
        String orderNumber = filing.orderNumber() == null ? "" : filing.orderNumber().strip();
        OrderFacts.Parties order = facts.parties(orderNumber).filter(parties -> parties.buyer().equals(buyer))
                .orElseThrow(() -> BusinessException.invalid("orderNumber", "complaint.order.not-found"));
        if (order.paidAt() == null || OrderStatus.UNPAID.contains(order.status())) {
            throw BusinessException.conflict("orderNumber", "complaint.order.unpaid");
        }
        deposits.holdExitOff(order.supplier(), "orderNumber"); // an exit running now sees this complaint, or this is refused
        Instant now = clock.instant();
        if (now.isAfter(order.paidAt().plus(properties.fileWithin()))) {
            throw BusinessException.conflict("orderNumber", "complaint.order.window-passed", properties.fileWithin().toDays());
        }
        List<Orders.Line> lines = orders.forBuyer(buyer, orderNumber).lines().stream()
                .filter(line -> filing.orderLineId() == null || line.id() == filing.orderLineId()).toList();
        if (lines.isEmpty()) {
            throw BusinessException.invalid("orderLineId", "complaint.line.unknown");
        }
        String subject = String.join("、", lines.stream().map(Orders.Line::productName).distinct().toList());
        Long[] products = lines.stream().map(Orders.Line::productId).distinct().toArray(Long[]::new);
        String number = BusinessNumbers.next(jdbc, "C", now, clock.getZone());
        try {
            jdbc.sql("""
                            insert into complaint (number, order_id, order_number, order_line_id, buyer_id, supplier_id, product_ids, subject, buyer_masked,
                                                   supplier_name, category, text, status, answer_deadline, created_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(number, order.orderId(), order.number(), filing.orderLineId(), buyer.value(), order.supplier().value(), products,
                            subject.length() > 200 ? subject.substring(0, 199) + "…" : subject,
                            ComplaintRules.masked(accounts.get(buyer).nickname()), suppliers.get(order.supplier()).name(), category.name(), text,
                            ComplaintStatus.AWAITING_ANSWER.name(), utc(now.plus(properties.answerWithin())), utc(now))
                    .update();
        } catch (DuplicateKeyException e) {
            if (UniqueConstraints.violated(e, "complaint_one_open_per_order")) {
                throw BusinessException.conflict("orderNumber", "complaint.order.already-open");
            }
            throw e;
        }
        prepared.forEach(image -> attach(number, image.save()));
        events.publishEvent(new ComplaintEvents.ComplaintFiled(number, order.orderId(), order.number(), order.supplier(), productIds(products), now));
        return views.ofBuyer(buyer, number);
    }

    /** One more image, by the buyer, while the supplier has not answered yet (nine at most). */
    @Transactional
    public Complaint addImage(AccountId buyer, String number, byte[] image) {
        Complaint complaint = views.ofBuyer(buyer, number);
        if (complaint.status() != ComplaintStatus.AWAITING_ANSWER) {
            throw BusinessException.conflict("image", "complaint.images.closed");
        }
        ComplaintRules.imageCount(complaint.images().size(), 1, "image"); // the API's multipart part
        if (!attach(number, media.storeImage("complaints", image, ComplaintRules.MAX_IMAGE_BYTES, 1600, "image"))) {
            throw BusinessException.conflict("image", "complaint.images.closed"); // answered or filled meanwhile
        }
        return views.ofBuyer(buyer, number);
    }

    @Transactional
    public Complaint withdraw(AccountId buyer, String number) {
        if (moves.move(ComplaintStatus.Move.WITHDRAW, number, "buyer_id = :buyer", "withdrawn_at = :now",
                Map.of("buyer", buyer.value(), "now", utc(clock.instant()))).isEmpty()) {
            views.ofBuyer(buyer, number); // 404 unless theirs
            throw BusinessException.conflict(null, "complaint.closed");
        }
        return views.ofBuyer(buyer, number);
    }

    /** The supplier's one answer, before the deadline. */
    @Transactional
    public Complaint answer(SupplierId supplier, String number, String text) {
        String answer = ComplaintRules.text(text, "answer");
        if (moves.move(ComplaintStatus.Move.ANSWER, number, "supplier_id = :supplier and answer_deadline > :now", "answer = :answer, answered_at = :now",
                Map.of("supplier", supplier.value(), "now", utc(clock.instant()), "answer", answer)).isEmpty()) {
            Complaint complaint = views.ofSupplier(supplier, number); // 404 unless against them
            if (complaint.answeredAt() != null) {
                throw BusinessException.conflict("answer", "complaint.answer.twice");
            }
            if (complaint.status() == ComplaintStatus.AWAITING_ANSWER || complaint.overdueAt() != null) {
                throw BusinessException.conflict("answer", "complaint.answer.late");
            }
            throw BusinessException.conflict(null, "complaint.closed");
        }
        return views.ofSupplier(supplier, number);
    }

    /**
     * The operator's arbitration of a complaint awaiting decision. Upheld with a penalty: taken from the supplier's
     * deposit in this transaction (409 on {@code penaltyFen} above its balance, and then nothing changes at all).
     */
    @Transactional
    public Complaint decide(AccountId operator, String number, Decision decision) {
        if (decision.upheld() == null) {
            throw BusinessException.invalid("upheld", "complaint.verdict.required");
        }
        String reason = ComplaintRules.reason(decision.reason());
        if (!decision.upheld() && decision.penaltyFen() != null && decision.penaltyFen() != 0) {
            throw BusinessException.invalid("penaltyFen", "complaint.penalty.dismissed");
        }
        long penalty = decision.upheld() ? ComplaintRules.penalty(decision.penaltyFen(), decision.penaltyTo()) : 0;
        PenaltyPayee payee = penalty > 0 ? ComplaintRules.payee(decision.penaltyTo()) : null;
        Instant now = clock.instant();
        Map<String, Object> params = new HashMap<>();
        params.put("upheld", decision.upheld());
        params.put("penalty", decision.upheld() ? penalty : null);
        params.put("payee", payee == null ? null : payee.name());
        params.put("reason", reason);
        params.put("operator", operator.value());
        params.put("now", utc(now));
        ComplaintMoves.Moved moved = moves.move(decision.upheld() ? ComplaintStatus.Move.UPHOLD : ComplaintStatus.Move.DISMISS, number, "",
                        "upheld = :upheld, penalty_fen = :penalty, penalty_to = :payee, decision_reason = :reason, decided_by = :operator, decided_at = :now",
                        params)
                .orElseThrow(() -> views.get(number).status() == ComplaintStatus.AWAITING_ANSWER
                        ? BusinessException.conflict(null, "complaint.not-ready")
                        : BusinessException.conflict(null, "complaint.closed"));
        SupplierId supplier = new SupplierId(moved.supplierId());
        if (penalty > 0) {
            deposits.deduct(supplier, Money.fen(penalty), number, payee, new AccountId(moved.buyerId()));
        }
        events.publishEvent(new ComplaintEvents.ComplaintDecided(number, moved.orderId(), moved.orderNumber(), supplier, productIds(moved.productIds()),
                decision.upheld(), Money.fen(penalty), now));
        return views.get(number);
    }

    private boolean attach(String number, String url) {
        return jdbc.sql("""
                        update complaint set images = images || jsonb_build_array(:url::text)
                        where number = :number and status = :awaiting and jsonb_array_length(images) < :max""")
                .param("url", url).param("number", number).param("awaiting", ComplaintStatus.AWAITING_ANSWER.name())
                .param("max", ComplaintRules.MAX_IMAGES).update() == 1;
    }

    private static List<ProductId> productIds(Long[] ids) {
        return Arrays.stream(ids).map(ProductId::new).toList();
    }

    private static java.time.OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
