package org.loyaltyrules.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.loyaltyrules.core.program.Problem;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.examples.simulate.HtmlReport;
import org.loyaltyrules.examples.simulate.ProgramReport;
import org.loyaltyrules.examples.simulate.ReportData;
import org.loyaltyrules.examples.simulate.SimulationReports;
import org.loyaltyrules.examples.simulate.SummaryRow;
import org.loyaltyrules.examples.simulate.SummaryTable;
import org.loyaltyrules.examples.simulate.Value;
import org.loyaltyrules.rules.CompiledProgram;
import org.loyaltyrules.rules.LoyaltyRules;
import org.loyaltyrules.rules.config.ProgramFile;
import org.loyaltyrules.rules.config.ProgramFiles;
import org.loyaltyrules.rules.simulation.Population;
import org.loyaltyrules.rules.simulation.Simulation;
import org.loyaltyrules.rules.simulation.SimulationResult;

/**
 * {@code simulate [--program FILE | --all | --compare A B] [--members N] [--days D] [--seed S]}:
 * runs a synthetic population through one or more programs with {@link Simulation}, prints a
 * summary table per program (one column per program when comparing) and writes a
 * self-contained HTML report into the working directory.
 *
 * <p>Progress goes to standard error; nothing that varies from run to run (timings, the date of
 * the run) goes into the summary or the report, so the same options give the same bytes.
 */
final class SimulateCommand {
  /** The first simulated day: fixed, so a run never depends on when it is made. */
  static final LocalDate START = LocalDate.of(2026, 1, 1);
  static final int DEFAULT_MEMBERS = 10_000;
  static final int DEFAULT_DAYS = 365;
  static final long DEFAULT_SEED = 42;
  /** The example program simulated when no program is named. */
  static final String DEFAULT_PROGRAM = "starbucks.program.yaml";
  /** Every example program, in the order {@code --all} runs them. */
  static final List<String> EXAMPLES = List.of("starbucks.program.yaml",
      "starbucks-challenges.program.yaml", "sephora.program.yaml", "amazon-prime.program.yaml",
      "rei-co-op.program.yaml", "world-of-hyatt.program.yaml",
      "virgin-atlantic-flying-club.program.yaml", "united-mileageplus.program.yaml",
      "toms-passport.program.yaml", "petsmart-treats.program.yaml", "odacite.program.yaml",
      "sweetgreen.program.yaml", "swarm-perks.program.yaml", "coffee-stamp-card.program.yaml",
      "referral-program.program.yaml", "course-bundles.program.yaml",
      "pack-coalition.program.yaml");

  /** What to simulate, as the options say. */
  record Options(List<String> files, boolean examples, boolean compare, int members, int days,
      long seed) {}

  /** A program to simulate and the name it is shown under in the parameters. */
  private record Source(String label, Program program) {}

