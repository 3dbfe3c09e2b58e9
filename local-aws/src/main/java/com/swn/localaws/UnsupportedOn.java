package com.swn.localaws;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test (method or class) that depends on behaviours some emulators lack. It is skipped,
 * with the gap's reason, when {@link LocalAws} runs on one of the emulators that {@link
 * EmulatorGap} lists for them, and runs everywhere else. The gaps and their reasons live in {@link
 * EmulatorGap} only:
 *
 * <pre>{@code
 * @Test
 * @UnsupportedOn(EmulatorGap.RULE_TARGET_DLQ_NOT_STORED)
 * void ruleTargetsUseTheQueueArnsWithDeadLetterAndRetryPolicy() { ... }
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(UnsupportedOnCondition.class)
public @interface UnsupportedOn {

  /** The behaviours the test depends on. */
  EmulatorGap[] value();
}
