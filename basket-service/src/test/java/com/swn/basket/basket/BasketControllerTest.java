package com.swn.basket.basket;

import static com.swn.testsupport.MockMvcTokens.bearer;
import static com.swn.testsupport.MockMvcTokens.refusal;
import static org.hamcrest.Matchers.hasItem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.swn.platform.web.PreconditionRequiredException;
import com.swn.platform.web.VersionTags;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The basket's HTTP contract: statuses, ETags and problem details, without AWS or the catalogue.
 */
@WebMvcTest(BasketController.class)
@org.springframework.context.annotation.Import(com.swn.basket.BasketAccess.class)
class BasketControllerTest {

  private static final String ITEMS =
      "{\"items\":[{\"productId\":\"p-1\",\"quantity\":2,\"color\":\"red\"}]}";

  @Autowired MockMvc mvc;
  @MockitoBean Baskets baskets;

  private static Basket basket(long version) {
    var line = new BasketLine("p-1", "Lamp", "red", 2, new BigDecimal("19.99"), 1, true);
    return new Basket(
        "ann",
        List.of(line),
        version,
        Instant.parse("2026-01-08T00:00:00Z"),
        Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void servesABasketWithItsVersionAsETagAndExactTotals() throws Exception {
    given(baskets.get("ann")).willReturn(basket(3));

    mvc.perform(get("/basket/ann"))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"3\""))
        .andExpect(jsonPath("$.items[0].lineTotal").value(39.98))
        .andExpect(jsonPath("$.items[0].unitPrice").value(19.99))
        .andExpect(jsonPath("$.totalPrice").value(39.98));
    mvc.perform(get("/basket/ann").header("If-None-Match", "\"3\""))
        .andExpect(status().isNotModified());
  }

