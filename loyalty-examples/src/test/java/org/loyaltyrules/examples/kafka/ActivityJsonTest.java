package org.loyaltyrules.examples.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.examples.kafka.ActivityJson.MemberActivity;
import org.loyaltyrules.examples.kafka.ActivityStream.Input;

/** The input topic's activity documents: written and read back exactly, bad ones named. */
class ActivityJsonTest {
  @Test
  void everyGeneratedActivityReadsBackEqual() {
    List<Input> inputs = ActivityStream.generate(7, 200, 2_000, 60);
    for (Input input : inputs) {
      MemberActivity read = ActivityJson.read(input.json());
      assertThat(read).isEqualTo(input.activity());
      assertThat(ActivityJson.write(read.member(), read.activity())).isEqualTo(input.json());
    }
    assertThat(inputs).extracting(i -> i.json().substring(0, 50))
        .anyMatch(s -> s.contains("\"purchase\""))
        .anyMatch(s -> s.contains("\"return\""))
        .anyMatch(s -> s.contains("\"redeem\""));
  }

  @Test
  void aBadDocumentIsAnErrorNamingWhatIsWrong() {
    String purchase = "{\"format\":\"example-activity/1\",\"type\":\"purchase\",\"id\":\"p1\","
        + "\"member\":\"ana\",\"at\":\"2026-03-02T09:00:00Z\",\"currency\":\"USD\",\"lines\":"
        + "[{\"id\":\"l1\",\"sku\":\"tea\",\"category\":\"drinks\",\"quantity\":\"1\","
        + "\"price\":\"%s\"}]%s}";
    assertThat(ActivityJson.read(String.format(purchase, "3.00", "")).activity().id().value())
        .isEqualTo("p1");
    assertThatThrownBy(() -> ActivityJson.read(String.format(purchase, "three", "")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("activity document: lines[0].price must be a decimal, was 'three'");
    assertThatThrownBy(() -> ActivityJson.read(String.format(purchase, "3.00", ",\"tip\":\"1\"")))
        .hasMessage("activity document: tip is not a property here");
    assertThatThrownBy(() -> ActivityJson.read("{\"format\":\"loyalty-member/1\"}"))
        .hasMessage("activity document: format is 'loyalty-member/1', this version reads "
            + "example-activity/1");
    assertThatThrownBy(() -> ActivityJson.read("not json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("activity document is not JSON");
  }
}
