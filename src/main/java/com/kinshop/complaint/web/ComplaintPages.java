package com.kinshop.complaint.web;

import com.kinshop.complaint.ComplaintCategory;
import com.kinshop.complaint.ComplaintViews;
import com.kinshop.complaint.Complaints;
import com.kinshop.identity.CurrentUser;
import com.kinshop.ordering.Orders;
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
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/** The buyer's complaints: filed from an order's page, followed on "my complaints" (status, answer, decision). */
@Controller
class ComplaintPages {

    private final Complaints complaints;
    private final ComplaintViews views;
    private final Orders orders;

    ComplaintPages(Complaints complaints, ComplaintViews views, Orders orders) {
        this.complaints = complaints;
        this.views = views;
        this.orders = orders;
    }

    /** The form as typed, kept when a refusal shows it again. */
    record Submitted(String order, Long line, String category, String text) {
    }

    @GetMapping("/me/complaints")
    String mine(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("complaints", views.ofBuyer(user.id(), 100));
        return "complaint/mine";
    }

    @GetMapping("/me/complaints/new")
    String form(@AuthenticationPrincipal CurrentUser user, @RequestParam String order, @RequestParam(required = false) Long line, Model model) {
        return show(user, new Submitted(order, line, null, ""), model);
    }

    @PostMapping("/me/complaints")
    String file(@AuthenticationPrincipal CurrentUser user, @RequestParam String order, @RequestParam(required = false) Long line,
                @RequestParam(required = false) String category, @RequestParam(required = false) String text,
                @RequestParam(name = "images", required = false) List<MultipartFile> images, Model model, RedirectAttributes redirect) {
        Submitted submitted = new Submitted(order, line, category, text);
        try {
            complaints.file(user.id(), new Complaints.Filing(order, line, category, text), bytes(images));
            redirect.addFlashAttribute("notice", "complaint.filed");
            return "redirect:/me/complaints";
        } catch (BusinessException e) {
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorArgs", e.args());
            model.addAttribute("errorField", e.field());
            return show(user, submitted, model);
        }
    }

    @PostMapping("/me/complaints/{number}/withdraw")
    String withdraw(@AuthenticationPrincipal CurrentUser user, @PathVariable String number, RedirectAttributes redirect) {
        return Flash.outcome(redirect, "redirect:/me/complaints", "complaint.withdrawn", () -> complaints.withdraw(user.id(), number));
    }

    private String show(CurrentUser user, Submitted submitted, Model model) {
        model.addAttribute("order", orders.forBuyer(user.id(), submitted.order())); // 404 unless theirs
        model.addAttribute("form", submitted);
        model.addAttribute("categories", Arrays.asList(ComplaintCategory.values()));
        return "complaint/new";
    }

    /** The files chosen; an empty file input sends one empty part, which is no image. */
    private static List<byte[]> bytes(List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        return files.stream().filter(file -> !file.isEmpty()).map(file -> {
            try {
                return file.getBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }
}