  @Test
  void createsWith201AndReplacesWith200() throws Exception {
    given(baskets.replace(eq("ann"), isNull(), any()))
        .willReturn(new Baskets.Replaced(basket(1), true));
    given(baskets.replace(eq("ann"), eq(VersionTags.parse("\"1\"")), any()))
        .willReturn(new Baskets.Replaced(basket(2), false));

    mvc.perform(put("/basket/ann").contentType(MediaType.APPLICATION_JSON).content(ITEMS))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/basket/ann"))
        .andExpect(header().string("ETag", "\"1\""));
    mvc.perform(
            put("/basket/ann")
                .header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content(ITEMS))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"2\""));
  }

  @Test
  void answersReplaceOfAnExistingBasketWithoutIfMatchWith428() throws Exception {
    given(baskets.replace(eq("ann"), isNull(), any()))
        .willThrow(new PreconditionRequiredException("send If-Match"));

    mvc.perform(put("/basket/ann").contentType(MediaType.APPLICATION_JSON).content(ITEMS))
        .andExpect(status().isPreconditionRequired())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("If-Match required"));
  }

  @Test
  void answersAStaleIfMatchWith412() throws Exception {
    given(baskets.replace(eq("ann"), eq(VersionTags.parse("\"1\"")), any()))
        .willThrow(new VersionMismatchException("ann", 4L));

    mvc.perform(
            put("/basket/ann")
                .header("If-Match", "W/\"1\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content(ITEMS))
        .andExpect(status().isPreconditionFailed())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.currentVersion").value(4));
    // A tag that names no version is passed on as one that can never match.
    given(baskets.replace(eq("ann"), eq(VersionTags.parse("\"not-a-version\"")), any()))
        .willThrow(new VersionMismatchException("ann", 4L));
    mvc.perform(
            put("/basket/ann")
                .header("If-Match", "\"not-a-version\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content(ITEMS))
        .andExpect(status().isPreconditionFailed());
  }

  @Test
  void rejectsAClientSentPriceOrNameAsAnUnknownField() throws Exception {
    mvc.perform(
            post("/basket/ann/items")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"productId\":\"p-1\",\"quantity\":1,\"price\":0.01}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("Unknown field 'price'."));
    mvc.perform(
            put("/basket/ann")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"items\":[{\"productId\":\"p-1\",\"quantity\":1,\"productName\":\"Free lamp\"}]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("Unknown field 'items[0].productName'."));
    verifyNoInteractions(baskets);
  }

  @Test
  void rejectsInvalidQuantitiesAndProductIdsListingEachField() throws Exception {
    mvc.perform(
            put("/basket/ann")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"items\":[{\"productId\":\"a b\",\"quantity\":100},{\"productId\":\"p\",\"quantity\":0,\"color\":\"\"}]}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Validation failed"))
        .andExpect(jsonPath("$.errors[*].field", hasItem("items[0].productId")))
        .andExpect(jsonPath("$.errors[*].field", hasItem("items[0].quantity")))
        .andExpect(jsonPath("$.errors[*].field", hasItem("items[1].quantity")))
        .andExpect(jsonPath("$.errors[*].field", hasItem("items[1].color")));
    mvc.perform(
            patch("/basket/ann/items/p-1").contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("quantity"));
    verifyNoInteractions(baskets);
  }

  @Test
  void rejectsAnInvalidUserName() throws Exception {
    mvc.perform(get("/basket/" + "x".repeat(101)))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("userName"));
    mvc.perform(
            post("/basket/ann%20smith/items")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"productId\":\"p\",\"quantity\":1}"))
        .andExpect(status().isBadRequest());
    mvc.perform(
            patch("/basket/ann/items/p-1")
                .param("color", "")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"quantity\":1}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("color"));
    verifyNoInteractions(baskets);
  }

  /**
   * A color of 50 letters outside the Basic Multilingual Plane is 50 characters, as the document
   * counts.
   */
  @Test
  void countsAColorsLengthInCodePointsAsTheDocumentDoes() throws Exception {
    var fifty = new String(Character.toChars(0x1D400)).repeat(50);
    given(baskets.remove("ann", "p-1", fifty, null)).willReturn(basket(4));

    mvc.perform(delete("/basket/ann/items/p-1").param("color", fifty)).andExpect(status().isOk());
    mvc.perform(delete("/basket/ann/items/p-1").param("color", fifty + "x"))
        .andExpect(status().isBadRequest());
    mvc.perform(
            put("/basket/ann")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"items\":[{\"productId\":\"p-1\",\"quantity\":1,\"color\":\""
                        + fifty
                        + "x\"}]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("items[0].color"));
  }

  @Test
  void passesAnOptionalIfMatchToItemLevelWrites() throws Exception {
    given(baskets.changeQuantity("ann", "p-1", "red", 5, VersionTags.parse("\"2\"")))
        .willReturn(basket(3));
    given(baskets.remove("ann", "p-1", null, null)).willReturn(basket(4));

    mvc.perform(
            patch("/basket/ann/items/p-1")
                .param("color", "red")
                .header("If-Match", "\"2\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"quantity\":5}"))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"3\""));
    mvc.perform(delete("/basket/ann/items/p-1"))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"4\""));
  }

  @Test
  void answersAMissingBasketWith404ProblemAndDeletesWith204() throws Exception {
    given(baskets.get("bob")).willThrow(new BasketNotFoundException("bob"));

    mvc.perform(get("/basket/bob"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Basket not found"));
    mvc.perform(delete("/basket/ann")).andExpect(status().isNoContent());
  }

  @Test
  void rejectsAnOutOfRangePageSize() throws Exception {
    mvc.perform(get("/basket").param("limit", "0"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("limit"));
    verifyNoInteractions(baskets);
  }

  @Test
  void reportsTheBasketLimitAs422() throws Exception {
    given(baskets.add(eq("ann"), any(), any())).willThrow(BasketLimitExceededException.lines());

    mvc.perform(
            post("/basket/ann/items")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"productId\":\"p\",\"quantity\":1}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Basket limit exceeded"));
  }

  @Test
  void deleteWithAStaleIfMatchIs412() throws Exception {
    willThrow(new VersionMismatchException("ann", 5L))
        .given(baskets)
        .delete("ann", VersionTags.parse("\"4\""));

    mvc.perform(delete("/basket/ann").header("If-Match", "\"4\""))
        .andExpect(status().isPreconditionFailed());
  }

  @Test
  void checkoutIsNotAUserNameSoBasketCheckoutIsNeverABasket() throws Exception {
    mvc.perform(get("/basket/checkout"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("userName"));
    mvc.perform(put("/basket/checkout").contentType(MediaType.APPLICATION_JSON).content(ITEMS))
        .andExpect(status().isBadRequest());
    mvc.perform(delete("/basket/checkout")).andExpect(status().isBadRequest());
    mvc.perform(
            post("/basket/checkout/items")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"productId\":\"p-1\",\"quantity\":1}"))
        .andExpect(status().isBadRequest());
    verifyNoInteractions(baskets);
    // Other names that merely contain it are fine.
    given(baskets.get("checkout2")).willReturn(basket(1));
    mvc.perform(get("/basket/checkout2")).andExpect(status().isOk());
  }

  @Test
  void aRequestWithoutAValidTokenOrForAnotherCustomersBasketNeverReachesTheController()
      throws Exception {
    mvc.perform(get("/basket/ann").with(com.swn.testsupport.MockMvcTokens.anonymous()))
        .andExpectAll(refusal(401));
    mvc.perform(
            put("/basket/ann")
                .header(
                    "Authorization",
                    bearer(
                        com.swn.testsupport.TestIssuer.shared()
                            .token("ann", claims -> claims.issuer("https://elsewhere.example"))))
                .contentType(MediaType.APPLICATION_JSON)
                .content(ITEMS))
        .andExpectAll(refusal(401));
    mvc.perform(
            put("/basket/ann")
                .header(
                    "Authorization", bearer(com.swn.testsupport.TestIssuer.shared().token("bob")))
                .contentType(MediaType.APPLICATION_JSON)
                .content(ITEMS))
        .andExpectAll(refusal(403));
    mvc.perform(
            get("/basket/ann")
                .header(
                    "Authorization", bearer(com.swn.testsupport.TestIssuer.shared().token("bob"))))
        .andExpectAll(refusal(403));
    mvc.perform(
            delete("/basket/ann")
                .header(
                    "Authorization",
                    bearer(com.swn.testsupport.TestIssuer.shared().operatorToken())))
        .andExpectAll(refusal(403));
    mvc.perform(
            get("/basket")
                .header(
                    "Authorization", bearer(com.swn.testsupport.TestIssuer.shared().token("ann"))))
        .andExpectAll(refusal(403));
    verifyNoInteractions(baskets);
  }
}
