package com.swn.platform.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The shared error model as every service gets it from the web slice's auto-configuration. */
@WebMvcTest
@ContextConfiguration(classes = ProblemDetailsAdviceTest.App.class)
class ProblemDetailsAdviceTest {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(Samples.class)
  static class App {}

  record Body(@NotBlank String name) {}

  @RestController
  static class Samples {
    @PostMapping("/samples/{id}")
    String create(@PathVariable @Size(max = 3) String id, @Valid @RequestBody Body body) {
      return id + body.name();
    }

    @GetMapping("/boom")
    String boom() {
      throw new IllegalStateException("secret internals at com.example.Db");
    }
  }

  @Autowired MockMvc mvc;

  @Test
  void reportsBodyFieldPathsEvenWhenTheMethodIsValidatedAsAWhole() throws Exception {
    mvc.perform(
            post("/samples/abc").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("name"));
  }

  @Test
  void reportsInvalidPathVariablesByName() throws Exception {
    mvc.perform(
            post("/samples/toolong")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"x\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("id"));
  }

  @Test
  void hidesUnexpectedErrorsBehindABare500() throws Exception {
    mvc.perform(get("/boom"))
        .andExpect(status().isInternalServerError())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Internal error"))
        .andExpect(
            content()
                .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("secret"))));
  }

  @Test
  void rejectsAChunkedBodyThatGrowsPastTheLimitWith413() throws Exception {
    var huge = ("{\"name\":\"" + "x".repeat(70_000) + "\"}").getBytes();
    mvc.perform(
            post("/samples/abc")
                .contentType(MediaType.APPLICATION_JSON)
                .with(
                    request -> {
                      request.setContent(null);
                      return new org.springframework.mock.web.MockHttpServletRequest(
                          request.getServletContext(), "POST", "/samples/abc") {
                        {
                          setContentType(MediaType.APPLICATION_JSON_VALUE);
                          // A new request: the default one's token is not on it.
                          addHeader(
                              "Authorization",
                              "Bearer " + com.swn.testsupport.TestIssuer.shared().operatorToken());
                        }

                        @Override
                        public jakarta.servlet.ServletInputStream getInputStream() {
                          var in = new ByteArrayInputStream(huge);
                          return new org.springframework.mock.web.DelegatingServletInputStream(in);
                        }

                        @Override
                        public long getContentLengthLong() {
                          return -1;
                        }
                      };
                    }))
        .andExpect(status().isContentTooLarge())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
  }
}
