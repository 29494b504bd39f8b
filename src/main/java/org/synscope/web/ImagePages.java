package org.synscope.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import org.synscope.audit.AuditStore;
import org.synscope.audit.ImageDecision;
import org.synscope.audit.ImageStatus;
import org.synscope.audit.Role;
import org.synscope.audit.Users;
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
  private final AuditStore audit;
  private final Auth auth;
  private final View view;
  private final ImageFiles files;
  private final JsonBodies bodies = new JsonBodies();

  ImagePages(LabelSearcher searcher, AuditStore audit, Auth auth, View view, Path thumbnails) {
    this.searcher = searcher;
    this.audit = audit;
    this.auth = auth;
    this.view = view;
    this.files = new ImageFiles(thumbnails);
  }

  /** {@code POST /image-review}: the image page's form; back to the image. */
  void decideForm(Context ctx) {
    Users.User user = auth.require(ctx, Role.AUDITOR, "record image decisions");
    String dataset = RouteParams.formField(ctx, "dataset");
    String n = RouteParams.formField(ctx, "image");
    String given = RouteParams.formField(ctx, "status");
    if (dataset == null || n == null || given == null) {
      throw SearchException.badRequest("an image decision needs a dataset, an image and a status");
    }
    ImageStatus status;
    try {
      status = ImageStatus.parse(given);
    } catch (org.synscope.config.BadInput e) {
      throw SearchException.badRequest(e.getMessage());
    }
    ImageHit hit = hit(dataset, n);
    audit.images().record(user.name(), dataset, hit.n(), hit.category(), hit.path(), status, RouteParams.formField(ctx, "rationale"));
    ctx.redirect("/i/" + SearchUrls.pathSegment(dataset) + "/" + hit.n(), io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** {@code POST /image-reviews.json}: an auditor's decision about one image; 201 with the stored decision. */
  void decide(Context ctx) {
    Users.User user = auth.require(ctx, Role.AUDITOR, "record image decisions");
    JsonNode body = bodies.object(ctx, "{\"dataset\", \"image\", \"status\", \"rationale\"}",
        java.util.List.of("dataset", "image", "status", "rationale"));
    String dataset = JsonBodies.text(body, "dataset", true);
    JsonNode image = body.get("image");
    if (image == null || !image.canConvertToLong() || !image.isIntegralNumber() || image.asLong() < 0) {
      throw SearchException.badRequest("'image' must be the image's number (0 or more)");
    }
    ImageStatus status;
    try {
      status = ImageStatus.parse(JsonBodies.text(body, "status", true));
    } catch (org.synscope.config.BadInput e) {
      throw SearchException.badRequest(e.getMessage());
    }
    ImageHit hit = searcher.image(dataset, image.asLong()); // 404 for an image that does not exist
    ImageDecision d = audit.images().record(user.name(), dataset, hit.n(), hit.category(), hit.path(), status,
        JsonBodies.text(body, "rationale", false));
    ctx.status(201).json(d);
  }

  private ImagesPage imagesPage(Context ctx) {
    ImageRequest request = ImageParams.parse(ctx.queryParamMap());
    var result = searcher.images(request);
    ImagesPage page = ImagesPage.of(request, result, audit.images().marked(request.dataset()),
        SearchParams.reveal(ctx.queryParamMap()));
    ImageSetMeta set = searcher.meta().images().get(request.dataset());
    return set == null ? page : page.withMissing(files.missing(set, result.images()));
  }

  void images(Context ctx) {
    ImagesPage page = imagesPage(ctx);
    view.render(ctx, "images", "Images of " + page.dataset(), page.links().json(), page);
  }

  void imagesJson(Context ctx) {
    ctx.json(imagesPage(ctx));
  }

  /** An image number as lists write it: no sign, no leading zero. */
  private static final java.util.regex.Pattern CANONICAL_NUMBER = java.util.regex.Pattern.compile("0|[1-9][0-9]*");

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
    // Decisions recorded at this number about another image (before a re-import renumbered them) are not its own.
    ImagePage page = ImagePage.of(hit, searcher.meta().images().get(dataset), audit.images().history(dataset, hit.n())
        .stream().filter(d -> d.about(hit.category(), hit.path())).toList(), reveal);
    if (json) {
      ctx.json(page);
    } else {
      view.render(ctx, "image", "Image " + hit.n() + " of " + dataset, page.links().json(), page);
    }
  }

  private ImageHit hit(String dataset, String number) {
    // One address an image: its number as written in lists (no sign, no leading zero), so links compare equal.
    if (!CANONICAL_NUMBER.matcher(number).matches()) {
      throw SearchException.badRequest("an image is named by its number, in digits without a sign or leading zeros"
          + " (/i/" + dataset + "/0), not '" + number + "'");
    }
    long n;
    try {
      n = Long.parseLong(number);
    } catch (NumberFormatException e) {
      throw SearchException.badRequest("no image number is as large as '" + number + "'");
    }
    return searcher.image(dataset, n);
  }
}
