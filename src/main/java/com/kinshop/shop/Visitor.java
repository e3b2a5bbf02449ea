package com.kinshop.shop;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

/**
 * The anonymous visitor id (a cookie, no personal data) that lets conversion count people rather than page loads,
 * and the last share link's shop code, which checkout will attribute the order to.
 */
public final class Visitor {

    private static final String VISITOR_COOKIE = "ks_vid";
    public static final String REFERRER_COOKIE = "ks_ref";

    private Visitor() {
    }

    static UUID id(HttpServletRequest request, HttpServletResponse response) {
        String existing = value(request, VISITOR_COOKIE);
        if (existing != null) {
            try {
                return UUID.fromString(existing);
            } catch (IllegalArgumentException tampered) {
                // fall through and issue a fresh id
            }
        }
        UUID id = UUID.randomUUID();
        set(response, VISITOR_COOKIE, id.toString(), Duration.ofDays(365));
        return id;
    }

    static void cameThrough(String shopCode, HttpServletResponse response) {
        set(response, REFERRER_COOKIE, shopCode, Duration.ofDays(30));
    }

    private static String value(HttpServletRequest request, String name) {
        return request.getCookies() == null ? null : Arrays.stream(request.getCookies())
                .filter(cookie -> cookie.getName().equals(name)).map(Cookie::getValue).findFirst().orElse(null);
    }

    private static void set(HttpServletResponse response, String name, String value, Duration maxAge) {
        Cookie cookie = new Cookie(name, value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setMaxAge((int) maxAge.toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }
}
