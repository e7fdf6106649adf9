package org.loyaltyrules.core.activity;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.base.MoreObjects;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.CurrencyMismatchException;
import org.loyaltyrules.core.LineId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PartnerId;

/**
 * A purchase: one order of one or more {@link PurchaseLine lines}, with its channel, optionally
 * the payment instrument (for example a co-branded card) and the partner (merchant) of the whole
 * order, and shipping and tax.
 *
 * <p>A purchase has at least one line; line ids are unique within it; every line's unit price,
 * the shipping and the tax are in one currency ({@link #currency()}); shipping and tax are not
 * negative. {@link #subtotal()} is the exact sum of the line totals and {@link #total()} adds
 * shipping and tax; nothing is rounded.
 *
 * <pre>{@code
 * Purchase purchase = Purchase.builder(ActivityId.of("p-1"), Instant.parse("2026-03-01T10:00:00Z"))
 *     .channel(Channel.ONLINE)
 *     .line(PurchaseLine.of("l1", "MUG-1", "kitchen", 2, Money.of("12.50", "USD")))
 *     .shipping(Money.of("4.99", "USD"))
 *     .build();
 * purchase.total(); // USD 29.99
 * }</pre>
 *
 * <p>Immutable and thread-safe; built with a {@link Builder}, which is not.
 */
public final class Purchase implements Activity {
  private static final String KIND = "purchase";

  private final ActivityId id;
  private final Instant occurredAt;
  private final Channel channel;
  private final String paymentInstrument; // null when none was given
  private final Money shipping;
  private final Money tax;
  private final PartnerId partner; // null when none was given
  private final ImmutableList<PurchaseLine> lines;
  private final ImmutableMap<LineId, PurchaseLine> linesById;
  private final Money subtotal;

  private Purchase(Builder b, ImmutableList<PurchaseLine> lines,
      ImmutableMap<LineId, PurchaseLine> linesById, Money shipping, Money tax) {
    this.id = b.id;
    this.occurredAt = b.occurredAt;
    this.channel = b.channel;
    this.paymentInstrument = b.paymentInstrument;
    this.partner = b.partner;
    this.lines = lines;
    this.linesById = linesById;
    this.shipping = shipping;
    this.tax = tax;
    Money sum = Money.zero(shipping.currency());
    for (PurchaseLine line : lines) {
      sum = sum.plus(line.total());
    }
    this.subtotal = sum;
  }

  /**
   * Starts building a purchase.
   *
   * @param id the activity id the host assigned
   * @param occurredAt when the purchase was made
   * @throws IllegalArgumentException if either is null
   */
  public static Builder builder(ActivityId id, Instant occurredAt) {
    return new Builder(id, occurredAt);
  }

  /**
   * Returns a builder holding this purchase's values, to build a changed copy. Lines added to it
   * come after this purchase's lines.
   */
  public Builder toBuilder() {
    Builder b = new Builder(id, occurredAt)
        .channel(channel)
        .shipping(shipping)
        .tax(tax)
        .lines(lines);
    b.paymentInstrument = paymentInstrument;
    b.partner = partner;
    return b;
  }

  @Override
  public ActivityId id() {
    return id;
  }

  @Override
  public Instant occurredAt() {
    return occurredAt;
  }

  /** Returns the channel the purchase was made through; {@link Channel#IN_STORE} by default. */
  public Channel channel() {
    return channel;
  }

  /** Returns the payment instrument, for example a co-branded card's name, if one was given. */
  public Optional<String> paymentInstrument() {
    return Optional.ofNullable(paymentInstrument);
  }

  /** Returns the shipping charged; zero if none was given, never negative. */
  public Money shipping() {
    return shipping;
  }

  /** Returns the tax charged; zero if none was given, never negative. */
  public Money tax() {
    return tax;
  }

  /** Returns the partner (merchant) of the whole order, if one was given. */
  public Optional<PartnerId> partner() {
    return Optional.ofNullable(partner);
  }

  /** Returns the lines in the order given; an immutable, non-empty list with unique line ids. */
  public List<PurchaseLine> lines() {
    return lines;
  }

  /**
   * Returns the line with the given id, if this purchase has one.
   *
   * @throws IllegalArgumentException if the id is null
   */
  public Optional<PurchaseLine> line(LineId line) {
    Checks.notNull(line, KIND, id, "line id");
    return Optional.ofNullable(linesById.get(line));
  }

  /** Returns the currency of every amount in the purchase. */
  public Currency currency() {
    return shipping.currency();
  }

  /** Returns the exact sum of the lines' totals, without shipping and tax. */
  public Money subtotal() {
    return subtotal;
  }

