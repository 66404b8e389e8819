package dev.statefulai.app.values;

import java.util.Map;

/**
 * A claim's {@code selector} in values files: only PersistentVolumes with these labels bind it, as the
 * {@code persistence.selector} of Helm charts (a Kubernetes {@code LabelSelector} with its
 * {@code matchLabels}).
 *
 * @param matchLabels labels a PersistentVolume must carry
 */
public record LabelSelectorValues(Map<String, String> matchLabels) {
}
