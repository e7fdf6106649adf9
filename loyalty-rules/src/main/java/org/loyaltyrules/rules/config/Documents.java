package org.loyaltyrules.rules.config;

import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.cfg.MapperBuilder;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Reads the text of a YAML or JSON document into a tree, within bounds, and writes trees back.
 * Everything that can go wrong with the text itself — too large, empty, malformed, nested too
 * deep, a duplicate key, a YAML anchor or alias — is a {@link BadDocument} with one clear line;
 * nothing else escapes. The mappers are configured explicitly and shared; thread-safe.
 */
final class Documents {
  /** The longest document read, in characters. */
  static final int MAX_CHARS = 1_000_000;
  /** The deepest nesting of mappings and lists read. */
  static final int MAX_DEPTH = 40;

  private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
      .maxNestingDepth(MAX_DEPTH)
      .maxDocumentLength(MAX_CHARS)
      .maxStringLength(MAX_CHARS)
      .maxNumberLength(60)
      .maxNameLength(1_000)
      .build();

  private static final JsonMapper JSON = strict(JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(LIMITS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build()))
      .build();

  private static final YAMLMapper YAML = strict(YAMLMapper.builder(YAMLFactory.builder()
          .streamReadConstraints(LIMITS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
          .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
          .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
          .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
          .stringQuotingChecker(new QuoteLineBreaks())
          .build()))
      .build();

  /**
   * Jackson's quoting rules, and quotes besides any text holding U+0085 (next line), which YAML
   * reads as a line break: written plain, a name of that character alone reads back empty.
   */
  private static final class QuoteLineBreaks
      extends tools.jackson.dataformat.yaml.util.StringQuotingChecker.Default {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean needToQuoteName(String name) {
      return super.needToQuoteName(name) || name.indexOf('\u0085') >= 0;
    }

    @Override
    public boolean needToQuoteValue(String value) {
      return super.needToQuoteValue(value) || value.indexOf('\u0085') >= 0;
    }
  }

  /**
   * The binding both syntaxes share, set explicitly rather than left to defaults that changed
   * between Jackson versions: unknown fields, trailing tokens and nulls for primitives fail;
   * decimals stay exact, trailing zeros included.
   */
  private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B strict(B builder) {
    return builder
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
  }

  /** The text of a document could not be read; the message is one line, with its position. */
  static final class BadDocument extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadDocument(String message) {
      super(message);
    }
  }

  private Documents() {}

  /** The mapper for the syntax. */
  static ObjectMapper mapper(ProgramFiles.Syntax syntax) {
    return syntax == ProgramFiles.Syntax.YAML ? YAML : JSON;
  }

  /**
   * Reads {@code text} into a tree.
   *
   * @throws BadDocument if it cannot be read, with the reason and position
   */
  static JsonNode read(String text, ProgramFiles.Syntax syntax) {
    if (text.length() > MAX_CHARS) {
      throw new BadDocument(String.format(Locale.ROOT, "the file is %,d characters long; at "
          + "most %,d are read", text.length(), MAX_CHARS));
    }
    if (text.isBlank()) {
      throw new BadDocument("the file is empty");
    }
    if (text.indexOf('\u0000') >= 0) {
      throw new BadDocument("the file is binary, not " + syntax + " text (it holds a NUL "
          + "character)");
    }
    ObjectMapper mapper = mapper(syntax);
    try {
      if (syntax == ProgramFiles.Syntax.YAML) {
        refuseAnchorsAndAliases(text);
      }
      JsonNode tree = mapper.readTree(text);
      if (tree == null || tree.isMissingNode() || tree.isNull()) {
        throw new BadDocument("the file holds no " + syntax + " document");
      }
      return tree;
    } catch (BadDocument e) {
      throw e;
    } catch (JacksonException e) {
      throw new BadDocument(describe(e, syntax));
    } catch (RuntimeException | StackOverflowError e) {
      // The YAML engine's own errors (and a stack overflow on pathological nesting) are not
      // Jackson's; they are still problems of the text.
      throw new BadDocument("the file is not valid " + syntax + ": " + firstLine(String
          .valueOf(e.getMessage())));
    }
  }

  /** Writes a tree or bound value as text of the syntax. */
  static String write(Object value, ProgramFiles.Syntax syntax) {
    String text = mapper(syntax).writerWithDefaultPrettyPrinter().writeValueAsString(value);
    return text.endsWith("\n") ? text : text + "\n";
  }

  /**
   * Anchors and aliases let a short file stand for a huge one; program files do without. The
   * text is read event by event, which never expands an alias, and the first anchor or alias is
   * refused with its position. The parser is built from snakeyaml-engine's exported packages
   * ({@code parser}, {@code scanner}) rather than its {@code api.lowlevel} helper, which its
   * module does not export, so this works on the module path too.
   */
  private static void refuseAnchorsAndAliases(String text) {
    LoadSettings settings = LoadSettings.builder().setAllowDuplicateKeys(false).build();
    java.util.Iterator<Event> it = new ParserImpl(settings, new StreamReader(settings, text));
    while (true) {
      Event event;
      try {
        if (!it.hasNext()) {
          return;
        }
        event = it.next();
      } catch (RuntimeException e) {
        // Malformed YAML: reading the tree reports it with its position.
        return;
      }
      boolean anchored = event instanceof NodeEvent node && node.getAnchor().isPresent();
      if (anchored || event instanceof AliasEvent) {
        int line = event.getStartMark().map(m -> m.getLine() + 1).orElse(1);
        int column = event.getStartMark().map(m -> m.getColumn() + 1).orElse(1);
        throw new BadDocument(String.format(Locale.ROOT, "line %d, column %d: YAML anchors "
            + "and aliases (& and *) are not allowed in program files; write each value out",
            line, column));
      }
    }
  }

  private static String describe(JacksonException e, ProgramFiles.Syntax syntax) {
    TokenStreamLocation at = e.getLocation();
    String where = at == null || at.getLineNr() < 1 ? "" : String.format(Locale.ROOT,
        "line %d, column %d: ", at.getLineNr(), at.getColumnNr());
    return where + "the file is not valid " + syntax + ": "
        + firstLine(String.valueOf(e.getOriginalMessage()));
  }

  /**
   * The parser's message on one line: its own lines that say something (not the excerpt of the
   * text, nor where it is, which the position already says), joined.
   */
  private static String firstLine(String message) {
    if (message.contains("nesting depth")) {
      return "it nests deeper than " + MAX_DEPTH + " levels";
    }
    if (message.contains("Name length")) {
      return "a field's name is longer than 1,000 characters";
    }
    StringBuilder out = new StringBuilder();
    for (String line : message.split("\n")) {
      if (line.isBlank() || Character.isWhitespace(line.charAt(0)) || line.contains(" in reader")
          || line.startsWith("^")) {
        continue;
      }
      out.append(out.length() == 0 ? "" : "; ").append(line.strip());
    }
    String one = out.length() == 0 ? message.strip() : out.toString();
    return one.length() > 200 ? one.substring(0, 200) + "…" : one;
  }
}
