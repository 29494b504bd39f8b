package org.synscope.search;

import java.util.LinkedHashSet;
import java.util.Set;

/** The values of one facet a request keeps ({@code include}, OR-ed) and drops ({@code exclude}). */
public record Selection(Set<String> include, Set<String> exclude) {
  public static final Selection NONE = new Selection(Set.of(), Set.of());

  public Selection {
    include = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(include));
    exclude = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(exclude));
  }

  /** True when the facet filters nothing. */
  public boolean isEmpty() {
    return include.isEmpty() && exclude.isEmpty();
  }
}
