package com.kinshop.review.web;

import com.kinshop.catalog.ProductId;
import com.kinshop.identity.CurrentUser;
import com.kinshop.review.ProductRatings;
import com.kinshop.review.ReviewFilter;
import com.kinshop.review.ReviewForm;
import com.kinshop.review.ReviewQueries;
import com.kinshop.shared.BusinessException;
import com.kinshop.review.ReviewSort;
import com.kinshop.review.ReviewView;
import com.kinshop.review.Reviews;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

@Tag(name = "Reviews", description = "Buyers' reviews (评价) of received order lines, follow-ups (追评), helpful votes, and product ratings. "
        + "No endpoint edits or deletes a review.")
@RestController
class ReviewApi {

    private final Reviews reviews;
    private final ReviewQueries queries;
    private final ProductRatings ratings;

    ReviewApi(Reviews reviews, ReviewQueries queries, ProductRatings ratings) {
        this.reviews = reviews;
        this.queries = queries;
        this.ratings = ratings;
    }

    @Schema(name = "FollowUpForm")
    record FollowUpForm(@Schema(description = "1–500 characters") String text) {
    }

    @Schema(name = "HelpfulCount")
    record HelpfulCount(int helpfulCount) {
    }

    @Operation(summary = "Review a received order line of mine (multipart: a JSON part 'review', and up to 9 images as repeated 'images' parts)",
            description = "400 naming the field: stars outside 1–5, text over 500 characters, more than 9 images, an image over 2 MB or not "
                    + "a PNG/JPEG/GIF; 404 for someone else's or an unknown line; 409 when the line was not received yet or is already reviewed. "
                    + "status FLAGGED: a brushing signal fired, the review waits for the operator and does not count yet.")
    @ApiResponse(responseCode = "201", description = "Posted", content = @Content(schema = @Schema(implementation = Reviews.Posted.class)))
    @PostMapping(path = "/api/reviews", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Reviews.Posted> post(@AuthenticationPrincipal CurrentUser user,
                                        @RequestPart("review") ReviewForm form,
                                        @RequestPart(name = "images", required = false) List<MultipartFile> images) throws IOException {
        return ResponseEntity.status(HttpStatus.CREATED).body(reviews.post(user.id(), form, bytes(images)));
    }

    @Operation(summary = "Review a received order line of mine, without images (a JSON body: the fields of the multipart 'review' part)",
            description = "The same answers as the multipart form.")
    @ApiResponse(responseCode = "201", description = "Posted", content = @Content(schema = @Schema(implementation = Reviews.Posted.class)))
    @PostMapping(path = "/api/reviews", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Reviews.Posted> postWithoutImages(@AuthenticationPrincipal CurrentUser user, @RequestBody ReviewForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(reviews.post(user.id(), form, List.of()));
    }

    @Operation(summary = "The one follow-up (追评) of my review, within 90 days of receipt (multipart: a JSON part 'followUp' with text, up to 9 'images')",
            description = "400 naming the field: empty text or over 500 characters, images as above; 404 for someone else's review; "
                    + "409 for a second follow-up or after the 90 days.")
    @ApiResponse(responseCode = "201", description = "Posted")
    @PostMapping(path = "/api/reviews/{id}/follow-up", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Void> followUp(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                  @RequestPart("followUp") FollowUpForm form,
                                  @RequestPart(name = "images", required = false) List<MultipartFile> images) throws IOException {
        reviews.followUp(user.id(), id, form.text(), bytes(images));
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @Operation(summary = "The one follow-up (追评) of my review, without images (a JSON body {text})", description = "The same answers as the multipart form.")
    @ApiResponse(responseCode = "201", description = "Posted")
    @PostMapping(path = "/api/reviews/{id}/follow-up", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> followUpWithoutImages(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody FollowUpForm form) {
        reviews.followUp(user.id(), id, form.text(), List.of());
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @Operation(summary = "Mark a review helpful (有用): once per account, not on one's own (403)", description = "409 when already voted.")
    @PostMapping("/api/reviews/{id}/helpful")
    HelpfulCount helpful(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return new HelpfulCount(reviews.vote(user.id(), id));
    }

    @Operation(summary = "My reviews, newest first, whatever their status")
    @GetMapping("/api/me/reviews")
    List<ReviewView> mine(@AuthenticationPrincipal CurrentUser user) {
        return queries.ofBuyer(user.id(), 100);
    }

    @Operation(summary = "A product's shown reviews: filter ALL, IMAGES (有图), FOLLOW_UP (追评), NEGATIVE (差评); sort NEWEST or USEFUL; page from 0")
    @GetMapping("/api/catalog/products/{id}/reviews")
    ReviewQueries.Page ofProduct(@PathVariable long id, @RequestParam(defaultValue = "ALL") ReviewFilter filter,
                                 @RequestParam(defaultValue = "NEWEST") ReviewSort sort, @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "10") int size) {
        return queries.ofProduct(new ProductId(id), filter, sort, page, size);
    }

    @Operation(summary = "A product's ratings from counted reviews: count, average, distribution 1–5, with images, follow-ups, negative")
    @GetMapping("/api/catalog/products/{id}/rating")
    ProductRatings.Rating rating(@PathVariable long id) {
        return ratings.of(new ProductId(id));
    }

    private static final int MAX_RATINGS = 100;

    @Operation(summary = "Ratings of several products at once (ids=1&ids=2, or ids=1,2; at most 100), in the order asked; a product without counted reviews has count 0")
    @GetMapping("/api/catalog/ratings")
    List<ProductRatings.Rating> ratings(@RequestParam List<Long> ids) {
        List<ProductId> asked = ids.stream().distinct().map(ProductId::new).toList();
        if (asked.size() > MAX_RATINGS) {
            throw BusinessException.invalid("ids", "reviews.ratings.too-many", MAX_RATINGS);
        }
        var byProduct = ratings.of(asked);
        return asked.stream().map(byProduct::get).filter(java.util.Objects::nonNull).toList(); // in the order asked
    }

    static List<byte[]> bytes(List<MultipartFile> images) throws IOException {
        List<byte[]> bytes = new ArrayList<>();
        if (images != null) {
            for (MultipartFile image : images) {
                if (!image.isEmpty() || (image.getOriginalFilename() != null && !image.getOriginalFilename().isEmpty())) {
                    bytes.add(image.getBytes());
                }
            }
        }
        return bytes;
    }
}
