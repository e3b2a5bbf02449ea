package com.kinshop.redpacket.web;

import com.kinshop.catalog.Catalog;
import com.kinshop.identity.CurrentUser;
import com.kinshop.redpacket.Campaign;
import com.kinshop.redpacket.RedPacketCampaigns;
import com.kinshop.redpacket.RedPacketClaims;
import com.kinshop.shared.BusinessException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.util.List;

/**
 * The members' red-packet pages: the campaigns running now, and one campaign with its countdown, the 抢红包 button,
 * the amount won (or why not) and the supplier's products to spend it on. Claiming is a plain form post, so it works
 * without JavaScript; the script only runs the countdown.
 */
@Controller
class RedPacketPages {

    private final RedPacketCampaigns campaigns;
    private final RedPacketClaims claims;
    private final Catalog catalog;
    private final Clock clock;

    RedPacketPages(RedPacketCampaigns campaigns, RedPacketClaims claims, Catalog catalog, Clock clock) {
        this.campaigns = campaigns;
        this.claims = claims;
        this.catalog = catalog;
        this.clock = clock;
    }

    @GetMapping("/red-packets")
    String list(Model model) {
        model.addAttribute("campaigns", campaigns.open());
        model.addAttribute("now", clock.instant());
        model.addAttribute("tab", "home");
        return "redpacket/list";
    }

    @GetMapping("/red-packets/{id}")
    String campaign(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        Campaign campaign = campaigns.get(id);
        List<RedPacketClaims.Won> mine = user == null ? List.of() : claims.mine(id, user.id());
        model.addAttribute("campaign", campaign);
        model.addAttribute("mine", mine);
        model.addAttribute("signedIn", user != null);
        model.addAttribute("limitReached", mine.size() >= campaign.perMemberLimit());
        long secondsLeft = campaign.secondsToNextChange(clock.instant());
        model.addAttribute("secondsLeft", secondsLeft);
        model.addAttribute("countdown", countdown(secondsLeft));
        model.addAttribute("products", catalog.sellableOf(campaign.supplier(), 6));
        model.addAttribute("tab", "home");
        return "redpacket/campaign";
    }

    @PostMapping("/red-packets/{id}/claim")
    String claim(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        if (user == null) {
            return "redirect:/login?next=/red-packets/" + id;
        }
        try {
            redirect.addFlashAttribute("won", claims.claim(id, user.id()).amount().toPlainString()); // flash lives in the session: plain text
        } catch (BusinessException e) {
            redirect.addFlashAttribute("error", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:/red-packets/" + id;
    }

    /** "01:02:03", or "2d 01:02:03" — what the page shows before its script takes over the countdown. */
    static String countdown(long seconds) {
        long days = seconds / 86_400;
        long rest = seconds % 86_400;
        return (days > 0 ? days + "d " : "") + "%02d:%02d:%02d".formatted(rest / 3600, rest % 3600 / 60, rest % 60);
    }
}
