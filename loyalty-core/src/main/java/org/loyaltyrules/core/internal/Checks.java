package org.loyaltyrules.core.internal;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Argument checks shared by the model's constructors. Every message names what was checked and
 * the bad value, so a caller can find the mistake without a debugger.
 *
 * <p>Stateless and thread-safe. Not part of the library's API: it may change at any time.
 */
public final class Checks {
  private Checks() {}

  /**
   * Returns {@code value}, which must not be null.
   *
   * @throws IllegalArgumentException naming {@code what} if it is
   */
  public static <T> T present(T value, String what) {
    checkArgument(value != null, "%s must not be null", what);
    return value;
  }

  /**
   * Returns {@code text}, which must be neither null nor blank.
   *
   * @throws IllegalArgumentException naming {@code what} and the value if it is
   */
  public static String text(String text, String what) {
    checkArgument(text != null && !text.isBlank(), "%s must not be blank, was '%s'", what, text);
    return text;
  }

  /**
   * Returns an immutable copy of {@code values} in their order, which must hold no null.
   *
   * @throws IllegalArgumentException naming {@code what} and the index of a null
   */
  public static <T> ImmutableList<T> list(Collection<? extends T> values, String what) {
    present(values, what);
    int i = 0;
    for (T value : values) {
      checkArgument(value != null, "%s[%s] must not be null", what, i);
      i++;
    }
    return ImmutableList.copyOf(values);
  }

  /**
   * Returns an immutable, sorted copy of a set of names, none of which may be blank.
   *
   * @throws IllegalArgumentException naming {@code what} and the bad entry
   */
  public static ImmutableSet<String> names(Set<String> values, String what) {
    present(values, what);
    for (String value : values) {
      text(value, what + " entry");
    }
    return ImmutableSet.copyOf(new TreeSet<>(values));
  }

  /**
   * Returns an immutable copy of {@code values}, which must hold no null; sorted when the
   * elements are comparable so equal sets print alike.
   *
   * @throws IllegalArgumentException naming {@code what} if it or an element is null
   */
  public static <T> ImmutableSet<T> set(Set<? extends T> values, String what) {
    present(values, what);
    for (T value : values) {
      checkArgument(value != null, "%s must not hold null", what);
    }
    if (values.stream().allMatch(v -> v instanceof Comparable<?>)) {
      try {
        return ImmutableSet.copyOf(new TreeSet<T>(values));
      } catch (ClassCastException e) {
        // elements of different types that cannot be compared with each other: keep the order
      }
    }
    return ImmutableSet.copyOf(values);
  }

  /**
   * Returns an immutable copy of {@code values} sorted by key, with no null key or value.
   *
   * @throws IllegalArgumentException naming {@code what} and the key of a null value
   */
  public static <K extends Comparable<? super K>, V> ImmutableMap<K, V> sortedMap(
      Map<K, ? extends V> values, String what) {
    present(values, what);
    for (Map.Entry<K, ? extends V> e : values.entrySet()) {
      checkArgument(e.getKey() != null, "%s must not have a null key", what);
      checkArgument(e.getValue() != null, "%s[%s] must not be null", what, e.getKey());
    }
    return ImmutableMap.copyOf(new TreeMap<>(values));
  }

  /**
   * Returns {@code value}, which must be greater than zero.
   *
   * @throws IllegalArgumentException naming {@code what} and the value otherwise
   */
  public static BigDecimal positive(BigDecimal value, String what) {
    present(value, what);
    checkArgument(value.signum() > 0, "%s must be positive, was %s", what,
        value.toPlainString());
    return value;
  }

  /**
   * Returns {@code value} without trailing zeros after the decimal point, but never in exponent
   * form: {@code 2.50} becomes {@code 2.5}, {@code 1.0} becomes {@code 1}, and {@code 10} stays
   * {@code 10} (not {@code 1E+1}). Equal quantities so compare equal with {@code equals}.
   */
  public static BigDecimal stripped(BigDecimal value) {
    BigDecimal stripped = present(value, "value").stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  /**
   * Returns {@code value}, which must be zero or more.
   *
   * @throws IllegalArgumentException naming {@code what} and the value otherwise
   */
  public static long notNegative(long value, String what) {
    checkArgument(value >= 0, "%s must not be negative, was %s", what, value);
    return value;
  }
}
