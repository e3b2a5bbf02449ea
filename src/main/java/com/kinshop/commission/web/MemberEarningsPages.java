package com.kinshop.commission.web;

import com.kinshop.commission.Earnings;
import com.kinshop.identity.CurrentUser;
import com.kinshop.ledger.Ledger;
import com.kinshop.ledger.LedgerAccounts;
import com.kinshop.referral.Tiers;
import com.kinshop.shared.Money;
import com.kinshop.shop.Shops;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** 我的收益: balances, the 30-day chart, visits and conversion, the orders that earned; and 收支明细, every change with its reason. */
@Controller
class MemberEarningsPages {

    private static final int CHART_DAYS = 30;
    private static final int ENTRY_LIMIT = 100;
    private static final int HISTORY_LIMIT = 200;

    private final Earnings earnings;
    private final Ledger ledger;
    private final Tiers tiers;
    private final Shops shops;
    private final MessageSource messages;

    MemberEarningsPages(Earnings earnings, Ledger ledger, Tiers tiers, Shops shops, MessageSource messages) {
        this.messages = messages;
        this.earnings = earnings;
        this.ledger = ledger;
        this.tiers = tiers;
        this.shops = shops;
    }

    @GetMapping("/me/earnings")
    String earnings(@AuthenticationPrincipal CurrentUser user, Locale locale, Model model) {
        model.addAttribute("tab", "me");
        model.addAttribute("summary", earnings.summary(user.id()));
        model.addAttribute("chart", EarningsChart.of(earnings.byDay(user.id(), CHART_DAYS)));
        model.addAttribute("journey", earnings.journey(user.id()));
        model.addAttribute("hasShop", shops.ownedBy(user.id()).isPresent());
        model.addAttribute("entries", earnings.entries(user.id(), ENTRY_LIMIT));
        model.addAttribute("tierNames", tiers.all().stream().collect(Collectors.toMap(Tiers.Tier::code, tier -> tiers.nameIn(tier, locale))));
        return "commission/earnings";
    }

    /**
     * One journal as the member sees it: what changed in 预估 and in 可提现 (positive = more for the member). A settlement
     * moves money between the two, so it is one row with both changes rather than two lines with the same reason.
     */
    record HistoryRow(long journal, String kind, String description, Instant at, Money estimatedChange, Money availableChange) {
    }

    @GetMapping("/me/earnings/history")
    String history(@AuthenticationPrincipal CurrentUser user, Locale locale, Model model) {
        model.addAttribute("tab", "me");
        model.addAttribute("rows", history(user, locale));
        model.addAttribute("summary", earnings.summary(user.id()));
        return "commission/history";
    }

    private List<HistoryRow> history(CurrentUser user, Locale locale) {
        return earnings.history(user.id(), HISTORY_LIMIT).stream().map(row -> new HistoryRow(row.journal(), row.text().kind(),
                row.text().in(messages, locale), row.at(), row.estimatedChange(), row.availableChange())).toList();
    }
}
