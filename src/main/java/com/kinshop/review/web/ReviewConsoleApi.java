package com.kinshop.review.web;

import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.Suppliers;
import com.kinshop.identity.CurrentUser;
import com.kinshop.review.HideReason;
import com.kinshop.review.HideTarget;
import com.kinshop.review.ReviewModeration;
import com.kinshop.review.ReviewPart;
import com.kinshop.review.ReviewQueries;
import com.kinshop.review.ReviewView;
import com.kinshop.review.Reviews;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.DisplayTimes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The supplier's replies and rating history, the operator's hiding and brushing flags. Nothing here deletes or edits. */
@Tag(name = "Review consoles", description = "Supplier: reviews to reply to, one reply each, ratings by month. Operator: hide illegal content "
        + "(audited; the stars still count), brushing flags (clear or confirm).")
@RestController
class ReviewConsoleApi {

    private final Reviews reviews;
    private final ReviewQueries queries;
    private final ReviewModeration moderation;
    private final Suppliers suppliers;
    private final DisplayTimes times;

    ReviewConsoleApi(Reviews reviews, ReviewQueries queries, ReviewModeration moderation, Suppliers suppliers, DisplayTimes times) {
        this.reviews = reviews;
        this.queries = queries;
        this.moderation = moderation;
        this.suppliers = suppliers;
        this.times = times;
    }

    @Schema(name = "ReplyForm")
    record ReplyForm(@Schema(description = "REVIEW or FOLLOW_UP") ReviewPart part, @Schema(description = "1–500 characters") String text) {
    }

    @Schema(name = "HideForm")
    record HideForm(HideTarget target, HideReason reason) {
    }

    @Operation(summary = "Reviews of my supplier's products: those awaiting a reply first, then newest")
    @GetMapping("/api/supplier/reviews")
    List<ReviewQueries.SupplierReview> supplierReviews(@AuthenticationPrincipal CurrentUser user) {
        return queries.ofSupplier(supplierOf(user), 100);
    }

    @Operation(summary = "My supplier's counted reviews by month (display zone): count and average product stars, last 12 months")
    @GetMapping("/api/supplier/reviews/monthly")
    List<ReviewQueries.MonthlyRating> monthly(@AuthenticationPrincipal CurrentUser user) {
        return queries.monthly(supplierOf(user), times.zone(), 12);
    }

    @Operation(summary = "Reply once to a review of my product (part REVIEW) or once to its follow-up (part FOLLOW_UP)",
            description = "400 naming part or text; 404 for another supplier's review or a follow-up that does not exist; 409 when already replied.")
    @ApiResponse(responseCode = "201", description = "Replied")
    @PostMapping("/api/supplier/reviews/{id}/replies")
    ResponseEntity<Void> reply(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody ReplyForm form) {
        if (form.part() == null) {
            throw BusinessException.invalid("part", "reviews.reply.part.required");
        }
        reviews.reply(supplierOf(user), user.id(), id, form.part(), form.text());
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @Operation(summary = "Latest reviews of every status (moderation queue)")
    @GetMapping("/api/admin/reviews")
    List<ReviewView> latest() {
        return queries.latest(100);
    }

    @Operation(summary = "Hide illegal content: the review, its follow-up, or a reply, with a reason from the fixed list; audited, stars still count",
            description = "400 naming target or reason; 404 when that content does not exist; 409 when already hidden.")
    @ApiResponse(responseCode = "204", description = "Hidden and audited")
    @PostMapping("/api/admin/reviews/{id}/hide")
    ResponseEntity<Void> hide(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody HideForm form) {
        moderation.hide(user.id(), id, form.target(), form.reason());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The moderation audit: who hid what, when, and why, newest first")
    @GetMapping("/api/admin/reviews/moderation")
    List<ReviewModeration.Entry> audit() {
        return moderation.audit(200);
    }

    @Operation(summary = "Brushing flags (刷单): those to decide first, then the latest decided")
    @GetMapping("/api/admin/review-flags")
    List<ReviewModeration.Flag> flags() {
        return moderation.flags(200);
    }

    @Operation(summary = "Clear a flag: the review counts from now on (ratings, StarsCounted), once", description = "409 when already decided.")
    @ApiResponse(responseCode = "204", description = "Cleared: the review counts")
    @PostMapping("/api/admin/review-flags/{id}/clear")
    ResponseEntity<Void> clear(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        moderation.clear(user.id(), id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Confirm brushing: the review never counts and is not shown", description = "409 when already decided.")
    @ApiResponse(responseCode = "204", description = "Brushing confirmed")
    @PostMapping("/api/admin/review-flags/{id}/confirm")
    ResponseEntity<Void> confirm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        moderation.confirmBrushing(user.id(), id);
        return ResponseEntity.noContent().build();
    }

    private SupplierId supplierOf(CurrentUser user) {
        return suppliers.supplierOf(user.id()).orElseThrow(() -> BusinessException.forbidden("supplier.not-linked"));
    }
}
