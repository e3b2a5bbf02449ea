package com.kinshop.complaint.web;

import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.Suppliers;
import com.kinshop.complaint.Complaint;
import com.kinshop.complaint.ComplaintStatus;
import com.kinshop.complaint.ComplaintViews;
import com.kinshop.complaint.Complaints;
import com.kinshop.identity.CurrentUser;
import com.kinshop.shared.BusinessException;
import io.swagger.v3.oas.annotations.Operation;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.List;

@Tag(name = "Complaints", description = "Complaints (投诉): buyers file against a supplier about a paid order; the supplier answers; the operator arbitrates")
@RestController
class ComplaintApi {

    private final Complaints complaints;
    private final ComplaintViews views;
    private final Suppliers suppliers;

    ComplaintApi(Complaints complaints, ComplaintViews views, Suppliers suppliers) {
        this.complaints = complaints;
        this.views = views;
        this.suppliers = suppliers;
    }

    @Schema(name = "ComplaintAnswer")
    record Answer(String answer) {
    }

    @Operation(summary = "File a complaint about one of my paid orders (optionally one line)",
            description = "category: QUALITY, NOT_AS_DESCRIBED, LATE_SHIPMENT, AFTER_SALES_EVASION, SERVICE_ATTITUDE, COUNTERFEIT or OTHER; text 1–500 characters. "
                    + "404 naming orderNumber for an order that is not mine; 409 naming orderNumber when it is unpaid, past the window after payment, "
                    + "or already has an open complaint; 400 naming the field otherwise. Nothing is stored on any refusal. Images: POST …/images.")
    @ApiResponse(responseCode = "201", description = "Filed", content = @Content(schema = @Schema(implementation = Complaint.class)))
    @PostMapping("/api/me/complaints")
    ResponseEntity<Complaint> file(@AuthenticationPrincipal CurrentUser user, @RequestBody Complaints.Filing filing) {
        return ResponseEntity.status(HttpStatus.CREATED).body(complaints.file(user.id(), filing, List.of()));
    }

    @Operation(summary = "Add an image (PNG, JPEG or GIF, at most 5 MB; nine per complaint) while the supplier has not answered")
    @PostMapping(path = "/api/me/complaints/{number}/images", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Complaint addImage(@AuthenticationPrincipal CurrentUser user, @PathVariable String number, @RequestPart("image") MultipartFile image) throws IOException {
        return complaints.addImage(user.id(), number, image.getBytes());
    }

    @Operation(summary = "My complaints, newest first, with the supplier's answer and the operator's decision")
    @GetMapping("/api/me/complaints")
    List<Complaint> mine(@AuthenticationPrincipal CurrentUser user) {
        return views.ofBuyer(user.id(), 100);
    }

    @GetMapping("/api/me/complaints/{number}")
    Complaint mine(@AuthenticationPrincipal CurrentUser user, @PathVariable String number) {
        return views.ofBuyer(user.id(), number);
    }

    @Operation(summary = "Withdraw my complaint while it is open (409 once decided or withdrawn)")
    @PostMapping("/api/me/complaints/{number}/withdraw")
    Complaint withdraw(@AuthenticationPrincipal CurrentUser user, @PathVariable String number) {
        return complaints.withdraw(user.id(), number);
    }

    @Operation(summary = "Complaints against my supplier: open ones first by deadline; the buyer is masked, never their phone")
    @GetMapping("/api/supplier/complaints")
    List<Complaint> againstMe(@AuthenticationPrincipal CurrentUser user) {
        return views.ofSupplier(supplierOf(user), 200);
    }

    @GetMapping("/api/supplier/complaints/{number}")
    Complaint againstMe(@AuthenticationPrincipal CurrentUser user, @PathVariable String number) {
        return views.ofSupplier(supplierOf(user), number);
    }

    @Operation(summary = "Answer a complaint, once, before its deadline",
            description = "400 naming answer when blank or over 500 characters; 409 naming answer when already answered or past the deadline.")
    @PostMapping("/api/supplier/complaints/{number}/answer")
    Complaint answer(@AuthenticationPrincipal CurrentUser user, @PathVariable String number, @RequestBody Answer answer) {
        return complaints.answer(supplierOf(user), number, answer.answer());
    }

    @Operation(summary = "Operator: complaints, those awaiting a decision first; filter by status")
    @GetMapping("/api/admin/complaints")
    List<Complaint> all(@RequestParam(required = false) ComplaintStatus status) {
        return views.forOperator(status, 300);
    }

    @GetMapping("/api/admin/complaints/{number}")
    Complaint one(@PathVariable String number) {
        return views.get(number);
    }

    @Operation(summary = "Operator: arbitrate — uphold (penalty 0 … the deposit's balance, to BUYER or PLATFORM) or dismiss, with a reason both sides see",
            description = "409 for a complaint already decided or withdrawn, or still awaiting the supplier's answer; 409 naming penaltyFen when the "
                    + "deposit holds less; 400 naming reason, penaltyFen or penaltyTo. Nothing changes on any refusal.")
    @PostMapping("/api/admin/complaints/{number}/decision")
    Complaint decide(@AuthenticationPrincipal CurrentUser user, @PathVariable String number, @RequestBody Complaints.Decision decision) {
        return complaints.decide(user.id(), number, decision);
    }

    private SupplierId supplierOf(CurrentUser user) {
        return suppliers.supplierOf(user.id()).orElseThrow(() -> BusinessException.forbidden("supplier.not-linked"));
    }
}
