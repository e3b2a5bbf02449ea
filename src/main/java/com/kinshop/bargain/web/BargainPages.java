package com.kinshop.bargain.web;

import com.kinshop.bargain.BargainCampaigns;
import com.kinshop.bargain.BargainHelps;
import com.kinshop.bargain.BargainPurchases;
import com.kinshop.bargain.BargainView;
import com.kinshop.bargain.Bargains;
import com.kinshop.identity.CurrentUser;
import com.kinshop.ordering.Addresses;
import com.kinshop.ordering.OrderPayments;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.MediaStore;
import com.kinshop.shop.ShareVisits;
import com.kinshop.shop.ShopView;
import com.kinshop.shop.Shops;
import com.kinshop.shop.Visitor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The members' bargain pages: 砍价专区 (campaigns running), one bargain (progress, cuts, countdown, 帮TA砍一刀 for
 * friends, share link and 立即购买 for the starter) and 我的砍价. Every action is a plain form post, so it works
 * without JavaScript; the script only runs the countdown and the copy button.
 */
@Controller
class BargainPages {

    private final BargainCampaigns campaigns;
    private final Bargains bargains;
    private final BargainHelps helps;
    private final BargainPurchases purchases;
    private final Addresses addresses;
    private final Shops shops;
    private final ShareVisits visits;
    private final Environment environment;
    private final MediaStore media;
    private final OrderPayments payments;
    private final MessageSource messages;

    BargainPages(BargainCampaigns campaigns, Bargains bargains, BargainHelps helps, BargainPurchases purchases, Addresses addresses, Shops shops,
                 ShareVisits visits, Environment environment, MediaStore media, MessageSource messages,
                 OrderPayments payments) {
        this.campaigns = campaigns;
        this.bargains = bargains;
        this.helps = helps;
        this.purchases = purchases;
        this.addresses = addresses;
        this.shops = shops;
        this.visits = visits;
        this.environment = environment;
        this.media = media;
        this.messages = messages;
        this.payments = payments;
    }

