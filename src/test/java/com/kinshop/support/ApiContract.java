package com.kinshop.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract an outside integrator reads ({@code /v3/api-docs} of the running app), checked against the real
 * {@code /api} exchanges the tests make. Every response must match what is documented for its status; a request is
 * checked when the server accepted it (2xx): accepting what the contract forbids is as wrong as refusing what it allows,
 * while a refused request is often malformed on purpose.
 */
final class ApiContract {

    private static final Map<String, OpenApiInteractionValidator> BY_BASE_URL = new ConcurrentHashMap<>();

    private ApiContract() {
    }

    static void check(String baseUrl, String method, URI uri, java.net.http.HttpHeaders headers, String contentType, byte[] body,
                      HttpSession.Response response) {
        if (!uri.getPath().startsWith("/api/")) {
            return;
        }
        OpenApiInteractionValidator validator = BY_BASE_URL.computeIfAbsent(baseUrl, ApiContract::load);
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.status()).withBody(response.body());
        if (response.header("Content-Type") != null) {
            answer.withContentType(response.header("Content-Type"));
        }
        Request request = request(method, uri, headers, contentType, body);
        ValidationReport report = response.status() / 100 == 2
                ? validator.validate(request, answer.build())
                : validator.validateResponse(uri.getPath(), request.getMethod(), answer.build());
        if (response.status() / 100 != 2 && onlyAboutAnUndocumentedOperation(report)) {
            // no such operation (a wrong path or method): nothing to compare with, but it must still be our problem+json
            assertThat(response.header("Content-Type")).as(method + " " + uri.getPath()).startsWith("application/problem+json");
            assertThat(response.json().has("code")).as(response.body()).isTrue();
            return;
        }
        if (report.hasErrors()) {
            throw new AssertionError("Not as documented in /v3/api-docs: " + method + " " + uri.getPath() + " -> " + response.status() + "\n"
                    + report.getMessages().stream().map(m -> "  " + m.getKey() + ": " + m.getMessage()).collect(Collectors.joining("\n"))
                    + "\n  body: " + abbreviate(response.body()));
        }
    }

    private static boolean onlyAboutAnUndocumentedOperation(ValidationReport report) {
        return report.getMessages().stream().allMatch(message -> message.getKey().equals("validation.request.path.missing")
                || message.getKey().equals("validation.request.operation.notAllowed"));
    }

    private static Request request(String method, URI uri, java.net.http.HttpHeaders headers, String contentType, byte[] body) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, uri.getPath());
        // the headers as sent (Idempotency-Key is documented, required where the server requires it)
        headers.map().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                request.withHeader(name, values.toArray(String[]::new));
            }
        });
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] nameValue = pair.split("=", 2);
                request.withQueryParam(decode(nameValue[0]), nameValue.length > 1 ? decode(nameValue[1]) : "");
            }
        }
        if (contentType != null) {
            request.withContentType(contentType);
        }
        if (body != null && body.length > 0) {
            request.withBody(body);
        }
        return request.build();
    }

    private static OpenApiInteractionValidator load(String baseUrl) {
        try {
            String spec = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + "/v3/api-docs")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            // the tests post {} to body-less actions (cancel, approve, pay); the server ignores it, as an integrator's client may
            LevelResolver lenient = LevelResolver.create().withLevel("validation.request.body.unexpected", ValidationReport.Level.IGNORE).build();
            return OpenApiInteractionValidator.createForInlineApiSpecification(spec).withLevelResolver(lenient).build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text == null || text.length() < 600 ? text : text.substring(0, 600) + "…";
    }
}
