package com.swn.ordering.order;

import static com.swn.testsupport.MockMvcTokens.bearer;
import static com.swn.testsupport.MockMvcTokens.refusal;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.swn.platform.web.Page;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The HTTP contract: statuses, bodies and the problem-details error model, without AWS. */
@WebMvcTest(OrderController.class)
@org.springframework.context.annotation.Import(com.swn.ordering.OrderAccess.class)
class OrderControllerTest {

  private static final String ID = "0b5c1d9e-3f4a-4b6c-8d7e-9f0a1b2c3d4e";

  @Autowired MockMvc mvc;
  @MockitoBean Orders orders;

  private static Order order() {
    return new Order(
        ID,
        "ada",
        OrderStatus.PLACED,
        Instant.parse("2026-03-01T11:30:00Z"),
        List.of(
            new OrderLine("p-lamp", "Lamp", "red", 2, new BigDecimal("19.9")),
            new OrderLine("p-bulb", "Bulb", null, 1, new BigDecimal("5.05"))),
        new Customer("Ada", "Lovelace", "ada@example.com", "12 Engine Street"),
        PaymentMethod.CARD,
        1);
  }

  @Test
  void showsAnOrderWithComputedTotals() throws Exception {
    given(orders.get("ada", ID)).willReturn(order());

    mvc.perform(get("/order/ada/" + ID))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.orderId").value(ID))
        .andExpect(jsonPath("$.status").value("PLACED"))
        .andExpect(jsonPath("$.orderDate").value("2026-03-01T11:30:00Z"))
        .andExpect(jsonPath("$.items[0].lineTotal").value(39.80))
        .andExpect(jsonPath("$.totalPrice").value(44.85))
        .andExpect(jsonPath("$.customer.email").value("ada@example.com"))
        .andExpect(jsonPath("$.paymentMethod").value("CARD"))
        .andExpect(jsonPath("$.version").value(1));
  }

  @Test
  void answersAnUnknownOrderWith404Problem() throws Exception {
    given(orders.get("ada", ID)).willThrow(new OrderNotFoundException("ada", ID));

    mvc.perform(get("/order/ada/" + ID))
        .andExpect(status().isNotFound())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Order not found"))
        .andExpect(jsonPath("$.instance").value("/order/ada/" + ID));
  }

  @Test
  void rejectsAnOrderIdThatIsNotAUuid() throws Exception {
    mvc.perform(get("/order/ada/not-a-uuid"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Validation failed"))
        .andExpect(jsonPath("$.errors[0].field").value("orderId"));
    verifyNoInteractions(orders);
  }

  @Test
  void rejectsAnOverlongUserName() throws Exception {
    mvc.perform(get("/order/" + "u".repeat(101)))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("userName"));
    verifyNoInteractions(orders);
  }

  @Test
  void rejectsOutOfRangePageSizes() throws Exception {
    for (var limit : List.of("0", "101", "ten")) {
      mvc.perform(get("/order/ada").param("limit", limit))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
      mvc.perform(get("/order").param("limit", limit)).andExpect(status().isBadRequest());
    }
    verifyNoInteractions(orders);
  }

  @Test
  void listsAUsersOrdersWithTheNextToken() throws Exception {
    given(orders.listOf("ada", 2, null)).willReturn(new Page<>(List.of(order()), "next-page"));

    mvc.perform(get("/order/ada").param("limit", "2"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].orderId").value(ID))
        .andExpect(jsonPath("$.nextToken").value("next-page"));
  }

  @Test
  void answersASecondCancelWith409NamingTheCurrentStatus() throws Exception {
    given(orders.cancel("ada", ID))
        .willThrow(new OrderStatusConflictException(ID, OrderStatus.CANCELLED, "cancelled"));

    mvc.perform(post("/order/ada/" + ID + "/cancel"))
        .andExpect(status().isConflict())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.currentStatus").value("CANCELLED"));
  }

  @Test
  void hidesUnexpectedFailuresBehindABare500() throws Exception {
    given(orders.list(anyInt(), any())).willThrow(new IllegalStateException("table order is gone"));

    mvc.perform(get("/order"))
        .andExpect(status().isInternalServerError())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value(not(containsString("table"))));
  }

  @Test
  void aRequestWithoutAValidTokenOrForAnotherCustomersOrdersNeverReachesTheController()
      throws Exception {
    mvc.perform(get("/order/ann").with(com.swn.testsupport.MockMvcTokens.anonymous()))
        .andExpectAll(refusal(401));
    mvc.perform(
            get("/order")
                .header(
                    "Authorization",
                    bearer(
                        com.swn.testsupport.TestIssuer.shared()
                            .token("ann", claims -> claims.claim("token_use", "id")))))
        .andExpectAll(refusal(401));
    mvc.perform(
            get("/order")
                .header(
                    "Authorization", bearer(com.swn.testsupport.TestIssuer.shared().token("ann"))))
        .andExpectAll(refusal(403));
    mvc.perform(
            get("/order/bob")
                .header(
                    "Authorization", bearer(com.swn.testsupport.TestIssuer.shared().token("ann"))))
        .andExpectAll(refusal(403));
    mvc.perform(
            post("/order/bob/" + ID + "/cancel")
                .header(
                    "Authorization",
                    bearer(com.swn.testsupport.TestIssuer.shared().operatorToken())))
        .andExpectAll(refusal(403));
    verifyNoInteractions(orders);
  }
}
