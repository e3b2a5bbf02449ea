package com.kinshop.shared.web;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The error contract in {@code /v3/api-docs}: every operation may answer a {@code Problem} (RFC 9457 with our
 * {@code code} and {@code errors}), so an integrator's generated client knows the shape of every refusal.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    @Bean
    OpenApiCustomizer problemResponses() {
        return api -> {
            Schema<?> fieldProblem = new ObjectSchema()
                    .addProperty("field", new StringSchema().description("The request field, parameter or header, as the client sent it"))
                    .addProperty("message", new StringSchema().description("Why, in the caller's language"))
                    .required(List.of("field", "message"));
            Schema<?> problem = new ObjectSchema()
                    .description("RFC 9457 problem details; detail and title are in the caller's language (Accept-Language)")
                    .addProperty("type", new StringSchema())
                    .addProperty("title", new StringSchema())
                    .addProperty("status", new IntegerSchema())
                    .addProperty("detail", new StringSchema())
                    .addProperty("instance", new StringSchema())
                    .addProperty("code", new StringSchema().description("Stable message key, e.g. request.invalid, cart.sku.unavailable"))
                    .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldProblem")))
                    .required(List.of("title", "status", "detail", "code"));
            api.getComponents().addSchemas("FieldProblem", fieldProblem).addSchemas("Problem", problem);
            ApiResponse refusal = new ApiResponse().description("A refusal (4xx) or failure (5xx) as problem+json")
                    .content(new Content().addMediaType("application/problem+json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
            // The language switch works on every request (WebConfiguration), so every operation documents it.
            QueryParameter language = new QueryParameter();
            language.name("lang").required(false)
                    .description("Language of texts and errors for this and later requests (kept in the KINSHOP_LANG cookie, "
                            + "which outranks Accept-Language)")
                    .schema(new StringSchema()._enum(List.of("zh_CN", "en")));
            api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                operation.getResponses().addApiResponse("default", refusal);
                operation.addParametersItem(language);
                describeIdempotencyKey(operation);
            }));
        };
    }

    /**
     * The key's format wherever an operation takes one ("required" is declared on the endpoints that refuse a request
     * without one, with {@code @Parameter(required = true)}: they keep the header optional for Spring MVC so the refusal
     * is their own {@code idempotency.key.required}).
     */
    private static void describeIdempotencyKey(io.swagger.v3.oas.models.Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        operation.getParameters().stream().filter(parameter -> com.kinshop.shared.Idempotency.HEADER.equals(parameter.getName())).forEach(parameter -> {
            parameter.description("One key per intended operation: a retry with the same key and body answers the first result, the same key "
                            + "with another body is 422. 8–100 characters of A–Z a–z 0–9 _ . : -")
                    .schema(new StringSchema().minLength(8).maxLength(100).pattern("^[A-Za-z0-9_.:-]{8,100}$"));
        });
    }
}
