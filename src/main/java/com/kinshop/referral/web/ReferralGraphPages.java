package com.kinshop.referral.web;

import com.kinshop.identity.AccountId;
import com.kinshop.identity.AccountView;
import com.kinshop.identity.Accounts;
import com.kinshop.identity.CurrentUser;
import com.kinshop.referral.ReferralGraph;
import com.kinshop.referral.Referrals;
import com.kinshop.referral.Tiers;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Flash;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Operator console, 邀请关系图: find a member, see who brought them and whom they brought (two levels) as a chart that
 * fetches {@code /api/admin/referrals/{id}/graph}, their binding, a rebind with a reason, and the rebinds so far.
 */
@Controller
class ReferralGraphPages {

    /** Invitees drawn at most; the page says how many more there are. */
    static final int MAX_DRAWN = 300;
    private static final int SEARCH_RESULTS = 20;
    private static final int AUDIT_ROWS = 50;

    private final Accounts accounts;
    private final ReferralGraph graph;
    private final Referrals referrals;
    private final Tiers tiers;
    private final Clock clock;

    ReferralGraphPages(Accounts accounts, ReferralGraph graph, Referrals referrals, Tiers tiers, Clock clock) {
        this.accounts = accounts;
        this.graph = graph;
        this.referrals = referrals;
        this.tiers = tiers;
        this.clock = clock;
    }

    @GetMapping("/console/admin/referrals")
    String page(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) Long member, Model model) {
        model.addAttribute("nav", "referrals");
        model.addAttribute("q", q.strip());
        if (!q.isBlank()) {
            model.addAttribute("results", accounts.search(q.strip(), SEARCH_RESULTS));
        }
        if (member != null) {
            AccountView centre = accounts.find(new AccountId(member)).orElse(null);
            if (centre == null) {
                model.addAttribute("error", "account.not-found");
                model.addAttribute("errorArgs", new Object[0]);
            } else {
                ReferralGraph.Graph around = graph.around(centre.id(), MAX_DRAWN);
                model.addAttribute("member", centre);
                model.addAttribute("tier", tiers.of(centre.id()));
                model.addAttribute("graph", around);
                model.addAttribute("binding", graph.bindingOf(centre.id()).orElse(null));
                model.addAttribute("phones", phones(around));
                model.addAttribute("rebinds", graph.rebindsOf(centre.id(), AUDIT_ROWS));
            }
        }
        return "console/admin/referrals";
    }

    /** Masked phones of the uplines, for the chain shown in text next to the chart. */
    private Map<Long, String> phones(ReferralGraph.Graph around) {
        Map<Long, String> phones = new HashMap<>();
        around.nodes().stream().filter(node -> node.level() <= 0)
                .forEach(node -> accounts.find(new AccountId(node.id())).ifPresent(a -> phones.put(node.id(), a.maskedPhone())));
        return phones;
    }

    @PostMapping("/console/admin/referrals/{memberId}/rebind")
    String rebind(@AuthenticationPrincipal CurrentUser operator, @PathVariable long memberId, @RequestParam(defaultValue = "") String phone,
                  @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        String back = "redirect:/console/admin/referrals?member=" + memberId + "#rebind";
        return Flash.outcome(redirect, back, "console.referrals.rebound", () -> {
            try {
                AccountView member = accounts.get(new AccountId(memberId));
                if (phone.isBlank()) {
                    throw BusinessException.invalid("phone", "phone.required");
                }
                AccountView referrer = accounts.findByPhone(phone.strip())
                        .orElseThrow(() -> BusinessException.invalid("phone", "console.referrals.phone.unknown", phone.strip()));
                referrals.rebind(operator.id(), member.id(), referrer.id(), reason);
            } catch (BusinessException e) {
                redirect.addFlashAttribute("errorField", e.field());
                redirect.addFlashAttribute("typedPhone", phone.strip());
                redirect.addFlashAttribute("typedReason", reason);
                throw e;
            }
        });
    }
}
