package org.synscope.cli;

import io.javalin.Javalin;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.synscope.search.LabelSearcher;
import org.synscope.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code synscope serve}: the web UI and JSON API. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve the web UI and JSON API (builds the default WordNet dataset on first run).")
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "7070", description = "Port (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "Address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 to share with colleagues on the network).")
  String host;

  @Mixin
  IndexOptions options;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    LabelSearcher searcher = new Workspace(options.settings()).searcher(System.err);
    Javalin app = WebServer.create(searcher, options.settings().home()).start(host, port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.stop();
      searcher.close();
      stopped.countDown();
    }, "synscope-shutdown"));
    var out = spec.commandLine().getOut();
    out.printf("synscope is serving %,d dataset(s) from %s at http://%s:%d/%n", searcher.meta().datasets().size(),
        options.settings().index(), host.equals("0.0.0.0") ? "localhost" : host, app.port());
    out.flush();
    stopped.await();
    return 0;
  }
}
