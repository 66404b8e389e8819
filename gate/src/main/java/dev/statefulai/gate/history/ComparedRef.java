package dev.statefulai.gate.history;

/**
 * The commit the immutable-change guard compared dist/ with.
 *
 * @param label  how people name it (HEAD^, origin/main, a short commit id, or the --ref given)
 * @param commit the full commit id
 * @param reason why this commit (given with --ref, parent of HEAD on the default branch, merge base ...)
 */
public record ComparedRef(String label, String commit, String reason) {

    /** For reports: "HEAD^ (1a2b3c4d, parent of HEAD on the default branch main)". */
    public String describe() {
        String shortId = commit.substring(0, Math.min(8, commit.length()));
        return label.equals(shortId) ? label + " (" + reason + ")" : label + " (" + shortId + ", " + reason + ")";
    }
}
