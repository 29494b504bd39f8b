package org.synscope.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.synscope.config.BadInput;

/** What an auditor decides about one image; {@code ok} clears an earlier mark. */
public enum ImageStatus {
  OFFENSIVE("offensive"),
  WRONG_LABEL("wrong-label"),
  DUPLICATE("duplicate"),
  PERSONAL_DATA("personal-data"),
  OK("ok");

  private final String key;

  ImageStatus(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  /** True for every status but {@code ok}: the image is to be removed. */
  public boolean removes() {
    return this != OK;
  }

  public static ImageStatus parse(String key) {
    for (ImageStatus s : values()) {
      if (s.key.equals(key == null ? "" : key.strip().toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw new BadInput("unknown image status '" + key + "' (use "
        + Arrays.stream(values()).map(ImageStatus::key).collect(Collectors.joining(", ")) + ")");
  }
}
