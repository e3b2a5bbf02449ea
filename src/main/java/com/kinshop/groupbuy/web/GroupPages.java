package com.kinshop.groupbuy.web;

import com.kinshop.catalog.ProductId;
import com.kinshop.groupbuy.GroupCampaign;
import com.kinshop.groupbuy.GroupCampaigns;
import com.kinshop.groupbuy.GroupJoins;
import com.kinshop.groupbuy.GroupView;
import com.kinshop.groupbuy.GroupViews;
import com.kinshop.groupbuy.MyGroup;
import com.kinshop.identity.CurrentUser;
import com.kinshop.ordering.Addresses;
import com.kinshop.ordering.OrderPayments;
import com.kinshop.shared.BusinessException;
import com.kinshop.shop.Posters;
import com.kinshop.shop.ShareVisits;
import com.kinshop.shop.ShopView;
import com.kinshop.shop.Shops;
import com.kinshop.shop.Visitor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The members' group-buy pages: the running campaigns (the home channel), a campaign's page to open a group (发起拼团)
 * with its groups to join (去凑团), a group's page (members, empty seats, countdown, share link and join form), and
 * 我的拼团. Opening and joining are plain form posts that go straight on to the cashier, like 立即购买. A link carrying a
 * shop code ({@code ?s=}) records the visit and carries the code into the order, so binding and commission work as for
 * a product share link; a viewer with a shop shares the group under their own code.
 */
@Controller
class GroupPages {

    private final GroupCampaigns campaigns;
    private final GroupViews views;
    private final GroupJoins joins;
    private final Addresses addresses;
    private final OrderPayments payments;
    private final Shops shops;
    private final ShareVisits visits;
    private final Environment environment;
    private final Posters posters;
    private final MessageSource messages;
    private final Clock clock;

    GroupPages(GroupCampaigns campaigns, GroupViews views, GroupJoins joins, Addresses addresses, OrderPayments payments, Shops shops,
               ShareVisits visits, Environment environment, Posters posters, MessageSource messages, Clock clock) {
        this.posters = posters;
        this.messages = messages;
        this.campaigns = campaigns;
        this.views = views;
        this.joins = joins;
        this.addresses = addresses;
        this.payments = payments;
        this.shops = shops;
        this.visits = visits;
        this.environment = environment;
        this.clock = clock;
    }

    @GetMapping("/group-buy")
    String running(Model model) {
        model.addAttribute("campaigns", campaigns.running(30));
        model.addAttribute("tab", "home");
        return "groupbuy/list";
    }

    @GetMapping("/group-campaigns/{id}")
    String campaign(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(name = "s", required = false) String sharer,
                    @CookieValue(name = Visitor.REFERRER_COOKIE, required = false) String referrer, Model model,
                    HttpServletRequest request, HttpServletResponse response) {
        GroupCampaign campaign = campaigns.get(id);
        model.addAttribute("campaign", campaign);
        model.addAttribute("openGroups", views.openGroups(id, 10));
        model.addAttribute("shopCode", arrivedThrough(sharer, referrer, new ProductId(campaign.productId()), request, response));
        buyer(user, model);
        model.addAttribute("next", "/group-campaigns/" + id);
        model.addAttribute("tab", "home");
        return "groupbuy/campaign";
    }

    @PostMapping("/group-campaigns/{id}/open")
    String open(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, SeatForm form, RedirectAttributes redirect) {
        if (user == null) {
            return "redirect:/login?next=/group-campaigns/" + id;
        }
        try {
            GroupJoins.Seat seat = joins.open(user.id(), new GroupJoins.SeatRequest(id, form.skuId(), form.quantity(), form.addressId(), form.shopCode()));
            return "redirect:" + payments.pay(user.id(), seat.checkoutNumber()).redirectUrl();
        } catch (BusinessException e) {
            flash(redirect, e);
            return "redirect:/group-campaigns/" + id;
        }
    }

    @GetMapping("/groups/{groupId}")
    String group(@AuthenticationPrincipal CurrentUser user, @PathVariable long groupId, @RequestParam(name = "s", required = false) String sharer,
                 @CookieValue(name = Visitor.REFERRER_COOKIE, required = false) String referrer, Model model,
                 HttpServletRequest request, HttpServletResponse response) {
        GroupView group = views.group(groupId);
        GroupCampaign campaign = campaigns.get(group.campaignId());
        model.addAttribute("group", group);
        model.addAttribute("campaign", campaign);
        model.addAttribute("shopCode", arrivedThrough(sharer, referrer, new ProductId(group.productId()), request, response));
        long secondsLeft = Math.max(0, Duration.between(clock.instant(), group.deadline()).toSeconds());
        model.addAttribute("secondsLeft", secondsLeft);
        model.addAttribute("countdown", countdown(secondsLeft));
        // the viewer shares under their own shop's code when they have one, else passes on the code they came through
        model.addAttribute("shareLink", shareLink(user, groupId, (String) model.getAttribute("shopCode")));
        Optional<MyGroup> mine = user == null ? Optional.empty() : views.seatOf(user.id(), groupId);
        model.addAttribute("mine", mine.orElse(null));
        buyer(user, model);
        model.addAttribute("next", "/groups/" + groupId);
        model.addAttribute("tab", "home");
        return "groupbuy/group";
    }

