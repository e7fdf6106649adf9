package org.loyaltyrules.core.program;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.activity.EngagementEvent;
import org.loyaltyrules.core.activity.EngagementType;
import org.loyaltyrules.core.internal.Checks;

/**
 * What earns an entry in a sweepstakes {@link Draw} or a play of an {@link InstantWinGame}: a
 * purchase of at least a minimum spend, or an engagement event of a type with the attributes
 * required (a check-in at a participating place).
 *
 * <p>All implementations are immutable and thread-safe records.
 */
public sealed interface EntryTrigger {

  /** Returns a trigger on purchases whose earning amount is at least {@code minimumSpend}. */
  static EntryTrigger purchase(Money minimumSpend) {
    return new Purchase(minimumSpend);
  }

  /** Returns a trigger on every engagement event of a type, whatever its attributes. */
  static EntryTrigger event(EngagementType type) {
    return new Event(type, Map.of());
  }

  /**
   * A purchase whose earning amount (the amount points are earned on, as the program's earn
   * policy counts tax and shipping) is at least the minimum spend. A return that takes the rest
   * of the order below the minimum withdraws what the purchase earned.
   *
   * @param minimumSpend the least amount that qualifies; positive, in the program's currency
   *     (checked by the program)
   */
  record Purchase(Money minimumSpend) implements EntryTrigger {
    /** Validates the trigger; throws {@link IllegalArgumentException} naming a bad value. */
    public Purchase {
      Checks.present(minimumSpend, "minimum spend");
      checkArgument(minimumSpend.isPositive(), "minimum spend must be positive, was %s",
          minimumSpend);
    }
  }

  /**
   * An engagement event of a type whose attributes each have one of the values required: a
   * check-in with {@code participating: [yes]}, or with {@code place} one of a set of place
   * ids. Attributes not named may have any value.
   *
   * @param type the event type
   * @param attributes for each attribute named, the values that qualify; keys and values not
   *     blank, each set not empty
   */
  record Event(EngagementType type, Map<String, Set<String>> attributes) implements EntryTrigger {
    /**
     * Validates and copies the trigger; throws {@link IllegalArgumentException} naming a bad
     * value.
     */
    public Event {
      Checks.present(type, "trigger event type");
      Checks.present(attributes, "trigger attributes");
      Map<String, Set<String>> copy = new TreeMap<>();
      attributes.forEach((key, values) -> {
        Checks.text(key, "trigger attribute name");
        Set<String> names = Checks.names(Checks.present(values, "trigger attribute " + key),
            "trigger attribute " + key);
        checkArgument(!names.isEmpty(), "trigger attribute %s must list at least one value",
            key);
        copy.put(key, ImmutableSet.copyOf(names));
      });
      attributes = ImmutableMap.copyOf(copy);
    }

    /**
     * Returns true if the event is of the type and has a qualifying value of every attribute
     * named.
     *
     * @throws IllegalArgumentException if it is null
     */
    public boolean matches(EngagementEvent event) {
      Checks.present(event, "event");
      return event.type() == type && attributes.entrySet().stream().allMatch(e ->
          e.getValue().contains(event.attributes().get(e.getKey())));
    }
  }
}
