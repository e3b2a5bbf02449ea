package com.kinshop.identity.web;

import com.kinshop.identity.AccountAccess;
import com.kinshop.identity.CodePurpose;
import com.kinshop.identity.CurrentUser;
import com.kinshop.identity.Registration;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.FormErrors;
import com.kinshop.shared.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.function.Supplier;

/** Sign-in and sign-up pages. Errors are shown on the field they concern; nothing is changed by a refused form. */
@Controller
class AuthPages {

    private final AccountAccess access;
    private final SessionLogin sessionLogin;
    private final Problems problems;

    AuthPages(AccountAccess access, SessionLogin sessionLogin, Problems problems) {
        this.access = access;
        this.sessionLogin = sessionLogin;
        this.problems = problems;
    }

    /** The same-site page to return to after signing in (forms carry it on); anything else is dropped. */
    @ModelAttribute("next")
    String next(@RequestParam(required = false) String next) {
        return SessionLogin.sameSitePath(next);
    }

    /** Why the sign-in page appeared, said on it: only known reasons (a message key suffix). */
    @ModelAttribute("reason")
    String reason(@RequestParam(required = false) String reason) {
        return "cart".equals(reason) ? reason : null;
    }

    @GetMapping("/login")
    String loginPage(@RequestParam(defaultValue = "password") String mode, Model model) {
        model.addAttribute("passwordLogin", new Requests.PasswordLogin("", ""));
        model.addAttribute("codeLogin", new Requests.CodeLogin("", ""));
        model.addAttribute("mode", "code".equals(mode) ? "code" : "password");
        return "identity/login";
    }

    @PostMapping("/login")
    String login(@Valid @ModelAttribute("passwordLogin") Requests.PasswordLogin form, BindingResult errors, Model model,
                 HttpServletRequest request, HttpServletResponse response) {
        model.addAttribute("codeLogin", new Requests.CodeLogin(form.phone(), ""));
        model.addAttribute("mode", "password");
        return signIn(errors, () -> access.signInWithPassword(form.phone(), form.password(), request.getRemoteAddr()), (String) model.getAttribute("next"),
                request, response);
    }

    @PostMapping("/login/code")
    String loginWithCode(@Valid @ModelAttribute("codeLogin") Requests.CodeLogin form, BindingResult errors, Model model,
                         HttpServletRequest request, HttpServletResponse response) {
        model.addAttribute("passwordLogin", new Requests.PasswordLogin(form.phone(), ""));
        model.addAttribute("mode", "code");
        return signIn(errors, () -> access.signInWithCode(form.phone(), form.code(), request.getRemoteAddr()), (String) model.getAttribute("next"),
                request, response);
    }

    @GetMapping("/register")
    String registerPage(Model model) {
        model.addAttribute("registration", new Registration("", "", "", ""));
        return "identity/register";
    }

    @PostMapping("/register")
    String register(@Valid @ModelAttribute("registration") Registration form, BindingResult errors, Model model,
                    HttpServletRequest request, HttpServletResponse response) {
        if (errors.hasErrors()) {
            return "identity/register";
        }
        try {
            sessionLogin.signIn(access.register(form, request.getRemoteAddr()), request, response);
            return "redirect:" + sessionLogin.landingPage((String) model.getAttribute("next"), "/me?welcome", request, response);
        } catch (BusinessException e) {
            FormErrors.reject(errors, e);
            return "identity/register";
        }
    }

    /** htmx: sends a code and answers with a one-line status that replaces the previous one. */
    @PostMapping("/auth/code")
    String sendCode(@RequestParam(defaultValue = "") String phone, @RequestParam CodePurpose purpose,
                    HttpServletRequest request, Model model) {
        try {
            if (!phone.matches(com.kinshop.identity.Validation.PHONE)) {
                throw BusinessException.invalid("phone", "phone.invalid");
            }
            access.requestCode(phone, purpose, request.getRemoteAddr());
            model.addAttribute("sent", true);
            model.addAttribute("message", problems.message("code.sent"));
        } catch (BusinessException e) {
            model.addAttribute("sent", false);
            model.addAttribute("message", problems.message(e.messageKey(), e.args()));
        }
        return "identity/fragments :: code-status";
    }

    private String signIn(BindingResult errors, Supplier<CurrentUser> verify, String next, HttpServletRequest request, HttpServletResponse response) {
        if (errors.hasErrors()) {
            return "identity/login";
        }
        try {
            sessionLogin.signIn(verify.get(), request, response);
            return "redirect:" + sessionLogin.landingPage(next, "/me", request, response);
        } catch (BusinessException e) {
            FormErrors.reject(errors, e);
            return "identity/login";
        }
    }
}
