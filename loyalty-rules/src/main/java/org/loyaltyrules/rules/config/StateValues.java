package org.loyaltyrules.rules.config;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.loyaltyrules.core.LoyaltyException;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.ledger.Account;
import org.loyaltyrules.core.ledger.AccountType;

/**
 * The scalar values of state documents: how each is written, and how it is read back with the
 * path of any problem. Reading throws {@link StateFormatException} and nothing else.
 *
 * <p>Stateless and thread-safe.
 */
final class StateValues {
  /** Plain or scientific decimal text; a sign only in front, no spaces. */
  private static final Pattern DECIMAL =
      Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
  /** The most digits a stored decimal may have before, and after, the decimal point. */
  private static final int MAX_DECIMAL_DIGITS = 40;

  private StateValues() {}

  // -- writing ---------------------------------------------------------------------------------

  /** Returns a decimal as text that reads back to an equal value, scale included. */
  static String decimal(BigDecimal value) {
    return value.scale() >= 0 ? value.toPlainString() : value.toString();
  }

  /** Returns an instant as ISO-8601 text. */
  static String instant(Instant value) {
    return value.toString();
  }

  /** Returns an account as {@code TYPE:owner}. */
  static String account(Account account) {
    return account.type().name() + ":" + account.owner();
  }

  // -- reading ---------------------------------------------------------------------------------

  /** Returns {@code value}, which must be present. */
  static <T> T required(T value, StatePath path) {
    if (value == null) {
      throw new StateFormatException(path.toString(), "missing");
    }
    return value;
  }

  /**
   * Returns what {@code build} returns; a value the core model refuses becomes a
   * {@link StateFormatException} at {@code path} with the model's message.
   */
  static <T> T model(Supplier<T> build, StatePath path) {
    try {
      return build.get();
    } catch (StateFormatException e) {
      throw e;
    } catch (IllegalArgumentException | LoyaltyException | ArithmeticException e) {
      StateFormatException wrapped = new StateFormatException(path.toString(),
          e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
      wrapped.initCause(e);
      throw wrapped;
    }
  }

  /** Reads a required id or other text through {@code of}, which may refuse it. */
  static <T> T id(String text, StatePath path, Function<String, T> of) {
    String value = required(text, path);
    return model(() -> of.apply(value), path);
  }

  /** Reads an optional id; null when absent. */
  static <T> T optionalId(String text, StatePath path, Function<String, T> of) {
    return text == null ? null : id(text, path, of);
  }

  /** Reads a required whole number. */
  static long number(Long value, StatePath path) {
    return required(value, path);
  }

  /** Reads a required flag. */
  static boolean flag(Boolean value, StatePath path) {
    return required(value, path);
  }

  /** Reads a required ISO-8601 instant. */
  static Instant instant(String text, StatePath path) {
    String value = required(text, path);
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new StateFormatException(path.toString(), "not an ISO-8601 instant such as "
          + "\"2026-03-02T13:00:00Z\": " + StatePath.quote(value));
    }
  }

  /** Reads an optional ISO-8601 instant; null when absent. */
  static Instant optionalInstant(String text, StatePath path) {
    return text == null ? null : instant(text, path);
  }

  /** Reads a required ISO date. */
  static LocalDate date(String text, StatePath path) {
    String value = required(text, path);
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new StateFormatException(path.toString(), "not an ISO date such as \"1990-02-28\": "
          + StatePath.quote(value));
    }
  }

  /** Reads a required ISO 4217 currency code. */
  static Currency currency(String text, StatePath path) {
    String value = required(text, path);
    Currency currency = model(() -> Money.currency(value), path);
    if (currency.getDefaultFractionDigits() < 0) {
      throw new StateFormatException(path.toString(), "currency " + value
          + " has no decimal places defined and cannot hold money");
    }
    return currency;
  }

  /**
   * Reads a required decimal: plain text such as {@code "12.50"}, or scientific text such as
   * {@code "1E+3"} for a value stored with a negative scale; at most 40 digits before and 40
   * after the decimal point.
   */
  static BigDecimal decimal(String text, StatePath path) {
    String value = required(text, path);
    if (value.length() > 2 * MAX_DECIMAL_DIGITS + 8 || !DECIMAL.matcher(value).matches()) {
      throw new StateFormatException(path.toString(), "not a decimal number such as \"12.50\": "
          + StatePath.quote(value));
    }
    BigDecimal decimal;
    try {
      decimal = new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw new StateFormatException(path.toString(), "not a decimal number such as \"12.50\": "
          + StatePath.quote(value));
    }
    if ((long) decimal.precision() - decimal.scale() > MAX_DECIMAL_DIGITS
        || decimal.scale() > MAX_DECIMAL_DIGITS) {
      throw new StateFormatException(path.toString(), String.format(Locale.ROOT,
          "decimal number out of range, at most %d digits before and after the decimal point: %s",
          MAX_DECIMAL_DIGITS, StatePath.quote(value)));
    }
    return decimal;
  }

  /** Reads a required amount of money in {@code currency}. */
  static Money money(String text, Currency currency, StatePath path) {
    BigDecimal amount = decimal(text, path);
    return model(() -> Money.of(amount, currency), path);
  }

  /** Reads a required enum constant by its name. */
  static <E extends Enum<E>> E constant(Class<E> type, String text, StatePath path) {
    String value = required(text, path);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(value)) {
        return constant;
      }
    }
    List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    throw new StateFormatException(path.toString(), "unknown value " + StatePath.quote(value)
        + ", expected one of " + names);
  }

  /** Reads a required account written as {@code TYPE:owner}. */
  static Account account(String text, StatePath path) {
    String value = required(text, path);
    int colon = value.indexOf(':');
    if (colon < 0) {
      throw new StateFormatException(path.toString(), "not an account such as "
          + "\"MEMBER_AVAILABLE:ana\": " + StatePath.quote(value));
    }
    AccountType type = constant(AccountType.class, value.substring(0, colon), path);
    return model(() -> new Account(type, value.substring(colon + 1)), path);
  }

  /**
   * Checks a document's format: it must be {@code expected}. Another version of the same kind,
   * or another kind of document, is reported as such.
   */
  static void format(String found, String expected, StatePath path) {
    if (found == null) {
      throw new StateFormatException(path.toString(), "missing, expected \"" + expected + "\"");
    }
    if (found.equals(expected)) {
      return;
    }
    String kind = expected.substring(0, expected.indexOf('/') + 1);
    String shown = StatePath.quote(found);
    if (found.startsWith(kind)) {
      throw new StateFormatException(path.toString(), "unsupported version " + shown
          + ", this version of the library reads \"" + expected + "\"");
    }
    for (String other : StateJson.FORMATS) {
      if (found.startsWith(other.substring(0, other.indexOf('/') + 1))) {
        throw new StateFormatException(path.toString(), shown + " is another kind of document, "
            + "expected \"" + expected + "\"");
      }
    }
    throw new StateFormatException(path.toString(), "unknown format " + shown + ", expected \""
        + expected + "\"");
  }
}
