package com.kinshop.review.web;

import com.kinshop.catalog.Catalog;
import com.kinshop.catalog.ProductDetail;
import com.kinshop.catalog.ProductId;
import com.kinshop.identity.CurrentUser;
import com.kinshop.ordering.OrderFacts;
import com.kinshop.review.ProductRatings;
import com.kinshop.review.ReviewFilter;
import com.kinshop.review.ReviewForm;
import com.kinshop.review.ReviewQueries;
import com.kinshop.review.ReviewRules;
import com.kinshop.review.ReviewSort;
import com.kinshop.review.Reviews;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Flash;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.util.List;

/** The buyer's pages: a product's full review list, writing a review of a received line, my reviews with their follow-ups. */
@Controller
class ReviewPages {

    private final Reviews reviews;
    private final ReviewQueries queries;
    private final ProductRatings ratings;
    private final Catalog catalog;
    private final OrderFacts orders;

    ReviewPages(Reviews reviews, ReviewQueries queries, ProductRatings ratings, Catalog catalog, OrderFacts orders) {
        this.reviews = reviews;
        this.queries = queries;
        this.ratings = ratings;
        this.catalog = catalog;
        this.orders = orders;
    }

    @GetMapping("/p/{id}/reviews")
    String productReviews(@PathVariable long id, @RequestParam(defaultValue = "ALL") ReviewFilter filter,
                          @RequestParam(defaultValue = "NEWEST") ReviewSort sort, @RequestParam(defaultValue = "0") int page, Model model) {
        ProductDetail product = catalog.product(new ProductId(id)).orElseThrow(() -> BusinessException.notFound("product.not-found"));
        model.addAttribute("product", product);
        model.addAttribute("rating", ratings.of(product.id()));
        model.addAttribute("page", queries.ofProduct(product.id(), filter, sort, page, 10));
        model.addAttribute("filter", filter);
        model.addAttribute("sort", sort);
        return "review/product-reviews";
    }

    @PostMapping("/p/{productId}/reviews/{id}/helpful")
    String helpful(@AuthenticationPrincipal CurrentUser user, @PathVariable long productId, @PathVariable long id, RedirectAttributes redirect) {
        if (user == null) {
            return "redirect:/login";
        }
        return Flash.outcome(redirect, "redirect:/p/" + productId + "/reviews", "reviews.page.helpful-done", () -> reviews.vote(user.id(), id));
    }

    @GetMapping("/me/reviews/new")
    String write(@AuthenticationPrincipal CurrentUser user, @RequestParam long line, Model model, RedirectAttributes redirect) {
        OrderFacts.ReviewableLine reviewable = orders.reviewableLine(line).filter(found -> found.buyer().equals(user.id()))
                .orElseThrow(() -> BusinessException.notFound("reviews.line.not-found"));
        if (!queries.reviewedLines(user.id(), List.of(line)).isEmpty()) {
            redirect.addFlashAttribute("notice", "reviews.page.already"); // reviewed already: the follow-up is written there
            return "redirect:/me/reviews";
        }
        model.addAttribute("line", reviewable);
        model.addAttribute("maxText", ReviewRules.MAX_TEXT);
        model.addAttribute("maxImages", ReviewRules.MAX_IMAGES);
        return "review/write";
    }

    @PostMapping("/me/reviews")
    String post(@AuthenticationPrincipal CurrentUser user, @RequestParam long orderLineId, @RequestParam(defaultValue = "0") int productStars,
                @RequestParam(defaultValue = "0") int logisticsStars, @RequestParam(defaultValue = "0") int serviceStars,
                @RequestParam(required = false) String text, @RequestParam(defaultValue = "false") boolean anonymous,
                @RequestParam(name = "images", required = false) List<MultipartFile> images, RedirectAttributes redirect) {
        String done = Flash.outcome(redirect, "redirect:/me/reviews", "reviews.page.posted", () -> reviews.post(user.id(),
                new ReviewForm(orderLineId, productStars, logisticsStars, serviceStars, text, anonymous), ReviewApi.bytes(images)));
        return redirect.getFlashAttributes().containsKey("error") ? "redirect:/me/reviews/new?line=" + orderLineId : done;
    }

    @GetMapping("/me/reviews")
    String mine(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("reviews", queries.ofBuyer(user.id(), 100));
        model.addAttribute("maxImages", ReviewRules.MAX_IMAGES);
        return "review/mine";
    }

    @PostMapping("/me/reviews/{id}/follow-up")
    String followUp(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(required = false) String text,
                    @RequestParam(name = "images", required = false) List<MultipartFile> images, RedirectAttributes redirect) throws IOException {
        List<byte[]> bytes = ReviewApi.bytes(images);
        return Flash.outcome(redirect, "redirect:/me/reviews", "reviews.page.followed-up", () -> reviews.followUp(user.id(), id, text, bytes));
    }
}
