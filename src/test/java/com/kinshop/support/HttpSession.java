package com.kinshop.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One browser-like client over real HTTP: keeps cookies (the session), sends the CSRF token like the
 * front end does, speaks JSON. Each instance is a separate visitor. Every {@code /api} exchange is checked against the
 * published OpenAPI document ({@link ApiContract}): a test fails where the API does not do what it documents.
 */
public class HttpSession {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private String language = "zh-CN";

    public HttpSession(int port) {
        this.baseUrl = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public int port() {
        return URI.create(baseUrl).getPort();
    }

    public HttpSession language(String acceptLanguage) {
        this.language = acceptLanguage;
        return this;
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), path);
    }



    public byte[] getBytes(String path) {
        try {
            return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response post(String path, Object body) {
        return post(path, body, Map.of());
    }

    public Response post(String path, Object body, Map<String, String> headers) {
        return withBody("POST", path, body, headers);
    }

    public Response put(String path, Object body) {
        return withBody("PUT", path, body, Map.of());
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE().header("X-XSRF-TOKEN", csrf()), path);
    }

    public Response patch(String path, Object body) {
        return withBody("PATCH", path, body, Map.of());
    }

    /** Sends a raw request body (to test malformed JSON) with the CSRF header. */
    public Response postRaw(String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType).header("X-XSRF-TOKEN", csrf());
        return send(request, path, contentType, body);
    }

    /** Sends a raw body with extra headers and no session tricks (as a payment provider's callback would). */
    public Response postRawWithHeaders(String path, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType);
        headers.forEach(request::header);
        return send(request, path, contentType, body);
    }

    /** Posts an HTML form the way a browser does, with the hidden CSRF field taken from {@code formPage}. */
    public Response postForm(String formPage, String path, Map<String, String> fields) {
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(formPage).body());
        if (!token.find()) {
            throw new AssertionError("No CSRF field on " + formPage);
        }
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", token.group(1));
        String encoded = all.entrySet().stream()
                .map(e -> java.net.URLEncoder.encode(e.getKey(), java.nio.charset.StandardCharsets.UTF_8) + "="
                        + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(encoded))
                .header("Content-Type", "application/x-www-form-urlencoded"), path);
    }

    public Response postWithoutCsrf(String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).header("Content-Type", "application/json");
        return send(request, path);
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Makes this client present another client's session cookie (to show a session is really dead). */
    public void useSessionOf(String sessionId) {
        cookies.getCookieStore().removeAll();
        HttpCookie cookie = new HttpCookie("KINSHOP_SESSION", sessionId);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(baseUrl), cookie);
    }

    private Response withBody(String method, String path, Object body, Map<String, String> headers) {
        byte[] json = JSON.writeValueAsBytes(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(json))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", csrf());
        headers.forEach(request::header);
        return send(request, path, "application/json", json);
    }

    /** The SPA pattern: the server sets the XSRF-TOKEN cookie, the client echoes it in a header. */
    private String csrf() {
        if (cookie("XSRF-TOKEN") == null) {
            get("/api/auth/csrf");
        }
        return cookie("XSRF-TOKEN");
    }

    private Response send(HttpRequest.Builder request, String path) {
        return send(request, path, null, null);
    }

    private Response send(HttpRequest.Builder request, String path, String contentType, byte[] body) {
        request.header("Accept-Language", language);
        try {
            HttpRequest sent = request.build();
            HttpResponse<String> response;
            try {
                response = client.send(sent, HttpResponse.BodyHandlers.ofString());
            } catch (IOException closed) {
                // a pooled connection the server had closed while idle (keep-alive timeout): the request never reached it;
                // sent again as a client would, when sending it twice is safe (GET, or the same Idempotency-Key)
                boolean safe = sent.method().equals("GET") || sent.headers().firstValue("Idempotency-Key").isPresent();
                if (!safe || closed.getMessage() == null || !closed.getMessage().contains("received no bytes")) {
                    throw closed;
                }
                response = client.send(sent, HttpResponse.BodyHandlers.ofString());
            }
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            Response answer = new Response(response.statusCode(), headers, response.body());
            ApiContract.check(baseUrl, sent.method(), sent.uri(), sent.headers(), contentType, body, answer);
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    public record Response(int status, Map<String, String> headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        /** The message of the problem's error for {@code field}, or null. */
        public String fieldError(String field) {
            JsonNode errors = json().get("errors");
            if (errors == null) {
                return null;
            }
            for (JsonNode error : errors) {
                if (field.equals(error.get("field").asString())) {
                    return error.get("message").asString();
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
