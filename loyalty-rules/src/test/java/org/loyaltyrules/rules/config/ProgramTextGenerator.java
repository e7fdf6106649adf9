package org.loyaltyrules.rules.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.loyaltyrules.core.program.Program;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Broken and half-broken program files for {@link ProgramFilesProperties}: valid files with a
 * few random edits, random bytes, soups of YAML and JSON tokens, and random trees of the
 * format's fields. Everything is drawn from a QuickTheories randomness source, so a failure
 * shrinks to fewer and smaller edits.
 *
 * <p>The edits of {@link #mutants()} work on the text — insert, delete or replace characters,
 * delete or duplicate a line, change a line's indentation — and on the tree the text holds,
 * written back in the same syntax — replace a value with one of another type, change a value
 * within its type, drop a field (often a required one), add an unknown field (often a near miss
 * of a known one), swap, copy or break ids and references, duplicate or remove a list item.
 *
 * <p>None of them sets out to write a number in exponent form, spell a pseudo-currency, make the
 * format a list or a mapping or add a top-level field with a blank name: those are the business
 * of {@link #hugeNumbers()}, {@link #anyCurrencyOrZone()}, {@link #formatsOfAnyType()} and
 * {@link #unknownFieldsOfAnyName()}, whose properties guard what they once found. The base
 * files keep their numbers small and plain (see {@link ProgramGenerator#programsToMutate()}).
 */
final class ProgramTextGenerator {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Fields that some part of the format requires. */
  private static final Set<String> REQUIRED = Set.of("format", "id", "currency", "zone", "units",
      "name", "kind", "unit", "points", "per", "factor", "event", "minimum", "grant", "every",
      "value", "percent", "extension", "formula", "cost", "from", "until", "metric", "window",
      "tiers", "threshold", "fee", "pointValue", "minimumPoints", "stepPoints", "goal", "target",
      "pointsPerStep", "valuePerStep");
  /** The path of a value that is an id or names one. */
  private static final Pattern ID_PATH = Pattern.compile(
      "(^|.*\\.)(id|unit|reward|statusUnit)$|.*\\.tiers\\[\\d+\\]$");
  private static final List<String> UNKNOWN_FIELDS = List.of("extra", "Id", "unit ", "x-note",
      "comment", "$schema", "<<", "format2", "earnrules", "unit_id", "ID", "kind:", "#", "é");
  private static final List<String> STRINGS = List.of("", " ", "text", "nope", "no-such-id",
      "123", "true", "null", "2026-02-30", "2026-13-01T25:61", "P-1D", "0 days", "25 hours",
      "99999999 days", "rolling 0 months", "rolling 121 months", "free_item", "RATE",
      "lifetime", "calendar-year", "one-step", "reduce-next", "expression", "sum(line.amount)",
      "loyalty-program/2", "Mars/Olympus", "GMT+99", "usd", "US", "a".repeat(201), "é",
      "\u0000x", "order.total >", "order.total", "1 / 0 > 1", "inSegment(", "'", "\uFEFF");
  private static final List<String> SNIPPETS = List.of("", " ", "  ", "\n", "\n  ", "\t", ":",
      ": ", "- ", "-", "{", "}", "[", "]", "{}", "[]", ",", "\"", "'", "#", "# note", "&a ", "*a",
      "!!str ", "!!int ", "!!binary ", "!!map ", "!x ", "? ", "|", "|-\n", ">", "---\n",
      "...\n", "%YAML 1.2\n", "<<: ", "-1", "42", "7", ".inf", ".nan", "null", "~", "true",
      "false", "yes", "no", "\\", "\\u", "\u0000", "\uFEFF", "\ud800", "\u2028", "é", "日本",
      "★", "\r", "\r\n", "x: y", "id: dup", "name:", "format: loyalty-program/1",
      "kind: rate", "unit: nope", "2026-02-30", "P-1D", "\"a\": 1", "\"id\": \"x\"", "@", "`",
      "%", "=", ";", "<", "&", "*", "!", "0x1F");
  /** Single characters an edit inserts: printable ASCII and a few others. */
  private static final String CHARS = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ"
      + "[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\t\n\r\u00e9\u0000\uFEFF\u00a0";
  private static final List<String> TOKENS = List.of("{", "}", "[", "]", ":", ": ", ",", "-",
      "- ", "\n", "\n", "\n  ", "\n    ", "\n      ", " ", "  ", "\t", "\"", "'", "#", "? ", "|",
      ">", "&a ", "*a", "!!str ", "!!binary ", "!!set ", "!!omap ", "<<", "---", "...",
      "%YAML 1.2", "%TAG ! tag:x,2000:", "\\", "\uFEFF", "format", "id", "currency", "zone",
      "units", "earnRules", "rewards", "offers", "tiers", "plans", "partners", "causes",
      "challenges", "pointsPayment", "earnPolicy", "name", "kind", "unit", "points", "per",
      "grant", "when", "expiry", "after", "window", "caps", "budget", "\"format\"", "\"id\"",
      "\"units\"", "\"earnRules\"", "\"kind\"", "loyalty-program/1", "\"loyalty-program/1\"",
      "USD", "UTC", "rate", "custom", "formula", "birthday", "1", "0", "-1", "1.5", "42",
      "9223372036854775808", "true", "null", "~", "\"x\"", "'y'", "2026-01-01", "30 days",
      "[]", "{}", "order.total > 1", "é", "★", "\u0085", "\u2028");
  /** 2<sup>63</sup>: a whole number at least this large is beyond a long. */
  private static final BigDecimal LONG_RANGE = new BigDecimal(BigInteger.TWO.pow(63));
  /** The decimals that a file leaves out when they are 1. */
  private static final Pattern DEFAULT_ONE = Pattern.compile(
      ".*\\.(maxShare|multiplier|earnMultiplier)$");
  /** The format's field names but {@code format}, whose type a separate property varies. */
  private static final List<String> FIELDS = List.of("id", "name", "currency", "zone",
      "activityHorizon", "earnPolicy", "units", "earnRules", "rewards", "offers", "tiers",
      "plans", "partners", "causes", "challenges", "pointsPayment", "taxEarns", "rounding",
      "scope", "multipliers", "kind", "pending", "expiry", "after", "endOf", "periodsAfter",
      "inactivity", "shortfall", "unit", "points", "per", "factor", "lines", "categories", "skus",
      "tags", "event", "attributes", "frequency", "minimum", "grant", "every", "value",
      "validity", "percent", "leapDayOnMarchFirst", "extension", "parameters", "formula", "group",
      "priority", "stacking", "audience", "segments", "channels", "window", "from", "until",
      "caps", "budget", "condition", "when", "onError", "reward", "voucher", "cost", "multiplier",
      "bonusPoints", "metric", "statusUnit", "threshold", "earnMultiplier", "perks", "fee", "term",
      "pointValue", "minimumPoints", "stepPoints", "goal", "target", "restarts", "pointsPerStep",
      "valuePerStep", "maxShare", "credit", "downgrade", "grace", "entryBonus", "trial",
      "discount", "dividend", "onReturn");
  private static final String YAML_HEAD = "format: loyalty-program/1\nid: p\ncurrency: USD\n"
      + "zone: UTC\nunits:\n  - id: pts\n    name: Pts\n";
  private static final String JSON_HEAD = "{\"format\": \"loyalty-program/1\", \"id\": \"p\", "
      + "\"currency\": \"USD\", \"zone\": \"UTC\", \"units\": [{\"id\": \"pts\", \"name\": "
      + "\"Pts\"}], ";

  /**
   * A valid file after some edits.
   *
   * @param syntax the file's syntax
   * @param text the edited text
   * @param edits what was done, in order
   */
  record Mutant(ProgramFiles.Syntax syntax, String text, List<String> edits) {
    @Override
    public String toString() {
      return syntax + " file after " + edits + ":\n" + text + "\n(as a Java string: "
          + javaString(text) + ")";
    }
  }

  /**
   * Text that may be anything.
   *
   * @param how how it was made
   * @param text the text
   */
  record Noise(String how, String text) {
    @Override
    public String toString() {
      return how + ": " + javaString(text);
    }
  }

  /** A place in a document's tree. */
  private record Slot(JsonNode parent, String field, int index, JsonNode node, String path) {}

  private final RandomnessSource in;

  private ProgramTextGenerator(RandomnessSource in) {
    this.in = in;
  }

  /** Valid files of random programs, YAML or JSON, after one to three random edits. */
  static Gen<Mutant> mutants() {
    return in -> {
      ProgramTextGenerator g = new ProgramTextGenerator(in);
      Program program = ProgramGenerator.programsToMutate().generate(in);
      ProgramFiles.Syntax syntax = g.pick(0, 1) == 0 ? ProgramFiles.Syntax.YAML
          : ProgramFiles.Syntax.JSON;
      List<Integer> kinds = new ArrayList<>();
      for (int i = g.pick(1, 3); i > 0; i--) {
        kinds.add(g.pick(0, 11));
      }
      List<String> edits = new ArrayList<>();
      String text = ProgramFiles.write(program, syntax);
      if (kinds.stream().anyMatch(k -> k < 6)) {
        JsonNode tree = Documents.read(text, syntax);
        for (int kind : kinds) {
          if (kind < 6) {
            edits.add(g.treeEdit(kind, tree));
          }
        }
        text = Documents.write(tree, syntax);
      }
      StringBuilder s = new StringBuilder(text);
      for (int kind : kinds) {
        if (kind >= 6) {
          edits.add(g.textEdit(kind, s));
        }
      }
      return new Mutant(syntax, s.toString(), List.copyOf(edits));
    };
  }

  /**
   * Valid files of random programs with every number replaced by one of 19 to 100,000 digits
   * before the decimal point, written in exponent form ({@code 3E+400}), some negative.
   */
  static Gen<Mutant> hugeNumbers() {
    return in -> {
      ProgramTextGenerator g = new ProgramTextGenerator(in);
      Program program = ProgramGenerator.programsToMutate().generate(in);
      ProgramFiles.Syntax syntax = g.pick(0, 1) == 0 ? ProgramFiles.Syntax.YAML
          : ProgramFiles.Syntax.JSON;
      JsonNode tree = Documents.read(ProgramFiles.write(program, syntax), syntax);
      List<String> edits = new ArrayList<>();
      for (Slot slot : slots(tree)) {
        if (slot.node().isNumber()) {
          int exponent = g.oneOf(List.of(19, 20, 25, 400, 100_000));
          BigDecimal huge = new BigDecimal(BigInteger.valueOf(g.pick(1, 9)), -exponent);
          huge = g.pick(0, 3) == 0 ? huge.negate() : huge;
          put(slot, NODES.numberNode(huge));
          edits.add(slot.path() + " = " + huge);
        }
      }
      return new Mutant(syntax, Documents.write(tree, syntax), List.copyOf(edits));
    };
  }

  /**
   * Valid files of random programs naming a random ISO 4217 currency (or three random capital
   * letters) and a random time zone id (or a random string).
   */
  static Gen<Mutant> anyCurrencyOrZone() {
    List<String> currencies = Currency.getAvailableCurrencies().stream()
        .map(Currency::getCurrencyCode).sorted().toList();
    List<String> zones = List.copyOf(new TreeSet<>(java.time.ZoneId.getAvailableZoneIds()));
    return in -> {
      ProgramTextGenerator g = new ProgramTextGenerator(in);
      Program program = ProgramGenerator.programsToMutate().generate(in);
      ProgramFiles.Syntax syntax = g.pick(0, 1) == 0 ? ProgramFiles.Syntax.YAML
          : ProgramFiles.Syntax.JSON;
      ObjectNode tree = (ObjectNode) Documents.read(ProgramFiles.write(program, syntax), syntax);
      String currency = g.pick(0, 3) > 0 ? g.oneOf(currencies)
          : "" + g.letter() + g.letter() + g.letter();
      String zone = g.pick(0, 3) > 0 ? g.oneOf(zones) : g.oneOf(List.of("UTC+25", "GMT+99",
          "Europe/Nowhere", "+18:01", "Z+1", "utc", "EST5EDT", "SystemV/AST4", "+", "/"));
      List<String> edits = new ArrayList<>();
      if (g.pick(0, 1) == 0) {
        tree.put("currency", currency);
        edits.add("currency = " + currency);
      }
      if (edits.isEmpty() || g.pick(0, 1) == 0) {
        tree.put("zone", zone);
        edits.add("zone = " + zone);
      }
      return new Mutant(syntax, Documents.write(tree, syntax), List.copyOf(edits));
    };
  }

  /**
   * Valid files of random programs with an unknown field added to a random mapping, often the
   * top one, its name blank half of the time.
   */
  static Gen<Mutant> unknownFieldsOfAnyName() {
    return in -> {
      ProgramTextGenerator g = new ProgramTextGenerator(in);
      Program program = ProgramGenerator.programsToMutate().generate(in);
      ProgramFiles.Syntax syntax = g.pick(0, 1) == 0 ? ProgramFiles.Syntax.YAML
          : ProgramFiles.Syntax.JSON;
      JsonNode tree = Documents.read(ProgramFiles.write(program, syntax), syntax);
      List<Slot> objects = slots(tree).stream().filter(s -> s.node().isObject()).toList();
      Slot slot = g.pick(0, 1) == 0 ? objects.get(0) : g.oneOf(objects);
      String field = g.pick(0, 1) == 0 ? g.oneOf(List.of("", " ", "  ", "\t", "\u00a0"))
          : g.oneOf(UNKNOWN_FIELDS);
      ((ObjectNode) slot.node()).put(field, "x");
      return new Mutant(syntax, Documents.write(tree, syntax), List.of("add field "
          + javaString(field) + " at " + slot.path()));
    };
  }

  /** Valid files of random programs whose format is a value of a random type. */
  static Gen<Mutant> formatsOfAnyType() {
    return in -> {
      ProgramTextGenerator g = new ProgramTextGenerator(in);
      Program program = ProgramGenerator.programsToMutate().generate(in);
      ProgramFiles.Syntax syntax = g.pick(0, 1) == 0 ? ProgramFiles.Syntax.YAML
          : ProgramFiles.Syntax.JSON;
      ObjectNode tree = (ObjectNode) Documents.read(ProgramFiles.write(program, syntax), syntax);
      JsonNode format = g.otherType(tree.get("format"));
      tree.set("format", format);
      return new Mutant(syntax, Documents.write(tree, syntax), List.of("format = " + format));
    };
  }

  /**
   * Random text: bytes of any value read as UTF-8 or as ISO-8859-1, printable ASCII with line
   * breaks, a soup of YAML and JSON tokens, format names and values (two in three after the head
   * of a valid file, so that they get past the first checks), or a valid head followed by a
   * random tree of the format's fields written as YAML or JSON.
   */
  static Gen<Noise> noise() {
    return in -> {
      ProgramTextGenerator g = new ProgramTextGenerator(in);
      switch (g.pick(0, 5)) {
        case 0:
          return new Noise("random bytes as UTF-8", new String(g.bytes(0, 255),
              StandardCharsets.UTF_8));
        case 1:
          return new Noise("random bytes as ISO-8859-1", new String(g.bytes(0, 255),
              StandardCharsets.ISO_8859_1));
        case 2:
          return new Noise("printable ASCII", new String(g.bytes(0x1f, 0x7e),
              StandardCharsets.ISO_8859_1).replace('\u001f', '\n'));
        case 3:
        case 4:
          return g.randomTree();
        default: {
          int head = g.pick(0, 2);
          StringBuilder s = new StringBuilder(head == 1 ? YAML_HEAD : head == 2 ? JSON_HEAD : "");
          for (int i = g.pick(1, 80); i > 0; i--) {
            s.append(g.oneOf(TOKENS));
          }
          return new Noise(head == 0 ? "tokens" : "tokens after a valid head", s.toString());
        }
      }
    };
  }

  /**
   * The head of a valid file, one to four more fields of the format at the top, and below them
   * random values: text, numbers, booleans, nulls, lists and mappings of the format's fields.
   */
  private Noise randomTree() {
    ObjectNode root = (ObjectNode) Documents.read(YAML_HEAD, ProgramFiles.Syntax.YAML);
    for (int i = pick(1, 4); i > 0; i--) {
      root.set(oneOf(FIELDS), randomValue(0));
    }
    ProgramFiles.Syntax syntax = pick(0, 1) == 0 ? ProgramFiles.Syntax.YAML
        : ProgramFiles.Syntax.JSON;
    return new Noise("random " + syntax + " tree", Documents.write(root, syntax));
  }

  private JsonNode randomValue(int depth) {
    switch (pick(0, depth >= 4 ? 3 : 6)) {
      case 0:
        return NODES.stringNode(pick(0, 1) == 0 ? oneOf(STRINGS) : oneOf(TOKENS));
      case 1:
        return number();
      case 2:
        return NODES.booleanNode(pick(0, 1) == 1);
      case 3:
        return NODES.nullNode();
      case 4: {
        ArrayNode list = NODES.arrayNode();
        for (int i = pick(0, 3); i > 0; i--) {
          list.add(randomValue(depth + 1));
        }
        return list;
      }
      default: {
        ObjectNode object = NODES.objectNode();
        for (int i = pick(0, 5); i > 0; i--) {
          object.set(oneOf(FIELDS), randomValue(depth + 1));
        }
        return object;
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  // Edits of the tree
  // ------------------------------------------------------------------------------------------

  private String treeEdit(int kind, JsonNode root) {
    List<Slot> all = slots(root);
    List<Slot> inner = all.subList(1, all.size());
    switch (kind) {
      case 0: {
        Slot slot = oneOf(inner);
        JsonNode value = otherType(slot.node());
        while (slot.path().equals("format") && value.isContainer()) {
          value = otherType(slot.node());
        }
        put(slot, value);
        return "replace " + slot.path() + " with " + value;
      }
      case 1: {
        List<Slot> objects = all.stream().filter(s -> s.node().isObject() && !s.node().isEmpty())
            .toList();
        if (objects.isEmpty()) {
          return "drop nothing";
        }
        ObjectNode object = (ObjectNode) oneOf(objects).node();
        List<String> fields = List.copyOf(object.propertyNames());
        List<String> required = fields.stream().filter(REQUIRED::contains).toList();
        String field = !required.isEmpty() && pick(0, 2) > 0 ? oneOf(required) : oneOf(fields);
        object.remove(field);
        return "drop field '" + field + "'";
      }
      case 2: {
        List<Slot> objects = all.stream().filter(s -> s.node().isObject()).toList();
        Slot slot = oneOf(objects);
        ObjectNode object = (ObjectNode) slot.node();
        List<String> fields = List.copyOf(object.propertyNames());
        String field = !fields.isEmpty() && pick(0, 1) == 0 ? nearMiss(oneOf(fields))
            : oneOf(UNKNOWN_FIELDS);
        JsonNode value = otherType(NODES.nullNode());
        object.set(field, value);
        return "add field '" + field + "' = " + value + " at " + slot.path();
      }
      case 3: {
        List<Slot> ids = all.stream().filter(s -> s.node().isString()
            && ID_PATH.matcher(s.path()).matches()).toList();
        if (ids.isEmpty()) {
          return "swap no ids";
        }
        Slot a = oneOf(ids);
        Slot b = oneOf(ids);
        switch (pick(0, 3)) {
          case 0:
            put(a, b.node());
            put(b, a.node());
            return "swap " + a.path() + " and " + b.path();
          case 1:
            put(b, a.node());
            return "copy " + a.path() + " to " + b.path();
          case 2:
            put(a, NODES.stringNode("no-such-id"));
            return "set " + a.path() + " to no-such-id";
          default:
            put(a, NODES.stringNode(a.node().asString().toUpperCase(Locale.ROOT)));
            return "upper-case " + a.path();
        }
      }
      case 4: {
        List<Slot> lists = all.stream().filter(s -> s.node().isArray() && !s.node().isEmpty())
            .toList();
        if (lists.isEmpty()) {
          return "change no list";
        }
        Slot slot = oneOf(lists);
        ArrayNode list = (ArrayNode) slot.node();
        int i = pick(0, list.size() - 1);
        if (pick(0, 1) == 0) {
          list.insert(i, list.get(i).deepCopy());
          return "duplicate " + slot.path() + "[" + i + "]";
        }
        list.remove(i);
        return "remove " + slot.path() + "[" + i + "]";
      }
      default: {
        Slot slot = oneOf(inner);
        JsonNode value = sameType(slot.node());
        put(slot, value);
        return "set " + slot.path() + " to " + value;
      }
    }
  }

  /** Every place in the tree, the root first, with its path as problems write it. */
  private static List<Slot> slots(JsonNode root) {
    List<Slot> out = new ArrayList<>();
    collect(root, null, null, -1, "", out);
    return out;
  }

  private static void collect(JsonNode node, JsonNode parent, String field, int index,
      String path, List<Slot> out) {
    out.add(new Slot(parent, field, index, node, path.isEmpty() ? "(file)" : path));
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        collect(e.getValue(), node, e.getKey(), -1, path.isEmpty() ? e.getKey()
            : path + "." + e.getKey(), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), node, null, i, path + "[" + i + "]", out);
      }
    }
  }

  private static void put(Slot slot, JsonNode value) {
    if (slot.parent() instanceof ObjectNode object) {
      object.set(slot.field(), value);
    } else {
      ((ArrayNode) slot.parent()).set(slot.index(), value);
    }
  }

  /** A value of another JSON type than {@code node}'s. */
  private JsonNode otherType(JsonNode node) {
    while (true) {
      JsonNode value = switch (pick(0, 5)) {
        case 0 -> NODES.stringNode(oneOf(STRINGS));
        case 1 -> number();
        case 2 -> NODES.booleanNode(pick(0, 1) == 1);
        case 3 -> NODES.nullNode();
        case 4 -> {
          ArrayNode list = NODES.arrayNode();
          for (int i = pick(0, 2); i > 0; i--) {
            list.add(pick(0, 1) == 0 ? NODES.stringNode(oneOf(STRINGS)) : number());
          }
          yield list;
        }
        default -> {
          ObjectNode object = NODES.objectNode();
          if (pick(0, 1) == 0) {
            object.put(oneOf(UNKNOWN_FIELDS), oneOf(STRINGS));
          }
          yield object;
        }
      };
      if (value.getNodeType() != node.getNodeType()) {
        return value;
      }
    }
  }

  /** Another value of {@code node}'s type. */
  private JsonNode sameType(JsonNode node) {
    if (node.isNumber()) {
      return number();
    } else if (node.isString()) {
      String s = node.asString();
      return NODES.stringNode(switch (pick(0, 3)) {
        case 0 -> oneOf(STRINGS);
        case 1 -> nearMiss(s);
        case 2 -> s.toUpperCase(Locale.ROOT).replace('-', '_');
        default -> s + s;
      });
    } else if (node.isBoolean()) {
      return NODES.booleanNode(!node.asBoolean());
    } else if (node.isArray()) {
      return NODES.arrayNode();
    } else if (node.isObject()) {
      return NODES.objectNode();
    }
    return otherType(node);
  }

  /** A number: small, negative, fractional, or past an int or a long. */
  private JsonNode number() {
    return switch (pick(0, 9)) {
      case 0 -> NODES.numberNode(0);
      case 1 -> NODES.numberNode(-1);
      case 2 -> NODES.numberNode(42);
      case 3 -> NODES.numberNode(new BigDecimal("1.5"));
      case 4 -> NODES.numberNode(new BigDecimal("0.001"));
      case 5 -> NODES.numberNode(new BigDecimal("-0.5"));
      case 6 -> NODES.numberNode(2_147_483_648L);
      case 7 -> NODES.numberNode(Long.MAX_VALUE);
      case 8 -> NODES.numberNode(BigInteger.TWO.pow(63));
      default -> NODES.numberNode(BigInteger.TEN.pow(30));
    };
  }

  /** A misspelling of {@code word}: two letters swapped, one dropped or doubled, or a case. */
  private String nearMiss(String word) {
    if (word.length() < 2) {
      return word + "x";
    }
    int i = pick(0, word.length() - 2);
    return switch (pick(0, 3)) {
      case 0 -> word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2);
      case 1 -> word.substring(0, i) + word.substring(i + 1);
      case 2 -> word.substring(0, i) + word.charAt(i) + word.substring(i);
      default -> Character.toUpperCase(word.charAt(0)) + word.substring(1) + "s";
    };
  }

  // ------------------------------------------------------------------------------------------
  // Edits of the text
  // ------------------------------------------------------------------------------------------

  private String textEdit(int kind, StringBuilder text) {
    int at = pick(0, text.length());
    switch (kind) {
      case 6: {
        String s = snippet();
        text.insert(at, s);
        return "insert " + javaString(s) + " at " + at;
      }
      case 7: {
        int length = Math.min(pick(1, 6), text.length() - at);
        text.delete(at, at + length);
        return "delete " + length + " at " + at;
      }
      case 8: {
        int length = Math.min(pick(1, 3), text.length() - at);
        String s = snippet();
        text.replace(at, at + length, s);
        return "replace " + length + " at " + at + " with " + javaString(s);
      }
      default: {
        List<String> lines = new ArrayList<>(List.of(text.toString().split("\n", -1)));
        int line = pick(0, lines.size() - 1);
        String was = lines.get(line);
        String edit;
        if (kind == 9) {
          lines.remove(line);
          edit = "delete line " + (line + 1);
        } else if (kind == 10) {
          lines.add(line, was);
          edit = "duplicate line " + (line + 1);
        } else {
          String stripped = was.stripLeading();
          int indent = was.length() - stripped.length();
          String now = switch (pick(0, 2)) {
            case 0 -> " ".repeat(pick(1, 4)) + was;
            case 1 -> was.substring(Math.min(indent, pick(1, 4)));
            default -> "\t" + stripped;
          };
          lines.set(line, now);
          edit = "indent line " + (line + 1) + " as " + javaString(now.substring(0,
              now.length() - stripped.length()));
        }
        text.setLength(0);
        text.append(String.join("\n", lines));
        return edit;
      }
    }
  }

  private String snippet() {
    return pick(0, 1) == 0 ? oneOf(SNIPPETS) : String.valueOf(CHARS.charAt(pick(0,
        CHARS.length() - 1)));
  }

  private byte[] bytes(int min, int max) {
    byte[] bytes = new byte[pick(0, pick(0, 3) == 0 ? 8 : 300)];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) pick(min, max);
    }
    return bytes;
  }

  private char letter() {
    return (char) ('A' + pick(0, 25));
  }

  private int pick(int min, int max) {
    return (int) in.next(Constraint.between(min, max));
  }

  private <T> T oneOf(List<T> values) {
    return values.get(pick(0, values.size() - 1));
  }

  // ------------------------------------------------------------------------------------------
  // Showing text
  // ------------------------------------------------------------------------------------------

  /** {@code text} as a Java string literal, so a failing case can be pasted into a test. */
  static String javaString(String text) {
    return text.chars().mapToObj(c -> switch (c) {
      case '\\' -> "\\\\";
      case '"' -> "\\\"";
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      default -> c < 0x20 || (c >= 0x7f && c < 0xa0) || Character.isSurrogate((char) c)
          || Character.getType(c) == Character.FORMAT || c == 0x2028 || c == 0x2029
          ? String.format(Locale.ROOT, "\\u%04X", c) : String.valueOf((char) c);
    }).collect(Collectors.joining("", "\"", "\""));
  }
}
