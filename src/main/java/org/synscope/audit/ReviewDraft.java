package org.synscope.audit;

import org.synscope.config.BadInput;

/** A decision about to be recorded; the journal adds sequence, id, time and the previous status. */
public record ReviewDraft(String user, CategoryRef category, String label, String synset, ReviewStatus status,
    String rationale, Scope scope) {

  public ReviewDraft {
    if (rationale != null && rationale.length() > 4_000) {
      throw new BadInput("rationale is longer than 4,000 characters");
    }
    org.synscope.dataset.InvisibleCharacters.visibleRationale(rationale);
  }
}
