package org.loyaltyrules.core.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemberProfileTest {
  private static final MemberProfile LEAPLING = MemberProfile.empty()
      .withBirthday(LocalDate.of(2000, 2, 29));

  @Test
  void aLeapDayBirthdayIsCelebratedOnFebruary28InOtherYears() {
    assertThat(LEAPLING.birthdayIn(2027)).contains(LocalDate.of(2027, 2, 28));
    assertThat(LEAPLING.birthdayIn(2028)).contains(LocalDate.of(2028, 2, 29));
    assertThat(LEAPLING.birthdayIn(2100)).as("2100 is not a leap year")
        .contains(LocalDate.of(2100, 2, 28));
    assertThat(LEAPLING.birthdayIn(2000)).contains(LocalDate.of(2000, 2, 29));
  }

  @Test
  void otherBirthdaysFallOnTheSameDay() {
    MemberProfile profile = MemberProfile.empty().withBirthday(LocalDate.of(1990, 7, 4));
    MemberProfile feb28 = MemberProfile.empty().withBirthday(LocalDate.of(1999, 2, 28));

    assertThat(profile.birthdayIn(2027)).contains(LocalDate.of(2027, 7, 4));
    assertThat(feb28.birthdayIn(2028)).contains(LocalDate.of(2028, 2, 28));
    assertThat(MemberProfile.empty().birthdayIn(2027)).isEmpty();
  }

  @Test
  void segmentsAndAttributesAreSorted() {
    MemberProfile profile = MemberProfile.empty()
        .withSegments(Set.of("students", "app-users"))
        .withAttribute("home-store", "Seattle 1st & Pike")
        .withAttribute("cause", "petsmart-charities");

    assertThat(profile.segments()).containsExactly("app-users", "students");
    assertThat(profile.inSegment("students")).isTrue();
    assertThat(profile.inSegment("staff")).isFalse();
    assertThat(profile.attributes().keySet()).containsExactly("cause", "home-store");
    assertThat(profile.withAttribute("cause", "toms-giving-fund").attributes())
        .containsEntry("cause", "toms-giving-fund");
    assertThat(profile.attributes()).as("the original is unchanged")
        .containsEntry("cause", "petsmart-charities");
    assertThat(profile.birthday()).isEmpty();
  }

  @Test
  void badPartsAreRejectedNamingThem() {
    assertThatThrownBy(() -> MemberProfile.empty().withAttribute("home-store", " "))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("attribute home-store must not be blank, was ' '");
    assertThatThrownBy(() -> MemberProfile.empty().withAttribute("", "x"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("attribute name must not be blank, was ''");
    assertThatThrownBy(() -> MemberProfile.empty().withSegments(Set.of("students", "")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("segments entry must not be blank, was ''");
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("home-store", null);
    assertThatThrownBy(() -> new MemberProfile(Optional.empty(), Set.of(), nullValue))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("attributes[home-store] must not be null");
    assertThatThrownBy(() -> MemberProfile.empty().withBirthday(null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("birthday must not be null");
  }
}
