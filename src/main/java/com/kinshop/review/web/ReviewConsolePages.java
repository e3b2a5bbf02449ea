package com.kinshop.review.web;

import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.Suppliers;
import com.kinshop.identity.CurrentUser;
import com.kinshop.review.HideReason;
import com.kinshop.review.HideTarget;
import com.kinshop.review.ReviewModeration;
import com.kinshop.review.ReviewPart;
import com.kinshop.review.ReviewQueries;
import com.kinshop.review.Reviews;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.DisplayTimes;
import com.kinshop.shared.Flash;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Console pages: the supplier's reviews to reply to and ratings by month; the operator's moderation queue and brushing flags. */
@Controller
class ReviewConsolePages {

    private final Reviews reviews;
    private final ReviewQueries queries;
    private final ReviewModeration moderation;
    private final Suppliers suppliers;
    private final DisplayTimes times;

    ReviewConsolePages(Reviews reviews, ReviewQueries queries, ReviewModeration moderation, Suppliers suppliers, DisplayTimes times) {
        this.reviews = reviews;
        this.queries = queries;
        this.moderation = moderation;
        this.suppliers = suppliers;
        this.times = times;
    }

    @GetMapping("/console/supplier/buyer-reviews")
    String supplier(@AuthenticationPrincipal CurrentUser user, Model model) {
        SupplierId supplier = supplierOf(user);
        model.addAttribute("reviews", queries.ofSupplier(supplier, 100));
        model.addAttribute("monthly", queries.monthly(supplier, times.zone(), 12));
        model.addAttribute("nav", "buyer-reviews");
        return "console/supplier/buyer-reviews";
    }

    @PostMapping("/console/supplier/buyer-reviews/{id}/replies")
    String reply(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(required = false) ReviewPart part,
                 @RequestParam(required = false) String text, RedirectAttributes redirect) {
        SupplierId supplier = supplierOf(user);
        return Flash.outcome(redirect, "redirect:/console/supplier/buyer-reviews", "reviews.console.replied", () -> {
            if (part == null) {
                throw BusinessException.invalid("part", "reviews.reply.part.required");
            }
            reviews.reply(supplier, user.id(), id, part, text);
        });
    }

    @GetMapping("/console/admin/buyer-reviews")
    String moderationQueue(Model model) {
        model.addAttribute("reviews", queries.latest(100));
        model.addAttribute("audit", moderation.audit(50));
        model.addAttribute("reasons", HideReason.values());
        model.addAttribute("targets", HideTarget.values());
        model.addAttribute("nav", "buyer-reviews");
        return "console/admin/buyer-reviews";
    }

    @PostMapping("/console/admin/buyer-reviews/{id}/hide")
    String hide(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(required = false) HideTarget target,
                @RequestParam(required = false) HideReason reason, RedirectAttributes redirect) {
        return Flash.outcome(redirect, "redirect:/console/admin/buyer-reviews", "reviews.console.hidden",
                () -> moderation.hide(user.id(), id, target, reason));
    }

    @GetMapping("/console/admin/review-flags")
    String flags(Model model) {
        model.addAttribute("flags", moderation.flags(200));
        model.addAttribute("nav", "review-flags");
        return "console/admin/review-flags";
    }

    @PostMapping("/console/admin/review-flags/{id}/clear")
    String clear(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        return Flash.outcome(redirect, "redirect:/console/admin/review-flags", "reviews.console.cleared", () -> moderation.clear(user.id(), id));
    }

    @PostMapping("/console/admin/review-flags/{id}/confirm")
    String confirm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        return Flash.outcome(redirect, "redirect:/console/admin/review-flags", "reviews.console.confirmed",
                () -> moderation.confirmBrushing(user.id(), id));
    }

    private SupplierId supplierOf(CurrentUser user) {
        return suppliers.supplierOf(user.id()).orElseThrow(() -> BusinessException.forbidden("supplier.not-linked"));
    }
}
