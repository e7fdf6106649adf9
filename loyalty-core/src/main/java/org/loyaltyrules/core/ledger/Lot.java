package org.loyaltyrules.core.ledger;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.LineId;
import org.loyaltyrules.core.LotId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.UnitId;

/**
 * A lot of points earned together: by one rule, from one activity, in one unit. A lot is pending
 * until it vests, and its unspent remainder expires to breakage at {@link #expiresAt()}. Spending
 * consumes the lots that expire first.
 *
 * <p>The amounts always satisfy {@code amount = remaining + consumed + lapsed + recovered}:
 * {@link #consumed()} is what was spent from the lot (net of what was given back),
 * {@link #lapsed()} what expired or was forfeited, and {@link #recovered()} what was taken back
 * from the lot itself. {@link #reversed()} counts everything taken back <em>against</em> this
 * lot, which is at least {@code recovered + writtenOff}: {@link #writtenOff()} is what its
 * reversals could not take from anywhere and no restoration has settled yet (see
 * {@link OpenReversal}), and the rest came from other lots or left the balance negative. Every
 * count is between 0 and the amount, and the amount is at most {@link Ledger#MAX_POINTS}, so the
 * arithmetic never overflows.
 *
 * <p>Immutable and thread-safe.
 */
public final class Lot {
  private final LotId id;
  private final UnitId unit;
  private final long amount;
  private final long remaining;
  private final long consumed;
  private final long lapsed;
  private final long reversed;
  private final long writtenOff;
  private final Instant earnedAt;
  private final Instant vestsAt;
  private final Instant expiresAt;
  private final boolean vested;
  private final ActivityId activity;
  private final ImmutableList<LineId> lines;
  private final RuleId rule;
  private final Account fundedBy;

  private Lot(Builder b) {
    this.id = b.id;
    this.unit = b.unit;
    this.amount = b.amount;
    this.remaining = b.remaining;
    this.consumed = b.consumed;
    this.lapsed = b.lapsed;
    this.reversed = b.reversed;
    this.writtenOff = b.writtenOff;
    this.earnedAt = b.earnedAt;
    this.vestsAt = b.vestsAt;
    this.expiresAt = b.expiresAt;
    this.vested = b.vested;
    this.activity = b.activity;
    this.lines = ImmutableList.copyOf(b.lines);
    this.rule = b.rule;
    this.fundedBy = b.fundedBy;
  }

  /**
   * Starts a lot with its required parts; the lot starts with {@code remaining = amount}, nothing
   * lapsed, reversed or written off, not yet vested, no expiry, no lines and no rule.
   *
   * @param id the lot's id
   * @param unit its unit
   * @param amount the points earned; positive and at most {@link Ledger#MAX_POINTS}
   * @param earnedAt when they were earned
   * @param vestsAt when they vest; not before {@code earnedAt}
   * @param activity the activity that earned them
   * @param fundedBy the account the points came from: issuance or a partner
   * @return a builder; {@link Builder#build()} validates
   */
  public static Builder builder(LotId id, UnitId unit, long amount, Instant earnedAt,
      Instant vestsAt, ActivityId activity, Account fundedBy) {
    return new Builder(id, unit, amount, earnedAt, vestsAt, activity, fundedBy);
  }

  /** Returns a builder holding this lot's values, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder(id, unit, amount, earnedAt, vestsAt, activity, fundedBy);
    b.remaining = remaining;
    b.consumed = consumed;
    b.lapsed = lapsed;
    b.reversed = reversed;
    b.writtenOff = writtenOff;
    b.expiresAt = expiresAt;
    b.vested = vested;
    b.lines = lines;
    b.rule = rule;
    return b;
  }

  /** Returns the lot's id. */
  public LotId id() {
    return id;
  }

  /** Returns the unit of the lot's points. */
  public UnitId unit() {
    return unit;
  }

  /** Returns the points originally earned. */
  public long amount() {
    return amount;
  }

  /** Returns the points still in the lot: not spent, expired, forfeited or taken back. */
  public long remaining() {
    return remaining;
  }

  /** Returns the points of this lot that expired or were forfeited to breakage. */
  public long lapsed() {
    return lapsed;
  }

