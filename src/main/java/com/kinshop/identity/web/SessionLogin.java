package com.kinshop.identity.web;

import com.kinshop.identity.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/** Puts a verified account into the session, with a fresh session id (no session fixation). */
@Component
class SessionLogin {

    private final SecurityContextRepository contexts;
    private final RequestCache requestCache;

    SessionLogin(SecurityContextRepository contexts, RequestCache requestCache) {
        this.contexts = contexts;
        this.requestCache = requestCache;
    }

    void signIn(CurrentUser user, HttpServletRequest request, HttpServletResponse response) {
        request.getSession(true);
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    /** Where to go after signing in on a page: back to the page that asked for it, or the member centre. */
    String landingPage(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest saved = requestCache.getRequest(request, response);
        requestCache.removeRequest(request, response);
        return saved == null ? "/me" : saved.getRedirectUrl();
    }
}
