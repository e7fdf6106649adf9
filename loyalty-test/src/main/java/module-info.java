/**
 * What a test suite needs to prove a loyalty program right: {@code ScenarioTests}, the JUnit 5
 * entry point that runs a folder of scenario files. Its one package,
 * {@code org.loyaltyrules.test}, is API.
 */
module org.loyaltyrules.test {
  requires transitive org.loyaltyrules.rules;
  requires transitive org.junit.jupiter.api;
  requires org.opentest4j;

  exports org.loyaltyrules.test;
}
