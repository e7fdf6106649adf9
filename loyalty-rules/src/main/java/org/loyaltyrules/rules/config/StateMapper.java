package org.loyaltyrules.rules.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place state documents meet Jackson: a mapper configured explicitly, so no default
 * that changed between Jackson versions decides anything, and the translation of every Jackson
 * error into a {@link StateFormatException} with the path of the problem.
 *
 * <p>Reading is two steps. The text is parsed into a tree (syntax errors, duplicate
 * properties and trailing content are reported here, with the path the parser had reached);
 * then the tree is bound to a document record (unknown properties, wrong types and malformed
 * type ids are reported here). The format is checked between the two, so a document of another
 * version is reported as such rather than as a list of unknown properties.
 *
 * <p>Writing is compact, in the records' declaration order with maps sorted by key and absent
 * values left out, so equal documents give equal text.
 *
 * <p>Stateless and thread-safe: the mapper is configured once and never changed.
 */
final class StateMapper {
  private static final JsonMapper MAPPER = JsonMapper.builder()
      // Reading: nothing unknown, nothing coerced, nothing ambiguous.
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
          DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
          DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
          DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY,
          DeserializationFeature.FAIL_ON_INVALID_SUBTYPE,
          DeserializationFeature.FAIL_ON_MISSING_EXTERNAL_TYPE_ID_PROPERTY,
          DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT,
          DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
          DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS,
          DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT,
          DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT,
          DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
          DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
      // Numbers in a tree are kept as written, so messages quote them as written.
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS,
          MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES,
          MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS,
          MapperFeature.ACCEPT_CASE_INSENSITIVE_VALUES,
          MapperFeature.SORT_PROPERTIES_ALPHABETICALLY,
          MapperFeature.USE_BASE_TYPE_AS_DEFAULT_IMPL)
      .enable(MapperFeature.REQUIRE_TYPE_ID_FOR_SUBTYPES,
          MapperFeature.SORT_CREATOR_PROPERTIES_FIRST,
          MapperFeature.CAN_OVERRIDE_ACCESS_MODIFIERS)
      .withCoercionConfigDefaults(config -> {
        config.setAcceptBlankAsEmpty(false);
        for (CoercionInputShape shape : CoercionInputShape.values()) {
          config.setCoercion(shape, CoercionAction.Fail);
        }
      })
      // A null inside a list or map is refused; a null property is read as absent.
      .changeDefaultNullHandling(nulls -> nulls.withContentNulls(Nulls.FAIL))
      // Writing: compact, declaration order, sorted maps, absent values left out.
      .disable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .changeDefaultPropertyInclusion(inclusion -> JsonInclude.Value.construct(
          JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
      .build();

  /** Parses documents into trees; trailing content is checked by {@link #tree}. */
  private static final ObjectReader TREE_READER = MAPPER.reader()
      .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private StateMapper() {}

  /** Returns the document as compact JSON text. */
  static String write(Object document) {
    try {
      return MAPPER.writeValueAsString(document);
    } catch (JacksonException e) {
      // Documents hold only text, whole numbers, flags, lists and maps: this cannot happen.
      throw new IllegalStateException("cannot write " + document.getClass().getSimpleName()
          + ": " + e.getOriginalMessage());
    }
  }

  /**
   * Reads a document: parses the text, checks its format is {@code format}, and binds it to
   * {@code type}.
   *
   * @throws StateFormatException for any problem, with its path
   */
  static <T> T read(String json, String format, Class<T> type) {
    JsonNode root = tree(json);
    if (!root.isObject()) {
      throw new StateFormatException("", "expected a JSON object, was " + describe(root));
    }
    JsonNode found = root.get("format");
    if (found != null && !found.isNull() && !found.isString()) {
      throw new StateFormatException("format", "expected a string, was " + describe(found));
    }
    StateValues.format(found == null || found.isNull() ? null : found.stringValue(), format,
        StatePath.root().field("format"));
    try {
      return MAPPER.treeToValue(root, type);
    } catch (JacksonException e) {
      throw translate(e, root);
    } catch (NumberFormatException e) {
      throw new StateFormatException("", "a number is out of range");
    }
  }

  private static JsonNode tree(String json) {
    try (JsonParser parser = TREE_READER.createParser(json)) {
      JsonNode root;
      try {
        root = TREE_READER.readTree(parser);
        if (root == null || root.isMissingNode()) {
          throw new StateFormatException("", "empty document, expected a JSON object");
        }
        if (parser.nextToken() != null) {
          TokenStreamLocation at = parser.currentTokenLocation();
          throw new StateFormatException("", "unexpected content after the document at line "
              + at.getLineNr() + ", column " + at.getColumnNr());
        }
      } catch (JacksonException e) {
        throw new StateFormatException(contextPath(parser.streamReadContext()).toString(),
            "malformed JSON" + where(e.getLocation()) + ": " + cleaned(e.getOriginalMessage()));
      } catch (NumberFormatException e) {
        // A number whose exponent is beyond what a decimal can hold (9e23372036854775807).
        throw new StateFormatException(contextPath(parser.streamReadContext()).toString(),
            "a number is out of range" + where(parser.currentTokenLocation()));
      }
      return root;
    } catch (JacksonException e) {
      // Opening or closing a parser over a string does not fail; should it, it is still the
      // document's problem as far as the caller can tell.
      throw new StateFormatException("", "malformed JSON: " + cleaned(e.getOriginalMessage()));
    }
  }

  private static String where(TokenStreamLocation location) {
    if (location == null || location.getLineNr() < 0) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  /**
   * The parser's message without its notes on the source and on Jackson's settings, which say
   * nothing to the reader of a state document.
   */
  private static String cleaned(String message) {
    if (message == null) {
      return "unreadable";
    }
    String text = message;
    int newline = text.indexOf('\n');
    if (newline >= 0) {
      text = text.substring(0, newline);
    }
    for (String note : List.of("[Source:", "`", "Feature '")) {
      int at = text.indexOf(note);
      if (at > 0) {
        int cut = Math.max(text.lastIndexOf(" (", at), text.lastIndexOf(": enable", at));
        text = text.substring(0, cut > 0 ? cut : at);
      }
    }
    return text.strip();
  }

  /** The path the parser had reached when it failed. */
  private static StatePath contextPath(TokenStreamContext context) {
    List<TokenStreamContext> chain = new ArrayList<>();
    for (TokenStreamContext c = context; c != null; c = c.getParent()) {
      chain.add(0, c);
    }
    StatePath path = StatePath.root();
    for (TokenStreamContext c : chain) {
      if (c.inArray() && c.getCurrentIndex() >= 0) {
        path = path.index(c.getCurrentIndex());
      } else if (c.inObject() && c.currentName() != null) {
        path = path.field(c.currentName());
      }
    }
    return path;
  }

  /** Turns an error of binding the tree into a {@link StateFormatException}. */
  private static StateFormatException translate(JacksonException e, JsonNode root) {
    StatePath path = StatePath.root();
    JsonNode node = root;
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        path = path.field(ref.getPropertyName());
        node = node == null ? null : node.get(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path = path.index(ref.getIndex());
        node = node == null ? null : node.get(ref.getIndex());
      }
    }
    if (e instanceof UnrecognizedPropertyException u) {
      return new StateFormatException(path.toString(), "unknown property, expected one of "
          + names(u.getKnownPropertyIds()));
    }
    if (e instanceof InvalidTypeIdException t) {
      String types = typeNames(t.getBaseType() == null ? null : t.getBaseType().getRawClass());
      String typePath = path.field("type").toString();
      JsonNode type = node == null ? null : node.get("type");
      if (type == null || type.isNull()) {
        return new StateFormatException(typePath, "missing, expected one of " + types);
      }
      if (!type.isString()) {
        return new StateFormatException(typePath, "expected a string, one of " + types
            + ", was " + describe(type));
      }
      return new StateFormatException(typePath, "unknown type " + describe(type)
          + ", expected one of " + types);
    }
    if (e instanceof InvalidNullException) {
      return new StateFormatException(path.toString(), "must not be null");
    }
    if (e instanceof MismatchedInputException m) {
      return new StateFormatException(path.toString(), "expected " + kind(m.getTargetType())
          + ", was " + describe(node));
    }
    if (e instanceof InputCoercionException c) {
      return new StateFormatException(path.toString(), "expected " + kind(c.getTargetType())
          + " in range, was " + describe(node));
    }
    return new StateFormatException(path.toString(), "invalid value " + describe(node) + ": "
        + cleaned(e.getOriginalMessage()));
  }

  private static String names(Collection<Object> known) {
    List<String> names = new ArrayList<>();
    if (known != null) {
      known.forEach(k -> names.add(String.valueOf(k)));
    }
    return names.toString();
  }

  private static String typeNames(Class<?> base) {
    JsonSubTypes types = base == null ? null : base.getAnnotation(JsonSubTypes.class);
    if (types == null) {
      return "[]";
    }
    return Arrays.stream(types.value()).map(JsonSubTypes.Type::name).toList().toString();
  }

  /** Names what a Java type is written as. */
  private static String kind(Class<?> type) {
    if (type == null) {
      return "another value";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Long.class || type == Integer.class || type == long.class || type == int.class) {
      return "a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    return "an object";
  }

  /** Describes a value found in a document, for a message. */
  static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isNull()) {
      return "null";
    }
    if (node.isString()) {
      return StatePath.quote(node.stringValue());
    }
    if (node.isArray()) {
      return "an array";
    }
    if (node.isObject()) {
      return "an object";
    }
    String text = node.toString();
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }
}
