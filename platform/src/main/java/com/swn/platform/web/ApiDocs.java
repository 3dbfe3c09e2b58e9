package com.swn.platform.web;

import com.swn.platform.security.AccessRules.PublicRoute;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The rules every service's OpenAPI document follows, so that it describes what the service really
 * answers and a generated client is right:
 *
 * <ul>
 *   <li>Every error is an {@code application/problem+json} {@code Problem}: 400, 500 and 503 on
 *       every operation, 413 and 415 where there is a body, 404 where the path names a resource,
 *       412 where {@code If-Match} is accepted, and {@code default} for the rest (405, 406, 431…).
 *   <li>Request bodies allow no properties but their own, as the services refuse unknown fields.
 *   <li>Success bodies are {@code application/json} (springdoc says {@code *}{@code /*}).
 *   <li>Every operation but the public ones ({@link
 *       com.swn.platform.security.AccessRules#publicRoutes}) needs a bearer token (the {@code
 *       bearer} scheme) and may answer 401 and 403.
 *   <li>A schema only ever sent, never received, lists every property as required: each is always
 *       present (a {@code null} one is marked nullable on its field), except a page's {@code
 *       nextToken}, which is absent on the last page.
 * </ul>
 *
 * Operation-specific answers (201, 202, 409, 422, 428) are declared on the controllers.
 */
public final class ApiDocs implements OpenApiCustomizer {

  static final String PROBLEM = "Problem";
  private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
  private static final String SCHEMAS = "#/components/schemas/";
  static final String BEARER = "bearer";

  private final List<PublicRoute> publicRoutes;

  public ApiDocs(List<PublicRoute> publicRoutes) {
    this.publicRoutes = List.copyOf(publicRoutes);
  }

  @Override
  public void customise(OpenAPI openApi) {
    openApi.getComponents().addSchemas(PROBLEM, problemSchema());
    openApi
        .getComponents()
        .addSecuritySchemes(
            BEARER,
            new SecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .bearerFormat("JWT")
                .description(
                    "An access token of the Cognito user pool (locally: scripts/token <user>)"));
    var sent = new HashSet<String>();
    var received = new HashSet<String>();
    if (openApi.getPaths() == null) {
      return;
    }
    openApi
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) -> {
                          if (!isPublic(method.name(), path)) {
                            operation.setSecurity(
                                List.of(new SecurityRequirement().addList(BEARER)));
                            problem(
                                operation.getResponses() == null
                                    ? operationResponses(operation)
                                    : operation.getResponses(),
                                "401",
                                "No valid access token");
                            problem(
                                operation.getResponses(),
                                "403",
                                "The token's user may not do this (another customer's, or operators only)");
                          }
                          errors(path, operation);
                          operation
                              .getResponses()
                              .values()
                              .forEach(response -> collect(response.getContent(), sent));
                          if (operation.getRequestBody() != null) {
                            collect(operation.getRequestBody().getContent(), received);
                          }
                        }));
    var schemas = openApi.getComponents().getSchemas();
    closure(sent, schemas);
    closure(received, schemas);
    for (var name : received) {
      // The services refuse unknown fields (a client-chosen id, a price): say so.
      Schema<?> schema = schemas.get(name);
      if (schema != null && schema.getProperties() != null) {
        schema.setAdditionalProperties(false);
      }
    }
    sent.removeAll(received);
    sent.remove(PROBLEM);
    for (var name : sent) {
      Schema<?> schema = schemas.get(name);
      if (schema != null && schema.getProperties() != null) {
        var required = new ArrayList<String>(schema.getProperties().keySet());
        if (name.startsWith("Page")) {
          required.remove("nextToken");
        }
        schema.setRequired(required);
      }
    }
  }

  private boolean isPublic(String method, String path) {
    return publicRoutes.stream()
        .anyMatch(
            route ->
                route.method().name().equals(method.toUpperCase(Locale.ROOT))
                    && route.path().equals(path));
  }

  private static ApiResponses operationResponses(Operation operation) {
    var responses = new ApiResponses();
    operation.setResponses(responses);
    return responses;
  }

  private static void errors(String path, Operation operation) {
    var responses = operation.getResponses();
    if (responses == null) {
      responses = new ApiResponses();
      operation.setResponses(responses);
    }
    responses.values().forEach(ApiDocs::jsonNotAnything);
    problem(responses, "400", "The request breaks the API's rules (see errors[] for fields)");
    if (path.contains("{")) {
      problem(responses, "404", "No such resource");
    }
    if (hasHeader(operation, "If-Match")) {
      problem(responses, "412", "If-Match does not name the current version; nothing changed");
    }
    if (operation.getRequestBody() != null) {
      problem(responses, "413", "The body is larger than the service accepts");
      problem(responses, "415", "The body is not application/json");
    }
    problem(responses, "500", "Unexpected; quote the requestId when reporting it");
    problem(responses, "503", "A dependency is unavailable or too slow; retry later");
    problem(responses, "default", "Any other error, as a problem document");
    problemContent(responses);
  }

  private static boolean hasHeader(Operation operation, String name) {
    return operation.getParameters() != null
        && operation.getParameters().stream()
            .map(Parameter::getName)
            .anyMatch(name::equalsIgnoreCase);
  }

  /** Declares {@code code} unless the controller did; {@link #errors} gives it its content. */
  private static void problem(ApiResponses responses, String code, String description) {
    if (responses.get(code) == null) {
      responses.addApiResponse(code, new ApiResponse().description(description));
    }
  }

  /**
   * Every error, whether added here or declared on a controller, is a problem document: the
   * controllers declare an error's code and description only.
   */
  private static void problemContent(ApiResponses responses) {
    responses.forEach(
        (code, response) -> {
          if (code.startsWith("4") || code.startsWith("5") || code.equals("default")) {
            response.content(
                new Content()
                    .addMediaType(
                        org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))));
          }
        });
  }

  private static void jsonNotAnything(ApiResponse response) {
    var content = response.getContent();
    if (content != null && content.containsKey("*/*")) {
      var media = content.remove("*/*");
      content.addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, media);
    }
  }

  private static Schema<?> problemSchema() {
    var error =
        new ObjectSchema()
            .addProperty("field", new StringSchema())
            .addProperty("message", new StringSchema());
    error.setRequired(java.util.List.of("field", "message"));
    var schema =
        new ObjectSchema()
            .description("RFC 9457 problem details; more members may follow (e.g. currentVersion)")
            .addProperty("type", new StringSchema().format("uri-reference"))
            .addProperty("title", new StringSchema())
            .addProperty("status", new IntegerSchema())
            .addProperty("detail", new StringSchema())
            .addProperty("instance", new StringSchema().format("uri-reference"))
            .addProperty("requestId", new StringSchema())
            .addProperty("errors", new ArraySchema().items(error));
    schema.setRequired(java.util.List.of("title", "status", "requestId"));
    return schema;
  }

  private static void collect(Content content, Set<String> names) {
    if (content != null) {
      content.values().forEach(media -> refs(media.getSchema(), names));
    }
  }

  private static void closure(Set<String> names, Map<String, Schema> schemas) {
    var queue = new ArrayList<>(names);
    while (!queue.isEmpty()) {
      var schema = schemas.get(queue.removeLast());
      if (schema == null) {
        continue;
      }
      var found = new HashSet<String>();
      refs(schema, found);
      for (var name : found) {
        if (names.add(name)) {
          queue.add(name);
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void refs(Schema<?> schema, Set<String> names) {
    if (schema == null) {
      return;
    }
    if (schema.get$ref() != null && schema.get$ref().startsWith(SCHEMAS)) {
      names.add(schema.get$ref().substring(SCHEMAS.length()));
    }
    refs(schema.getItems(), names);
    if (schema.getProperties() != null) {
      new LinkedHashMap<String, Schema>(schema.getProperties())
          .values()
          .forEach(property -> refs(property, names));
    }
    if (schema.getAllOf() != null) {
      schema.getAllOf().forEach(part -> refs(part, names));
    }
    if (schema.getOneOf() != null) {
      schema.getOneOf().forEach(part -> refs(part, names));
    }
  }
}