  /** Returns the subtotal plus shipping plus tax, exactly. */
  public Money total() {
    return subtotal.plus(shipping).plus(tax);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Purchase p
        && id.equals(p.id)
        && occurredAt.equals(p.occurredAt)
        && channel == p.channel
        && Objects.equals(paymentInstrument, p.paymentInstrument)
        && shipping.equals(p.shipping)
        && tax.equals(p.tax)
        && Objects.equals(partner, p.partner)
        && lines.equals(p.lines);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, occurredAt, channel, paymentInstrument, shipping, tax, partner, lines);
  }

  @Override
  public String toString() {
    return MoreObjects.toStringHelper("Purchase")
        .omitNullValues()
        .add("id", id)
        .add("occurredAt", occurredAt)
        .add("channel", channel)
        .add("paymentInstrument", paymentInstrument)
        .add("partner", partner)
        .add("shipping", shipping)
        .add("tax", tax)
        .add("lines", lines)
        .toString();
  }

  /**
   * Builds a {@link Purchase}. Each setter checks its own argument at once and throws
   * {@link IllegalArgumentException} naming the purchase and the field if it is null or blank;
   * {@link #build()} checks the whole purchase.
   *
   * <p>Not thread-safe; a builder can build any number of purchases.
   */
  public static final class Builder {
    private final ActivityId id;
    private final Instant occurredAt;
    private Channel channel = Channel.IN_STORE;
    private String paymentInstrument;
    private Money shipping;
    private Money tax;
    private PartnerId partner;
    private final List<PurchaseLine> lines = new ArrayList<>();

    private Builder(ActivityId id, Instant occurredAt) {
      this.id = Checks.id(id, KIND);
      this.occurredAt = Checks.notNull(occurredAt, KIND, id, "occurredAt");
    }

    /** Sets the channel; {@link Channel#IN_STORE} if never set. */
    public Builder channel(Channel channel) {
      this.channel = Checks.notNull(channel, KIND, id, "channel");
      return this;
    }

    /** Sets the payment instrument, for example a co-branded card's name; must not be blank. */
    public Builder paymentInstrument(String paymentInstrument) {
      this.paymentInstrument = Checks.nonBlank(paymentInstrument, KIND, id, "paymentInstrument");
      return this;
    }

    /** Sets the shipping charged; zero if never set. {@link #build()} checks its sign. */
    public Builder shipping(Money shipping) {
      this.shipping = Checks.notNull(shipping, KIND, id, "shipping");
      return this;
    }

    /** Sets the tax charged; zero if never set. {@link #build()} checks its sign. */
    public Builder tax(Money tax) {
      this.tax = Checks.notNull(tax, KIND, id, "tax");
      return this;
    }

    /** Sets the partner (merchant) of the whole order. */
    public Builder partner(PartnerId partner) {
      this.partner = Checks.notNull(partner, KIND, id, "partner");
      return this;
    }

    /** Adds a line after those already added. */
    public Builder line(PurchaseLine line) {
      checkArgument(line != null, "%s %s: lines[%s] must not be null", KIND, id, lines.size());
      lines.add(line);
      return this;
    }

    /** Adds the lines, in order, after those already added. */
    public Builder lines(List<PurchaseLine> lines) {
      Checks.notNull(lines, KIND, id, "lines");
      for (PurchaseLine line : lines) {
        line(line);
      }
      return this;
    }

    /**
     * Builds the purchase.
     *
     * @throws IllegalArgumentException if no line was added, two lines have the same id (naming
     *     the id and both indexes), or shipping or tax is negative
     * @throws CurrencyMismatchException if a line's unit price, the shipping or the tax is not in
     *     the currency of the first line's unit price; {@code where} names the purchase and the
     *     place, for example {@code "purchase p-1: lines[2].unitPrice"}
     */
    public Purchase build() {
      checkArgument(!lines.isEmpty(), "%s %s: must have at least one line", KIND, id);
      Currency currency = lines.get(0).unitPrice().currency();
      Map<LineId, Integer> indexes = new HashMap<>();
      for (int i = 0; i < lines.size(); i++) {
        PurchaseLine line = lines.get(i);
        Integer first = indexes.putIfAbsent(line.id(), i);
        if (first != null) {
          throw new IllegalArgumentException(KIND + " " + id + ": lines[" + i + "] id " + line.id()
              + " is a duplicate of lines[" + first + "]");
        }
        sameCurrency(currency, line.unitPrice(), "lines[" + i + "].unitPrice");
      }
      Money ship = shipping == null ? Money.zero(currency) : shipping;
      Money taxes = tax == null ? Money.zero(currency) : tax;
      sameCurrency(currency, ship, "shipping");
      sameCurrency(currency, taxes, "tax");
      Checks.notNegative(ship, KIND, id, "shipping");
      Checks.notNegative(taxes, KIND, id, "tax");
      ImmutableList<PurchaseLine> copy = ImmutableList.copyOf(lines);
      ImmutableMap.Builder<LineId, PurchaseLine> byId =
          ImmutableMap.builderWithExpectedSize(copy.size());
      for (PurchaseLine line : copy) {
        byId.put(line.id(), line);
      }
      return new Purchase(this, copy, byId.buildOrThrow(), ship, taxes);
    }

    private void sameCurrency(Currency expected, Money amount, String where) {
      if (!amount.currency().equals(expected)) {
        throw new CurrencyMismatchException(expected, amount.currency(),
            KIND + " " + id + ": " + where);
      }
    }
  }
}
