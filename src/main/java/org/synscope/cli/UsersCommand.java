package org.synscope.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.synscope.audit.AuditStore;
import org.synscope.audit.Role;
import org.synscope.audit.Users;
import org.synscope.config.BadInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code synscope users}: accounts and API tokens, kept in the index's audit/users.json. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Accounts: add, token, list, remove.",
    subcommands = {UsersCommand.Add.class, UsersCommand.Token.class, UsersCommand.ListUsers.class, UsersCommand.Remove.class})
final class UsersCommand {

  /** {@code users add NAME --role ROLE}. */
  @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an account (or change its role and password).")
  static final class Add extends CliCommand {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(names = "--role", required = true, description = "viewer, auditor or admin.")
    String role;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    @Override
    int run() throws IOException {
      char[] password = password();
      try (AuditStore audit = workspace().audit(false)) {
        audit.users().add(name, Role.parse(role), password);
      } finally {
        java.util.Arrays.fill(password, ' ');
      }
      out().printf("Saved account '%s' (%s).%n", name, Role.parse(role).key());
      return 0;
    }

    private char[] password() throws IOException {
      if (!passwordStdin && System.console() != null) {
        char[] first = System.console().readPassword("Password for %s: ", name);
        char[] again = System.console().readPassword("Again: ");
        if (first == null || !java.util.Arrays.equals(first, again)) {
          throw new BadInput("the passwords differ");
        }
        return first;
      }
      String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      if (line == null) {
        throw new BadInput("no password on standard input (use --password-stdin with a piped line)");
      }
      return line.toCharArray();
    }
  }

  /** {@code users token NAME}. */
  @Command(name = "token", mixinStandardHelpOptions = true, description = "Make an API token for scripts (shown once).")
  static final class Token extends CliCommand {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    int run() {
      String token;
      try (AuditStore audit = workspace().audit(false)) {
        token = audit.users().token(name);
      }
      out().println(token);
      return 0;
    }
  }

  /** {@code users list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "The accounts.")
  static final class ListUsers extends CliCommand {

    @Override
    int run() {
      PrintWriter out = out();
      try (AuditStore audit = workspace().audit(false)) {
        for (Users.Account a : audit.users().all()) {
          out.printf("%-24s %-8s %d token(s)%n", a.name(), a.role().key(), a.tokens().size());
        }
        if (audit.users().all().isEmpty()) { // on stderr: the list on stdout stays empty for scripts
          err().println("no accounts yet: add one with 'synscope users add NAME --role viewer|auditor|admin'");
        }
      }
      return 0;
    }
  }

  /** {@code users remove NAME}. */
  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove an account and its tokens.")
  static final class Remove extends CliCommand {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    int run() {
      try (AuditStore audit = workspace().audit(false)) {
        audit.users().remove(name);
      }
      out().println("Removed account '" + name + "'.");
      return 0;
    }
  }
}
