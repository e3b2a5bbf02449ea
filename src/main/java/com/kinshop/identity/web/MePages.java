package com.kinshop.identity.web;

import com.kinshop.identity.Accounts;
import com.kinshop.identity.CurrentUser;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.FormErrors;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;

/** 我的: the member centre and the profile page. */
@Controller
class MePages {

    private final Accounts accounts;

    MePages(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/me")
    String me(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("tab", "me");
        return "identity/me";
    }

    @GetMapping("/me/profile")
    String profile(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("profile", new Requests.ProfileUpdate(accounts.get(user.id()).nickname()));
        return "identity/profile";
    }

    @PostMapping("/me/profile")
    String updateProfile(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("profile") Requests.ProfileUpdate form,
                         BindingResult errors, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return "identity/profile";
        }
        try {
            accounts.rename(user.id(), form.nickname());
        } catch (BusinessException e) {
            FormErrors.reject(errors, e);
            return "identity/profile";
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/me/profile";
    }

    @PostMapping("/me/avatar")
    String uploadAvatar(@AuthenticationPrincipal CurrentUser user, @RequestParam("avatar") MultipartFile avatar,
                        Model model) throws IOException {
        try {
            accounts.changeAvatar(user.id(), avatar.getBytes());
            return "redirect:/me/profile";
        } catch (BusinessException e) {
            model.addAttribute("profile", new Requests.ProfileUpdate(accounts.get(user.id()).nickname()));
            model.addAttribute("avatarError", e.messageKey());
            model.addAttribute("avatarErrorArgs", e.args());
            return "identity/profile";
        }
    }
}
