package com.kinshop.referral;

import com.kinshop.identity.AccountId;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Member tiers (会员 / 店主 / 店长): each sets the shares of a line's commission budget per level, and is reached by
 * selling — own sales, direct invitees who buy, level-2 team sales over a period. A tier has no price: nothing here
 * can be bought, and no reward is paid for recruiting as such.
 */
@Service
public class Tiers {

    public record Tier(String code, String name, int rank, int level1ShareBp, int level2ShareBp, int level3ShareBp, Money minOwnSales,
                       int minDirectInvitees, Money minTeamSales, int periodDays) {

        public int shareBp(int level) {
            return switch (level) {
                case 1 -> level1ShareBp;
                case 2 -> level2ShareBp;
                case 3 -> level3ShareBp;
                default -> 0;
            };
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MessageSource messages;

    Tiers(JdbcClient jdbc, Clock clock, MessageSource messages) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.messages = messages;
    }

    /** The tier's name in the reader's language: built-in tiers by their code (tier.name.MEMBER), others as stored. */
    public String nameIn(Tier tier, Locale locale) {
        return messages.getMessage("tier.name." + tier.code(), null, tier.name(), locale);
    }

    public String nameIn(String code, Locale locale) {
        return all().stream().filter(t -> t.code().equals(code)).findFirst().map(t -> nameIn(t, locale)).orElse(code);
    }

    public List<Tier> all() {
        return jdbc.sql("""
                        select code, name, rank, level1_share_bp, level2_share_bp, level3_share_bp, min_own_sales_fen, min_direct_invitees,
                               min_team_sales_fen, period_days from tier order by rank""")
                .query((rs, n) -> new Tier(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6),
                        Money.fen(rs.getLong(7)), rs.getInt(8), Money.fen(rs.getLong(9)), rs.getInt(10)))
                .list();
    }

    /** The member's tier; everyone starts at the lowest. */
    public Tier of(AccountId member) {
        String code = jdbc.sql("select tier_code from member_tier where member_id = ?").param(member.value()).query(String.class).optional()
                .orElse(null);
        List<Tier> tiers = all();
        return tiers.stream().filter(t -> t.code().equals(code)).findFirst().orElse(tiers.get(0));
    }

    /**
     * The tiers of several members in one read, against {@code tiersByRank} (what {@link #all()} returned, read once
     * for the batch, so an operator's edit counts from the next batch on); members without a row are at the lowest.
     */
    public Map<AccountId, Tier> of(Collection<AccountId> members, List<Tier> tiersByRank) {
        Map<String, Tier> byCode = tiersByRank.stream().collect(Collectors.toMap(Tier::code, tier -> tier));
        Map<AccountId, Tier> tiers = new LinkedHashMap<>();
        members.forEach(member -> tiers.put(member, tiersByRank.get(0)));
        if (!members.isEmpty()) {
            jdbc.sql("select member_id, tier_code from member_tier where member_id in (:members)")
                    .param("members", members.stream().map(AccountId::value).toList())
                    .query((rs, n) -> tiers.put(new AccountId(rs.getLong(1)), byCode.getOrDefault(rs.getString(2), tiersByRank.get(0))))
                    .list();
        }
        return tiers;
    }

    @Transactional
    public void updateShares(String code, int level1ShareBp, int level2ShareBp) {
        updateShares(code, level1ShareBp, level2ShareBp, null);
    }

    /** Level 3 is paid only when the policy's compliance switch allows a third level; null keeps the current share. */
    @Transactional
    public void updateShares(String code, int level1ShareBp, int level2ShareBp, Integer level3ShareBp) {
        int level3 = level3ShareBp != null ? level3ShareBp : jdbc.sql("select level3_share_bp from tier where code = ?").param(code)
                .query(Integer.class).optional().orElseThrow(() -> BusinessException.notFound("tier.not-found"));
        if (level1ShareBp < 0 || level2ShareBp < 0 || level3 < 0 || level1ShareBp + level2ShareBp + level3 > 10_000) {
            throw BusinessException.invalid("level1ShareBp", "tier.shares.range");
        }
        int changed = jdbc.sql("update tier set level1_share_bp = ?, level2_share_bp = ?, level3_share_bp = ? where code = ?")
                .params(level1ShareBp, level2ShareBp, level3, code).update();
        if (changed != 1) {
            throw BusinessException.notFound("tier.not-found");
        }
    }

    /** Moves a member to a tier (promotion by the rules, or by the operator). Demotion is never automatic. */
    @Transactional
    public void assign(AccountId member, String code) {
        jdbc.sql("""
                        insert into member_tier (member_id, tier_code, since) values (?, ?, ?)
                        on conflict (member_id) do update set tier_code = excluded.tier_code, since = excluded.since""")
                .params(member.value(), code, clock.instant().atOffset(ZoneOffset.UTC)).update();
    }
}
