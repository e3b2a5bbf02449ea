package com.kinshop.shared.web;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An anonymous page as rendered, kept with the database snapshot it was rendered under. The one part that differs
 * between visitors, the form token (CSRF, masked anew per request), is cut out and written per request.
 *
 * @param snapshot the database's {@code pg_current_snapshot()} before the page was rendered
 * @param parts    the page's bytes between the occurrences of the form token
 */
record RenderedPage(String snapshot, Instant renderedAt, String contentType, Locale language, String pathPattern,
                    Charset charset, List<byte[]> parts) {

    static RenderedPage of(String snapshot, Instant renderedAt, String contentType, Locale language, String pathPattern,
                           Charset charset, String html, String formToken) {
        List<byte[]> parts = new ArrayList<>();
        int from = 0;
        for (int at = formToken == null ? -1 : html.indexOf(formToken); at >= 0; at = html.indexOf(formToken, from)) {
            parts.add(html.substring(from, at).getBytes(charset));
            from = at + formToken.length();
        }
        parts.add(html.substring(from).getBytes(charset));
        return new RenderedPage(snapshot, renderedAt, contentType, language, pathPattern, charset, List.copyOf(parts));
    }

    /**
     * Still what rendering would give: no transaction has ended anywhere in the database since (same snapshot), and
     * it is younger than {@code maxAge}, which bounds what the page shows from memory or from the clock (a countdown).
     */
    boolean current(String snapshotNow, Instant now, Duration maxAge) {
        return snapshot.equals(snapshotNow) && !now.isBefore(renderedAt) && now.isBefore(renderedAt.plus(maxAge));
    }

    /** Whether the page has forms, whose token is each visitor's own. */
    boolean carriesFormToken() {
        return parts.size() > 1;
    }

    void writeTo(HttpServletResponse response, String formToken) throws IOException {
        byte[] token = carriesFormToken() ? formToken.getBytes(charset) : new byte[0];
        long length = (long) token.length * (parts.size() - 1);
        for (byte[] part : parts) {
            length += part.length;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setLocale(language); // Content-Language, as the DispatcherServlet sets it
        response.setContentType(contentType);
        response.setContentLengthLong(length);
        OutputStream body = response.getOutputStream();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                body.write(token);
            }
            body.write(parts.get(i));
        }
    }

    /** Its size in bytes, for the bound on memory. */
    int weight() {
        int weight = 0;
        for (byte[] part : parts) {
            weight += part.length;
        }
        return weight;
    }
}
