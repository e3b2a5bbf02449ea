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

import java.util.regex.Pattern;

/** Puts a verified account into the session, with a fresh session id (no session fixation). */
@Component
class SessionLogin {

    private static final Pattern SAME_SITE_PATH = Pattern.compile("/(?!/)[A-Za-z0-9/_.~?=&%-]*");

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

    /**
     * Where to go after signing in on a page: the page named by {@code next} (checked by {@link #sameSitePath}), else
     * the page that asked for it, else {@code fallback}.
     */
    String landingPage(String next, String fallback, HttpServletRequest request, HttpServletResponse response) {
        SavedRequest saved = requestCache.getRequest(request, response);
        requestCache.removeRequest(request, response);
        if (sameSitePath(next) != null) {
            return next;
        }
        return saved == null ? fallback : saved.getRedirectUrl();
    }

    /**
     * {@code next} if it is a path on this site, else null: it must start with one "/" and hold only URL-safe characters,
     * so "//host", "/\host", "https://host" or a tab that browsers strip can never turn it into an open redirect.
     */
    static String sameSitePath(String next) {
        return next != null && next.length() <= 300 && SAME_SITE_PATH.matcher(next).matches() ? next : null;
    }

}
