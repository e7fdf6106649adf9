package org.loyaltyrules.core.analytics;

import java.math.BigDecimal;
import java.util.Optional;
import org.loyaltyrules.core.internal.Checks;

/**
 * The net promoter score of a set of answers to "how likely are you to recommend us?" on a 0 to
 * 10 scale, as {@link ProgramMetrics#netPromoterScore(java.util.Collection)} counts them:
 * promoters answered 9 or 10, passives 7 or 8, detractors 0 to 6. The score is the percentage of
 * promoters minus the percentage of detractors, from -100 (every answer a detractor) to +100
 * (every answer a promoter).
 *
 * <p>For example 10 answers with 3 promoters, 5 passives and 2 detractors score
 * {@code 30 % - 20 % = +10}; {@link #score()} is {@code 1/10} and {@link #points(int)} is
 * {@code 10}. With no answers the score is undefined: {@link #score()} has a zero denominator
 * and {@link #points(int)} is empty.
 *
 * <p>Immutable and thread-safe.
 *
 * @param promoters answers of 9 or 10; zero or more
 * @param passives answers of 7 or 8; zero or more
 * @param detractors answers of 0 to 6; zero or more
 */
public record NetPromoterScore(long promoters, long passives, long detractors) {
  /**
   * Validates the counts.
   *
   * @throws IllegalArgumentException naming the count if one is negative
   */
  public NetPromoterScore {
    Checks.notNegative(promoters, "net promoter score: promoters");
    Checks.notNegative(passives, "net promoter score: passives");
    Checks.notNegative(detractors, "net promoter score: detractors");
  }

  /** Returns how many answered: promoters, passives and detractors. */
  public long respondents() {
    return Math.addExact(Math.addExact(promoters, passives), detractors);
  }

  /** Returns the share of answers that are promoters: {@code promoters / respondents}. */
  public Ratio promoterShare() {
    return Ratio.of(promoters, respondents());
  }

  /** Returns the share of answers that are detractors: {@code detractors / respondents}. */
  public Ratio detractorShare() {
    return Ratio.of(detractors, respondents());
  }

  /**
   * Returns the score as a fraction, {@code (promoters - detractors) / respondents}, from -1 to
   * 1; its {@linkplain Ratio#percent(int) percentage} is the net promoter score. Undefined with
   * no answers.
   */
  public Ratio score() {
    return Ratio.of(Math.subtractExact(promoters, detractors), respondents());
  }

  /**
   * Returns the net promoter score, from -100 to 100, rounded half-even to {@code scale} decimal
   * places; empty with no answers.
   *
   * @throws IllegalArgumentException if the scale is out of range; see {@link Ratio#percent(int)}
   */
  public Optional<BigDecimal> points(int scale) {
    return score().percent(scale);
  }
}
