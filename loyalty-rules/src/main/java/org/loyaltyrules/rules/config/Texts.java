package org.loyaltyrules.rules.config;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The text forms a program file writes enums, periods and date-times in, both ways: enums in
 * kebab case ({@code free-item}), periods as {@code 30 days}, {@code 6 months} or
 * {@code 1 year} (ISO-8601 such as {@code P1Y2M} is read too), local date-times as ISO-8601
 * ({@code 2026-03-18T00:00}, or a date alone for the start of that day). Each reader throws
 * {@link IllegalArgumentException} naming the text and what it should be. Stateless.
 */
final class Texts {
  private static final Pattern PERIOD = Pattern.compile(
      "(\\d{1,6})\\s+(day|days|week|weeks|month|months|year|years)");

  private Texts() {}

  /** Reads an enum constant written in kebab case. */
  static <E extends Enum<E>> E enumValue(String text, Class<E> type) {
    for (E constant : type.getEnumConstants()) {
      if (kebab(constant).equals(text)) {
        return constant;
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not one of " + Arrays.stream(
        type.getEnumConstants()).map(Texts::kebab).collect(Collectors.joining(", ")));
  }

  /** Writes an enum constant in kebab case. */
  static String kebab(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Reads a period: {@code 30 days}, {@code 2 weeks}, {@code 6 months}, {@code 1 year}, ISO. */
  static Period period(String text) {
    Matcher m = PERIOD.matcher(text.strip());
    if (m.matches()) {
      int n = Integer.parseInt(m.group(1));
      String unit = m.group(2);
      if (unit.startsWith("day")) {
        return Period.ofDays(n);
      } else if (unit.startsWith("week")) {
        return Period.ofWeeks(n);
      } else if (unit.startsWith("month")) {
        return Period.ofMonths(n);
      }
      return Period.ofYears(n);
    }
    try {
      return Period.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a period such as '30 days', "
          + "'6 months' or '1 year'");
    }
  }

  /** Writes a period in the words {@link #period} reads, or ISO-8601 if it mixes units. */
  static String period(Period period) {
    int kinds = (period.getYears() != 0 ? 1 : 0) + (period.getMonths() != 0 ? 1 : 0)
        + (period.getDays() != 0 ? 1 : 0);
    if (kinds > 1 || period.isNegative()) {
      return period.toString();
    }
    if (period.getYears() != 0) {
      return count(period.getYears(), "year");
    } else if (period.getMonths() != 0) {
      return count(period.getMonths(), "month");
    }
    return count(period.getDays(), "day");
  }

  /** Reads a duration of whole days: {@code 400 days}, or ISO-8601 such as {@code PT12H}. */
  static Duration duration(String text) {
    Matcher m = PERIOD.matcher(text.strip());
    if (m.matches() && m.group(2).startsWith("day")) {
      return Duration.ofDays(Long.parseLong(m.group(1)));
    }
    if (m.matches() && m.group(2).startsWith("week")) {
      return Duration.ofDays(7 * Long.parseLong(m.group(1)));
    }
    try {
      return Duration.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a duration such as '400 days'");
    }
  }

  /** Writes a duration as whole days where it is, else ISO-8601. */
  static String duration(Duration duration) {
    return duration.toSeconds() % 86_400 == 0 && !duration.isNegative()
        ? count(duration.toDays(), "day") : duration.toString();
  }

  /** Reads a local date-time, or a date meaning the start of that day. */
  static LocalDateTime dateTime(String text) {
    try {
      return text.contains("T") ? LocalDateTime.parse(text) : LocalDate.parse(text)
          .atStartOfDay();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a local date-time such as "
          + "'2026-03-18T09:00' or a date such as '2026-03-18'");
    }
  }

  /** Writes a local date-time, as a date alone when it is the start of a day. */
  static String dateTime(LocalDateTime at) {
    return at.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? at.toLocalDate().toString()
        : at.toString();
  }

  private static String count(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
