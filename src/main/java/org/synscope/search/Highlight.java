package org.synscope.search;

import java.util.List;

/**
 * A highlighted field as plain-text pieces, every other one a match, so templates print it with
 * escaping and wrap the matches themselves: {@code ["a ", "dog", " that barks"]}.
 */
public record Highlight(List<String> pieces) {
  public Highlight {
    pieces = List.copyOf(pieces);
  }
}
