package com.kinshop.flashsale.web;

import com.kinshop.flashsale.ClaimStatus;
import com.kinshop.flashsale.FlashClaim;
import com.kinshop.flashsale.FlashClaimReads;
import com.kinshop.flashsale.FlashSale;
import com.kinshop.flashsale.FlashSales;
import com.kinshop.identity.CurrentUser;
import com.kinshop.ordering.Addresses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.time.Duration;
import java.util.List;

/**
 * The buyers' flash-sale pages: the 秒杀 channel (sessions running and upcoming, each with its countdown) and a session's
 * page. Countdowns run from seconds the server computed, so the phone's clock does not matter; the buy button turns on
 * at zero without a reload, and a tap goes to the gate's API (one Idempotency-Key per tap, so a double tap is one
 * attempt), then polls the claim until its order is ready to pay (/static/js/flash-sale.js).
 */
@Controller
class FlashPages {

    private final FlashSales sales;
    private final FlashClaimReads claims;
    private final Addresses addresses;
    private final long payMinutes;

    FlashPages(FlashSales sales, FlashClaimReads claims, Addresses addresses, @Value("${kinshop.flashsale.pay-within:5m}") Duration payWithin) {
        this.sales = sales;
        this.claims = claims;
        this.addresses = addresses;
        this.payMinutes = Math.max(1, payWithin.toMinutes());
    }

    @GetMapping("/flash-sales")
    String channel(Model model) {
        model.addAttribute("sales", sales.runningAndUpcoming(30));
        model.addAttribute("tab", "home");
        return "flashsale/list";
    }

    @GetMapping("/flash-sales/{id}")
    String sale(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        FlashSale sale = sales.published(id);
        model.addAttribute("sale", sale);
        model.addAttribute("signedIn", user != null);
        model.addAttribute("addresses", user == null ? List.of() : addresses.of(user.id()));
        model.addAttribute("next", "/flash-sales/" + id);
        model.addAttribute("payMinutes", payMinutes);
        List<FlashClaim> mine = user == null ? List.of() : claims.inSale(user.id(), id);
        model.addAttribute("myClaims", mine);
        model.addAttribute("atLimit", mine.stream().filter(claim -> ClaimStatus.LIVE.contains(claim.status())).count() >= sale.perMemberLimit());
        model.addAttribute("tab", "home");
        return "flashsale/sale";
    }
}
