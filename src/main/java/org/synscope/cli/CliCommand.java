package org.synscope.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What every command has: the shared options, its output streams, and the objects wired from them. */
abstract class CliCommand implements Callable<Integer> {
  @Mixin
  IndexOptions options;

  @Spec
  CommandSpec spec;

  @Option(names = "--debug", description = "On an internal error, print its stack trace.")
  boolean debug;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  Workspace workspace() {
    return new Workspace(options.settings());
  }

  @Override
  public final Integer call() throws Exception {
    try {
      return run();
    } finally {
      out().flush();
      err().flush();
    }
  }

  /** Does the command's work and returns its exit code. */
  abstract int run() throws Exception;
}
