package org.synscope.web;

import io.javalin.http.Context;
import java.nio.file.Path;
import org.synscope.index.ImageSetMeta;
import org.synscope.search.ImageHit;
import org.synscope.search.ImageRequest;
import org.synscope.search.LabelSearcher;
import org.synscope.search.SearchException;

/** The images view ({@code /images}), one image's page ({@code /i/{dataset}/{n}}) and its pixels ({@code .png}). */
final class ImagePages {
  /** Pixel files are shown 4 times their 32 pixels in lists and 8 times on an image's page. */
  static final int LIST_SCALE = 4;
  static final int PAGE_SCALE = 8;

  private final LabelSearcher searcher;
  private final View view;
  private final ImageFiles files;

  ImagePages(LabelSearcher searcher, View view, Path thumbnails) {
    this.searcher = searcher;
    this.view = view;
    this.files = new ImageFiles(thumbnails);
  }

  private ImagesPage imagesPage(Context ctx) {
    ImageRequest request = ImageParams.parse(ctx.queryParamMap());
    return ImagesPage.of(request, searcher.images(request), SearchParams.reveal(ctx.queryParamMap()));
  }

  void images(Context ctx) {
    ImagesPage page = imagesPage(ctx);
    view.render(ctx, "images", "Images of " + page.dataset(), page.links().json(), page);
  }

  void imagesJson(Context ctx) {
    ctx.json(imagesPage(ctx));
  }

  /** {@code /i/{dataset}/{n}}, {@code .json} and {@code .png}. */
  void image(Context ctx) {
    String dataset = ctx.pathParam("dataset");
    String n = ctx.pathParam("n");
    boolean reveal = SearchParams.reveal(ctx.queryParamMap());
    if (n.endsWith(".png")) {
      ImageHit hit = hit(dataset, n.substring(0, n.length() - 4));
      ImageSetMeta set = searcher.meta().images().get(dataset);
      ImageFiles.Png png = files.png(set, hit, ctx.queryParam("large") != null ? PAGE_SCALE : LIST_SCALE,
          hit.hurtful() && !reveal);
      ctx.header("Cache-Control", "private, max-age=300");
      if (png.missing()) {
        ctx.header("X-Synscope-Image", "missing"); // the placeholder: the file is gone or is only a URL
      }
      ctx.contentType("image/png").result(png.bytes());
      return;
    }
    boolean json = n.endsWith(".json");
    ImageHit hit = hit(dataset, json ? n.substring(0, n.length() - 5) : n);
    ImagePage page = ImagePage.of(hit, searcher.meta().images().get(dataset), reveal);
    if (json) {
      ctx.json(page);
    } else {
      view.render(ctx, "image", "Image " + hit.n() + " of " + dataset, page.links().json(), page);
    }
  }

  private ImageHit hit(String dataset, String number) {
    long n;
    try {
      n = Long.parseLong(number);
    } catch (NumberFormatException e) {
      throw SearchException.badRequest("an image is named by its number (/i/" + dataset + "/0), not '" + number + "'");
    }
    return searcher.image(dataset, n);
  }
}
