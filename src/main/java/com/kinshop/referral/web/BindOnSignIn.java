package com.kinshop.referral.web;

import com.kinshop.identity.CurrentUser;
import com.kinshop.referral.DistributionPolicies;
import com.kinshop.referral.DistributionPolicy;
import com.kinshop.referral.Referrals;
import com.kinshop.shop.Visitor;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Arrays;

/**
 * Binds a signed-in member to the member whose share link they arrived through (cookie {@code ks_ref}), when the
 * policy binds at sign-in: on the first request of a session that carries the cookie, once per code. Binding itself
 * refuses oneself, cycles and anyone already bound, so this can be tried freely.
 */
@Component
class BindOnSignIn implements WebMvcConfigurer, HandlerInterceptor {

    private static final String CHECKED = BindOnSignIn.class.getName() + ".checked";

    private final Referrals referrals;
    private final DistributionPolicies policies;

    BindOnSignIn(Referrals referrals, DistributionPolicies policies) {
        this.referrals = referrals;
        this.policies = policies;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/media/**", "/webjars/**", "/css/**", "/js/**", "/img/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String code = referrerCode(request);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (code == null || authentication == null || !(authentication.getPrincipal() instanceof CurrentUser user)) {
            return true;
        }
        HttpSession session = request.getSession(false);
        if (session == null || code.equals(session.getAttribute(CHECKED))) {
            return true;
        }
        session.setAttribute(CHECKED, code);
        if (policies.current().bindAt() == DistributionPolicy.BindAt.SIGN_IN) {
            referrals.bind(user.id(), code, Referrals.Source.SHARE_LINK);
        }
        return true;
    }

    private static String referrerCode(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? null : Arrays.stream(cookies).filter(c -> c.getName().equals(Visitor.REFERRER_COOKIE)).map(Cookie::getValue)
                .filter(v -> !v.isBlank()).findFirst().orElse(null);
    }
}
