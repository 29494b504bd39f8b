package org.synscope.audit;

import java.util.Locale;
import org.synscope.config.BadInput;

/** What an account may do: viewers read, auditors also review, admins also import lists. */
public enum Role {
  VIEWER, AUDITOR, ADMIN;

  @com.fasterxml.jackson.annotation.JsonValue
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when this role includes {@code other}'s rights. */
  public boolean atLeast(Role other) {
    return compareTo(other) >= 0;
  }

  @com.fasterxml.jackson.annotation.JsonCreator
  public static Role parse(String key) {
    for (Role r : values()) {
      if (r.key().equals(key == null ? "" : key.strip().toLowerCase(Locale.ROOT))) {
        return r;
      }
    }
    throw new BadInput("unknown role '" + key + "' (use viewer, auditor or admin)");
  }
}
