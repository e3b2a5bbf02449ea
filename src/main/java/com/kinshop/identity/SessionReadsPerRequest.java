package com.kinshop.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.session.Session;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The session a request read from the store, remembered until the request ends, so that it is read once.
 * Spring Session's filter (4.1) reads the requested session when the request first uses it; when the response is
 * committed early (JSON, a redirect) it saves the session and forgets what it read, and its closing save then looked
 * the session up again, a second SELECT on most signed-in requests. Registered just outside Spring Session's filter,
 * so the memo covers that closing save and is gone before the thread serves another request (which must see what other
 * requests and nodes changed meanwhile). Outside a request (jobs, sign-out of other sessions) nothing is remembered.
 */
final class SessionReadsPerRequest extends OncePerRequestFilter {

    private static final ThreadLocal<Session[]> READ_THIS_REQUEST = new ThreadLocal<>();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        READ_THIS_REQUEST.set(new Session[1]);
        try {
            chain.doFilter(request, response);
        } finally {
            READ_THIS_REQUEST.remove();
        }
    }

    /** The session this request already read under this id; an id changed since (sign-in) no longer finds it. */
    static Session recall(String id) {
        Session[] read = READ_THIS_REQUEST.get();
        return read != null && read[0] != null && read[0].getId().equals(id) ? read[0] : null;
    }

    static void remember(Session session) {
        Session[] read = READ_THIS_REQUEST.get();
        if (read != null) {
            read[0] = session;
        }
    }

    /** A deleted session (sign-out) must not be found again. */
    static void forget(String id) {
        if (recall(id) != null) {
            READ_THIS_REQUEST.get()[0] = null;
        }
    }
}
