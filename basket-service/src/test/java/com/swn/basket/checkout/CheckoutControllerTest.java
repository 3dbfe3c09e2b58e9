package com.swn.basket.checkout;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The checkout's HTTP contract, without AWS. */
@WebMvcTest(CheckoutController.class)
@org.springframework.context.annotation.Import(com.swn.basket.BasketAccess.class)
class CheckoutControllerTest {

  private static final String BODY =
      """
      {"userName":"ann","firstName":"Ann","lastName":"Lee","email":"ann@example.com",
       "address":"1 Main St","paymentMethod":"CARD"}
      """;

  @Autowired MockMvc mvc;
  @MockitoBean Checkout checkout;

  private static MockHttpServletRequestBuilder checkoutRequest(String body) {
    return post("/basket/checkout").contentType(MediaType.APPLICATION_JSON).content(body);
  }

  @Test
  void acceptsWith202AndTheOrdersLocation() throws Exception {
    var orderId = UUID.randomUUID();
    given(checkout.checkout(any(), eq("key-1")))
        .willReturn(
            new Checkout.Result(
                CheckoutAccepted.of(orderId, "ann", new BigDecimal("60.17")), false));

    mvc.perform(checkoutRequest(BODY).header("Idempotency-Key", "key-1"))
        .andExpect(status().isAccepted())
        .andExpect(header().string("Location", "/order/ann/" + orderId))
        .andExpect(jsonPath("$.orderId").value(orderId.toString()))
        .andExpect(jsonPath("$.totalPrice").value(60.17))
        .andExpect(jsonPath("$.status").value("ACCEPTED"));
  }

  @Test
  void requiresAPlainIdempotencyKey() throws Exception {
    mvc.perform(checkoutRequest(BODY))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Idempotency-Key required"));
    mvc.perform(checkoutRequest(BODY).header("Idempotency-Key", "has spaces"))
        .andExpect(status().isBadRequest());
    mvc.perform(checkoutRequest(BODY).header("Idempotency-Key", "k".repeat(129)))
        .andExpect(status().isBadRequest());
    verifyNoInteractions(checkout);
  }

  @Test
  void rejectsCardDataAsAnUnknownField() throws Exception {
    mvc.perform(
            checkoutRequest(
                    BODY.replace(
                        "\"paymentMethod\"", "\"cardInfo\":\"4111111111111111\",\"paymentMethod\""))
                .header("Idempotency-Key", "key-1"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("Unknown field 'cardInfo'."))
        .andExpect(content().string(not(containsString("4111"))));
    verifyNoInteractions(checkout);
  }

  @Test
  void rejectsAnUnknownPaymentMethodAndInvalidFields() throws Exception {
    mvc.perform(checkoutRequest(BODY.replace("CARD", "BITCOIN")).header("Idempotency-Key", "key-1"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("Field 'paymentMethod' has an invalid value."));
    mvc.perform(
            checkoutRequest(
                    BODY.replace("ann@example.com", "not-an-email").replace("\"Lee\"", "\"\""))
                .header("Idempotency-Key", "key-1"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("email", "lastName")));
    verifyNoInteractions(checkout);
  }

  @Test
  void reportsKeyReuseWithAnotherBodyAs422AndALostRaceAs409() throws Exception {
    given(checkout.checkout(any(), eq("reused"))).willThrow(new IdempotencyKeyReusedException());
    given(checkout.checkout(any(), eq("late"))).willThrow(new BasketChangedException("ann"));

    mvc.perform(checkoutRequest(BODY).header("Idempotency-Key", "reused"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(checkoutRequest(BODY).header("Idempotency-Key", "late"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.title").value("Basket already checked out or changed"));
  }

  @Test
  void aCheckoutWithoutAValidTokenOrInAnotherCustomersNameNeverReachesTheCheckout()
      throws Exception {
    mvc.perform(
            post("/basket/checkout")
                .with(com.swn.testsupport.MockMvcTokens.anonymous())
                .header("Idempotency-Key", "k-1")
                .contentType(MediaType.APPLICATION_JSON)
                .content(BODY))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(
            post("/basket/checkout")
                .header(
                    "Authorization",
                    "Bearer " + com.swn.testsupport.TestIssuer.shared().token("someone-else"))
                .header("Idempotency-Key", "k-1")
                .contentType(MediaType.APPLICATION_JSON)
                .content(BODY))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    verifyNoInteractions(checkout);
  }
}
