package dev.statefulai.gate.schema;

import java.nio.file.Path;

/**
 * One result of validating a manifest against the Kubernetes definitions.
 *
 * @param file          the YAML file, or {@code null} when a parsed object was validated directly
 * @param documentIndex 0-based index of the YAML document in the file (-1 when not from a file)
 * @param apiVersion    apiVersion of the object ("" when absent)
 * @param kind          kind of the object ("" when absent)
 * @param name          metadata.name of the object ("" when absent)
 * @param path          JSON path of the offending field, e.g. {@code $.spec.volumeClaimTemplate}
 * @param message       what is wrong
 * @param status        {@link Status#ERROR}, or {@link Status#SKIPPED} when no schema covers the kind
 */
public record SchemaFinding(
    Path file, int documentIndex, String apiVersion, String kind, String name, String path, String message,
    Status status) {

  /** Whether a finding is a violation or an object that could not be validated. */
  public enum Status { ERROR, SKIPPED }

  public boolean isError() {
    return status == Status.ERROR;
  }

  public boolean isSkipped() {
    return status == Status.SKIPPED;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(status).append(' ');
    if (file != null) {
      sb.append(file).append(" [doc ").append(documentIndex).append("] ");
    }
    sb.append(kind.isEmpty() ? "<no kind>" : kind);
    if (!name.isEmpty()) {
      sb.append('/').append(name);
    }
    if (!apiVersion.isEmpty()) {
      sb.append(" (").append(apiVersion).append(')');
    }
    sb.append(' ').append(path).append(": ").append(message);
    return sb.toString();
  }
}
