package org.synscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.synscope.images.ImageFormat;
import org.synscope.index.CategoryEnricher;
import org.synscope.index.DatasetIndexer;
import org.synscope.index.ImageIndexer;
import org.synscope.index.ImageSetMeta;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code synscope images}: per-image imports. */
@Command(name = "images", mixinStandardHelpOptions = true, description = "A dataset's images: import per-image records.",
    subcommands = {ImagesCommand.Import.class})
final class ImagesCommand {

  /** {@code images import PATH --dataset D [--format F] [--pixels FILE]}. */
  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Import a dataset's images (re-importing replaces them atomically); a dataset with no categories"
          + " yet gets them from the image labels.")
  static final class Import extends CliCommand {
    @Parameters(index = "0", paramLabel = "PATH", description = "tiny_metadata.bin, CIFAR's train.bin or test.bin,"
        + " an image folder (root/<label or wnid>/<files>), or a .csv, .tsv or .jsonl with an image column.")
    Path path;

    @Option(names = "--dataset", required = true, paramLabel = "D", description = "The dataset the images belong to.")
    String dataset;

    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
        description = "tiny, cifar, folder, csv, tsv or jsonl (guessed from the name when omitted).")
    ImageFormat format;

    @Option(names = "--pixels", paramLabel = "FILE",
        description = "Tiny Images' tiny_images.bin (default: the one beside tiny_metadata.bin, if any).")
    Path pixels;

    @Override
    int run() {
      Workspace ws = workspace();
      DatasetIndexer categories = new DatasetIndexer(ws.catalog(), new CategoryEnricher(ws.lexicon(true)));
      ImageIndexer.Report report = new ImageIndexer(ws.catalog(), categories)
          .index(new ImageIndexer.Request(dataset, path, format, pixels), ConsoleProgress.stderr());
      PrintWriter out = out();
      if (report.categoriesCreated() != null) {
        out.printf("Created dataset '%s' from the image labels: %,d categories%n", dataset,
            report.categoriesCreated().dataset().categories());
      }
      ImageSetMeta m = report.meta();
      out.printf("Imported %,d images of %,d categories into '%s' (%s%s) in %.1f s%s%s%n", m.images(), m.categories(),
          dataset, m.format(), report.guessed() ? ", guessed from the name" : "", m.buildMillis() / 1000.0,
          m.pixels() == null ? "" : "; pixels from " + m.pixels(),
          m.skipped() == 0 ? "" : String.format("; %,d files skipped (not images or unreadable)", m.skipped()));
      if (!m.facets().isEmpty()) {
        out.println("facets: " + String.join(", ", m.facets()));
      }
      return 0;
    }
  }

  /** Parses an image format name for picocli. */
  static final class FormatConverter extends ParsedValue<ImageFormat> {
    FormatConverter() {
      super(ImageFormat::parse);
    }
  }
}
