package org.synscope.web;

import java.util.List;
import org.synscope.audit.ImageDecision;
import org.synscope.index.ImageSetMeta;
import org.synscope.search.ImageHit;

/**
 * One image's page and its JSON twin: the picture (blurred until revealed when its category is flagged
 * or reviewed offensive), every metadata field, its category, and its neighbours in the source order.
 *
 * @param large the picture's URL at page size
 */
public record ImagePage(ImagesPage.ImageView image, String large, String format, long of, List<ImageDecision> decisions,
    Links links, boolean reveal) {

  /** The neighbours, the category's images, JSON and with blurring toggled. */
  public record Links(String previous, String next, String categoryImages, String sites, String json, String reveal) {}

  static ImagePage of(ImageHit hit, ImageSetMeta set, List<ImageDecision> decisions, boolean reveal) {
    ImageDecision last = decisions.isEmpty() ? null : decisions.get(decisions.size() - 1);
    ImagesPage.ImageView v = ImagesPage.view(hit, last != null && last.decision().removes() ? last : null, reveal);
    String base = "/i/" + SearchUrls.pathSegment(hit.dataset()) + "/";
    String r = reveal ? "?reveal=1" : "";
    String images = "/images?dataset=" + SearchUrls.encode(hit.dataset()) + "&category=" + SearchUrls.encode(hit.category())
        + (reveal ? "&reveal=1" : "");
    return new ImagePage(v, base + hit.n() + ".png?large=1" + (reveal ? "&reveal=1" : ""), set.format(), set.images(),
        decisions, new Links(hit.n() > 0 ? base + (hit.n() - 1) + r : null, hit.n() + 1 < set.images() ? base + (hit.n() + 1) + r : null,
            images, images + "#facet-domain", base + hit.n() + ".json" + r, base + hit.n() + (reveal ? "" : "?reveal=1")),
        reveal);
  }
}
