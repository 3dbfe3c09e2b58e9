package com.swn.product.catalog;

import static com.swn.testsupport.MockMvcTokens.bearer;
import static com.swn.testsupport.MockMvcTokens.refusal;
import static org.hamcrest.Matchers.hasItem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.swn.platform.web.VersionTags;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The HTTP contract: statuses, headers and the problem-details error model, without AWS. */
@WebMvcTest(ProductController.class)
@org.springframework.context.annotation.Import(com.swn.product.ProductAccess.class)
class ProductControllerTest {

  private static final String ID = "0b5c1d9e-3f4a-4b6c-8d7e-9f0a1b2c3d4e";
  private static final String VALID =
      """
      {"name":"Lamp","description":"Warm","imageFile":"lamp.png","price":19.9,"category":"Home"}
      """;

  @Autowired MockMvc mvc;
  @MockitoBean ProductCatalog catalog;

  private static Product lamp(long version) {
    return new Product(ID, "Lamp", "Warm", "lamp.png", new BigDecimal("19.90"), "Home", version);
  }

  @Test
  void createsProductWithLocationETagAndBody() throws Exception {
    given(catalog.create(any())).willReturn(lamp(1));

    mvc.perform(post("/product").contentType(MediaType.APPLICATION_JSON).content(VALID))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/product/" + ID))
        .andExpect(header().string("ETag", "\"1\""))
        .andExpect(jsonPath("$.id").value(ID))
        .andExpect(jsonPath("$.price").value(19.90))
        .andExpect(jsonPath("$.version").value(1));
  }

