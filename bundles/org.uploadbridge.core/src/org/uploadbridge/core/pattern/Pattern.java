package org.uploadbridge.core.pattern;

/** Placeholder replaced by the pattern model. */
public final class Pattern {
}
