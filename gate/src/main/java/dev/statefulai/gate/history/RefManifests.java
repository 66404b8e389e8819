package dev.statefulai.gate.history;

import dev.statefulai.gate.model.DistManifests;
import dev.statefulai.gate.model.Finding;
import dev.statefulai.gate.model.Manifest;
import dev.statefulai.gate.model.ManifestFolder;
import dev.statefulai.gate.model.ObjectRef;
import dev.statefulai.gate.model.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The manifests of a folder at the commit the guard compares with, and the files there it could not read or parse.
 * A file left out would count its objects as never there: every change to them, a removal or an immutable change,
 * would pass unseen. So each such file is named ({@link #findings}), not dropped.
 *
 * @param manifests  the objects of the files that were read
 * @param unreadable the files whose objects are unknown, by key ({@code <env>/<path>}), with why
 * @param note       a note for the report (dist/ had no files at the commit), or null
 */
public record RefManifests(ManifestFolder folder, ComparedRef compared, DistManifests manifests,
                           SortedMap<String, String> unreadable, String note) {

    /** The folder's files of {@code environments} at {@code compared}, read with git and parsed. */
    public static RefManifests read(ManifestFolder folder, ComparedRef compared, List<String> environments) {
        GitDist.Snapshot snapshot = GitDist.read(folder, compared, environments);
        DistManifests parsed = DistManifests.parse(snapshot.files(), folder.isDist());
        SortedMap<String, String> unreadable = new TreeMap<>(snapshot.unreadable());
        unreadable.putAll(parsed.unparsed());
        return new RefManifests(folder, compared, parsed, unreadable, snapshot.note());
    }

    /** The keys of the unreadable files of {@code env}. */
    public List<String> unreadableIn(String env) {
        return unreadable.keySet().stream().filter(key -> key.startsWith(env + "/")).toList();
    }

    /** How people find the file of {@code key}, and why it could not be read at the ref. */
    public String describe(String key) {
        return folder.shown(key) + " cannot be read: " + unreadable.get(key);
    }

    /**
     * DIST003, an error per file that could not be read at the ref. An error, not a note: the guard exists to stop a
     * change that loses data, and it cannot tell whether this one does; a note would let such a change pass with exit
     * 0. The way out is explicit: a ref where the file parses, or {@code --ref ''} after checking by hand.
     */
    public List<Finding> findings() {
        List<Finding> out = new ArrayList<>();
        unreadable.forEach((key, why) -> {
            String env = key.substring(0, key.indexOf('/'));
            Manifest file = new Manifest(env, key, DistManifests.emptyObject());
            out.add(new Finding(Rule.DIST003, Rule.DIST003.severity(), env, ObjectRef.cluster("File", folder.shown(key)),
                    "at " + compared.describe() + ", " + describe(key) + "; the immutable-change guard did not compare the objects"
                            + " it held there, so a removal or an immutable change among them would go unseen: compare with a ref"
                            + " where it parses (--ref), or check them by hand and skip the comparison (--ref '')",
                    null, null, file));
        });
        return out;
    }
}
