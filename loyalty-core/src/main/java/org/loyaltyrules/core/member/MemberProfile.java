package org.loyaltyrules.core.member;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Year;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.loyaltyrules.core.internal.Checks;

/**
 * What a program knows about a member beyond points: a birthday, the segments the host placed the
 * member in, and free attributes (a home store, a chosen cause) that rules may read.
 *
 * <p>Immutable and thread-safe.
 *
 * @param birthday the member's birthday, if shared
 * @param segments the member's segments, for example {@code students}; sorted
 * @param attributes free attributes by name; sorted by name
 */
public record MemberProfile(Optional<LocalDate> birthday, Set<String> segments,
    Map<String, String> attributes) {
  private static final MemberProfile EMPTY = new MemberProfile(Optional.empty(), Set.of(),
      Map.of());

  /**
   * Validates and copies the profile.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null or a segment,
   *     attribute name or attribute value is blank
   */
  public MemberProfile {
    Checks.present(birthday, "birthday");
    segments = Checks.names(segments, "segments");
    attributes = Checks.sortedMap(attributes, "attributes");
    attributes.forEach((k, v) -> {
      Checks.text(k, "attribute name");
      Checks.text(v, "attribute " + k);
    });
  }

  /** Returns a profile with no birthday, segments or attributes. */
  public static MemberProfile empty() {
    return EMPTY;
  }

  /** Returns a copy with the given birthday. */
  public MemberProfile withBirthday(LocalDate birthday) {
    return new MemberProfile(Optional.of(Checks.present(birthday, "birthday")), segments,
        attributes);
  }

  /** Returns a copy with the given segments. */
  public MemberProfile withSegments(Set<String> segments) {
    return new MemberProfile(birthday, segments, attributes);
  }

  /** Returns a copy with one attribute set. */
  public MemberProfile withAttribute(String name, String value) {
    Map<String, String> copy = new java.util.TreeMap<>(attributes);
    copy.put(Checks.text(name, "attribute name"), Checks.text(value, "attribute " + name));
    return new MemberProfile(birthday, segments, copy);
  }

  /** Returns true if the member is in the given segment. */
  public boolean inSegment(String segment) {
    return segments.contains(segment);
  }

  /**
   * Returns true if {@code date} (a local date in the program's zone) is in the month of the
   * member's birthday; false if the member has shared no birthday.
   */
  public boolean isBirthdayMonth(LocalDate date) {
    Checks.present(date, "date");
    return birthday.isPresent() && birthday.get().getMonth() == date.getMonth();
  }

  /**
   * Returns the day the member's birthday is celebrated in {@code year}: the birthday itself, or
   * 28 February for a 29 February birthday in a year that is not a leap year.
   */
  public Optional<LocalDate> birthdayIn(int year) {
    return birthday.map(b -> MonthDay.from(b).atYear(year))
        .map(d -> Year.isLeap(year) || d.getMonthValue() != 2 || d.getDayOfMonth() != 29 ? d
            : d.withDayOfMonth(28));
  }
}
