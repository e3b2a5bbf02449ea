package com.kinshop.identity;

import com.kinshop.shared.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.LocaleResolver;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

/**
 * A 401 or 403 of the API, answered by Spring Security before Spring MVC runs: the language is chosen as on every
 * other answer ({@code ?lang=}, the language cookie, Accept-Language, Chinese by default — MVC's resolver had not run
 * yet, so these came back in the JVM's language), and {@code instance} is the path asked for.
 */
final class SecurityProblems {

    private final Problems problems;
    private final LocaleResolver languages;

    SecurityProblems(Problems problems, LocaleResolver languages) {
        this.problems = problems;
        this.languages = languages;
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String messageKey) throws IOException {
        LocaleContext outer = LocaleContextHolder.getLocaleContext();
        LocaleContextHolder.setLocale(languageOf(request));
        try {
            ProblemDetail problem = problems.of(status, messageKey, null);
            problem.setInstance(URI.create(request.getRequestURI()));
            problems.write(response, problem);
        } finally {
            LocaleContextHolder.setLocaleContext(outer);
        }
    }

    private Locale languageOf(HttpServletRequest request) {
        String asked = request.getParameter("lang");
        if (asked != null) {
            try {
                Locale parsed = StringUtils.parseLocale(asked);
                if (parsed != null && !parsed.getLanguage().isEmpty()) {
                    return parsed;
                }
            } catch (IllegalArgumentException ignored) {
                // an unknown value is ignored here as it is on pages
            }
        }
        return languages.resolveLocale(request);
    }
}
