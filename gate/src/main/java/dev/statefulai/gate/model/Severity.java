package dev.statefulai.gate.model;

/** How bad a finding is: errors fail the gate (exit 1), warnings are printed only. */
public enum Severity {
    ERROR, WARNING;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