  @Test
  void rejectsInvalidFieldsWithProblemDetailsListingEachField() throws Exception {
    mvc.perform(
            post("/product")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\" \",\"price\":-1,\"category\":\"Home\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Validation failed"))
        .andExpect(jsonPath("$.instance").value("/product"))
        .andExpect(jsonPath("$.requestId").isNotEmpty())
        .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
        .andExpect(jsonPath("$.errors[*].field", hasItem("price")));
    verifyNoInteractions(catalog);
  }

  /**
   * Lengths are counted as the OpenAPI document and the event contract count them, in code points:
   * 200 letters outside the Basic Multilingual Plane (400 UTF-16 units) are a valid name, 201 are
   * not.
   */
  @Test
  void countsTextLengthsInCodePointsAsTheDocumentDoes() throws Exception {
    given(catalog.create(any())).willReturn(lamp(1));
    var mathBoldA = new String(Character.toChars(0x1D400));

    mvc.perform(
            post("/product")
                .contentType(MediaType.APPLICATION_JSON)
                .content(VALID.replace("\"Lamp\"", "\"" + mathBoldA.repeat(200) + "\"")))
        .andExpect(status().isCreated());
    mvc.perform(
            post("/product")
                .contentType(MediaType.APPLICATION_JSON)
                .content(VALID.replace("\"Lamp\"", "\"" + mathBoldA.repeat(201) + "\"")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("name"));
  }

  @Test
  void rejectsPriceWithMoreThanTwoDecimalPlaces() throws Exception {
    mvc.perform(
            post("/product")
                .contentType(MediaType.APPLICATION_JSON)
                .content(VALID.replace("19.9", "19.999")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("price"));
    verifyNoInteractions(catalog);
  }

  @Test
  void rejectsUnknownFieldsSuchAsAClientChosenId() throws Exception {
    mvc.perform(
            post("/product")
                .contentType(MediaType.APPLICATION_JSON)
                .content(VALID.replace("{\"name\"", "{\"id\":\"mine\",\"name\"")))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("Unknown field 'id'."));
    verifyNoInteractions(catalog);
  }

  @Test
  void rejectsMalformedJsonWithoutLeakingParserDetails() throws Exception {
    mvc.perform(post("/product").contentType(MediaType.APPLICATION_JSON).content("{\"name\": "))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("The request body is not well-formed JSON."));
  }

  @Test
  void rejectsWrongTypes() throws Exception {
    mvc.perform(
            post("/product")
                .contentType(MediaType.APPLICATION_JSON)
                .content(VALID.replace("19.9", "\"cheap\"")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("Field 'price' has the wrong type."));
  }

  @Test
  void rejectsOversizedBodiesWith413() throws Exception {
    var huge = VALID.replace("Warm", "x".repeat(70_000));
    mvc.perform(post("/product").contentType(MediaType.APPLICATION_JSON).content(huge))
        .andExpect(status().isContentTooLarge())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Request body too large"));
    verifyNoInteractions(catalog);
  }

  @Test
  void requiresIfMatchToReplace() throws Exception {
    mvc.perform(put("/product/" + ID).contentType(MediaType.APPLICATION_JSON).content(VALID))
        .andExpect(status().isPreconditionRequired())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    verifyNoInteractions(catalog);
  }

  @Test
  void passesTheIfMatchVersionToTheCatalogue() throws Exception {
    given(catalog.replace(eq(ID), eq(VersionTags.parse("\"3\"")), any())).willReturn(lamp(4));

    mvc.perform(
            put("/product/" + ID)
                .header("If-Match", "W/\"3\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content(VALID))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"4\""));
  }

  @Test
  void answersStaleVersionWith412() throws Exception {
    given(catalog.replace(eq(ID), any(), any())).willThrow(new VersionMismatchException(ID, 5L));

    mvc.perform(
            put("/product/" + ID)
                .header("If-Match", "\"3\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content(VALID))
        .andExpect(status().isPreconditionFailed())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.currentVersion").value(5));
  }

  @Test
  void answersUnknownProductWith404Problem() throws Exception {
    given(catalog.get("nope")).willThrow(new ProductNotFoundException("nope"));

    mvc.perform(get("/product/nope"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Product not found"));
  }

  @Test
  void answersNotModifiedWhenTheClientHasTheCurrentVersion() throws Exception {
    given(catalog.get(ID)).willReturn(lamp(2));

    mvc.perform(get("/product/" + ID).header("If-None-Match", "\"2\""))
        .andExpect(status().isNotModified());
  }

  @Test
  void rejectsOutOfRangePageSize() throws Exception {
    mvc.perform(get("/product").param("limit", "0"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("limit"));
    mvc.perform(get("/product").param("limit", "ten")).andExpect(status().isBadRequest());
    verifyNoInteractions(catalog);
  }

  @Test
  void answersEveryRequestWithARequestIdOfItsOwnNotTheCallers() throws Exception {
    given(catalog.get(ID)).willReturn(lamp(1));

    mvc.perform(get("/product/" + ID).header("X-Request-Id", "trace-123"))
        .andExpect(
            header().string("X-Request-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{32}")));
  }

  @Test
  void deletesWith204() throws Exception {
    mvc.perform(delete("/product/" + ID)).andExpect(status().isNoContent());
  }

  @Test
  void rejectsAnImageFileThatIsAPathNotAPlainFileName() throws Exception {
    for (var imageFile :
        new String[] {"../../etc/passwd", "/etc/passwd", "img/lamp.png", ".hidden", ".."}) {
      mvc.perform(
              post("/product")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(VALID.replace("lamp.png", imageFile)))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value("imageFile"));
    }
    verifyNoInteractions(catalog);
  }

  @Test
  void aRequestWithoutAValidTokenOrByACustomerNeverReachesTheControllerOfAWrite() throws Exception {
    mvc.perform(
            post("/product")
                .with(com.swn.testsupport.MockMvcTokens.anonymous())
                .contentType(MediaType.APPLICATION_JSON)
                .content(VALID))
        .andExpectAll(refusal(401));
    mvc.perform(
            put("/product/" + ID)
                .header(
                    "Authorization",
                    bearer(com.swn.testsupport.TestIssuer.shared().forgedToken("ops")))
                .contentType(MediaType.APPLICATION_JSON)
                .content(VALID))
        .andExpectAll(refusal(401));
    mvc.perform(
            delete("/product/" + ID)
                .header(
                    "Authorization",
                    bearer(com.swn.testsupport.TestIssuer.shared().token("alice"))))
        .andExpectAll(refusal(403));
    verifyNoInteractions(catalog);
  }
}
