package com.kinshop.referral.web;

import com.kinshop.identity.CurrentUser;
import com.kinshop.identity.Role;
import com.kinshop.referral.DistributionPolicies;
import com.kinshop.referral.DistributionPolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every console page an operator sees knows whether the policy is at (or switched on for) three levels, so the sidebar
 * and the dashboard can say so in red ({@code threeLevelWarning}): the anti-pyramid line should never be crossed quietly.
 */
@Configuration(proxyBeanMethods = false)
class ThreeLevelWarning implements WebMvcConfigurer, HandlerInterceptor {

    private final DistributionPolicies policies;

    ThreeLevelWarning(DistributionPolicies policies) {
        this.policies = policies;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/console", "/console/**");
    }

    static boolean warns(DistributionPolicy policy) {
        return policy.warnsOfThreeLevels() || policy.threeLevelAllowed();
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
        if (view == null || (view.getViewName() != null && view.getViewName().startsWith("redirect:"))) {
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user && user.has(Role.OPERATOR)) {
            view.addObject("threeLevelWarning", warns(policies.current()));
        }
    }
}
