package org.loyaltyrules.core.activity;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSortedMap;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.loyaltyrules.core.ActivityId;

/**
 * Something a member did other than buying that a program may reward: a check-in, a review, a
 * referral, a social share or follow, creating an account, sharing a birthday, or a
 * {@link EngagementType#CUSTOM custom} kind the program defines.
 *
 * <p>Attributes carry the details (for example {@code "network" -> "instagram"} or
 * {@code "referred" -> "m-42"}); keys and values are not blank, and the map is kept sorted by
 * key. A {@code CUSTOM} event must have the attribute {@value #NAME} saying which kind it is.
 *
 * <pre>{@code
 * EngagementEvent follow =
 *     EngagementEvent.of(ActivityId.of("e-1"), at, EngagementType.SOCIAL_FOLLOW)
 *         .withAttribute("network", "instagram");
 * EngagementEvent quiz = EngagementEvent.custom(ActivityId.of("e-2"), at, "quiz-completed");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the activity id the host assigned
 * @param occurredAt when the event occurred
 * @param type what kind of event it is
 * @param attributes the event's details; an immutable map sorted by key, maybe empty
 */
public record EngagementEvent(ActivityId id, Instant occurredAt, EngagementType type,
    Map<String, String> attributes) implements Activity {
  /** The attribute naming the kind of a {@link EngagementType#CUSTOM} event: {@value}. */
  public static final String NAME = "name";

  private static final String KIND = "engagement event";

  /**
   * Validates the event and copies the attributes.
   *
   * @throws IllegalArgumentException naming the event and the bad value if any argument, key or
   *     value is null, a key or value is blank, or a {@code CUSTOM} event has no {@value #NAME}
   *     attribute
   */
  public EngagementEvent {
    Checks.id(id, KIND);
    Checks.notNull(occurredAt, KIND, id, "occurredAt");
    Checks.notNull(type, KIND, id, "type");
    Checks.notNull(attributes, KIND, id, "attributes");
    for (Map.Entry<String, String> e : attributes.entrySet()) {
      Checks.nonBlank(e.getKey(), KIND, id, "attribute key");
      Checks.nonBlank(e.getValue(), KIND, id, "attribute " + e.getKey());
    }
    checkArgument(type != EngagementType.CUSTOM || attributes.containsKey(NAME),
        "%s %s: a CUSTOM event must have the attribute '%s', had %s", KIND, id, NAME,
        attributes.keySet());
    attributes = ImmutableSortedMap.copyOf(attributes);
  }

  /**
   * Returns an event without attributes.
   *
   * @throws IllegalArgumentException if any argument is null or the type is {@code CUSTOM}
   *     (which needs a name: use {@link #custom})
   */
  public static EngagementEvent of(ActivityId id, Instant at, EngagementType type) {
    return new EngagementEvent(id, at, type, Map.of());
  }

  /**
   * Returns a {@code CUSTOM} event with the given name and no other attributes.
   *
   * @throws IllegalArgumentException if any argument is null or the name is blank
   */
  public static EngagementEvent custom(ActivityId id, Instant at, String name) {
    Checks.id(id, KIND);
    Checks.nonBlank(name, KIND, id, "attribute " + NAME);
    return new EngagementEvent(id, at, EngagementType.CUSTOM, Map.of(NAME, name));
  }

  /**
   * Returns a copy with the given attribute added, or replaced if the key is already present.
   *
   * @throws IllegalArgumentException if the key or value is null or blank
   */
  public EngagementEvent withAttribute(String key, String value) {
    Checks.nonBlank(key, KIND, id, "attribute key");
    Checks.nonBlank(value, KIND, id, "attribute " + key);
    ImmutableSortedMap.Builder<String, String> b = ImmutableSortedMap.naturalOrder();
    attributes.forEach((k, v) -> {
      if (!k.equals(key)) {
        b.put(k, v);
      }
    });
    b.put(key, value);
    return new EngagementEvent(id, occurredAt, type, b.buildOrThrow());
  }

  /**
   * Returns the value of the given attribute, if the event has it.
   *
   * @throws IllegalArgumentException if the key is null
   */
  public Optional<String> attribute(String key) {
    Checks.notNull(key, KIND, id, "attribute key");
    return Optional.ofNullable(attributes.get(key));
  }

  /** Returns the {@value #NAME} attribute, the kind of a {@code CUSTOM} event, if present. */
  public Optional<String> name() {
    return Optional.ofNullable(attributes.get(NAME));
  }
}
