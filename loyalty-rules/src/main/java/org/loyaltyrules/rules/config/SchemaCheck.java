package org.loyaltyrules.rules.config;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.loyaltyrules.core.internal.Names;
import org.loyaltyrules.core.program.Problem;
import tools.jackson.databind.JsonNode;

/**
 * Checks a document against a JSON Schema shipped with the library, and words each violation as
 * a {@link Problem} at the document's path, naming the offending value and the rule it breaks
 * (the validator's own messages are not used: they follow the machine's locale). Every
 * violation is reported, not only the first. Immutable and thread-safe.
 */
final class SchemaCheck {
  private final String resource;
  private final String text;
  private final JsonNode root;
  private final Schema schema;

  private SchemaCheck(String resource) {
    this.resource = resource;
    try (var in = SchemaCheck.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the schema " + resource + " is missing from the jar");
      }
      this.text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the schema " + resource, e);
    }
    this.root = Documents.mapper(ProgramFiles.Syntax.JSON).readTree(text);
    this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(text, InputFormat.JSON);
  }

  /** The program file's schema, built when first needed. */
  static SchemaCheck program() {
    return ProgramSchema.CHECK;
  }

  /**
   * The scenario file's schema, built when first needed: a host that only reads program files
   * never pays for it.
   */
  static SchemaCheck scenario() {
    return ScenarioSchema.CHECK;
  }

  private static final class ProgramSchema {
    static final SchemaCheck CHECK = new SchemaCheck("program.schema.json");
  }

  private static final class ScenarioSchema {
    static final SchemaCheck CHECK = new SchemaCheck("scenario.schema.json");
  }

  /** Returns the schema's text. */
  String text() {
    return text;
  }

  /** Returns every violation in {@code document}, each once, in document order. */
  List<Problem> check(JsonNode document) {
    Set<Problem> problems = new LinkedHashSet<>();
    for (Error e : schema.validate(document)) {
      Problem p = problem(e, document);
      if (p != null) {
        problems.add(p);
      }
    }
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(java.util.Comparator.comparing(Problem::path, SchemaCheck::pathOrder));
    return sorted;
  }

  private Problem problem(Error e, JsonNode document) {
    String at = path(e.getInstanceLocation());
    JsonNode value = e.getInstanceNode();
    JsonNode rule = e.getSchemaNode();
    String shown = show(value);
    switch (e.getKeyword()) {
      case "required": {
        String property = e.getProperty() != null ? e.getProperty()
            : String.valueOf(e.getArguments()[0]);
        return new Problem(join(at, property), "is required");
      }
      case "additionalProperties":
      case "unevaluatedProperties": {
        String property = e.getProperty() != null ? e.getProperty()
            : String.valueOf(e.getArguments()[0]);
        if (property.isBlank()) {
          return new Problem(at, "a field with a blank name ('" + property + "') is not "
              + "allowed");
        }
        List<String> known = knownFields(e);
        String near = Names.nearest(property, known).map(n -> "; did you mean '" + n + "'?")
            .orElse(known.isEmpty() ? "" : "; the fields here are " + known);
        return new Problem(join(at, property), "'" + property + "' is not a field here" + near);
      }
      case "type":
        return new Problem(at, "must be " + typeName(rule) + ", was " + shown);
      case "enum":
        return new Problem(at, shown + " is not one of " + list(rule));
      case "const":
        return new Problem(at, "must be " + show(rule) + ", was " + shown);
      case "minimum":
        return new Problem(at, "must be at least " + rule.asString() + ", was " + shown);
      case "exclusiveMinimum":
        return new Problem(at, "must be more than " + rule.asString() + ", was " + shown);
      case "maximum":
        return new Problem(at, "must be at most " + rule.asString() + ", was " + shown);
      case "minItems":
        return new Problem(at, "must have at least " + rule.asString() + " item"
            + (rule.asInt() == 1 ? "" : "s"));
      case "uniqueItems":
        return new Problem(at, "must not repeat an item, was " + shown);
      case "minLength":
        return new Problem(at, "must not be empty");
      case "maxLength":
        return new Problem(at, "must be at most " + rule.asString() + " characters long");
      case "pattern":
        return new Problem(at, shown + " " + description(e, "is not in the expected form "
            + rule.asString()));
      case "minProperties":
        return new Problem(at, "must have at least one field");
      default:
        // The conditionals (if/then, allOf) report through the keywords above; a keyword with
        // nothing of its own to say is left out rather than worded vaguely.
        return null;
    }
  }

  /** The schema's description of what a pattern means, if the property has one. */
  private String description(Error e, String otherwise) {
    JsonNode parent = at(e.getSchemaLocation().getFragment().getParent());
    JsonNode description = parent == null ? null : parent.get("description");
    return description == null ? otherwise : "is not " + description.asString();
  }

  /** The fields the schema allows where an unknown one was found. */
  private List<String> knownFields(Error e) {
    JsonNode parent = at(e.getSchemaLocation().getFragment().getParent());
    List<String> names = new ArrayList<>();
    if (parent != null && parent.has("properties")) {
      Iterator<String> it = parent.get("properties").propertyNames().iterator();
      it.forEachRemaining(names::add);
    }
    return names;
  }

  /** The schema node at a fragment such as {@code /$defs/rule/properties}. */
  private JsonNode at(NodePath fragment) {
    if (fragment == null) {
      return null;
    }
    JsonNode node = root;
    for (int i = 0; i < fragment.getNameCount() && node != null; i++) {
      Object element = fragment.getElement(i);
      node = element instanceof Integer index ? node.get(index) : node.get(element.toString());
    }
    return node;
  }

  /** A document path as problems write it: {@code earnRules[2].points}. */
  static String path(NodePath location) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      if (element instanceof Integer index) {
        out.append('[').append(index).append(']');
      } else {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(element);
      }
    }
    return out.length() == 0 ? "(file)" : out.toString();
  }

  private static String join(String at, String property) {
    return at.equals("(file)") ? property : at + "." + property;
  }

  /** Orders paths as the document does: by name, with list indexes in numeric order. */
  private static int pathOrder(String a, String b) {
    return pad(a).compareTo(pad(b));
  }

  private static String pad(String path) {
    return java.util.regex.Pattern.compile("\\[(\\d+)\\]").matcher(path)
        .replaceAll(m -> "[" + "0".repeat(Math.max(0, 9 - m.group(1).length())) + m.group(1)
            + "]");
  }

  private static String show(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "nothing";
    }
    if (value.isNull()) {
      return "empty";
    }
    if (value.isString()) {
      return "'" + value.asString() + "'";
    }
    if (value.isContainer()) {
      return value.isArray() ? "a list" : "a mapping";
    }
    return value.toString();
  }

  private static String typeName(JsonNode rule) {
    if (rule.isArray()) {
      List<String> names = new ArrayList<>();
      rule.forEach(t -> names.add(article(t.asString())));
      return String.join(" or ", names);
    }
    return article(rule.asString());
  }

  private static String article(String type) {
    return switch (type) {
      case "object" -> "a mapping";
      case "array" -> "a list";
      case "integer" -> "a whole number";
      case "number" -> "a number";
      case "string" -> "text";
      case "boolean" -> "true or false";
      default -> type;
    };
  }

  private static String list(JsonNode values) {
    List<String> out = new ArrayList<>();
    values.forEach(v -> out.add(v.isString() ? v.asString() : v.toString()));
    return String.join(", ", out);
  }

  @Override
  public String toString() {
    return "schema " + resource;
  }
}
