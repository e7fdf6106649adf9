package org.loyaltyrules.core.program;

import java.time.LocalDate;

/**
 * A calendar period, read in a program's time zone: a month, a quarter or a year.
 *
 * <p>Immutable and thread-safe.
 */
public enum CalendarPeriod {
  /** A calendar month. */
  MONTH(1),
  /** A calendar quarter: January–March, April–June, July–September, October–December. */
  QUARTER(3),
  /** A calendar year. */
  YEAR(12);

  private final int months;

  CalendarPeriod(int months) {
    this.months = months;
  }

  /** Returns the first day of the period that contains {@code date}. */
  public LocalDate startOf(LocalDate date) {
    int monthIndex = date.getMonthValue() - 1;
    int startMonth = monthIndex - monthIndex % months + 1;
    return LocalDate.of(date.getYear(), startMonth, 1);
  }

  /**
   * Returns the first day after the end of the period {@code periodsAfter} periods after the one
   * that contains {@code date}; with {@code periodsAfter} 0 it is the start of the next period.
   */
  public LocalDate startOfPeriodAfter(LocalDate date, int periodsAfter) {
    return startOf(date).plusMonths((long) months * (periodsAfter + 1));
  }
}
