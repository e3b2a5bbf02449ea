package com.kinshop.bargain;

import com.kinshop.identity.AccountId;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Taking a bargain's next cut, for a friend's help or the starter's own first cut; always inside the caller's transaction. */
@Component
class NextCut {

    private final JdbcClient jdbc;
    private final BargainMoves moves;
    private final ApplicationEventPublisher events;

    NextCut(JdbcClient jdbc, BargainMoves moves, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.moves = moves;
        this.events = events;
    }

    /** Takes the next cut for {@code helper}; the caller holds the bargain's row lock and read {@code taken} under it. */
    BargainHelps.Helped take(long bargainId, int taken, int total, AccountId helper, Instant now) {
        int index = taken + 1;
        long amount = jdbc.sql("select amount_fen from bargain_cut where bargain_id = ? and idx = ?").params(bargainId, index).query(Long.class).single();
        boolean last = index == total;
        long current = moves.cut(bargainId, taken, amount, last, now).orElseThrow(
                () -> new IllegalStateException("Bargain " + bargainId + " could not take cut " + index + " under its own lock"));
        int written;
        try {
            written = jdbc.sql("update bargain_cut set helper_id = ?, helped_at = ? where bargain_id = ? and idx = ? and helper_id is null")
                    .params(helper.value(), BargainMoves.utc(now), bargainId, index).update();
        } catch (DuplicateKeyException sameFriendAgain) { // the constraint is the guarantee; the help checked first to answer kindly
            throw BusinessException.conflict("bargainId", "bargain.help.twice");
        }
        if (written != 1) {
            throw new IllegalStateException("Cut " + index + " of bargain " + bargainId + " already had a helper");
        }
        if (last) {
            events.publishEvent(jdbc.sql("""
                            select b.starter_id, k.product_name, b.floor_fen from bargain b join bargain_campaign k on k.id = b.campaign_id where b.id = ?""")
                    .param(bargainId).query((rs, n) -> new BargainEvents.BargainAtFloor(bargainId, new AccountId(rs.getLong(1)), rs.getString(2),
                            Money.fen(rs.getLong(3)))).single());
        }
        return new BargainHelps.Helped(bargainId, index, Money.fen(amount), Money.fen(current), last, total - index);
    }
}
