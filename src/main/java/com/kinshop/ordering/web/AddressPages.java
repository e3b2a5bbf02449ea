package com.kinshop.ordering.web;

import com.kinshop.identity.CurrentUser;
import com.kinshop.ordering.AddressForm;
import com.kinshop.ordering.Addresses;
import com.kinshop.ordering.Addresses.AddressId;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.FormErrors;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 收货地址: list, add, edit, delete, choose the default. */
@Controller
class AddressPages {

    private final Addresses addresses;

    AddressPages(Addresses addresses) {
        this.addresses = addresses;
    }

    @GetMapping("/me/addresses")
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long edit, @RequestParam(required = false) String back,
                Model model) {
        AddressForm form = edit == null ? new AddressForm("", "", "", "") : toForm(addresses.get(user.id(), new AddressId(edit)));
        model.addAttribute("addressForm", form);
        model.addAttribute("editing", edit);
        return page(user, back, model);
    }

    @PostMapping("/me/addresses")
    String save(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long id, @RequestParam(required = false) String back,
                @Valid @ModelAttribute("addressForm") AddressForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                if (id == null) {
                    addresses.add(user.id(), form);
                } else {
                    addresses.update(user.id(), new AddressId(id), form);
                }
                redirect.addFlashAttribute("notice", "address.saved");
                String checkout = checkout(back);
                return checkout != null ? "redirect:" + checkout : "redirect:/me/addresses";
            } catch (BusinessException e) {
                FormErrors.reject(errors, e);
            }
        }
        model.addAttribute("editing", id);
        return page(user, back, model);
    }

    @PostMapping("/me/addresses/{id}/default")
    String makeDefault(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        addresses.makeDefault(user.id(), new AddressId(id));
        return "redirect:/me/addresses";
    }

    @PostMapping("/me/addresses/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        addresses.delete(user.id(), new AddressId(id));
        redirect.addFlashAttribute("notice", "address.deleted");
        return "redirect:/me/addresses";
    }

    /** Only a checkout of this site is a place to go back to (never another host). */
    private static String checkout(String back) {
        return back != null && back.matches("/checkout(\\?sku=\\d+&quantity=\\d+)?") ? back : null;
    }

    private String page(CurrentUser user, String back, Model model) {
        model.addAttribute("back", checkout(back));
        model.addAttribute("tab", "me");
        model.addAttribute("addresses", addresses.of(user.id()));
        return "ordering/addresses";
    }

    private static AddressForm toForm(Addresses.Address address) {
        return new AddressForm(address.receiver(), address.phone(), address.region(), address.detail());
    }
}