    /** The group's share poster: the product, the group price and a QR code of the viewer's share link. */
    @GetMapping(value = "/groups/{groupId}/poster.png", produces = MediaType.IMAGE_PNG_VALUE)
    @ResponseBody
    byte[] poster(@AuthenticationPrincipal CurrentUser user, @PathVariable long groupId,
                  @CookieValue(name = Visitor.REFERRER_COOKIE, required = false) String referrer, java.util.Locale locale) {
        GroupView group = views.group(groupId);
        String caption = messages.getMessage("group.poster.caption", new Object[] {group.size(), group.seatsLeft()}, locale);
        return posters.promotion(new ProductId(group.productId()), "¥" + group.groupPrice().toPlainString(), caption,
                shareLink(user, groupId, referrer == null ? null : shops.byCode(referrer).map(ShopView::code).orElse(null)));
    }

    /** The viewer shares under their own shop's code when they have one, else passes on the code they came through. */
    private String shareLink(CurrentUser user, long groupId, String cameThrough) {
        String own = user == null ? null : shops.ownedBy(user.id()).map(ShopView::code).orElse(null);
        String code = own != null ? own : cameThrough;
        return environment.getRequiredProperty("kinshop.public-url") + "/groups/" + groupId + (code == null ? "" : "?s=" + code);
    }

    @PostMapping("/groups/{groupId}/join")
    String join(@AuthenticationPrincipal CurrentUser user, @PathVariable long groupId, SeatForm form, RedirectAttributes redirect) {
        if (user == null) {
            return "redirect:/login?next=/groups/" + groupId;
        }
        try {
            GroupJoins.Seat seat = joins.join(user.id(), groupId, new GroupJoins.SeatRequest(null, form.skuId(), form.quantity(), form.addressId(),
                    form.shopCode()));
            return "redirect:" + payments.pay(user.id(), seat.checkoutNumber()).redirectUrl();
        } catch (BusinessException e) {
            flash(redirect, e);
            return "redirect:/groups/" + groupId;
        }
    }

    @GetMapping("/me/groups")
    String mine(@AuthenticationPrincipal CurrentUser user, @RequestParam(name = "tab", defaultValue = "ONGOING") String tab, Model model) {
        MyGroup.Tab current = parseTab(tab);
        List<MyGroup> all = views.mine(user.id());
        model.addAttribute("groups", all.stream().filter(group -> group.tab() == current).toList());
        model.addAttribute("current", current);
        model.addAttribute("tabs", MyGroup.Tab.values());
        model.addAttribute("tab", "me");
        return "groupbuy/mine";
    }

    /** What the open and join forms post. */
    record SeatForm(Long skuId, Integer quantity, Long addressId, String shopCode) {
    }

    private void buyer(CurrentUser user, Model model) {
        model.addAttribute("signedIn", user != null);
        model.addAttribute("addresses", user == null ? List.of() : addresses.of(user.id()));
    }

    /** Records a visit through a share link and answers the shop code an order placed from here carries. */
    private String arrivedThrough(String sharer, String referrer, ProductId product, HttpServletRequest request, HttpServletResponse response) {
        ShopView sharedBy = sharer == null ? null : shops.byCode(sharer).orElse(null);
        if (sharedBy != null) {
            visits.arrivedThrough(sharedBy, ShareVisits.Target.PRODUCT, product, request, response);
            return sharedBy.code();
        }
        return referrer == null ? null : shops.byCode(referrer).map(ShopView::code).orElse(null);
    }

    private static void flash(RedirectAttributes redirect, BusinessException e) {
        redirect.addFlashAttribute("error", e.messageKey());
        redirect.addFlashAttribute("errorArgs", e.args());
    }

    private static MyGroup.Tab parseTab(String tab) {
        try {
            return MyGroup.Tab.valueOf(tab.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return MyGroup.Tab.ONGOING;
        }
    }

    /** "01:02:03", or "2d 01:02:03": what the page shows before its script takes over the countdown. */
    static String countdown(long seconds) {
        long days = seconds / 86_400;
        long rest = seconds % 86_400;
        return (days > 0 ? days + "d " : "") + "%02d:%02d:%02d".formatted(rest / 3600, rest % 3600 / 60, rest % 60);
    }
}
