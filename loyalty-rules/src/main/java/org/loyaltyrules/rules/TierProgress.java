package org.loyaltyrules.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.program.TierMetric;

/**
 * Where a member stands on the tier ladder at an instant, for "you are VIB; $250 more this year
 * to keep it, $900 more for Rouge". Amounts are in the ladder's metric: money in the program's
 * currency for {@link TierMetric#SPEND}, points, nights, stays, visits or expression credit
 * otherwise.
 *
 * <p>Immutable and thread-safe.
 *
 * @param tier the tier held
 * @param validThrough the next review, up to which the tier holds whatever happens; empty for the
 *     base tier and lifetime status
 * @param metric what the ladder counts
 * @param credit the credit of the window running at the instant
 * @param next the tier above, if there is one
 * @param toNext how much more credit reaches the tier above; zero at the top
 * @param toKeep how much more credit the running period needs by {@code periodEnds} for a
 *     review to keep the tier held; zero if it already has it, for the base tier and for lifetime
 *     status
 * @param periodEnds when the running period closes — or, in a grace period whose review the
 *     closed period's credit does not pass, that review: the deadline for {@code toKeep}
 */
public record TierProgress(TierId tier, Optional<Instant> validThrough, TierMetric metric,
    BigDecimal credit, Optional<TierId> next, BigDecimal toNext, BigDecimal toKeep,
    Instant periodEnds) {}
