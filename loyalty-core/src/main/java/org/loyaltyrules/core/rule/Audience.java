package org.loyaltyrules.core.rule;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.activity.Channel;
import org.loyaltyrules.core.internal.Checks;

/**
 * Who a rule applies to: members in any of its segments, holding any of its tiers, with all of
 * its attribute values, acting through any of its channels and paying with any of its payment
 * instruments (a co-branded card, say), and, if {@code birthdayMonth} is set, only in the calendar
 * month of the member's birthday, read in the program's zone. An empty part does not restrict.
 *
 * <p>Immutable and thread-safe.
 *
 * @param segments the member segments; empty for all
 * @param tiers the tiers; empty for all
 * @param attributes attribute values the member must all have; empty for none
 * @param channels the purchase channels; empty for all
 * @param instruments the payment instruments, as the host names them on the purchase; empty for
 *     all, including purchases that name none
 * @param birthdayMonth whether the rule applies only in the member's birthday month (the month
 *     of the birthday in the member's profile, in the program's zone); a member who has shared
 *     no birthday is never in such an audience
 */
public record Audience(Set<String> segments, Set<TierId> tiers, Map<String, String> attributes,
    Set<Channel> channels, Set<String> instruments, boolean birthdayMonth) {
  private static final Audience EVERYONE =
      new Audience(Set.of(), Set.of(), Map.of(), Set.of(), Set.of(), false);

  /**
   * Validates and copies the audience.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null or holds a null or
   *     blank entry
   */
  public Audience {
    segments = Checks.names(segments, "audience segments");
    tiers = Checks.set(tiers, "audience tiers");
    attributes = Checks.sortedMap(attributes, "audience attributes");
    attributes.forEach((k, v) -> Checks.text(v, "audience attribute " + k));
    channels = Checks.set(channels, "audience channels");
    instruments = Checks.names(instruments, "audience instruments");
  }

  /**
   * Creates an audience that is not limited to the birthday month.
   *
   * @throws IllegalArgumentException as the canonical constructor does
   */
  public Audience(Set<String> segments, Set<TierId> tiers, Map<String, String> attributes,
      Set<Channel> channels, Set<String> instruments) {
    this(segments, tiers, attributes, channels, instruments, false);
  }

  /**
   * Creates an audience that names no payment instruments.
   *
   * @throws IllegalArgumentException as the canonical constructor does
   */
  public Audience(Set<String> segments, Set<TierId> tiers, Map<String, String> attributes,
      Set<Channel> channels) {
    this(segments, tiers, attributes, channels, Set.of());
  }

  /** Returns the audience of every member. */
  public static Audience everyone() {
    return EVERYONE;
  }

  /** Returns a copy restricted to the given segments. */
  public Audience withSegments(Set<String> segments) {
    return new Audience(segments, tiers, attributes, channels, instruments, birthdayMonth);
  }

  /** Returns a copy restricted to the given tiers. */
  public Audience withTiers(Set<TierId> tiers) {
    return new Audience(segments, tiers, attributes, channels, instruments, birthdayMonth);
  }

  /** Returns a copy restricted to the given channels. */
  public Audience withChannels(Set<Channel> channels) {
    return new Audience(segments, tiers, attributes, channels, instruments, birthdayMonth);
  }

  /** Returns a copy restricted to purchases paid with the given instruments. */
  public Audience withInstruments(Set<String> instruments) {
    return new Audience(segments, tiers, attributes, channels, instruments, birthdayMonth);
  }

  /**
   * Returns a copy that applies only in the member's birthday month, or, with {@code false},
   * in every month.
   */
  public Audience withBirthdayMonth(boolean birthdayMonth) {
    return new Audience(segments, tiers, attributes, channels, instruments, birthdayMonth);
  }

  /**
   * Returns true if a member with these segments, tier and attributes, acting through
   * {@code channel} (empty when the activity has none) and naming no payment instrument, outside
   * the member's birthday month, is in the audience.
   */
  public boolean includes(Set<String> memberSegments, Optional<TierId> tier,
      Map<String, String> memberAttributes, Optional<Channel> channel) {
    return includes(memberSegments, tier, memberAttributes, channel, Optional.empty());
  }

  /**
   * Returns true if a member with these segments, tier and attributes, acting through
   * {@code channel} and paying with {@code instrument} (each empty when the activity has none),
   * outside the member's birthday month, is in the audience.
   */
  public boolean includes(Set<String> memberSegments, Optional<TierId> tier,
      Map<String, String> memberAttributes, Optional<Channel> channel,
      Optional<String> instrument) {
    return includes(memberSegments, tier, memberAttributes, channel, instrument, false);
  }

  /**
   * Returns true if a member with these segments, tier and attributes, acting through
   * {@code channel} and paying with {@code instrument} (each empty when the activity has none),
   * is in the audience; {@code inBirthdayMonth} says whether the activity falls in the member's
   * birthday month (false for a member who has shared no birthday).
   */
  public boolean includes(Set<String> memberSegments, Optional<TierId> tier,
      Map<String, String> memberAttributes, Optional<Channel> channel,
      Optional<String> instrument, boolean inBirthdayMonth) {
    // Loops, not streams: this runs for every rule of every decision.
    if (birthdayMonth && !inBirthdayMonth) {
      return false;
    }
    if (!segments.isEmpty() && !anyOf(segments, memberSegments)) {
      return false;
    }
    if (!tiers.isEmpty() && (tier.isEmpty() || !tiers.contains(tier.get()))) {
      return false;
    }
    for (Map.Entry<String, String> e : attributes.entrySet()) {
      if (!e.getValue().equals(memberAttributes.get(e.getKey()))) {
        return false;
      }
    }
    return (channels.isEmpty() || channel.isPresent() && channels.contains(channel.get()))
        && (instruments.isEmpty() || instrument.isPresent()
            && instruments.contains(instrument.get()));
  }

  private static boolean anyOf(Set<String> wanted, Set<String> held) {
    for (String segment : wanted) {
      if (held.contains(segment)) {
        return true;
      }
    }
    return false;
  }
}
