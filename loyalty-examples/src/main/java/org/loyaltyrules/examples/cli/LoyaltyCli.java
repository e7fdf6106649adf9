package org.loyaltyrules.examples.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.loyaltyrules.examples.demo.CoffeeShopDemo;
import org.loyaltyrules.examples.demo.ProgramsDemo;
import org.loyaltyrules.rules.config.Scenarios;

/**
 * The command-line entry point of {@code loyalty.jar}:
 *
 * <pre>
 * java -jar loyalty.jar simulate [--program FILE | --all | --compare A B] [--members N] [--days D] [--seed S]
 * java -jar loyalty.jar demo
 * java -jar loyalty.jar validate PROGRAM_FILE...
 * java -jar loyalty.jar check SCENARIO_FILE...
 * java -jar loyalty.jar help [COMMAND]
 * </pre>
 *
 * <p>{@code validate} and {@code check} print one line per finding, each starting with the
 * file as named ({@code FILE: PATH: error: MESSAGE}, {@code FILE: ok},
 * {@code FILE: passed (N steps)}; {@code help validate} and {@code help check} list every form).
 * Paths are relative to the working directory. Exits 0 on success, 1 when a file has errors or
 * a scenario fails, 2 on a usage error (with the reason on one line and the usage, on standard
 * error).
 */
public final class LoyaltyCli {
  private static final String JAR = "java -jar loyalty.jar";

  private LoyaltyCli() {}

