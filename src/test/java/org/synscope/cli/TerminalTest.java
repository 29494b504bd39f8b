package org.synscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TerminalTest {
  @Test
  void controlAndBidiCharactersAreShownNotObeyed() {
    assertEquals("evil\\u202egpj.exe", Terminal.safe("evil\u202egpj.exe"));
    assertEquals("\\u001b[2Jcleared", Terminal.safe("\u001b[2Jcleared"));
    assertEquals("adamari_l\\u001apez", Terminal.safe("adamari_l\u001apez"));
    assertEquals("plain label", Terminal.safe("plain label"));
  }
}
