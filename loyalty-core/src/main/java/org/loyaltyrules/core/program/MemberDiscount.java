package org.loyaltyrules.core.program;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import org.loyaltyrules.core.internal.Checks;
import org.loyaltyrules.core.rule.LineFilter;

/**
 * A paid plan's member price: a percentage off the lines it covers, announced with every
 * purchase while the membership is active so the host can charge it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param percent the percentage off; more than 0, at most 100
 * @param lines the lines it covers; {@link LineFilter#all()} for every line
 */
public record MemberDiscount(BigDecimal percent, LineFilter lines) {
  /**
   * Validates the discount.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null or the percentage is
   *     not more than 0 and at most 100
   */
  public MemberDiscount {
    Checks.present(percent, "member discount percent");
    checkArgument(percent.signum() > 0 && percent.compareTo(BigDecimal.valueOf(100)) <= 0,
        "member discount percent must be more than 0 and at most 100, was %s",
        percent.toPlainString());
    percent = Checks.stripped(percent);
    Checks.present(lines, "member discount lines");
  }
}
