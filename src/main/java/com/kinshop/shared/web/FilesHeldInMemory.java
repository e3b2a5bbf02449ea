package com.kinshop.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.resource.HttpResource;
import org.springframework.web.servlet.resource.ResourceTransformer;
import org.springframework.web.servlet.resource.ResourceTransformerChain;
import org.springframework.web.servlet.resource.TransformedResource;

import java.io.IOException;

/**
 * Keeps the bytes of a file shipped inside the application in memory. A file in the packaged jar sits in a nested
 * jar: serving it re-opened the entry (a class-loader lookup), read its last-modified time through a jar connection
 * and inflated it again on every request. The resource chain caches what this returns, so each file is read once;
 * its last-modified time and version headers (ETag of a content-hashed URL) are kept, so conditional GETs answer as
 * before. Only for the application's own bounded set of files, never for uploads.
 */
final class FilesHeldInMemory implements ResourceTransformer {

    @Override
    public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain chain) throws IOException {
        Resource transformed = chain.transform(request, resource);
        return transformed instanceof InMemory ? transformed : new InMemory(transformed);
    }

    private static final class InMemory extends TransformedResource implements HttpResource {

        private final HttpHeaders headers;

        InMemory(Resource file) throws IOException {
            super(file, file.getContentAsByteArray());
            this.headers = file instanceof HttpResource http ? HttpHeaders.readOnlyHttpHeaders(http.getResponseHeaders()) : HttpHeaders.EMPTY;
        }

        @Override
        public HttpHeaders getResponseHeaders() {
            return headers;
        }
    }
}
