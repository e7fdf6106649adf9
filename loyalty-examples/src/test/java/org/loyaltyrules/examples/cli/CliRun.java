package org.loyaltyrules.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.loyaltyrules.rules.config.Scenarios;

/** One run of the command line, in-process: its exit status and the lines it printed. */
final class CliRun {
  final int status;
  final List<String> out;
  final List<String> err;

  private CliRun(int status, StringWriter out, StringWriter err) {
    this.status = status;
    this.out = out.toString().lines().toList();
    this.err = err.toString().lines().toList();
  }

  /** Runs the arguments with the real scenario runner. */
  static CliRun of(String... args) {
    return with(Scenarios::run, args);
  }

  /** Runs the arguments with the given scenario runner. */
  static CliRun with(CheckCommand.Runner runner, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = LoyaltyCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true),
        runner);
    return new CliRun(status, out, err);
  }
}
