package org.loyaltyrules.core;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * An exact amount of money in one currency.
 *
 * <p>The amount is a {@link BigDecimal}, never a binary floating-point number. It keeps at least
 * the currency's usual number of decimal places and more only where the value needs them, so
 * {@code Money.of("12.5", "USD")} and {@code Money.of("12.500", "USD")} are equal and both print
 * as {@code USD 12.50}, while a fractional cent such as {@code 1.995} is kept exactly. Arithmetic
 * never rounds implicitly; {@link #rounded(RoundingMode)} rounds to the currency's scale on
 * request.
 *
 * <p>Money may be negative (a refund, a difference); callers that need a positive amount check
 * {@link #isPositive()}. Combining two amounts in different currencies throws
 * {@link CurrencyMismatchException}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Money implements Comparable<Money> {
  /** The most digits an amount may have before the decimal point: up to 10<sup>18</sup> - 1. */
  public static final int MAX_INTEGER_DIGITS = 18;
  /** The most decimal places an amount may have, enough for any fraction of a cent a rate gives. */
  public static final int MAX_SCALE = 12;

  private final BigDecimal amount;
  private final Currency currency;

  private Money(BigDecimal amount, Currency currency) {
    this.amount = amount;
    this.currency = currency;
  }

  /**
   * Returns an amount of money.
   *
   * @param amount the exact amount
   * @param currency its currency; must have a defined number of decimal places, unlike the
   *     pseudo currencies that have none
   * @throws IllegalArgumentException if either is null, the currency has no decimal places
   *     defined, or the amount has more than {@value #MAX_INTEGER_DIGITS} digits before the
   *     decimal point or more than {@value #MAX_SCALE} after it (also when arithmetic produces
   *     such an amount)
   */
  public static Money of(BigDecimal amount, Currency currency) {
    checkArgument(amount != null, "amount must not be null");
    checkArgument(currency != null, "currency must not be null");
    int digits = currency.getDefaultFractionDigits();
    checkArgument(digits >= 0, "currency %s has no decimal places defined and cannot hold money",
        currency.getCurrencyCode());
    // Bound the size before any digit is materialised: 1E+20000000 would otherwise take seconds.
    checkArgument((long) amount.precision() - amount.scale() <= MAX_INTEGER_DIGITS,
        "amount %s has more than %s digits before the decimal point", amount, MAX_INTEGER_DIGITS);
    BigDecimal stripped = amount.stripTrailingZeros();
    checkArgument(stripped.scale() <= MAX_SCALE,
        "amount %s has more than %s decimal places", amount, MAX_SCALE);
    int scale = Math.max(digits, stripped.scale());
    return new Money(stripped.setScale(scale, RoundingMode.UNNECESSARY), currency);
  }

  /**
   * Returns an amount of money from its decimal text and ISO 4217 currency code.
   *
   * @param amount the amount as plain decimal text, for example {@code "12.50"}
   * @param currencyCode an ISO 4217 code, for example {@code "USD"}
   * @throws IllegalArgumentException if the amount is not a decimal number or the code is not a
   *     known currency; the message names the bad value
   */
  public static Money of(String amount, String currencyCode) {
    checkArgument(amount != null, "amount must not be null");
    checkArgument(amount.length() <= 64, "amount is not a decimal number: '%s'", amount);
    BigDecimal value;
    try {
      value = new BigDecimal(amount.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("amount is not a decimal number: '" + amount + "'", e);
    }
    return of(value, currency(currencyCode));
  }

  /**
   * Returns zero in the given currency.
   *
   * @throws IllegalArgumentException if the currency is null or has no decimal places defined
   */
  public static Money zero(Currency currency) {
    return of(BigDecimal.ZERO, currency);
  }

  /**
   * Looks up a currency by its ISO 4217 code.
   *
   * @param code the code, for example {@code "EUR"}
   * @return the currency
   * @throws IllegalArgumentException naming the code if it is null or not a known currency
   */
  public static Currency currency(String code) {
    checkArgument(code != null, "currency code must not be null");
    try {
      return Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown currency code: '" + code + "'", e);
    }
  }

  /** Returns the exact amount; its scale is at least the currency's default fraction digits. */
  public BigDecimal amount() {
    return amount;
  }

  /** Returns the currency. */
  public Currency currency() {
    return currency;
  }

  /**
   * Returns the sum of this and {@code other}.
   *
   * @throws CurrencyMismatchException if the currencies differ
   */
  public Money plus(Money other) {
    return of(amount.add(sameCurrency(other).amount), currency);
  }

  /**
   * Returns this minus {@code other}; the result may be negative.
   *
   * @throws CurrencyMismatchException if the currencies differ
   */
  public Money minus(Money other) {
    return of(amount.subtract(sameCurrency(other).amount), currency);
  }

  /** Returns this amount multiplied exactly by {@code factor}. */
  public Money times(BigDecimal factor) {
    checkArgument(factor != null, "factor must not be null");
    return of(amount.multiply(factor), currency);
  }

  /** Returns this amount multiplied exactly by {@code factor}. */
  public Money times(long factor) {
    return times(BigDecimal.valueOf(factor));
  }

  /** Returns the negation of this amount. */
  public Money negated() {
    return of(amount.negate(), currency);
  }

  /**
   * Returns this amount rounded to the currency's number of decimal places.
   *
   * @param mode how to round; {@link RoundingMode#UNNECESSARY} throws {@link ArithmeticException}
   *     if rounding is needed
   */
  public Money rounded(RoundingMode mode) {
    checkArgument(mode != null, "rounding mode must not be null");
    return of(amount.setScale(currency.getDefaultFractionDigits(), mode), currency);
  }

  /** Returns the smaller of this and {@code other}; both must be in the same currency. */
  public Money min(Money other) {
    return compareTo(other) <= 0 ? this : other;
  }

  /** Returns the larger of this and {@code other}; both must be in the same currency. */
  public Money max(Money other) {
    return compareTo(other) >= 0 ? this : other;
  }

  /** Returns true if the amount is zero. */
  public boolean isZero() {
    return amount.signum() == 0;
  }

  /** Returns true if the amount is greater than zero. */
  public boolean isPositive() {
    return amount.signum() > 0;
  }

  /** Returns true if the amount is less than zero. */
  public boolean isNegative() {
    return amount.signum() < 0;
  }

  /**
   * Compares amounts of the same currency.
   *
   * @throws CurrencyMismatchException if the currencies differ
   */
  @Override
  public int compareTo(Money other) {
    return amount.compareTo(sameCurrency(other).amount);
  }

  private Money sameCurrency(Money other) {
    checkArgument(other != null, "other amount must not be null");
    if (!currency.equals(other.currency)) {
      throw new CurrencyMismatchException(currency, other.currency, "money");
    }
    return other;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Money m && amount.equals(m.amount) && currency.equals(m.currency);
  }

  @Override
  public int hashCode() {
    return Objects.hash(amount, currency);
  }

  /** Returns the code and amount, for example {@code USD 12.50}, independent of locale. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s %s", currency.getCurrencyCode(), amount.toPlainString());
  }
}
