package dev.statefulai.gate.model;

/**
 * One problem the gate found.
 *
 * @param migration    how to roll the change out safely (immutable changes), or null
 * @param waiverReason the reason of the waiver annotation that accepted this finding, or null
 * @param subject      the manifest whose annotations may waive this finding (not printed), or null
 */
public record Finding(Rule rule, Severity severity, String environment, ObjectRef object, String message,
                      String migration, String waiverReason, Manifest subject) {

    public static Finding of(Rule rule, Manifest subject, ObjectRef object, String message) {
        return new Finding(rule, rule.severity(), subject.environment(), object, message, null, null, subject);
    }

    /** A finding about claim {@code c}, reported on the object that makes it. */
    public static Finding of(Rule rule, Claim c, String message) {
        return of(rule, c.owner(), c.ref(), message);
    }

    public static Finding of(Rule rule, Manifest subject, String message) {
        return of(rule, subject, subject.ref(), message);
    }

    public Finding withMigration(String text) {
        return new Finding(rule, severity, environment, object, message, text, waiverReason, subject);
    }

    public Finding withSeverity(Severity s) {
        return new Finding(rule, s, environment, object, message, migration, waiverReason, subject);
    }

    public Finding waived(String reason) {
        return new Finding(rule, severity, environment, object, message, migration, reason, subject);
    }

    public boolean isWaived() {
        return waiverReason != null;
    }

    /** An error that counts against the gate: not waived. */
    public boolean isBlocking() {
        return severity == Severity.ERROR && !isWaived();
    }
}