    @GetMapping("/bargains")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("campaigns", campaigns.running());
        List<BargainView> mine = user == null ? List.of() : bargains.mine(user.id());
        model.addAttribute("mine", mine.stream().filter(BargainView::buyable).toList());
        // a campaign the member already bargains in links to that bargain instead of offering a second start
        model.addAttribute("mineByCampaign", mine.stream().collect(java.util.stream.Collectors.toMap(BargainView::campaignId, BargainView::bargainId,
                (newest, older) -> newest)));
        model.addAttribute("tab", "home");
        return "bargain/list";
    }

    @PostMapping("/bargains/start")
    String start(@AuthenticationPrincipal CurrentUser user, @RequestParam long campaignId, RedirectAttributes redirect) {
        if (user == null) {
            return "redirect:/login?next=/bargains";
        }
        try {
            return "redirect:/bargains/" + bargains.start(user.id(), campaignId).bargainId();
        } catch (BusinessException e) {
            flashError(redirect, e);
            return "redirect:/bargains";
        }
    }

    /** {@code s}: the shop code of whoever shared the link; counted as a share visit and remembered for the starter's checkout. */
    @GetMapping("/bargains/{bargainId}")
    String bargain(@AuthenticationPrincipal CurrentUser user, @PathVariable long bargainId, @RequestParam(name = "s", required = false) String sharer,
                   @CookieValue(name = Visitor.REFERRER_COOKIE, required = false) String referrer, Model model,
                   HttpServletRequest request, HttpServletResponse response) {
        BargainView bargain = bargains.view(bargainId, user == null ? null : user.id());
        ShopView sharedBy = sharer == null ? null : shops.byCode(sharer).orElse(null);
        if (sharedBy != null) {
            visits.arrivedThrough(sharedBy, ShareVisits.Target.PRODUCT, campaigns.get(bargain.campaignId()).product(), request, response);
        }
        // the link the starter shares carries their own shop's code when they have one, else the code they came through
        String shareCode = user == null ? null : shops.ownedBy(user.id()).map(ShopView::code)
                .orElse(sharedBy != null ? sharedBy.code() : referrer);
        String path = "/bargains/" + bargainId;
        String shareLink = publicUrl() + path + (shareCode == null ? "" : "?s=" + shareCode);
        model.addAttribute("bargain", bargain);
        model.addAttribute("signedIn", user != null);
        model.addAttribute("shareLink", shareLink);
        model.addAttribute("loginNext", path + (sharer == null ? "" : "?s=" + sharer));
        model.addAttribute("shopCode", sharedBy != null ? sharedBy.code() : referrer);
        model.addAttribute("addresses", bargain.mine() ? addresses.of(user.id()) : List.of());
        model.addAttribute("tab", "home");
        return "bargain/bargain";
    }

    /** The share poster: the bargain's link (with the sharer's shop code, when given) as a QR code under the product. */
    @GetMapping("/bargains/{bargainId}/poster.png")
    ResponseEntity<byte[]> poster(@PathVariable long bargainId, @RequestParam(name = "s", required = false) String sharer, Locale locale) {
        BargainView bargain = bargains.view(bargainId, null);
        String code = sharer == null ? null : shops.byCode(sharer).map(ShopView::code).orElse(null);
        String link = publicUrl() + "/bargains/" + bargainId + (code == null ? "" : "?s=" + code);
        byte[] png = BargainPoster.render(new BargainPoster.Content(bargain.imageUrl() == null ? null : media.read(bargain.imageUrl()).orElse(null),
                bargain.productName(), "¥" + bargain.currentPrice().toPlainString(),
                messages.getMessage("bargain.poster.caption", null, locale),
                messages.getMessage("bargain.poster.floor", new Object[] {bargain.floorPrice().toPlainString()}, locale), link));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.maxAge(Duration.ofMinutes(1))).body(png);
    }

    @PostMapping("/bargains/{bargainId}/help")
    String help(@AuthenticationPrincipal CurrentUser user, @PathVariable long bargainId, @RequestParam(name = "s", required = false) String sharer,
                RedirectAttributes redirect) {
        String back = "/bargains/" + bargainId + (sharer == null || !sharer.matches("[a-z0-9]{4,12}") ? "" : "?s=" + sharer);
        if (user == null) {
            return "redirect:/login?next=" + back;
        }
        try {
            BargainHelps.Helped helped = helps.help(bargainId, user.id());
            redirect.addFlashAttribute("helped", helped.cut().toPlainString()); // flash lives in the session: plain text
        } catch (BusinessException e) {
            flashError(redirect, e);
        }
        return "redirect:" + back;
    }

    /** 立即购买: the order at the price the starter saw, then straight to the cashier, as checkout does (the result page if it refuses). */
    @PostMapping("/bargains/{bargainId}/buy")
    String buy(@AuthenticationPrincipal CurrentUser user, @PathVariable long bargainId, @RequestParam(required = false) Long addressId,
               @RequestParam(required = false) Long expectedPriceFen, @RequestParam(required = false) String shopCode, RedirectAttributes redirect) {
        String checkout;
        try {
            checkout = purchases.purchase(user.id(), bargainId, addressId, shopCode, expectedPriceFen).checkoutNumber();
        } catch (BusinessException e) {
            flashError(redirect, e);
            return "redirect:/bargains/" + bargainId;
        }
        try {
            return "redirect:" + payments.pay(user.id(), checkout).redirectUrl();
        } catch (BusinessException e) {
            flashError(redirect, e);
            return "redirect:/me/pay/" + checkout;
        }
    }

    @GetMapping("/me/bargains")
    String mine(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("bargains", bargains.mine(user.id()));
        model.addAttribute("tab", "me");
        return "bargain/mine";
    }

    /** {@code kinshop.public-url} as share links use it; read on use, because by default it names the port the server took. */
    private String publicUrl() {
        String url = environment.getRequiredProperty("kinshop.public-url");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static void flashError(RedirectAttributes redirect, BusinessException e) {
        redirect.addFlashAttribute("error", e.messageKey());
        redirect.addFlashAttribute("errorArgs", e.args());
    }
}