  /** A usage error: the message is one line. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  private SimulateCommand() {}

  /** Reads the options; throws {@link UsageException} naming the bad one. */
  static Options parse(List<String> args) throws UsageException {
    List<String> files = new ArrayList<>();
    boolean all = false;
    boolean compare = false;
    int members = DEFAULT_MEMBERS;
    int days = DEFAULT_DAYS;
    long seed = DEFAULT_SEED;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--program" -> files.add(value(args, ++i, arg));
        case "--all" -> all = true;
        case "--compare" -> {
          compare = true;
          files.add(value(args, ++i, arg));
          files.add(value(args, ++i, arg));
        }
        case "--members" -> members = (int) number(value(args, ++i, arg), arg, 1,
            Population.MAX_CUSTOMERS);
        case "--days" -> days = (int) number(value(args, ++i, arg), arg, 1, Simulation.MAX_DAYS);
        case "--seed" -> seed = number(value(args, ++i, arg), arg, Long.MIN_VALUE,
            Long.MAX_VALUE);
        default -> throw new UsageException("simulate: unknown option: '" + arg + "'");
      }
    }
    if ((all ? 1 : 0) + (compare ? 1 : 0) + (!compare && !files.isEmpty() ? 1 : 0) > 1) {
      throw new UsageException("simulate: --program, --all and --compare exclude each other");
    }
    if (!compare && files.size() > 1) {
      throw new UsageException("simulate: --program is given once; to run two programs on the "
          + "same customers, use --compare A B");
    }
    return new Options(List.copyOf(files), all, compare, members, days, seed);
  }

  private static String value(List<String> args, int i, String option) throws UsageException {
    if (i >= args.size() || args.get(i).startsWith("--")) {
      throw new UsageException("simulate: " + option + " needs "
          + (option.equals("--compare") ? "two program files" : "a value"));
    }
    return args.get(i);
  }

  private static long number(String text, String option, long min, long max)
      throws UsageException {
    long n;
    try {
      n = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new UsageException("simulate: " + option + " must be a whole number, was '" + text
          + "'");
    }
    if (n < min || n > max) {
      throw new UsageException("simulate: " + option + " must be from " + min + " to " + max
          + ", was " + n);
    }
    return n;
  }

  /**
   * Runs the simulations and writes the report into {@code directory}; returns 0, or 1 if a
   * program file cannot be used (its problems printed to {@code err}) or the report cannot be
   * written.
   */
  static int run(Options options, Path directory, PrintWriter out, PrintWriter err) {
    List<Source> sources = new ArrayList<>();
    if (options.files().isEmpty()) {
      for (String name : options.examples() ? EXAMPLES : List.of(DEFAULT_PROGRAM)) {
        sources.add(new Source("example " + name, example(name)));
      }
    } else {
      for (String file : options.files()) {
        Optional<Program> program = read(file, err);
        if (program.isEmpty()) {
          return 1;
        }
        sources.add(new Source(file, program.get()));
      }
    }
    Population population = Population.defaults().withCustomers(options.members());
    List<ProgramReport> reports = new ArrayList<>();
    for (Source source : sources) {
      CompiledProgram compiled = LoyaltyRules.compile(source.program());
      String id = source.program().id().value();
      SimulationResult result = Simulation.run(compiled, population, START, options.days(),
          options.seed(), (day, days) -> {
            if (day % 28 == 0 || day == days) {
              err.println("simulate: " + id + ": day " + day + " of " + days);
            }
          });
      reports.add(SimulationReports.of(source.program(), result));
    }
    List<SummaryRow> parameters = new ArrayList<>();
    parameters.add(new SummaryRow("Customers", Value.count(options.members())));
    parameters.add(new SummaryRow("Days", Value.count(options.days())));
    parameters.add(new SummaryRow("From", Value.text(START.toString())));
    parameters.add(new SummaryRow("Seed", Value.text(Long.toString(options.seed()))));
    if (sources.size() <= 2) {
      for (int i = 0; i < sources.size(); i++) {
        parameters.add(new SummaryRow(sources.size() == 1 ? "Program" : "Program " + (char) ('A'
            + i), Value.text(sources.get(i).label())));
      }
    } else {
      parameters.add(new SummaryRow("Programs", Value.text("every example program")));
    }
    ReportData data = new ReportData(options.compare() ? "Simulated year, side by side"
        : "Simulated programs", parameters, Optional.of(START), options.compare()
        ? ReportData.Layout.SIDE_BY_SIDE : ReportData.Layout.SEPARATE, reports);
    out.print(SummaryTable.render(data));
    try {
      Path written = HtmlReport.write(data, directory);
      out.println("report: " + written);
    } catch (IOException | RuntimeException e) {
      err.println("simulate: the report could not be written to " + directory.toAbsolutePath()
          + ": " + e.getMessage());
      return 1;
    }
    out.flush();
    return 0;
  }

  /** Reads one of the example program files from the jar. */
  static Program example(String name) {
    try (InputStream in = SimulateCommand.class.getResourceAsStream("/programs/" + name)) {
      if (in == null) {
        throw new IllegalStateException("the example program " + name + " is missing from "
            + "the jar");
      }
      return ProgramFiles.read(new String(in.readAllBytes(), StandardCharsets.UTF_8),
          ProgramFiles.Syntax.of(name)).program();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read the example program " + name, e);
    }
  }

  /** Reads a program file, printing why it cannot be used if it cannot. */
  private static Optional<Program> read(String file, PrintWriter err) {
    Optional<ProgramFile> read = ValidateCommand.read(file, err);
    if (read.isEmpty()) {
      return Optional.empty();
    }
    for (Problem problem : read.get().errors()) {
      err.println(Report.problem(file, problem));
    }
    return read.get().programIfValid();
  }
}
