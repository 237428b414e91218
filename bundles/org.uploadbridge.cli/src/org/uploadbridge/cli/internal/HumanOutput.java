package org.uploadbridge.cli.internal;

import java.io.PrintStream;

/** The terminal rendering of check results: one line per file, then its findings with what to do. */
final class HumanOutput {

    private HumanOutput() {
    }

    static void print(PrintStream out, FileCheck check) {
        String what = check.leds() == null ? ""
                : " (" + check.format() + ", " + (check.geometry() == null ? check.leds() + " LEDs" : check.geometry() + " matrix")
                        + " x " + check.frames() + " frames, " + check.nativeSize() + " bytes as .bin)";
        out.println((check.valid() ? "VALID    " : "INVALID  ") + check.file() + what);
        for (FileCheck.Issue issue : check.findings()) {
            String where = issue.frame() == null ? "" : " [frame " + (issue.frame() + 1) + (issue.led() == null ? "" : ", LED " + issue.led()) + "]";
            out.println("  " + issue.severity() + " " + issue.code() + " " + issue.title() + where + ": " + issue.message());
            if ("ERROR".equals(issue.severity())) {
                int n = 1;
                for (String step : issue.steps()) {
                    out.println("      " + n++ + ". " + step);
                }
                out.println("      See " + issue.doc());
            }
        }
        if (!check.sizeGuesses().isEmpty()) {
            out.println("  Layouts that fit this file (confirm one with --size WxH or --leds N):");
            check.sizeGuesses().stream().limit(5).forEach(g -> out.println("      " + g.rank() + ". "
                    + (g.height() == 1 ? "--leds " + g.width() : "--size " + g.width() + "x" + g.height())
                    + "  (" + g.frames() + " frames: " + g.reason() + ")"));
        }
    }
}
