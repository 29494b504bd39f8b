package org.synscope.web;

/** A labelled URL; {@code current} marks the one the view is on, {@code url == null} a gap. */
public record Link(String label, String url, boolean current) {}