  /** Returns the points taken back against this lot, for example by returns. */
  public long reversed() {
    return reversed;
  }

  /**
   * Returns the points that reversals of this lot could not take from the member's balance and
   * wrote off, less what later restorations settled; see {@link OpenReversal}.
   */
  public long writtenOff() {
    return writtenOff;
  }

  /**
   * Returns the points that left this lot other than to breakage or back to its funder: spent
   * (net of what was given back) or taken to cover another lot's reversal.
   */
  public long consumed() {
    return consumed;
  }

  /** Returns the points taken back from this lot itself: from its remainder or its lapsed part. */
  public long recovered() {
    return amount - remaining - consumed - lapsed;
  }

  /** Returns when the points were earned. */
  public Instant earnedAt() {
    return earnedAt;
  }

  /** Returns when the points vest (become spendable). */
  public Instant vestsAt() {
    return vestsAt;
  }

  /** Returns when the unspent remainder expires; empty if it never does. */
  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }

  /** Whether advancing to {@code t} vests this lot or expires points it still holds. */
  boolean dueBy(Instant t) {
    return !vested && !vestsAt.isAfter(t)
        || remaining > 0 && expiresAt != null && !expiresAt.isAfter(t);
  }

  /** Returns true once the lot has vested. */
  public boolean isVested() {
    return vested;
  }

  /** Returns the activity that earned the points. */
  public ActivityId activity() {
    return activity;
  }

  /** Returns the purchase lines the points were earned on; empty when not line-based. */
  public List<LineId> lines() {
    return lines;
  }

  /** Returns the rule that granted the points; empty for adjustments. */
  public Optional<RuleId> rule() {
    return Optional.ofNullable(rule);
  }

  /** Returns the account the points came from: the program's issuance or a partner. */
  public Account fundedBy() {
    return fundedBy;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Lot l && amount == l.amount && remaining == l.remaining
        && consumed == l.consumed && lapsed == l.lapsed && reversed == l.reversed
        && writtenOff == l.writtenOff && vested == l.vested && id.equals(l.id)
        && unit.equals(l.unit) && earnedAt.equals(l.earnedAt) && vestsAt.equals(l.vestsAt)
        && Objects.equals(expiresAt, l.expiresAt) && activity.equals(l.activity)
        && lines.equals(l.lines) && Objects.equals(rule, l.rule) && fundedBy.equals(l.fundedBy);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, unit, amount, remaining, consumed, lapsed, reversed, writtenOff,
        earnedAt, vestsAt, expiresAt, vested, activity, lines, rule, fundedBy);
  }

  @Override
  public String toString() {
    return id + " " + remaining + "/" + amount + " " + unit
        + (vested ? "" : " pending until " + vestsAt)
        + (expiresAt == null ? "" : " expires " + expiresAt)
        + (writtenOff == 0 ? "" : " written off " + writtenOff) + " from " + activity;
  }

  /** Builds a {@link Lot}. Not thread-safe; {@link #build()} validates. */
  public static final class Builder {
    private final LotId id;
    private final UnitId unit;
    private final long amount;
    private final Instant earnedAt;
    private final Instant vestsAt;
    private final ActivityId activity;
    private final Account fundedBy;
    private long remaining;
    private long consumed;
    private long lapsed;
    private long reversed;
    private long writtenOff;
    private Instant expiresAt;
    private boolean vested;
    private List<LineId> lines = List.of();
    private RuleId rule;

    private Builder(LotId id, UnitId unit, long amount, Instant earnedAt, Instant vestsAt,
        ActivityId activity, Account fundedBy) {
      this.id = id;
      this.unit = unit;
      this.amount = amount;
      this.remaining = amount;
      this.earnedAt = earnedAt;
      this.vestsAt = vestsAt;
      this.activity = activity;
      this.fundedBy = fundedBy;
    }

    /** Sets the points still in the lot. */
    public Builder remaining(long remaining) {
      this.remaining = remaining;
      return this;
    }

    /** Sets the points spent from the lot or taken for another lot's reversal. */
    public Builder consumed(long consumed) {
      this.consumed = consumed;
      return this;
    }

    /** Sets the points that expired or were forfeited. */
    public Builder lapsed(long lapsed) {
      this.lapsed = lapsed;
      return this;
    }

    /** Sets the points taken back against the lot. */
    public Builder reversed(long reversed) {
      this.reversed = reversed;
      return this;
    }

    /** Sets the points the lot's reversals wrote off and no restoration settled yet. */
    public Builder writtenOff(long writtenOff) {
      this.writtenOff = writtenOff;
      return this;
    }

    /** Sets when the remainder expires; null for never; not before the lot was earned. */
    public Builder expiresAt(Instant expiresAt) {
      this.expiresAt = expiresAt;
      return this;
    }

    /** Sets whether the lot has vested. */
    public Builder vested(boolean vested) {
      this.vested = vested;
      return this;
    }

    /** Sets the purchase lines the points were earned on. */
    public Builder lines(List<LineId> lines) {
      checkArgument(lines != null, "lot %s: lines must not be null", id);
      this.lines = lines;
      return this;
    }

    /** Sets the rule that granted the points. */
    public Builder rule(RuleId rule) {
      this.rule = rule;
      return this;
    }

    /**
     * Returns the lot.
     *
     * @throws IllegalArgumentException naming the bad value if a required part is null, the
     *     amount is not positive or above {@link Ledger#MAX_POINTS}, a count is negative or more
     *     than the amount, {@code remaining + consumed + lapsed} is more than the amount or less
     *     than the amount less what was reversed, {@code recovered + writtenOff} is more than
     *     what was reversed, the lot vests or expires before it was earned, or the funding
     *     account is not issuance or a partner
     */
    public Lot build() {
      checkArgument(id != null, "lot id must not be null");
      checkArgument(unit != null, "lot %s: unit must not be null", id);
      checkArgument(earnedAt != null, "lot %s: earned-at must not be null", id);
      checkArgument(vestsAt != null, "lot %s: vests-at must not be null", id);
      checkArgument(activity != null, "lot %s: activity must not be null", id);
      checkArgument(fundedBy != null, "lot %s: funding account must not be null", id);
      checkArgument(fundedBy.type() == AccountType.ISSUANCE || fundedBy.type() == AccountType.PARTNER,
          "lot %s: funding account must be issuance or a partner, was %s", id, fundedBy);
      checkArgument(amount > 0 && amount <= Ledger.MAX_POINTS,
          "lot %s: amount must be between 1 and %s, was %s", id, Ledger.MAX_POINTS, amount);
      checkCount("remaining", remaining);
      checkCount("consumed", consumed);
      checkCount("lapsed", lapsed);
      checkCount("reversed", reversed);
      checkCount("written-off", writtenOff);
      // Each count is at most the amount, itself at most MAX_POINTS, so none of these overflows;
      // exact arithmetic all the same, so that a mistake throws rather than wraps.
      long held = Math.addExact(Math.addExact(remaining, consumed), lapsed);
      long recovered = Math.subtractExact(amount, held);
      checkArgument(recovered >= 0 && recovered <= reversed,
          "lot %s: remaining %s + consumed %s + lapsed %s must be between %s and %s (amount %s, "
              + "reversed %s)", id, remaining, consumed, lapsed, amount - reversed, amount, amount,
          reversed);
      checkArgument(Math.addExact(recovered, writtenOff) <= reversed,
          "lot %s: recovered %s + written-off %s must not be more than reversed %s", id, recovered,
          writtenOff, reversed);
      checkArgument(!vestsAt.isBefore(earnedAt), "lot %s: vests-at %s is before earned-at %s", id,
          vestsAt, earnedAt);
      checkArgument(expiresAt == null || !expiresAt.isBefore(earnedAt),
          "lot %s: expires-at %s is before earned-at %s", id, expiresAt, earnedAt);
      checkArgument(lines.stream().allMatch(Objects::nonNull), "lot %s: lines must not hold null",
          id);
      return new Lot(this);
    }

    private void checkCount(String name, long value) {
      checkArgument(value >= 0 && value <= amount, "lot %s: %s must be between 0 and %s, was %s",
          id, name, amount, value);
    }
  }
}
