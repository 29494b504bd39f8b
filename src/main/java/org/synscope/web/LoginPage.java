package org.synscope.web;

/** The login form: the nonce it must send back, where to go after, and why the last attempt failed. */
public record LoginPage(String nonce, String next, String error, String name) {}
