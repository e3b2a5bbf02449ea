package com.kinshop.identity.web;

import com.kinshop.identity.Accounts;
import com.kinshop.identity.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every rendered page knows who is signed in ({@code me}) and whether the SMS sandbox is on. */
@Configuration(proxyBeanMethods = false)
class CurrentAccountInModel implements WebMvcConfigurer, HandlerInterceptor {

    private final Accounts accounts;
    private final boolean smsSandbox;

    CurrentAccountInModel(Accounts accounts, @Value("${kinshop.sms.sandbox:false}") boolean smsSandbox) {
        this.accounts = accounts;
        this.smsSandbox = smsSandbox;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/api/**", "/media/**", "/webjars/**", "/css/**", "/js/**");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
        if (view == null || (view.getViewName() != null && view.getViewName().startsWith("redirect:"))) {
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
            accounts.find(user.id()).ifPresent(account -> view.addObject("me", account));
        }
        view.addObject("smsSandbox", smsSandbox);
    }
}
