package org.synscope.cli;

import io.javalin.Javalin;
import java.util.concurrent.CountDownLatch;
import org.synscope.audit.AuditStore;
import org.synscope.config.BadInput;
import org.synscope.index.CategoryEnricher;
import org.synscope.index.SenseAmender;
import org.synscope.search.LabelSearcher;
import org.synscope.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code synscope serve}: the web UI and JSON API. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve the web UI and JSON API (builds the default WordNet dataset on first run).")
final class ServeCommand extends CliCommand {
  @Option(names = "--port", defaultValue = "7070", description = "Port (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "Address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 to share with colleagues on the network).")
  String host;

  @Option(names = "--read-only", description = "Refuse every write: no logins, no reviews, no list imports.")
  boolean readOnly;

  @Option(names = "--public-url", paramLabel = "URL", description = "Where colleagues reach this server, e.g."
      + " https://audit.example.org behind a proxy: share links start with it (default: the address each request"
      + " was sent to, its Host header).")
  String publicUrl;

  @Override
  int run() throws InterruptedException {
    checkAddress(); // before a build of the default that could take 15 s
    String shareBase = publicUrl == null ? null : WebServer.publicUrl(publicUrl);
    Workspace ws = workspace();
    ws.buildDefaultInOwnJvm(System.err);
    AuditStore audit = ws.audit(!readOnly);
    if (audit.journal().repaired() != null) {
      System.err.println("synscope: " + audit.journal().repaired());
    }
    LabelSearcher searcher = ws.searcher(System.err, audit);
    SenseAmender amender = new SenseAmender(ws.catalog(), new CategoryEnricher(searcher.lexicon()));
    if (!readOnly) {
      reapplyCorrections(audit, searcher, amender);
    }
    Javalin app;
    try {
      app = WebServer.create(searcher, audit, amender, options.settings().home(), readOnly, shareBase)
          .start(host, port);
    } catch (RuntimeException e) {
      searcher.close();
      audit.close();
      throw cannotListen(e);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.stop();
      searcher.close();
      audit.close();
      stopped.countDown();
    }, "synscope-shutdown"));
    var out = out();
    out.printf("synscope is serving %,d dataset(s) from %s at http://%s:%d/%s%n", searcher.meta().datasets().size(),
        options.settings().index(), host.equals("0.0.0.0") ? "localhost" : host, app.port(), readOnly ? " (read-only)" : "");
    stopped.await();
    return 0;
  }

  /** Refuses a port out of range, or a host and port nothing can listen on (in use, not this machine's). */
  private void checkAddress() {
    if (port < 0 || port > 65_535) {
      throw new BadInput("--port must be 0 to 65535 (0 picks a free one), was " + port);
    }
    try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
      probe.bind(new java.net.InetSocketAddress(host, port));
    } catch (java.io.IOException | RuntimeException e) {
      throw cannotListen(e);
    }
  }

  /** Whether a host names an address of this machine (or all of them), as far as it can be told. */
  private static boolean local(String host) {
    try {
      java.net.InetAddress a = java.net.InetAddress.getByName(host);
      return a.isAnyLocalAddress() || a.isLoopbackAddress() || java.net.NetworkInterface.getByInetAddress(a) != null;
    } catch (java.io.IOException | RuntimeException e) {
      return true; // not known to be foreign: the plain message stands
    }
  }

  private BadInput cannotListen(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.BindException && !local(host)) { // it blamed the port for 8.8.8.8
        return new BadInput("cannot listen on " + host + ":" + port + ": " + host + " is not an address of this"
            + " machine; give --host one of its addresses (127.0.0.1 for this machine alone, 0.0.0.0 for all)");
      }
      if (t instanceof java.net.BindException) {
        return new BadInput("cannot listen on " + host + ":" + port + ": " + (port == 0 ? t.getMessage()
            : "the port is in use or not allowed; pick another with --port (0 picks a free one)"));
      }
      if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException
          || t instanceof java.net.SocketException) {
        return new BadInput("cannot listen on " + host + ":" + port + ": " + (t.getMessage() == null
            ? "no such address on this machine" : t.getMessage()) + "; give --host an address of this machine");
      }
    }
    if (e instanceof RuntimeException r) {
      throw r;
    }
    return new BadInput("cannot listen on " + host + ":" + port + ": " + e.getMessage());
  }

  /**
   * A correction is durable before it is applied; one recorded just before a crash (or while an
   * import held the index) is applied now, so nothing recorded is ever left out of the index.
   */
  private static void reapplyCorrections(AuditStore audit, LabelSearcher searcher, SenseAmender amender) {
    if (audit.corrections().repaired() != null) {
      System.err.println("synscope: " + audit.corrections().repaired());
    }
    for (String dataset : searcher.meta().datasets().keySet()) {
      var pending = new java.util.LinkedHashMap<String, org.synscope.dataset.SenseOverrides.Pin>();
      audit.corrections().latest(dataset).forEach((key, c) -> {
        try {
          var hit = searcher.category(dataset, key).hit();
          if (!c.after().equals(hit.synset()) || !"overridden".equals(hit.status())) {
            pending.put(key, c.pin());
          }
        } catch (org.synscope.search.SearchException e) {
          System.err.println("synscope: correction " + c.id() + " of '" + c.label() + "' in " + dataset
              + ": the category is gone (it stays recorded)");
        }
      });
      if (!pending.isEmpty()) {
        amender.amend(dataset, pending);
        System.err.printf("synscope: applied %d recorded sense correction(s) to %s%n", pending.size(), dataset);
      }
    }
  }
}
