package org.loyaltyrules.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The tests run under a non-English locale and a far-off time zone, so code that leans on the
 * machine's defaults fails here. If the build's Surefire arguments are ever replaced, this fails.
 */
class TestEnvironmentTest {
  @Test
  void testsRunUnderAHindiLocaleAndTheKiritimatiZone() {
    assertThat(Locale.getDefault().getLanguage()).isEqualTo("hi");
    assertThat(Locale.getDefault().getCountry()).isEqualTo("IN");
    assertThat(ZoneId.systemDefault()).isEqualTo(ZoneId.of("Pacific/Kiritimati"));
  }
}
