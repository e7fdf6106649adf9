package org.loyaltyrules.core.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;

class EngagementEventTest {
  private static final ActivityId E1 = ActivityId.of("e-1");
  private static final Instant AT = Instant.parse("2026-04-01T00:00:00Z");

  @Test
  void eventWithoutAttributes() {
    EngagementEvent e = EngagementEvent.of(E1, AT, EngagementType.CHECK_IN);

    assertThat(e.id()).isEqualTo(E1);
    assertThat(e.occurredAt()).isEqualTo(AT);
    assertThat(e.type()).isEqualTo(EngagementType.CHECK_IN);
    assertThat(e.attributes()).isEmpty();
    assertThat(e.name()).isEmpty();
  }

  @Test
  void withAttributeAddsOrReplacesAndKeepsKeysSorted() {
    EngagementEvent plain = EngagementEvent.of(E1, AT, EngagementType.SOCIAL_FOLLOW);
    EngagementEvent e = plain
        .withAttribute("network", "instagram")
        .withAttribute("handle", "@odacite")
        .withAttribute("network", "facebook");

    assertThat(plain.attributes()).isEmpty();
    assertThat(e.attributes()).containsExactly(Map.entry("handle", "@odacite"),
        Map.entry("network", "facebook"));
    assertThat(e.attribute("network")).contains("facebook");
    assertThat(e.attribute("missing")).isEmpty();
    assertThat(e).isEqualTo(new EngagementEvent(E1, AT, EngagementType.SOCIAL_FOLLOW,
        Map.of("network", "facebook", "handle", "@odacite")));
  }

  @Test
  void attributesAreCopiedSortedAndImmutable() {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("stars", "5");
    attributes.put("product", "MUG-1");
    EngagementEvent e = new EngagementEvent(E1, AT, EngagementType.REVIEW, attributes);
    attributes.put("later", "x");

    assertThat(e.attributes()).containsExactly(Map.entry("product", "MUG-1"),
        Map.entry("stars", "5"));
    assertThatThrownBy(() -> e.attributes().put("a", "b"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void customEventNeedsAName() {
    assertThatThrownBy(() -> EngagementEvent.of(E1, AT, EngagementType.CUSTOM))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("engagement event e-1: a CUSTOM event must have the attribute 'name', had []");
    assertThatThrownBy(() -> new EngagementEvent(E1, AT, EngagementType.CUSTOM,
            Map.of("kind", "quiz")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "engagement event e-1: a CUSTOM event must have the attribute 'name', had [kind]");
  }

  @Test
  void customEventWithName() {
    EngagementEvent e =
        EngagementEvent.custom(E1, AT, "quiz-completed").withAttribute("score", "9");

    assertThat(e.type()).isEqualTo(EngagementType.CUSTOM);
    assertThat(e.name()).contains("quiz-completed");
    assertThat(e.attributes()).containsExactly(Map.entry("name", "quiz-completed"),
        Map.entry("score", "9"));
    assertThatThrownBy(() -> EngagementEvent.custom(E1, AT, " "))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("engagement event e-1: attribute name must not be blank, was ' '");
  }

  @Test
  void blankOrNullKeysAndValuesAreRejected() {
    EngagementEvent e = EngagementEvent.of(E1, AT, EngagementType.REFERRAL);

    assertThatThrownBy(() -> e.withAttribute(" ", "m-2"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("engagement event e-1: attribute key must not be blank, was ' '");
    assertThatThrownBy(() -> e.withAttribute("referred", ""))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("engagement event e-1: attribute referred must not be blank, was ''");
    assertThatThrownBy(() -> e.withAttribute(null, "m-2"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("engagement event e-1: attribute key must not be null");
    assertThatThrownBy(() -> e.withAttribute("referred", null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("engagement event e-1: attribute referred must not be null");
    Map<String, String> withNullKey = new HashMap<>();
    withNullKey.put(null, "x");
    assertThatThrownBy(() -> new EngagementEvent(E1, AT, EngagementType.REVIEW, withNullKey))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("engagement event e-1: attribute key must not be null");
    Map<String, String> withNullValue = new HashMap<>();
    withNullValue.put("stars", null);
    assertThatThrownBy(() -> new EngagementEvent(E1, AT, EngagementType.REVIEW, withNullValue))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("engagement event e-1: attribute stars must not be null");
  }

  @Test
  void nullArgumentsGiveIllegalArgumentException() {
    assertThatThrownBy(() -> EngagementEvent.of(null, AT, EngagementType.REVIEW))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("engagement event: activity id must not be null");
    assertThatThrownBy(() -> EngagementEvent.of(E1, null, EngagementType.REVIEW))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("engagement event e-1: occurredAt must not be null");
    assertThatThrownBy(() -> EngagementEvent.of(E1, AT, null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("engagement event e-1: type must not be null");
    assertThatThrownBy(() -> new EngagementEvent(E1, AT, EngagementType.REVIEW, null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("engagement event e-1: attributes must not be null");
    assertThatThrownBy(() -> EngagementEvent.custom(E1, AT, null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("engagement event e-1: attribute name must not be null");
    assertThatThrownBy(() -> EngagementEvent.of(E1, AT, EngagementType.REVIEW).attribute(null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("engagement event e-1: attribute key must not be null");
  }
}
