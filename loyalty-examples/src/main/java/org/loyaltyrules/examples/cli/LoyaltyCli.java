package org.loyaltyrules.examples.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.loyaltyrules.examples.demo.CoffeeShopDemo;
import org.loyaltyrules.examples.demo.ProgramsDemo;

/**
 * The command-line entry point of {@code loyalty.jar}: {@code java -jar loyalty.jar demo}.
 * Exits 0 on success, 2 on a usage error.
 */
public final class LoyaltyCli {
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
    String command = args.length == 0 ? "help" : args[0].toLowerCase(Locale.ROOT);
    switch (command) {
      case "demo" -> {
        if (args.length > 1) {
          err.println("demo takes no arguments, got: " + String.join(" ", args));
          return 2;
        }
        new CoffeeShopDemo().run(out);
        out.println();
        new ProgramsDemo().run(out);
        return 0;
      }
      case "help", "--help", "-h" -> {
        usage(out);
        return 0;
      }
      default -> {
        err.println("unknown command: '" + args[0] + "'");
        usage(err);
        return 2;
      }
    }
  }

  private static void usage(PrintWriter out) {
    out.println("usage: java -jar loyalty.jar <command>");
    out.println();
    out.println("commands:");
    out.println("  demo   run a coffee-shop points program through a few weeks of a member's");
    out.println("         purchases, a reward, a return and expiry, and print the ledger; then");
    out.println("         decide the Starbucks, PetSmart Treats, Sweetgreen and Odacite example");
    out.println("         programs with their published figures");
    out.println("  help   print this message");
  }
}