  /** Runs the command named by the first argument. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int status = run(args, out, err);
    out.flush();
    err.flush();
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs a command, writing to the given streams, and returns the exit status. */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, Scenarios::run);
  }

  /** Runs a command with the given scenario runner; for tests. */
  static int run(String[] args, PrintWriter out, PrintWriter err, CheckCommand.Runner runner) {
    String command = args.length == 0 ? "help" : args[0].toLowerCase(Locale.ROOT);
    List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
    switch (command) {
      case "demo" -> {
        if (wantsHelp(rest)) {
          demoUsage(out);
          return 0;
        }
        if (!rest.isEmpty()) {
          err.println("demo takes no arguments, got: " + String.join(" ", args));
          demoUsage(err);
          return 2;
        }
        new CoffeeShopDemo().run(out);
        out.println();
        new ProgramsDemo().run(out);
        return 0;
      }
      case "simulate" -> {
        if (wantsHelp(rest)) {
          simulateUsage(out);
          return 0;
        }
        SimulateCommand.Options options;
        try {
          options = SimulateCommand.parse(rest);
        } catch (SimulateCommand.UsageException e) {
          err.println(e.getMessage());
          simulateUsage(err);
          return 2;
        }
        return SimulateCommand.run(options, java.nio.file.Path.of(""), out, err);
      }
      case "validate" -> {
        if (wantsHelp(rest)) {
          validateUsage(out);
          return 0;
        }
        List<String> files = files("validate", "program", rest, err);
        if (files == null) {
          validateUsage(err);
          return 2;
        }
        return ValidateCommand.run(files, out);
      }
      case "check" -> {
        if (wantsHelp(rest)) {
          checkUsage(out);
          return 0;
        }
        List<String> files = files("check", "scenario", rest, err);
        if (files == null) {
          checkUsage(err);
          return 2;
        }
        return CheckCommand.run(files, out, runner);
      }
      case "help", "--help", "-h" -> {
        return help(rest, out, err);
      }
      default -> {
        err.println("unknown command: '" + args[0] + "'");
        usage(err);
        return 2;
      }
    }
  }

  /** {@code help}, {@code help COMMAND}. */
  private static int help(List<String> rest, PrintWriter out, PrintWriter err) {
    if (rest.isEmpty()) {
      usage(out);
      return 0;
    }
    if (rest.size() > 1) {
      err.println("help takes at most one command, got: " + String.join(" ", rest));
      usage(err);
      return 2;
    }
    switch (rest.get(0).toLowerCase(Locale.ROOT)) {
      case "simulate" -> simulateUsage(out);
      case "demo" -> demoUsage(out);
      case "validate" -> validateUsage(out);
      case "check" -> checkUsage(out);
      case "help" -> usage(out);
      default -> {
        err.println("unknown command: '" + rest.get(0) + "'");
        usage(err);
        return 2;
      }
    }
    return 0;
  }

  /** True if {@code --help} or {@code -h} comes before any {@code --}. */
  private static boolean wantsHelp(List<String> args) {
    for (String arg : args) {
      if (arg.equals("--")) {
        return false;
      }
      if (arg.equals("--help") || arg.equals("-h")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The files a command is given; a name starting with {@code -} is an option unless it follows
   * {@code --}. Returns null, having printed the reason, if there is an option (none is known
   * but help) or no file.
   */
  private static List<String> files(String command, String kind, List<String> args,
      PrintWriter err) {
    List<String> files = new ArrayList<>();
    boolean options = true;
    for (String arg : args) {
      if (options && arg.equals("--")) {
        options = false;
      } else if (options && arg.startsWith("-")) {
        err.println(command + ": unknown option: '" + arg + "'");
        return null;
      } else {
        files.add(arg);
      }
    }
    if (files.isEmpty()) {
      err.println(command + ": no " + kind + " files given");
      return null;
    }
    return files;
  }

  private static void usage(PrintWriter out) {
    out.println("usage: " + JAR + " <command> [arguments]");
    out.println();
    out.println("commands:");
    out.println("  simulate [OPTIONS]        run 10,000 synthetic customers through the Starbucks");
    out.println("                            example for a year (or any program, every example,");
    out.println("                            or two programs side by side), print a summary and");
    out.println("                            write an HTML report with charts");
    out.println("  demo                      run a coffee-shop points program through a few weeks");
    out.println("                            of a member's purchases, a reward, a return and");
    out.println("                            expiry, and print the ledger; then decide the");
    out.println("                            Starbucks, PetSmart Treats, Sweetgreen, Odacite,");
    out.println("                            Sephora, Amazon Prime and REI Co-op example");
    out.println("                            programs with their published figures");
    out.println("  validate PROGRAM_FILE...  read program files (.yaml, .yml, .json) and print");
    out.println("                            every problem with its path and severity");
    out.println("  check SCENARIO_FILE...    run scenario files and print every expectation");
    out.println("                            that does not hold");
    out.println("  help [COMMAND]            print this message, or a command's");
    out.println();
    out.println("'" + JAR + " COMMAND --help' tells more about a command.");
    out.println("exit status: 0 success; 1 a file has errors or a scenario failed; 2 usage error");
  }

  private static void simulateUsage(PrintWriter out) {
    out.println("usage: " + JAR + " simulate [--program FILE | --all | --compare A B]");
    out.println("                         [--members N] [--days D] [--seed S]");
    out.println();
    out.println("Runs a seeded synthetic population through a program for D days from");
    out.println(SimulateCommand.START + ", deciding each member when they act, as a host would.");
    out.println("Prints a summary table per program (participation, revenue, points issued,");
    out.println("redeemed and expired, redemption and breakage rates, liability, reward cost,");
    out.println("retention, churn, lifetime value, NPS, effort) and writes a self-contained HTML");
    out.println("report with charts into the working directory, printing its name. Progress");
    out.println("goes to standard error. The same options give the same output, byte for byte.");
    out.println();
    out.println("  --program FILE   the program file to simulate (.yaml, .yml or .json);");
    out.println("                   default: the Starbucks example");
    out.println("  --all            every example program, one after another");
    out.println("  --compare A B    two program files on the same customers, side by side");
    out.println("  --members N      customers in the population (default "
        + SimulateCommand.DEFAULT_MEMBERS + ")");
    out.println("  --days D         days simulated (default " + SimulateCommand.DEFAULT_DAYS + ")");
    out.println("  --seed S         the seed everything random derives from (default "
        + SimulateCommand.DEFAULT_SEED + ")");
    out.println();
    out.println("exit status: 0 success; 1 a program file has errors or the report cannot be");
    out.println("written; 2 usage error");
  }

  private static void demoUsage(PrintWriter out) {
    out.println("usage: " + JAR + " demo");
    out.println();
    out.println("Runs a coffee-shop points program through a few weeks of a member's purchases,");
    out.println("a reward, a return and expiry, and prints the ledger; then decides the");
    out.println("Starbucks, PetSmart Treats, Sweetgreen, Odacite, Sephora, Amazon Prime and REI");
    out.println("Co-op example programs with their published figures. Exit status 0.");
  }

  private static void validateUsage(PrintWriter out) {
    out.println("usage: " + JAR + " validate PROGRAM_FILE...");
    out.println();
    out.println("Reads each program file (UTF-8 YAML or JSON as its name ends in .yaml, .yml or");
    out.println(".json; at most 10 MB), checks it as loading it would, and prints one line per");
    out.println("problem, then one line for each file without errors:");
    out.println();
    out.println("  FILE: PATH: error: MESSAGE     PATH in the file is wrong; the program cannot");
    out.println("                                 be used until it is fixed");
    out.println("  FILE: PATH: warning: MESSAGE   PATH works, but probably not as meant");
    out.println("  FILE: error: MESSAGE           the file as a whole: missing, a directory,");
    out.println("                                 unreadable, too large, not UTF-8, empty,");
    out.println("                                 malformed, or not a program file");
    out.println("  FILE: ok                       no problems");
    out.println("  FILE: ok, N warnings           no errors, N warnings");
    out.println();
    out.println("FILE is the name as given; names are relative to the working directory.");
    out.println("exit status: 0 if no file has errors (warnings allowed); 1 if one has;");
    out.println("2 usage error");
  }

  private static void checkUsage(PrintWriter out) {
    out.println("usage: " + JAR + " check SCENARIO_FILE...");
    out.println();
    out.println("Runs each scenario file (UTF-8 YAML, at most 10 MB): its program file, whose");
    out.println("path is relative to the scenario file, a starting member, and a timeline of");
    out.println("activities and time advances with what must hold after each step. Prints:");
    out.println();
    out.println("  FILE: step N, PATH: MESSAGE    in step N, the expectation at PATH failed");
    out.println("  FILE: PATH: error: MESSAGE     the scenario or its program cannot be read at");
    out.println("                                 PATH; the scenario does not run");
    out.println("  FILE: PATH: warning: MESSAGE   PATH works, but probably not as meant");
    out.println("  FILE: error: MESSAGE           the file as a whole: missing, a directory,");
    out.println("                                 unreadable, too large, not UTF-8, empty or");
    out.println("                                 malformed");
    out.println("  FILE: passed (N steps)         every expectation held");
    out.println();
    out.println("FILE is the name as given; names are relative to the working directory.");
    out.println("exit status: 0 if every scenario passed; 1 otherwise; 2 usage error");
  }
}
