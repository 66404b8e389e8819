package dev.statefulai.gate;

import dev.statefulai.facts.kubernetes.ClusterTarget;
import dev.statefulai.gate.history.ComparedRef;
import dev.statefulai.gate.model.Finding;
import dev.statefulai.gate.model.ManifestFolder;
import dev.statefulai.gate.model.Rule;
import dev.statefulai.gate.model.Severity;
import java.util.List;
import java.util.Map;

/**
 * What a gate run found, in report order (blocking errors first), and how long it took.
 *
 * @param compared the commit the immutable-change guard compared dist/ with, or null (the notes say why)
 * @param folder   the folder checked: where a finding's file is
 * @param targets  the cluster each environment was checked against
 */
public record Report(List<String> environments, ComparedRef compared, List<String> notes, List<Finding> findings, double seconds,
                     ManifestFolder folder, Map<String, ClusterTarget> targets) {

    /** Where the file of {@code finding} is, or null when it has none. */
    public java.nio.file.Path fileOf(Finding finding) {
        if (finding.subject() == null || folder == null) {
            return null;
        }
        String key = finding.subject().file();
        return folder.dir().resolve(folder.isDist() ? key : key.substring(key.indexOf('/') + 1));
    }

    public long errors() {
        return findings.stream().filter(Finding::isBlocking).count();
    }

    public long warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING && !f.isWaived()).count();
    }

    public long waived() {
        return findings.stream().filter(Finding::isWaived).count();
    }

    /** 0 when nothing blocks, 1 otherwise: the exit code of {@code check}. */
    public int exitCode() {
        return errors() > 0 ? 1 : 0;
    }

    public List<Finding> byRule(Rule rule) {
        return findings.stream().filter(f -> f.rule() == rule).toList();
    }
}
