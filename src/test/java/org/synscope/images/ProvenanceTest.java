package org.synscope.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ProvenanceTest {
  @Test
  void domainIsTheLowerCaseHostWithoutWww() {
    assertEquals("example.com", Provenance.domain("http://www.Example.COM:8080/a/b.jpg"));
    assertEquals("farm1.static.flickr.com", Provenance.domain("https://farm1.static.flickr.com/1/2.jpg"));
    assertEquals("example.org", Provenance.domain("http://user:pw@example.org./x?y=http://z.com/"));
    assertEquals("host.net", Provenance.domain("HTTP://host.net?q=1"));
    assertEquals("host.net", Provenance.domain("ftp://host.net#frag"));
    assertEquals("[::1]", Provenance.domain("http://[::1]:80/x"));
    assertEquals("www2.example.com", Provenance.domain("http://www2.example.com/"));
    assertNull(Provenance.domain("example.com/a.jpg"));
    assertNull(Provenance.domain("dog/1.jpg"));
    assertNull(Provenance.domain("http:///x"));
    assertNull(Provenance.domain("1http://x.com/"));
    assertNull(Provenance.domain(null));
  }

  @Test
  void yearFromTheAcceptedDateForms() {
    assertEquals(2006, Provenance.year("15 May 2006 12:39:30 +0000"));
    assertEquals(2006, Provenance.year("Mon, 06 Nov 2006 01:02:03 GMT"));
    assertEquals(2006, Provenance.year("6 november 2006"));
    assertEquals(2007, Provenance.year("2007-01-31"));
    assertEquals(2007, Provenance.year("2007-01-31T10:00:00Z"));
    assertEquals(2007, Provenance.year("2007/01/31 10:00"));
    assertEquals(1999, Provenance.year(" 1999 "));
    assertNull(Provenance.year("sometime"));
    assertNull(Provenance.year("15 Mayo 2006"));
    assertNull(Provenance.year("32 May 2006"));
    assertNull(Provenance.year("2007-13-01"));
    assertNull(Provenance.year("1066"));
    assertNull(Provenance.year("05/15/2006"));
    assertNull(Provenance.year(""));
    assertNull(Provenance.year(null));
  }
}
