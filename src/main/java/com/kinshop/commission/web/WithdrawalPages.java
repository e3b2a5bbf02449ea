package com.kinshop.commission.web;

import com.kinshop.commission.Withdrawals;
import com.kinshop.identity.AccountId;
import com.kinshop.identity.AccountView;
import com.kinshop.identity.Accounts;
import com.kinshop.identity.CurrentUser;
import com.kinshop.referral.DistributionPolicies;
import com.kinshop.referral.DistributionPolicy;
import com.kinshop.shared.Flash;
import com.kinshop.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Operator console, 提现审核: requests waiting for a decision (approve, or reject with a reason the member reads, which
 * returns the amount to their balance), approved ones waiting for the payout job, and the recent decisions.
 */
@Controller
@RequestMapping("/console/admin/withdrawals")
class WithdrawalPages {

    private static final int QUEUE = 200;
    private static final int HISTORY = 100;

    /** A withdrawal with who asked, as the page shows it. */
    record Row(Withdrawals.View withdrawal, String nickname, String maskedPhone, OffsetDateTime decidedAt) {
    }

    private final Withdrawals withdrawals;
    private final Accounts accounts;
    private final DistributionPolicies policies;
    private final JdbcClient jdbc;
    private final Clock clock;

    WithdrawalPages(Withdrawals withdrawals, Accounts accounts, DistributionPolicies policies, JdbcClient jdbc, Clock clock) {
        this.withdrawals = withdrawals;
        this.accounts = accounts;
        this.policies = policies;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @GetMapping
    String page(@RequestParam(defaultValue = "pending") String tab, Model model) {
        boolean history = "history".equals(tab);
        List<Withdrawals.View> pending = withdrawals.pending(QUEUE);
        List<Withdrawals.View> waiting = pending.stream().filter(w -> w.status() == Withdrawals.Status.REQUESTED).toList();
        List<Withdrawals.View> approved = pending.stream().filter(w -> w.status() == Withdrawals.Status.APPROVED).toList();
        Map<String, OffsetDateTime> decided = new HashMap<>();
        List<Withdrawals.View> recent = history ? recent(decided) : List.of();
        Map<Long, AccountView> people = new HashMap<>();
        model.addAttribute("tab", history ? "history" : "pending");
        model.addAttribute("waiting", rows(waiting, people, Map.of()));
        model.addAttribute("approved", rows(approved, people, Map.of()));
        model.addAttribute("recent", rows(recent, people, decided));
        model.addAttribute("waitingTotal", waiting.stream().map(Withdrawals.View::amount).reduce(Money.ZERO, Money::plus));
        DistributionPolicy policy = policies.current();
        model.addAttribute("policy", policy);
        model.addAttribute("feePercent", new BigDecimal(policy.withdrawalFeeBp()).movePointLeft(2).stripTrailingZeros().toPlainString());
        model.addAttribute("nav", "withdrawals");
        return "console/admin/withdrawals";
    }

    private List<Row> rows(List<Withdrawals.View> views, Map<Long, AccountView> people, Map<String, OffsetDateTime> decided) {
        return views.stream().map(w -> {
            AccountView member = people.computeIfAbsent(w.memberId(), id -> accounts.find(new AccountId(id)).orElse(null));
            return new Row(w, member == null ? "—" : member.nickname(), member == null ? "" : member.maskedPhone(), decided.get(w.number()));
        }).toList();
    }

    /** The latest withdrawals past the queue (decided, paid, failed), newest first, with when each was decided. */
    private List<Withdrawals.View> recent(Map<String, OffsetDateTime> decided) {
        return jdbc.sql("""
                        select number, member_id, amount_fen, fee_fen, status, reason, created_at, paid_at, decided_at from withdrawal
                        where status not in ('REQUESTED', 'APPROVED') order by id desc limit ?""")
                .param(HISTORY)
                .query((rs, n) -> {
                    decided.put(rs.getString(1), rs.getObject(9, OffsetDateTime.class));
                    return new Withdrawals.View(rs.getString(1), rs.getLong(2), Money.fen(rs.getLong(3)), Money.fen(rs.getLong(4)),
                            Withdrawals.Status.valueOf(rs.getString(5)), rs.getString(6), rs.getObject(7, OffsetDateTime.class),
                            rs.getObject(8, OffsetDateTime.class));
                })
                .list();
    }

    @PostMapping("/{number}/approve")
    String approve(@AuthenticationPrincipal CurrentUser operator, @PathVariable String number, RedirectAttributes redirect) {
        redirect.addFlashAttribute("decided", number);
        return Flash.outcome(redirect, "redirect:/console/admin/withdrawals", "console.withdrawals.approved",
                () -> withdrawals.approve(operator.id(), number));
    }

    @PostMapping("/{number}/reject")
    String reject(@AuthenticationPrincipal CurrentUser operator, @PathVariable String number, @RequestParam(defaultValue = "") String reason,
                  RedirectAttributes redirect) {
        redirect.addFlashAttribute("decided", number);
        return Flash.outcome(redirect, "redirect:/console/admin/withdrawals", "console.withdrawals.rejected",
                () -> withdrawals.reject(operator.id(), number, reason));
    }
}
