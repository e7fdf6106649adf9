/**
 * Compiles a program into an immutable, shareable form and decides activities on it; reads and
 * writes program files, scenarios and stored state; the expression language; the rule SPI; the
 * simulator.
 *
 * <p>API: {@code org.loyaltyrules.rules}, {@code .config}, {@code .expression},
 * {@code .simulation}; SPI: {@code org.loyaltyrules.rules.spi}.
 *
 * <p>The package {@code org.loyaltyrules.rules.expression.runtime} is not API: it holds the
 * read-only views a compiled expression reads. It is exported to every module because MVEL (the
 * automatic module {@code mvel2}) reads them first by reflection and then, once an expression
 * has run often enough, from accessor classes it generates in a class loader of its own; those
 * classes belong to an unnamed module, which a qualified export ({@code to mvel2}) does not
 * reach ({@code IllegalAccessError}). Nothing there can be opened for deep reflection.
 *
 * <p>The program-file and state documents in {@code .config} are package-private records that
 * Jackson binds, so that package is open to Jackson alone.
 */
@SuppressWarnings("requires-automatic")
module org.loyaltyrules.rules {
  requires transitive org.loyaltyrules.core;
  requires com.google.common;
  requires mvel2;
  requires com.fasterxml.jackson.annotation;
  requires tools.jackson.core;
  requires tools.jackson.databind;
  requires tools.jackson.dataformat.yaml;
  requires com.networknt.schema;
  requires org.snakeyaml.engine;

  exports org.loyaltyrules.rules;
  exports org.loyaltyrules.rules.config;
  exports org.loyaltyrules.rules.expression;
  exports org.loyaltyrules.rules.simulation;
  exports org.loyaltyrules.rules.spi;

  exports org.loyaltyrules.rules.expression.runtime;

  opens org.loyaltyrules.rules.config to tools.jackson.databind;
}
